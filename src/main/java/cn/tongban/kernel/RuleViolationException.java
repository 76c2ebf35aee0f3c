package cn.tongban.kernel;

import java.util.List;

/**
 * A request broke one or more rules; answered as 400 problem+json with every violation listed. Nothing of the
 * request has been written when this is thrown.
 */
public class RuleViolationException extends RuntimeException {

    private final transient List<Violation> violations;

    public RuleViolationException(List<Violation> violations) {
        super(violations.toString(), null, false, false);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a rule violation needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public RuleViolationException(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }
}
