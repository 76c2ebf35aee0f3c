package cn.tongban.sharing;

import java.util.List;
import java.util.Map;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.tongban.registration.RegistrationProgressed;
import cn.tongban.registration.RightsRegistered;

/**
 * The registration module's events on the feed: each step of an application (办理进度, 互联网+不动产登记建设指南
 * 二（一）5 — what the submitting bank, developer or brokerage follows) and each registration's result (登记结果, 三（一）3:
 * 登记结果信息实时推送住建、税务部门). Codes and dates only, as for the contracts' events; recorded after the
 * registration's transaction committed, on the outbox's recorder thread.
 */
@Component
class EventFeedRegistrations extends EventFeedSource {

    static final EventFeedType PROGRESSED = new EventFeedType("registration.progressed", "不动产登记办理进度", "Registration progressed",
            "registration");
    static final EventFeedType REGISTERED = new EventFeedType("registration.registered", "不动产登记结果（登簿）", "Rights registered",
            "registration");

    private final Outbox outbox;

    EventFeedRegistrations(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    List<EventFeedType> types() {
        return List.of(PROGRESSED, REGISTERED);
    }

    @Async(Outbox.Recorder.EXECUTOR)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(RegistrationProgressed progressed) {
        outbox.record(new Outbox.Entry(PROGRESSED, Outbox.eventId(PROGRESSED, progressed.progressId()), progressed.at(),
                progressed.districtCode(), data("applicationNo", progressed.applicationNo(), "businessType", progressed.businessType(),
                        "unitCode", progressed.unitCode(), "step", progressed.step(), "status", progressed.outcome())));
    }

    @Async(Outbox.Recorder.EXECUTOR)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(RightsRegistered registered) {
        Map<String, Object> data = data("applicationNo", registered.applicationNo(), "businessType", registered.businessType(),
                "unitCode", registered.unitCode(), "entryKind", registered.entryKind(), "entrySeq", registered.entrySeq());
        if (registered.filingCode() != null) {
            data.put("filingCode", registered.filingCode());
        }
        if (registered.certificateNo() != null) {
            data.put("certificateNo", registered.certificateNo());
        }
        outbox.record(new Outbox.Entry(REGISTERED, Outbox.eventId(REGISTERED, registered.applicationNo()), registered.registeredAt(),
                registered.districtCode(), data));
    }
}
