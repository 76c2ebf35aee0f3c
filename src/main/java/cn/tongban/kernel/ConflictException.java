package cn.tongban.kernel;

/**
 * The request is well-formed but conflicts with the current state: a stale version (optimistic locking), a
 * duplicate key, a state change that the current state does not allow. Answered as 409 problem+json; nothing
 * has been written.
 */
public class ConflictException extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    public ConflictException(String code, Object... args) {
        super(code, null, false, false);
        this.code = code;
        this.args = args.clone();
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
