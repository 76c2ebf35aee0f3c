package cn.tongban.kernel;

/**
 * Which page of a listing is asked for: zero-based {@code page}, {@code size} from 1 to {@value #MAX_SIZE}.
 * Bound from the {@code page} and {@code size} query parameters.
 */
public record PageRequest(Integer page, Integer size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page == null) {
            page = 0;
        }
        if (size == null) {
            size = DEFAULT_SIZE;
        }
        if (page < 0) {
            throw new RuleViolationException(new Violation("page", "page.negative"));
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new RuleViolationException(new Violation("size", "page.size", MAX_SIZE));
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
