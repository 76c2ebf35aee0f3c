package cn.tongban.identity;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: the demo citizen's family as 民政 and 公安 would share it — married since {@link #MARRIED_ON}, a son
 * born in 2015 recorded under both parents — fed through the family registry like any department's records (and
 * audited as such), all or nothing, and only while the registry knows nothing of the demo citizen. Runs when the
 * application is ready.
 */
@Component
@Profile("demo")
class DemoFamily {

    static final LocalDate MARRIED_ON = LocalDate.of(2012, 10, 1);
    private static final Logger log = LoggerFactory.getLogger(DemoFamily.class);
    private static final String CIVIL_AFFAIRS = "常州市民政局婚姻登记信息（演示）";
    private static final String POLICE = "常州市公安局户籍信息（演示）";

    private final FamilyRegistry family;
    private final RealNameRegistry realNames;
    private final TransactionTemplate transaction;

    DemoFamily(FamilyRegistry family, RealNameRegistry realNames, TransactionTemplate transaction) {
        this.family = family;
        this.realNames = realNames;
        this.transaction = transaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE) // before the start-up banner
    void ready() {
        if (family.hasRecordsOf(DemoCitizen.ID_NUMBER)) {
            return;
        }
        PlatformActor.run("demo-loader", () -> transaction.executeWithoutResult(status -> load()));
    }

    void load() {
        family.recordMarriage(DemoCitizen.ID_NUMBER, DemoCitizen.SPOUSE_ID_NUMBER, MARRIED_ON, null, CIVIL_AFFAIRS);
        family.recordChild(DemoCitizen.ID_NUMBER, DemoCitizen.CHILD_ID_NUMBER, POLICE);
        family.recordChild(DemoCitizen.SPOUSE_ID_NUMBER, DemoCitizen.CHILD_ID_NUMBER, POLICE);
        realNames.record(DemoCitizen.SPOUSE_ID_NUMBER, DemoCitizen.SPOUSE_NAME, POLICE);
        realNames.record(DemoCitizen.CHILD_ID_NUMBER, DemoCitizen.CHILD_NAME, POLICE);
        log.info("Demo family recorded: the demo citizen's wife and minor son");
    }
}
