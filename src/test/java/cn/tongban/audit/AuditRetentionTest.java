package cn.tongban.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.tongban.IntegrationTest;
import cn.tongban.TongbanApplication;
import cn.tongban.kernel.ConflictException;

/** The log is kept one year at least (互联网+不动产登记建设指南 五), then archived to a file with its chain hash. */
@IntegrationTest
class AuditRetentionTest {

    private static final ZoneId CHINA = ZoneId.of(TongbanApplication.ZONE);

    @Autowired
    AuditRetention retention;

    @Autowired
    ChainedAuditLog chain;

    @Autowired
    AuditVerification verification;

    /** The owner's connection: these tests read the log directly and tamper with it as only the owner could. */
    JdbcClient jdbc;

    @Autowired
    void owner(cn.tongban.OwnerDatabase owner) {
        jdbc = owner.jdbc();
    }

    @Autowired
    PlatformTransactionManager transactions;

    @TempDir
    Path archiveDir;

    @Test
    void partitionsExistForThisMonthAndTheNextTwo() {
        YearMonth now = YearMonth.now(CHINA);
        assertThat(retention.partitions()).contains(now, now.plusMonths(1), now.plusMonths(2));
    }

    @Test
    void partitionYoungerThanOneYearCannotBeArchivedOrDropped() {
        YearMonth young = YearMonth.now(CHINA).minusMonths(11);
        jdbc.sql("SELECT audit_create_partition(?)").param(young.atDay(1)).query(String.class).single();

        assertThatThrownBy(() -> retention.archive(young, archiveDir))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("audit.partition-too-young"));
        assertThatThrownBy(() -> jdbc.sql("SELECT 1 FROM audit_archive_partition(?, 0, NULL, NULL, NULL)").param(young.atDay(1))
                .query(Integer.class).single())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("younger than one year");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE occurred_at < now()").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(retention.partitions()).contains(young);
        assertThat(archiveDir).isEmptyDirectory();
    }

    @Test
    void partitionOlderThanOneYearIsArchivedToAFileWhoseRecordedHashesMatch() throws Exception {
        YearMonth old = YearMonth.of(2024, 1);
        jdbc.sql("SELECT audit_create_partition(?)").param(old.atDay(1)).query(String.class).single();
        String subject = AuditFixture.subjectIndex();
        List<ChainedAuditLog.Pending> entries = List.of(
                pending(AuditRecord.read("unit-owner", "O-1", subject).withPurpose("网签备案审核", "BA-2024-001")),
                pending(AuditRecord.change("unit.status-change", "unit", "U-1", null)),
                pending(AuditRecord.read("contract", "C-1, \"quoted\"", subject)));
        new TransactionTemplate(transactions).executeWithoutResult(status ->
                chain.chain(entries, OffsetDateTime.of(2024, 1, 15, 10, 30, 0, 123_456_000, CHINA.getRules().getOffset(
                        java.time.Instant.parse("2024-01-15T00:00:00Z"))).toInstant()));
        String lastHash = jdbc.sql("SELECT hash FROM audit_event_2024_01 ORDER BY seq DESC LIMIT 1").query(String.class).single();
        assertThat(retention.expired()).contains(old);

        Path file = retention.archive(old, archiveDir);

        assertThat(file).isEqualTo(archiveDir.resolve("audit-2024-01.csv"));
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int trailerAt = text.lastIndexOf("# audit_event_2024_01 ");
        String trailer = text.substring(trailerAt).strip();
        byte[] content = Arrays.copyOf(bytes, text.substring(0, trailerAt).getBytes(StandardCharsets.UTF_8).length);
        assertThat(trailer).isEqualTo("# audit_event_2024_01 rows=3 last_hash=" + lastHash + " sm3=" + AuditHash.sm3(content));
        assertThat(text).contains("O-1", "\"C-1, \"\"quoted\"\"\"", "网签备案审核", "2024-01-15T10:30:00.123456+08:00");

        assertThat(retention.partitions()).doesNotContain(old);
        Map<String, Object> archive = jdbc.sql("SELECT * FROM audit_archive WHERE month = ?").param(LocalDate.of(2024, 1, 1))
                .query().singleRow();
        assertThat(archive).containsEntry("row_count", 3L).containsEntry("last_hash", lastHash)
                .containsEntry("file_name", "audit-2024-01.csv").containsEntry("file_sm3", AuditHash.sm3(content));
        // the chain still verifies across the archived rows
        AuditVerifier.Result result = verification.verify(null, null);
        assertThat(result.verified()).as("%s", result).isTrue();
    }

    private static ChainedAuditLog.Pending pending(AuditRecord record) {
        return new ChainedAuditLog.Pending("archivist", "STAFF", "11320400MB0000000X", "常州市住房和城乡建设局",
                List.of("CLERK"), record, "10.0.0.8", "trace-2024");
    }
}
