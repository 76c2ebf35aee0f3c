package cn.tongban.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.tongban.identity.SignInAttempted;

/** Records every password sign-in, successful or not, in the audit log. */
@Component
class SignInAuditor {

    private final AuditLog audit;

    SignInAuditor(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(SignInAttempted attempt) {
        // a sign-in is not an access to the citizen's records: the index names the account, not the subject
        String account = attempt.subjectIndex() == null ? attempt.username() : "citizen:" + attempt.subjectIndex();
        audit.record(new AuditRecord("sign-in", "session", account, null,
                attempt.succeeded() ? AuditOutcome.SUCCESS : AuditOutcome.DENIED, null, null, false));
    }
}
