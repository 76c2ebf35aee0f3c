package cn.tongban.audit;

import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import cn.tongban.identity.ActorKind;
import cn.tongban.identity.Caller;
import cn.tongban.identity.CitizenSubjects;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.kernel.Page;
import cn.tongban.kernel.PageRequest;

/**
 * 查询记录 for the data subject: who accessed the signed-in citizen's records, when and why (个人信息保护法 第四十五条),
 * for the API and the portal alike; the citizen's own look is recorded too.
 */
@Service
class MyAccesses {

    private final AuditEvents events;
    private final AuditLog audit;
    private final CurrentCaller callers;
    private final CitizenSubjects citizens;

    MyAccesses(AuditEvents events, AuditLog audit, CurrentCaller callers, CitizenSubjects citizens) {
        this.events = events;
        this.audit = audit;
        this.callers = callers;
        this.citizens = citizens;
    }

    /** @throws AccessDeniedException if the caller is not a citizen */
    Page<AuditEvents.AccessView> mine(PageRequest request) {
        Caller caller = callers.get();
        if (caller.kind() != ActorKind.CITIZEN) {
            throw new AccessDeniedException("citizens only");
        }
        Optional<String> subject = citizens.subjectIndexOf(caller);
        if (subject.isEmpty()) {
            return new Page<>(List.of(), request.page(), request.size(), 0);
        }
        Page<AuditEvents.AccessView> accesses = events.accessesOf(subject.get(), caller.actorId(), request);
        audit.record(AuditRecord.read("audit_event", null, subject.get()).withPurpose("本人查询", null));
        return accesses;
    }
}
