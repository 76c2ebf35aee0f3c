package cn.tongban.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.tongban.TongbanApplication;

/**
 * Keeps partitions ready for the months ahead (at start-up and daily) and, if
 * {@code tongban.audit.archive-expired} is set, archives the months older than the retention period.
 */
@Component
class AuditMaintenance implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AuditMaintenance.class);
    /** This month and the next two always have their partition. */
    static final int MONTHS_AHEAD = 2;

    private final JdbcClient jdbc;
    private final AuditRetention retention;
    private final boolean archiveExpired;

    AuditMaintenance(JdbcClient jdbc, AuditRetention retention,
            @Value("${tongban.audit.archive-expired:false}") boolean archiveExpired) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.archiveExpired = archiveExpired;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ensurePartitions();
    }

    @Scheduled(cron = "0 17 2 * * *", zone = TongbanApplication.ZONE)
    void daily() {
        ensurePartitions();
        if (archiveExpired) {
            retention.archiveExpired();
        }
    }

    void ensurePartitions() {
        jdbc.sql("SELECT 1 FROM audit_ensure_partitions(?)").param(MONTHS_AHEAD).query(Integer.class).single();
        log.debug("Audit partitions ensured {} months ahead", MONTHS_AHEAD);
    }
}
