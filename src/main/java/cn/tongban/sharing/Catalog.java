package cn.tongban.sharing;

import java.io.InputStream;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.TongbanApplication;
import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.UnifiedSocialCreditCode;
import cn.tongban.kernel.Violation;

/**
 * 涉税费信息共享目录: the sharing catalog (常经办发〔2023〕19号 二（一）3, 附件1), its schedules, edits and versions.
 * “谁主管，谁提供，谁负责” (二（一）1): each item has one provider, bound to the platform department that delivers.
 */
@Service
class Catalog {

    static final ZoneId ZONE = ZoneId.of(TongbanApplication.ZONE);

    /** An item as listed: its schedule read, the next due date on or after the day asked. */
    record CatalogEntry(int no, int providerNo, String provider, String name, CatalogMode mode, String modeText,
            String frequencyText, String scheduleDecision, ScheduleStatus scheduleStatus, String scheduleNote,
            boolean districtLevel, String nextPeriod, LocalDate nextDueDate) {
    }

    /** One item in full, with what the list shows. */
    record CatalogDetail(CatalogEntry entry, String departmentCode, List<String> fields, String legalBasis,
            LocalDate trackedFrom, int version) {
    }

    /** One version of an item, as kept. */
    record CatalogVersion(int version, int providerNo, String provider, String name, CatalogMode mode, String frequencyText,
            String scheduleDecision, boolean districtLevel, List<String> fields, String legalBasis, LocalDate trackedFrom,
            String change, OffsetDateTime changedAt, String changedBy) {
    }

    /** An edit; {@code version} is the version edited (optimistic locking). */
    record CatalogEdit(Integer providerNo, String name, String mode, String frequencyText, String scheduleDecision,
            Boolean districtLevel, List<String> fields, String legalBasis, LocalDate trackedFrom, Integer version) {
    }

    /** What an import did: every row created, changed or unchanged. */
    record CatalogImportReport(int totalRows, int created, int changed, int unchanged) {
    }

    /** A provider and the department bound to deliver for it. */
    record CatalogProvider(int no, String name, String departmentCode, int items) {
    }

    private final JdbcClient jdbc;
    private final CurrentCaller callers;
    private final AuditLog audit;
    private final MessageSource messages;

    Catalog(JdbcClient jdbc, CurrentCaller callers, AuditLog audit, MessageSource messages) {
        this.jdbc = jdbc;
        this.callers = callers;
        this.audit = audit;
        this.messages = messages;
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    @Transactional(readOnly = true)
    List<CatalogEntry> list(LocalDate asOf) {
        Locale locale = LocaleContextHolder.getLocale();
        return items().stream().map(i -> entry(i, asOf, locale)).toList();
    }

    @Transactional(readOnly = true)
    CatalogDetail detail(int no, LocalDate asOf) {
        CatalogItem i = item(no);
        return new CatalogDetail(entry(i, asOf, LocaleContextHolder.getLocale()), i.departmentCode(), i.fields(),
                i.legalBasis(), i.trackedFrom(), i.version());
    }

    private CatalogEntry entry(CatalogItem i, LocalDate asOf, Locale locale) {
        Schedule schedule = i.schedule();
        SchedulePeriod next = schedule.nextDue(asOf);
        String note = schedule.reason() == null ? null
                : messages.getMessage("schedule." + schedule.reason(), null, schedule.reason(), locale);
        return new CatalogEntry(i.no(), i.providerNo(), i.provider(), i.name(), i.mode(), i.mode().text, i.frequencyText(),
                i.scheduleDecision(), schedule.status(), note, i.districtLevel(), next == null ? null : next.toString(),
                next == null ? null : schedule.dueDate(next));
    }

    /** Every item in catalog order. */
    List<CatalogItem> items() {
        return jdbc.sql(SELECT + " ORDER BY i.no").query((rs, row) -> item(rs)).list();
    }

    /** The items of one provider. */
    List<CatalogItem> itemsOf(int providerNo) {
        return jdbc.sql(SELECT + " WHERE i.provider_no = ? ORDER BY i.no").param(providerNo).query((rs, row) -> item(rs)).list();
    }

    /** @throws NotFoundException no such item */
    CatalogItem item(int no) {
        return jdbc.sql(SELECT + " WHERE i.no = ?").param(no).query((rs, row) -> item(rs)).optional()
                .orElseThrow(() -> new NotFoundException("catalog-item", no));
    }

    @Transactional(readOnly = true)
    List<CatalogProvider> providers() {
        return jdbc.sql("""
                SELECT p.no, p.name, p.department_code, (SELECT count(*) FROM catalog_item i WHERE i.provider_no = p.no) AS items
                  FROM catalog_provider p ORDER BY p.no""")
                .query((rs, row) -> new CatalogProvider(rs.getInt("no"), rs.getString("name"), rs.getString("department_code"),
                        rs.getInt("items"))).list();
    }

    /** @throws NotFoundException no such provider */
    CatalogProvider provider(int no) {
        return providers().stream().filter(p -> p.no() == no).findFirst()
                .orElseThrow(() -> new NotFoundException("catalog-provider", no));
    }

    private static final String SELECT = """
            SELECT i.*, p.name AS provider_name, p.department_code
              FROM catalog_item i JOIN catalog_provider p ON p.no = i.provider_no""";

    private static CatalogItem item(ResultSet rs) throws SQLException {
        return new CatalogItem(rs.getInt("no"), rs.getInt("provider_no"), rs.getString("provider_name"),
                rs.getString("department_code"), rs.getString("name"), CatalogMode.valueOf(rs.getString("mode")),
                rs.getString("frequency_text"), rs.getString("schedule_decision"), rs.getBoolean("district_level"),
                strings(rs.getArray("fields")), rs.getString("legal_basis"), rs.getObject("tracked_from", LocalDate.class),
                rs.getInt("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /**
     * Edits an item; the edit is a new version.
     *
     * @throws ConflictException the item has changed since {@code version}
     */
    @Transactional
    CatalogDetail edit(int no, CatalogEdit edit) {
        CatalogItem current = jdbc.sql(SELECT + " WHERE i.no = ? FOR UPDATE OF i").param(no).query((rs, row) -> item(rs))
                .optional().orElseThrow(() -> new NotFoundException("catalog-item", no));
        List<Violation> errors = new ArrayList<>();
        if (edit.version() == null) {
            errors.add(new Violation("version", "catalog.required"));
        }
        int providerNo = edit.providerNo() == null ? current.providerNo() : edit.providerNo();
        String provider = jdbc.sql("SELECT name FROM catalog_provider WHERE no = ?").param(providerNo).query(String.class)
                .optional().orElse(null);
        if (provider == null) {
            errors.add(new Violation("providerNo", "catalog.unknown-provider", providerNo));
        }
        String name = CatalogRules.text("name", edit.name(), 300, true, errors);
        CatalogMode mode = edit.mode() == null ? null : CatalogMode.of(edit.mode()).orElse(null);
        if (mode == null) {
            errors.add(edit.mode() == null ? new Violation("mode", "catalog.required") : new Violation("mode", "catalog.mode", edit.mode()));
        }
        String frequency = CatalogRules.text("frequencyText", edit.frequencyText(), 100, true, errors);
        String decision = CatalogRules.text("scheduleDecision", edit.scheduleDecision(), 100, false, errors);
        String legalBasis = CatalogRules.text("legalBasis", edit.legalBasis(), 500, false, errors);
        List<String> fields = edit.fields() == null ? List.of()
                : edit.fields().stream().filter(Objects::nonNull).map(String::strip).filter(f -> !f.isEmpty()).toList();
        if (!errors.isEmpty()) {
            throw new RuleViolationException(errors);
        }
        CatalogItem changed = new CatalogItem(no, providerNo, provider, null, name, mode, frequency, decision,
                edit.districtLevel() != null ? edit.districtLevel() : current.districtLevel(), fields, legalBasis,
                edit.trackedFrom() != null ? edit.trackedFrom() : current.trackedFrom(), current.version() + 1);
        CatalogRules.check(changed, errors);
        if (!errors.isEmpty()) {
            throw new RuleViolationException(errors);
        }
        if (edit.version() != current.version()) {
            throw ConflictException.onField("version", "catalog.stale-version", current.version());
        }
        write(changed, "edit");
        return detail(no, today());
    }

    @Transactional(readOnly = true)
    List<CatalogVersion> versions(int no) {
        item(no);
        return jdbc.sql("SELECT * FROM catalog_item_version WHERE item_no = ? ORDER BY version").param(no)
                .query((rs, row) -> new CatalogVersion(rs.getInt("version"), rs.getInt("provider_no"), rs.getString("provider_name"),
                        rs.getString("name"), CatalogMode.valueOf(rs.getString("mode")), rs.getString("frequency_text"),
                        rs.getString("schedule_decision"), rs.getBoolean("district_level"), strings(rs.getArray("fields")),
                        rs.getString("legal_basis"), rs.getObject("tracked_from", LocalDate.class), rs.getString("change"),
                        rs.getObject("changed_at", OffsetDateTime.class), rs.getString("changed_by")))
                .list();
    }

    /**
     * Imports a catalog CSV ({@link CatalogCsv}) in one transaction: new items created, changed ones given a new
     * version, the same file twice changes nothing. Any bad row rejects the whole file, every row's errors named.
     */
    @Transactional
    CatalogImportReport importCsv(InputStream body) {
        return importRows(CatalogCsv.read(body), "import");
    }

    /** The shipped catalog, once, into an empty catalog (see {@link CatalogSeed}). */
    @Transactional
    boolean seed(InputStream body) {
        // two nodes starting at once: one seeds, the other finds the catalog loaded
        jdbc.sql("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext('catalog_seed'))) AS locked").query(Long.class).single();
        if (jdbc.sql("SELECT count(*) FROM catalog_item").query(Long.class).single() > 0) {
            return false;
        }
        importRows(CatalogCsv.read(body), "seed");
        return true;
    }

    private CatalogImportReport importRows(List<CatalogCsv.Row> rows, String change) {
        jdbc.sql("LOCK TABLE catalog_provider IN SHARE ROW EXCLUSIVE MODE").update();
        Map<Integer, String> providers = new HashMap<>();
        jdbc.sql("SELECT no, name FROM catalog_provider").query(rs -> {
            providers.put(rs.getInt("no"), rs.getString("name"));
        });
        String actor = callers.get().actorId();
        for (CatalogCsv.Row row : rows) {
            CatalogItem i = row.item();
            String existing = providers.get(i.providerNo());
            if (existing == null) {
                jdbc.sql("INSERT INTO catalog_provider (no, name, changed_by) VALUES (?, ?, ?)").params(i.providerNo(), i.provider(), actor)
                        .update();
            } else if (!existing.equals(i.provider())) {
                jdbc.sql("UPDATE catalog_provider SET name = ?, changed_at = now(), changed_by = ? WHERE no = ?")
                        .params(i.provider(), actor, i.providerNo()).update();
            }
            providers.put(i.providerNo(), i.provider());
        }
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        for (CatalogCsv.Row row : rows) {
            CatalogItem i = row.item();
            CatalogItem current = jdbc.sql(SELECT + " WHERE i.no = ? FOR UPDATE OF i").param(i.no()).query((rs, r) -> item(rs))
                    .optional().orElse(null);
            if (current == null) {
                write(with(i, i.trackedFrom() != null ? i.trackedFrom() : today(), 1), change);
                created++;
            } else {
                CatalogItem next = with(i, i.trackedFrom() != null ? i.trackedFrom() : current.trackedFrom(), current.version() + 1);
                if (same(current, next)) {
                    unchanged++;
                } else {
                    write(next, change);
                    changed++;
                }
            }
        }
        if (!"seed".equals(change)) {
            audit.record(AuditRecord.change("catalog-import", "catalog", null, null));
        }
        return new CatalogImportReport(rows.size(), created, changed, unchanged);
    }

    private static CatalogItem with(CatalogItem i, LocalDate trackedFrom, int version) {
        return new CatalogItem(i.no(), i.providerNo(), i.provider(), null, i.name(), i.mode(), i.frequencyText(),
                i.scheduleDecision(), i.districtLevel(), i.fields(), i.legalBasis(), trackedFrom, version);
    }

    private static boolean same(CatalogItem a, CatalogItem b) {
        return a.providerNo() == b.providerNo() && a.provider().equals(b.provider()) && a.name().equals(b.name())
                && a.mode() == b.mode() && a.frequencyText().equals(b.frequencyText())
                && Objects.equals(a.scheduleDecision(), b.scheduleDecision()) && a.districtLevel() == b.districtLevel()
                && a.fields().equals(b.fields()) && Objects.equals(a.legalBasis(), b.legalBasis())
                && a.trackedFrom().equals(b.trackedFrom());
    }

    /** Writes the item's new version and keeps it in the version table. */
    private void write(CatalogItem i, String change) {
        String actor = callers.get().actorId();
        String[] fields = i.fields().toArray(String[]::new);
        if (i.version() == 1) {
            jdbc.sql("""
                    INSERT INTO catalog_item (no, provider_no, name, mode, frequency_text, schedule_decision, district_level,
                                              fields, legal_basis, tracked_from, version, changed_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(i.no(), i.providerNo(), i.name(), i.mode().name(), i.frequencyText(), i.scheduleDecision(),
                            i.districtLevel(), fields, i.legalBasis(), i.trackedFrom(), i.version(), actor)
                    .update();
        } else {
            jdbc.sql("""
                    UPDATE catalog_item SET provider_no = ?, name = ?, mode = ?, frequency_text = ?, schedule_decision = ?,
                           district_level = ?, fields = ?, legal_basis = ?, tracked_from = ?, version = ?, changed_at = now(),
                           changed_by = ?
                     WHERE no = ? AND version = ?""")
                    .params(i.providerNo(), i.name(), i.mode().name(), i.frequencyText(), i.scheduleDecision(),
                            i.districtLevel(), fields, i.legalBasis(), i.trackedFrom(), i.version(), actor, i.no(), i.version() - 1)
                    .update();
        }
        jdbc.sql("""
                INSERT INTO catalog_item_version (item_no, version, provider_no, provider_name, name, mode, frequency_text,
                       schedule_decision, district_level, fields, legal_basis, tracked_from, change, changed_at, changed_by)
                SELECT i.no, i.version, i.provider_no, p.name, i.name, i.mode, i.frequency_text, i.schedule_decision,
                       i.district_level, i.fields, i.legal_basis, i.tracked_from, ?, i.changed_at, i.changed_by
                  FROM catalog_item i JOIN catalog_provider p ON p.no = i.provider_no WHERE i.no = ?""")
                .params(change, i.no()).update();
        if (!"seed".equals(change)) {
            audit.record(AuditRecord.change("catalog-" + change, "catalog-item", Integer.toString(i.no()), null));
        }
    }

    /** Binds the department (统一社会信用代码) that delivers for a provider, or unbinds it with {@code null}. */
    @Transactional
    CatalogProvider bind(int providerNo, String departmentCode) {
        provider(providerNo);
        String code = null;
        if (departmentCode != null && !departmentCode.isBlank()) {
            try {
                code = UnifiedSocialCreditCode.of(departmentCode).value();
            } catch (InvalidValueException e) {
                throw new RuleViolationException(e.at("departmentCode"));
            }
        }
        jdbc.sql("UPDATE catalog_provider SET department_code = ?, changed_at = now(), changed_by = ? WHERE no = ?")
                .params(code, callers.get().actorId(), providerNo).update();
        audit.record(AuditRecord.change("catalog-provider-bind", "catalog-provider", Integer.toString(providerNo), null));
        return provider(providerNo);
    }
}
