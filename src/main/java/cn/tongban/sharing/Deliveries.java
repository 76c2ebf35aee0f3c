package cn.tongban.sharing;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditOutcome;
import cn.tongban.audit.AuditRecord;
import cn.tongban.identity.Caller;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/**
 * 定期共享数据报送: a provider department delivers one period of a catalog item (常经办发〔2023〕19号 附件1, “谁主管，
 * 谁提供，谁负责” 二（一）1). The manifest — item, period, record count, SM3 of the file — comes in headers; the body
 * streams to the store while it is counted and digested; only a delivery that matches its manifest is kept, and the
 * provider gets a receipt signed with the platform's SM2 key.
 */
@Service
class Deliveries {

    static final String ITEM = "X-Item-No";
    static final String PERIOD = "X-Period";
    static final String RECORDS = "X-Record-Count";
    static final String SM3 = "X-Content-SM3";
    static final String RECEIPT_HEADER = "tongban-delivery-receipt-v1";

    /** The manifest as sent in the request's headers. */
    record DeliveryManifest(String itemNo, String period, String recordCount, String sm3, String contentType) {
    }

    /**
     * 回执: what the platform received and when, signed. {@code signedText} is exactly the UTF-8 text signed;
     * {@code signature} the SM2 signature (DER, base64) over it; verify with the key at
     * {@code GET /api/v1/sharing/deliveries/receipt-key}.
     */
    record DeliveryReceipt(long deliveryId, int itemNo, String period, String departmentCode, DeliveryFormat format,
            long recordCount, long bytes, String sm3, OffsetDateTime receivedAt, LocalDate dueOn, DeliveryStatus status,
            Integer daysLate, String signedText, String signature, String algorithm, String keyId) {
    }

    /** The receipt key as published for departments. */
    record ReceiptKey(String algorithm, String keyId, String publicKey, String pem) {
    }

    private record Checked(CatalogItem item, Schedule schedule, SchedulePeriod period, long records, String sm3,
            DeliveryFormat format) {
    }

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final DeliveryStore store;
    private final DeliveryReceiptKey key;
    private final CurrentCaller callers;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    Deliveries(JdbcClient jdbc, Catalog catalog, DeliveryStore store, DeliveryReceiptKey key, CurrentCaller callers,
            AuditLog audit, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.store = store;
        this.key = key;
        this.callers = callers;
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * Receives a delivery. Checked before a byte is read: the manifest is well-formed, the item exists and has
     * deadlines, the caller's department is its provider (else 403), the period is one of the item's and has begun to
     * be deliverable, and it has not been delivered. After the body: its record count and SM3 equal the manifest's.
     * Whatever fails, nothing is kept.
     */
    DeliveryReceipt submit(DeliveryManifest manifest, InputStream body) {
        Caller caller = callers.get();
        Checked checked = check(manifest, caller);
        DeliveryStore.Received received = store.receive(body, checked.format());
        try {
            List<Violation> mismatches = new ArrayList<>();
            if (received.records() != checked.records()) {
                mismatches.add(new Violation(RECORDS, "delivery.count-mismatch", checked.records(), received.records()));
            }
            if (!received.sm3().equals(checked.sm3())) {
                mismatches.add(new Violation(SM3, "delivery.hash-mismatch", checked.sm3(), received.sm3()));
            }
            if (!mismatches.isEmpty()) {
                audit.record(new AuditRecord("delivery-submit", "delivery", checked.item().no() + "/" + checked.period(), null,
                        AuditOutcome.FAILED, null, null, false));
                throw new RuleViolationException(mismatches);
            }
            return transactions.execute(status -> keep(checked, received, caller));
        } finally {
            store.discard(received.file());
        }
    }

    private Checked check(DeliveryManifest manifest, Caller caller) {
        List<Violation> errors = new ArrayList<>();
        Integer itemNo = null;
        try {
            itemNo = Integer.valueOf(required(ITEM, manifest.itemNo(), errors));
        } catch (NumberFormatException e) {
            if (manifest.itemNo() != null && !manifest.itemNo().isBlank()) {
                errors.add(new Violation(ITEM, "delivery.number", manifest.itemNo()));
            }
        }
        String periodText = required(PERIOD, manifest.period(), errors);
        Long records = null;
        String count = required(RECORDS, manifest.recordCount(), errors);
        if (count != null) {
            try {
                records = Long.valueOf(count);
                if (records < 0) {
                    errors.add(new Violation(RECORDS, "delivery.number", count));
                }
            } catch (NumberFormatException e) {
                errors.add(new Violation(RECORDS, "delivery.number", count));
            }
        }
        String sm3 = required(SM3, manifest.sm3(), errors);
        if (sm3 != null) {
            sm3 = sm3.toLowerCase(Locale.ROOT);
            if (!sm3.matches("[0-9a-f]{64}")) {
                errors.add(new Violation(SM3, "delivery.sm3-format"));
            }
        }
        DeliveryFormat format = DeliveryFormat.of(manifest.contentType()).orElse(null);
        if (format == null) {
            errors.add(new Violation("Content-Type", "delivery.format", manifest.contentType()));
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException(errors);
        }
        CatalogItem item = catalog.item(itemNo);
        String resource = item.no() + "/" + periodText;
        if (item.departmentCode() == null || !item.departmentCode().equals(caller.departmentCode())) {
            // 谁主管，谁提供: only the provider's department delivers its items
            audit.record(new AuditRecord("delivery-submit", "delivery", resource, null, AuditOutcome.DENIED, null, null, false));
            throw new AccessDeniedException("not the provider of item " + item.no());
        }
        Schedule schedule = item.schedule();
        if (!schedule.hasDeadlines()) {
            throw new RuleViolationException(new Violation(ITEM, "delivery.no-deadlines", item.no(), schedule.status()));
        }
        SchedulePeriod period;
        try {
            period = SchedulePeriod.parse(schedule.unit(), periodText);
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException(new Violation(PERIOD, "delivery.period-format", periodText,
                    SchedulePeriod.example(schedule.unit())));
        }
        LocalDate opens = schedule.opens(period);
        if (Catalog.today().isBefore(opens)) {
            throw new RuleViolationException(new Violation(PERIOD, "delivery.future-period", period.toString(), opens));
        }
        if (delivered(item.no(), period.toString())) {
            throw ConflictException.onField(PERIOD, "delivery.duplicate", period.toString(), item.no());
        }
        return new Checked(item, schedule, period, records, sm3, format);
    }

    private static String required(String header, String value, List<Violation> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Violation(header, "delivery.header-missing", header));
            return null;
        }
        return value.strip();
    }

    private boolean delivered(int itemNo, String period) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM delivery WHERE item_no = ? AND period = ?)").params(itemNo, period)
                .query(Boolean.class).single();
    }

    private DeliveryReceipt keep(Checked c, DeliveryStore.Received received, Caller caller) {
        long id = jdbc.sql("SELECT nextval(pg_get_serial_sequence('delivery', 'id'))").query(Long.class).single();
        OffsetDateTime receivedAt = OffsetDateTime.now(Catalog.ZONE);
        LocalDate receivedOn = receivedAt.toLocalDate();
        LocalDate dueOn = c.schedule().dueDate(c.period());
        String period = c.period().toString();
        String text = String.join("\n", RECEIPT_HEADER, "deliveryId=" + id, "itemNo=" + c.item().no(), "period=" + period,
                "department=" + caller.departmentCode(), "format=" + c.format(), "recordCount=" + received.records(),
                "bytes=" + received.bytes(), "sm3=" + received.sm3(),
                "receivedAt=" + receivedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), "dueOn=" + dueOn) + "\n";
        String signature = key.sign(text);
        String path = store.keep(received, c.item().no(), period, id, c.format());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    store.discard(store.resolve(path)); // nothing half-written: no row, no file
                }
            }
        });
        try {
            jdbc.sql("""
                    INSERT INTO delivery (id, item_no, period, due_on, received_at, received_on, department_code, submitted_by,
                                          format, record_count, byte_count, sm3, storage_path, receipt_text, receipt_signature)
                    OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, c.item().no(), period, dueOn, receivedAt, receivedOn, caller.departmentCode(), caller.actorId(),
                            c.format().name(), received.records(), received.bytes(), received.sm3(), path, text, signature)
                    .update();
        } catch (DuplicateKeyException e) {
            throw ConflictException.onField(PERIOD, "delivery.duplicate", period, c.item().no());
        }
        audit.record(AuditRecord.change("delivery-submit", "delivery", Long.toString(id), null));
        return receipt(id);
    }

    /**
     * The receipt of a delivery, as signed when it was received: to its department, or to an assessor; to anyone else
     * it does not exist.
     */
    DeliveryReceipt receiptFor(long id) {
        DeliveryReceipt receipt = receipt(id);
        Caller caller = callers.get();
        if (!caller.has(cn.tongban.identity.Permissions.ASSESSMENT_QUERY)
                && !receipt.departmentCode().equals(caller.departmentCode())) {
            throw new NotFoundException("delivery", id);
        }
        return receipt;
    }

    private DeliveryReceipt receipt(long id) {
        return jdbc.sql("SELECT * FROM delivery WHERE id = ?").param(id).query((rs, row) -> {
            LocalDate due = rs.getObject("due_on", LocalDate.class);
            LocalDate on = rs.getObject("received_on", LocalDate.class);
            boolean late = on.isAfter(due);
            return new DeliveryReceipt(id, rs.getInt("item_no"), rs.getString("period"), rs.getString("department_code"),
                    DeliveryFormat.valueOf(rs.getString("format")), rs.getLong("record_count"), rs.getLong("byte_count"),
                    rs.getString("sm3"), rs.getObject("received_at", OffsetDateTime.class).atZoneSameInstant(Catalog.ZONE).toOffsetDateTime(),
                    due, late ? DeliveryStatus.LATE : DeliveryStatus.ON_TIME, late ? (int) ChronoUnit.DAYS.between(due, on) : null,
                    rs.getString("receipt_text"), rs.getString("receipt_signature"), DeliveryReceiptKey.ALGORITHM, key.keyId());
        }).optional().orElseThrow(() -> new NotFoundException("delivery", id));
    }

    ReceiptKey receiptKey() {
        return new ReceiptKey(DeliveryReceiptKey.ALGORITHM, key.keyId(), key.publicKeyHex(), key.publicKeyPem());
    }
}
