package cn.tongban.registration;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;
import cn.tongban.registration.ApplicationAccess.Application;
import cn.tongban.registration.BusinessTypes.Material;

/**
 * 收件材料 (互联网+不动产登记建设指南 二（一）3 资料配置): the applicant uploads, replaces and the registrar reads the
 * electronic materials of the business type's checklist (“清单式”管理). Every file is checked against its item's
 * 规格要求 — format by its first bytes, size while it streams — and kept with its SM3; a refused upload leaves no row
 * and no file. Materials may be changed only while the application waits for acceptance or for 补正.
 */
@Component
class Materials {

    static final String ITEM = "item";
    static final String FILE_NAME = "X-File-Name";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The statuses in which the applicant may still change the materials (before 受理, or when asked to 补正). */
    private static final Set<String> OPEN = Set.of("SUBMITTED", "SUPPLEMENT_REQUIRED");

    /** One uploaded file as the applicant and the registrar see it. */
    record Upload(long id, String item, String fileName, String contentType, long bytes, String sm3, String uploadedBy,
            OffsetDateTime uploadedAt, OffsetDateTime supersededAt) {
    }

    /** One item of the checklist and what has been provided for it. */
    record ChecklistItem(String item, boolean required, List<String> formats, int maxMegabytes, String freeFrom,
            boolean missing, Upload provided) {
    }

    /** The checklist of an application's business type with the uploads. */
    record Checklist(String applicationNo, String businessType, List<ChecklistItem> items) {
    }

    /** A file to send back. */
    record Download(Upload upload, Path file) {
    }

    private final JdbcClient jdbc;
    private final ApplicationAccess access;
    private final BusinessTypes types;
    private final MaterialStore store;
    private final CurrentCaller callers;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    Materials(JdbcClient jdbc, ApplicationAccess access, BusinessTypes types, MaterialStore store, CurrentCaller callers,
            AuditLog audit, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.access = access;
        this.types = types;
        this.store = store;
        this.callers = callers;
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * Receives the file of one checklist item. Checked before a byte is read: the caller may see the application, it is
     * open for materials, the item is on its type's checklist and the declared type is one of the item's formats (or
     * {@code application/octet-stream}). While reading: the first bytes show an accepted format of the declared type,
     * and the size stays within the item's limit. The item's previous file, if any, is kept as superseded.
     */
    Upload upload(String applicationNo, String item, String contentType, long contentLength, String fileNameHeader,
            InputStream body) {
        Application application = access.visible(applicationNo);
        requireOpen(application);
        Material material = materialOf(application, item);
        String fileName = fileName(fileNameHeader);
        MaterialStore.Limits limits = new MaterialStore.Limits(
                material.formats().stream().map(f -> MaterialFormat.ofCode(f).orElseThrow()).toList(), material.maxMegabytes(),
                declared(contentType, material), contentLength);
        MaterialStore.Received received = store.receive(body, limits);
        try {
            return transactions.execute(status -> keep(application, material, fileName, received));
        } finally {
            store.discard(received.file());
        }
    }

    private Upload keep(Application application, Material material, String fileName, MaterialStore.Received received) {
        // the row lock orders this upload with other uploads of the application and with its acceptance
        String status = jdbc.sql("SELECT status FROM registration_application WHERE application_no = ? FOR UPDATE")
                .param(application.applicationNo()).query(String.class).single();
        requireOpen(status);
        long id = jdbc.sql("SELECT nextval(pg_get_serial_sequence('registration_material', 'id'))").query(Long.class).single();
        String path = store.keep(received, application.applicationNo(), id);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int outcome) {
                if (outcome != STATUS_COMMITTED) {
                    store.discard(store.resolve(path)); // nothing half-written: no row, no file
                }
            }
        });
        OffsetDateTime now = OffsetDateTime.now(ZONE);
        String caller = callers.get().actorId();
        // 修改: the new file replaces the item's current one, which stays on record as superseded
        jdbc.sql("""
                UPDATE registration_material SET superseded_at = ?, superseded_by = ?
                 WHERE application_no = ? AND item = ? AND superseded_at IS NULL AND id <> ?""")
                .params(now, id, application.applicationNo(), material.item(), id).update();
        jdbc.sql("""
                INSERT INTO registration_material (id, application_no, item, file_name, format, content_type, byte_count, sm3,
                                                   storage_path, uploaded_by, uploaded_at)
                OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, application.applicationNo(), material.item(), fileName, received.format().code,
                        received.format().mediaType, received.bytes(), received.sm3(), path, caller, now)
                .update();
        audit.record(AuditRecord.change("material-upload", "registration-material", application.applicationNo() + "/" + id, null));
        return find(application.applicationNo(), id).orElseThrow();
    }

    /** The checklist of the application's business type, each item with its current file or marked missing. */
    Checklist checklist(String applicationNo) {
        Application application = access.visible(applicationNo);
        Map<String, Upload> current = current(applicationNo).stream().collect(Collectors.toMap(Upload::item, Function.identity()));
        List<ChecklistItem> items = types.get(application.businessType()).materials().stream()
                .map(m -> new ChecklistItem(m.item(), m.required(), m.formats(), m.maxMegabytes(), m.freeFrom(),
                        m.required() && !current.containsKey(m.item()), current.get(m.item())))
                .toList();
        return new Checklist(applicationNo, application.businessType(), items);
    }

    /** A file of the application (current or superseded), its reading recorded: materials carry personal data. */
    Download download(String applicationNo, long id) {
        access.visible(applicationNo);
        Upload upload = find(applicationNo, id).orElseThrow(() -> new NotFoundException("registration-material", id));
        String path = jdbc.sql("SELECT storage_path FROM registration_material WHERE id = ?").param(id).query(String.class).single();
        audit.record(AuditRecord.read("registration-material", applicationNo + "/" + id, null));
        return new Download(upload, store.resolve(path));
    }

    /**
     * The required items of the type's checklist that have no current upload and are not in {@code satisfiedByPlatform}
     * (the items the platform has from a shared source: the filed contract, the tax-paid record, the ID check —
     * 资料免提交, 二（四）2), in checklist order.
     */
    List<String> missing(String applicationNo, String businessType, Set<String> satisfiedByPlatform) {
        Set<String> provided = new HashSet<>(current(applicationNo).stream().map(Upload::item).toList());
        return types.get(businessType).materials().stream()
                .filter(Material::required)
                .map(Material::item)
                .filter(item -> !provided.contains(item) && !satisfiedByPlatform.contains(item))
                .toList();
    }

    private List<Upload> current(String applicationNo) {
        return jdbc.sql(SELECT + " WHERE application_no = ? AND superseded_at IS NULL ORDER BY id")
                .param(applicationNo).query(Materials::upload).list();
    }

    private Optional<Upload> find(String applicationNo, long id) {
        return jdbc.sql(SELECT + " WHERE application_no = ? AND id = ?").params(applicationNo, id).query(Materials::upload).optional();
    }

    private static final String SELECT = """
            SELECT id, item, file_name, content_type, byte_count, sm3, uploaded_by, uploaded_at, superseded_at
              FROM registration_material""";

    private static Upload upload(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        OffsetDateTime superseded = rs.getObject("superseded_at", OffsetDateTime.class);
        return new Upload(rs.getLong("id"), rs.getString("item"), rs.getString("file_name"), rs.getString("content_type"),
                rs.getLong("byte_count"), rs.getString("sm3"), rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class).atZoneSameInstant(ZONE).toOffsetDateTime(),
                superseded == null ? null : superseded.atZoneSameInstant(ZONE).toOffsetDateTime());
    }

    private Material materialOf(Application application, String item) {
        if (item == null || item.isBlank()) {
            throw new RuleViolationException(new Violation(ITEM, "param.missing"));
        }
        return types.get(application.businessType()).materials().stream().filter(m -> m.item().equals(item)).findFirst()
                .orElseThrow(() -> new RuleViolationException(new Violation(ITEM, "material.item-not-listed", item,
                        application.businessType())));
    }

    /** The format a declared Content-Type names; {@code null} for none or octet-stream (the first bytes decide). */
    private static MaterialFormat declared(String contentType, Material material) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        String type = contentType.split(";", 2)[0].trim();
        if (type.equalsIgnoreCase("application/octet-stream")) {
            return null;
        }
        MaterialFormat format = MaterialFormat.ofMediaType(type).orElse(null);
        if (format == null || !material.formats().contains(format.code)) {
            throw new RuleViolationException(new Violation(MaterialStore.CONTENT_TYPE, "material.format-not-accepted", type,
                    String.join(", ", material.formats())));
        }
        return format;
    }

    /**
     * The file's name from {@code X-File-Name}: plain ASCII, percent-encoded UTF-8, or RFC 5987 ({@code UTF-8''…}); only
     * the last path segment is kept, control characters are refused.
     */
    static String fileName(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.regionMatches(true, 0, "UTF-8''", 0, 7)) {
            value = value.substring(7);
        }
        String name;
        try {
            name = URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException(new Violation(FILE_NAME, "material.file-name"));
        }
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty() || name.length() > 255 || name.codePoints().anyMatch(Character::isISOControl) || name.contains("\uFFFD")) {
            throw new RuleViolationException(new Violation(FILE_NAME, "material.file-name"));
        }
        return name;
    }

    private static void requireOpen(Application application) {
        requireOpen(application.status());
    }

    private static void requireOpen(String status) {
        if (!OPEN.contains(status)) {
            throw new ConflictException("material.application-closed", status);
        }
    }
}
