package cn.tongban.sharing;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.tongban.filing.ContractAmended;
import cn.tongban.filing.ContractCancelled;
import cn.tongban.filing.ContractFiled;
import cn.tongban.kernel.RealEstateUnitCode;

/**
 * The filing module's events on the feed: contract filed, amended, cancelled (网签备案、变更、注销). 建房〔2020〕61号
 * 四 asks that sale contracts reach tax "实时共享", 二 and 三 that banks and the provident fund rely on filed
 * contracts, 六 that courts share filings in real time; each department learns here that something happened and
 * fetches what it is granted through the real-time interfaces. So the data are codes and dates only: no party, no
 * price, no free text.
 *
 * <p>Each listener runs after the filing has committed, on the {@link Outbox.Recorder} thread in its own
 * transaction (what {@code @ApplicationModuleListener} does, on a named thread: the default one renders contracts);
 * Spring Modulith keeps the domain event in {@code event_publication} until it returns and republishes it on
 * restart, and the event id derived from the filing code makes a second recording a no-op.
 */
@Component
class EventFeedContracts extends EventFeedSource {

    static final EventFeedType FILED = new EventFeedType("contract.filed", "网签备案", "Contract filed", "filing");
    static final EventFeedType AMENDED = new EventFeedType("contract.amended", "变更网签备案", "Contract amended", "filing");
    static final EventFeedType CANCELLED = new EventFeedType("contract.cancelled", "注销网签备案", "Contract cancelled", "filing");

    private final Outbox outbox;

    EventFeedContracts(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    List<EventFeedType> types() {
        return List.of(FILED, AMENDED, CANCELLED);
    }

    @Async(Outbox.Recorder.EXECUTOR)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(ContractFiled filed) {
        outbox.record(new Outbox.Entry(FILED, Outbox.eventId(FILED, filed.filingCode()), filed.filedAt(), filed.districtCode(),
                data("filingCode", filed.filingCode(), "contractType", filed.type().name(), "unitCode", filed.unitCode(),
                        "districtCode", filed.districtCode(), "signedOn", filed.signedOn().toString())));
    }

    /** The domain event carries no time: the event's is when it is recorded, moments after the change. */
    @Async(Outbox.Recorder.EXECUTOR)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(ContractAmended amended) {
        outbox.record(new Outbox.Entry(AMENDED, Outbox.eventId(AMENDED, amended.filingCode(), amended.version()),
                OffsetDateTime.now(Outbox.ZONE), null, data("filingCode", amended.filingCode(), "version", amended.version())));
    }

    @Async(Outbox.Recorder.EXECUTOR)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(ContractCancelled cancelled) {
        outbox.record(new Outbox.Entry(CANCELLED, Outbox.eventId(CANCELLED, cancelled.filingCode()), OffsetDateTime.now(Outbox.ZONE),
                RealEstateUnitCode.of(cancelled.unitCode()).countyCode(), data("filingCode", cancelled.filingCode(), "contractType", cancelled.type().name(), "unitCode",
                        cancelled.unitCode())));
    }
}
