package cn.tongban.sharing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import cn.tongban.TongbanApplication;
import cn.tongban.identity.PlatformActor;

/**
 * The daily check for overdue deliveries (常经办发〔2023〕19号 三（三）“定期通报…落实情况”): every period of a scheduled item
 * that was due before today, on or after the item's {@code trackedFrom}, and has not arrived is noticed once
 * ({@code delivery_overdue_notice}) and published as {@link DeliveryOverdue}. Running it again, or on two nodes,
 * reminds nobody twice.
 */
@Component
class DeliveryReminders {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReminders.class);

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    DeliveryReminders(JdbcClient jdbc, Catalog catalog, ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.events = events;
        this.transactions = transactions;
    }

    @Scheduled(cron = "${tongban.sharing.overdue-check-cron:0 30 1 * * *}", zone = TongbanApplication.ZONE)
    void daily() {
        PlatformActor.run("delivery-reminders", () -> check(Catalog.today()));
    }

    /**
     * Notices every delivery overdue on the day, in one transaction whose commit hands the events to their listeners;
     * returns how many were newly noticed (and published).
     */
    int check(LocalDate today) {
        Integer noticed = transactions.execute(status -> notice(today));
        return noticed == null ? 0 : noticed;
    }

    private int notice(LocalDate today) {
        Set<String> done = new HashSet<>();
        jdbc.sql("SELECT item_no, period FROM delivery UNION ALL SELECT item_no, period FROM delivery_overdue_notice")
                .query(rs -> {
                    done.add(rs.getInt("item_no") + "/" + rs.getString("period"));
                });
        int noticed = 0;
        for (CatalogItem item : catalog.items()) {
            Schedule schedule = item.schedule();
            for (SchedulePeriod period : schedule.periodsDueBetween(item.trackedFrom(), today.minusDays(1))) {
                if (done.contains(item.no() + "/" + period)) {
                    continue;
                }
                LocalDate due = schedule.dueDate(period);
                int inserted = jdbc.sql("""
                        INSERT INTO delivery_overdue_notice (item_no, period, due_on, noticed_on) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""").params(item.no(), period.toString(), due, today).update();
                if (inserted == 1) {
                    events.publishEvent(new DeliveryOverdue(item.no(), item.name(), item.providerNo(), item.provider(),
                            item.departmentCode(), period.toString(), due, ChronoUnit.DAYS.between(due, today)));
                    noticed++;
                }
            }
        }
        return noticed;
    }

    /**
     * The platform's own notifier: after the check commits, the reminder is marked sent and logged for the
     * provider's department; other modules (a mail or SMS notifier) listen to the same event.
     */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void remind(DeliveryOverdue overdue) {
        jdbc.sql("UPDATE delivery_overdue_notice SET reminded_at = now() WHERE item_no = ? AND period = ? AND reminded_at IS NULL")
                .params(overdue.itemNo(), overdue.period()).update();
        log.warn("Delivery overdue: item {} ({}) of {} for {}, due {}, {} days late", overdue.itemNo(), overdue.itemName(),
                overdue.provider(), overdue.period(), overdue.dueOn(), overdue.daysOverdue());
    }
}
