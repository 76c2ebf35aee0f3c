package cn.tongban.kernel;

import java.util.List;

/**
 * A well-formed request that the rules of the domain refuse — a buyer on the dishonest-debtor list, a seized unit.
 * Answered as 422 problem+json with one error per rule that failed, and the full report of what was checked.
 */
public class RefusedException extends RuntimeException {

    private final transient List<Violation> violations;
    private final transient Object report;

    public RefusedException(List<Violation> violations, Object report) {
        super(violations.toString(), null, false, false);
        this.violations = List.copyOf(violations);
        this.report = report;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** What was checked, every rule with its result, to be shown with the refusal. */
    public Object report() {
        return report;
    }
}
