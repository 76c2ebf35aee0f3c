package cn.tongban.kernel;

/**
 * The request is well-formed but conflicts with the current state: a stale version (optimistic locking), a
 * duplicate key, a state change that the current state does not allow. Answered as 409 problem+json; nothing
 * has been written. A conflict caused by one request field names it ({@link #onField}), like a {@link Violation}.
 */
public class ConflictException extends RuntimeException {

    private final String field;
    private final String code;
    private final transient Object[] args;

    public ConflictException(String code, Object... args) {
        this(null, code, args);
    }

    private ConflictException(String field, String code, Object[] args) {
        super(code, null, false, false);
        this.field = field;
        this.code = code;
        this.args = args.clone();
    }

    /** A conflict caused by the value of one request field, e.g. a person who is married already. */
    public static ConflictException onField(String field, String code, Object... args) {
        return new ConflictException(field, code, args);
    }

    /** The request field the conflict is about, or {@code null} for the request as a whole. */
    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
