package cn.tongban.kernel;

import java.util.Arrays;

/**
 * A single value broke a rule, e.g. a 公民身份号码 whose check character is wrong.
 *
 * <p>The value object does not know which request field it came from; whoever binds it (JSON, CSV, a query
 * parameter) names the field. The {@code code} is stable and documented; it is also the message key, looked up
 * as {@code rule.<code>} in the message bundles (zh-CN by default, English on request), with {@code args} as
 * the message arguments.
 */
public class InvalidValueException extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    public InvalidValueException(String code, Object... args) {
        super(code + (args.length == 0 ? "" : " " + Arrays.toString(args)), null, false, false);
        this.code = code;
        this.args = args.clone();
    }

    /** Stable rule code, e.g. {@code id-number.check-character}. */
    public String code() {
        return code;
    }

    /** Arguments of the rule's message. */
    public Object[] args() {
        return args.clone();
    }

    /** This violation, named after the field it came from. */
    public Violation at(String field) {
        return new Violation(field, code, args);
    }
}
