package cn.tongban.kernel;

/**
 * The caller is known and holds the permission, but a rule of the data it asks for forbids this request — for example
 * no sharing grant, an expired grant or a purpose outside the grant (建房〔2020〕61号 八: 非因工作需要不得访问). Answered
 * as 403 problem+json whose {@code code} names the rule; nothing has been read or written.
 */
public class ForbiddenException extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    public ForbiddenException(String code, Object... args) {
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
