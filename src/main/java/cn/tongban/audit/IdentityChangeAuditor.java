package cn.tongban.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.tongban.identity.IdentityChanged;

/** Records identity's changes in the audit log, in their own transaction (a synchronous listener). */
@Component
class IdentityChangeAuditor {

    private final AuditLog audit;

    IdentityChangeAuditor(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(IdentityChanged change) {
        audit.record(AuditRecord.change(change.action(), change.resourceType(), change.resourceId(), change.subjectIndex()));
    }
}
