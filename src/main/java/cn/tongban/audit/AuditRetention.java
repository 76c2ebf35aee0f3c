package cn.tongban.audit;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.tongban.TongbanApplication;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.NotFoundException;

/**
 * Keeps the audit log one year at least (互联网+不动产登记建设指南 五: 日志保存时长不小于1年) and then lets a month go:
 * a month's partition whose whole month ended more than a year ago is written to
 * {@code audit-archive/audit-YYYY-MM.csv} — every row in seq order, then the line
 * {@code # audit_event_YYYY_MM rows=<n> last_hash=<hash of the last row> sm3=<SM3 of the file before this line>} —
 * and only then removed through {@code audit_archive_partition()}, which records the archive in
 * {@code audit_archive} (what verification bridges the removed rows with) and refuses younger months.
 */
@Service
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
    private static final ZoneId CHINA = ZoneId.of(TongbanApplication.ZONE);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");
    private static final DateTimeFormatter PARTITION = DateTimeFormatter.ofPattern("'audit_event_'uuuu_MM");

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate transaction;
    private final Path archiveDir;

    AuditRetention(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions,
            @Value("${tongban.audit.archive-dir}") Path archiveDir) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.transaction = new TransactionTemplate(transactions);
        this.archiveDir = archiveDir;
    }

    /** The first day a month's entries may be removed: one year after the month ended. */
    static LocalDate removableFrom(YearMonth month) {
        return month.plusMonths(1).atDay(1).plusYears(1);
    }

    /** The months whose partitions may be archived now, oldest first. */
    List<YearMonth> expired() {
        LocalDate today = LocalDate.now(CHINA);
        return partitions().stream().filter(month -> !today.isBefore(removableFrom(month))).toList();
    }

    /** The months that have a partition, oldest first. */
    List<YearMonth> partitions() {
        return jdbc.sql("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'audit_event'::regclass ORDER BY c.relname""")
                .query(String.class).list().stream()
                .map(name -> YearMonth.parse(name.substring("audit_event_".length()).replace('_', '-'))).toList();
    }

    /** Archives and removes every expired month. */
    void archiveExpired() {
        expired().forEach(this::archive);
    }

    Path archive(YearMonth month) {
        return archive(month, archiveDir);
    }

    /**
     * Writes the month's rows to {@code dir/audit-YYYY-MM.csv}, then removes the month's partition.
     *
     * @return the archive file, or {@code null} if the partition was empty (removed without a file)
     * @throws ConflictException {@code audit.partition-too-young} if the month ended less than a year ago
     * @throws NotFoundException if there is no partition for that month
     */
    Path archive(YearMonth month, Path dir) {
        LocalDate removable = removableFrom(month);
        if (LocalDate.now(CHINA).isBefore(removable)) {
            throw new ConflictException("audit.partition-too-young", month.format(MONTH), removable.toString());
        }
        String partition = month.format(PARTITION);
        if (!partitions().contains(month)) {
            throw new NotFoundException("audit-partition", month.format(MONTH));
        }
        Path file = dir.resolve("audit-" + month.format(MONTH) + ".csv");
        Archived archived = write(partition, file);
        transaction.executeWithoutResult(status -> jdbc.sql("SELECT 1 FROM audit_archive_partition(?, ?, ?, ?, ?)")
                .params(month.atDay(1), archived.rows(), archived.lastHash(), archived.rows() == 0 ? null : file.getFileName().toString(),
                        archived.fileSm3())
                .query(Integer.class).single());
        if (archived.rows() == 0) {
            deleteQuietly(file);
            log.info("Audit partition {} was empty and is removed", partition);
            return null;
        }
        log.info("Audit partition {} archived to {} ({} rows, last hash {}, file SM3 {}) and removed", partition,
                file.toAbsolutePath(), archived.rows(), archived.lastHash(), archived.fileSm3());
        return file;
    }

    private record Archived(long rows, String lastHash, String fileSm3) {
    }

    private Archived write(String partition, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".part");
            Archived archived;
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                AuditHash.Sm3 sm3 = new AuditHash.Sm3();
                OutputStream hashed = new FilterOutputStream(Channels.newOutputStream(channel)) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        sm3.update(bytes, offset, length);
                        out.write(bytes, offset, length);
                    }

                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }
                };
                BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(hashed, StandardCharsets.UTF_8));
                long[] rows = {0};
                String[] lastHash = {null};
                snapshot.executeWithoutResult(status -> {
                    try {
                        CSVPrinter csv = new CSVPrinter(writer, AuditCsv.FORMAT);
                        // the partition's name comes from a YearMonth, never from input
                        streaming.query("SELECT * FROM " + partition + " ORDER BY seq", rs -> {
                            try {
                                AuditEntry entry = AuditEntry.from(rs);
                                AuditCsv.print(csv, entry);
                                rows[0]++;
                                lastHash[0] = entry.hash();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
                        csv.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                String fileSm3 = sm3.hex();
                // the trailer is not part of what the file's SM3 covers
                OutputStream plain = Channels.newOutputStream(channel);
                plain.write("# %s rows=%d last_hash=%s sm3=%s\r\n".formatted(partition, rows[0], lastHash[0], fileSm3)
                        .getBytes(StandardCharsets.UTF_8));
                channel.force(true);
                archived = new Archived(rows[0], lastHash[0], fileSm3);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return archived;
        } catch (IOException e) {
            throw new UncheckedIOException("audit archive " + file + " not written", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }
}
