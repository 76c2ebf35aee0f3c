package cn.tongban.registration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.tongban.identity.PlatformActor;
import cn.tongban.restriction.SeizureLifted;
import cn.tongban.restriction.SeizureOrdered;
import cn.tongban.tax.TaxPaid;

/**
 * What registration learns from the other departments (互联网+不动产登记建设指南 三（一）3 与交易、税务协同): the tax
 * bureau's 完税 records, on which waiting transfers move on to 登簿 (先税后证), and the courts' seizures and their
 * releases, which become 嘱托登记 applications in the registrars' 登簿 queue. Each runs after the sender's transaction
 * committed, on this module's own thread, in its own transaction; Spring Modulith keeps the event in
 * {@code event_publication} until it returns and republishes it on restart, and a second delivery changes nothing.
 */
@Component
class RegistrationEvents {

    /** One thread: events of one contract or unit are handled in the order they come. */
    @Configuration(proxyBeanMethods = false)
    static class Receiver {

        static final String EXECUTOR = "registrationEventReceiver";

        @Bean(name = EXECUTOR, destroyMethod = "shutdown")
        ExecutorService registrationEventReceiver() {
            return Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "registration-events");
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    static final String ACTOR = "registration";

    private final JdbcClient jdbc;
    private final Registrations registrations;

    private final MachineChecks checks;

    RegistrationEvents(JdbcClient jdbc, Registrations registrations, MachineChecks checks) {
        this.jdbc = jdbc;
        this.checks = checks;
        this.registrations = registrations;
    }

    @Async(Receiver.EXECUTOR)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(TaxPaid paid) {
        checks.lockTaxOf(paid.filingCode());
        jdbc.sql("""
                INSERT INTO registration_tax_paid (filing_code, declaration_id, receipt_no, exemption, amount, issued_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (filing_code) DO NOTHING""")
                .params(paid.filingCode(), paid.declarationId(), paid.receiptNo(), paid.exemption(), paid.amount(), paid.issuedAt())
                .update();
        PlatformActor.run(ACTOR, () -> registrations.taxPaid(paid.filingCode()));
    }

    @Async(Receiver.EXECUTOR)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(SeizureOrdered seizure) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("court", seizure.court());
        content.put("documentNo", seizure.documentNo());
        content.put("seizureKind", seizure.kind().name());
        content.put("validFrom", seizure.validFrom().toString());
        if (seizure.validTo() != null) {
            content.put("validTo", seizure.validTo().toString());
        }
        content.put("seizureId", seizure.seizureId());
        PlatformActor.run(ACTOR, () -> registrations.courtOrder("SEIZURE", seizure.unitCode(), seizure.recordedBy(),
                "seizure:" + seizure.seizureId(), content));
    }

    @Async(Receiver.EXECUTOR)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(SeizureLifted lifted) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("court", lifted.court());
        content.put("documentNo", lifted.documentNo());
        content.put("releaseDocumentNo", lifted.releaseDocumentNo());
        content.put("seizureId", lifted.seizureId());
        PlatformActor.run(ACTOR, () -> registrations.courtOrder("SEIZURE_RELEASE", lifted.unitCode(), lifted.recordedBy(),
                "seizure-release:" + lifted.seizureId(), content));
    }
}
