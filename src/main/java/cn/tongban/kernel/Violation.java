package cn.tongban.kernel;

import java.util.Objects;

/**
 * One broken rule, named by the field it concerns: the {@code errors[]} entry of a problem+json response and
 * one row of an import's error report.
 *
 * @param field the request field (JSON property path or CSV column), or {@code null} for the request as a whole
 * @param code  stable rule code, also the message key {@code rule.<code>}
 * @param args  message arguments
 */
public record Violation(String field, String code, Object... args) {

    public Violation {
        Objects.requireNonNull(code, "code");
        args = args == null ? new Object[0] : args.clone();
    }

    @Override
    public Object[] args() {
        return args.clone();
    }
}
