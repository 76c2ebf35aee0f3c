package cn.tongban.building;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.Page;
import cn.tongban.kernel.PageRequest;

/** Reads back what an import did and its row errors, with messages in the reader's language. */
@Component
class UnitImportReports {

    /** One rejected row's broken rule. */
    record RowError(long line, String field, String code, String message) {
    }

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final BuildingScope scope;

    UnitImportReports(JdbcClient jdbc, MessageSource messages, BuildingScope scope) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.scope = scope;
    }

    /** An import is visible to the department that made it, and to city-wide staff. */
    private String visible() {
        return scope.caller().allDistricts() ? "TRUE" : "department_code = ?";
    }

    private List<Object> visibleArgs(UUID id) {
        return scope.caller().allDistricts() ? List.of(id) : List.of(id, String.valueOf(scope.caller().departmentCode()));
    }

    /** An import's outcome: every data row is exactly one of inserted, updated, unchanged or rejected. */
    record Summary(UUID importId, String fileName, long totalRows, long inserted, long updated, long unchanged,
            long rejected, Instant startedAt, Instant finishedAt, List<RowError> errors, String errorsUrl) {
    }

    Summary describe(UUID id, int errorsShown) {
        return jdbc.sql("SELECT * FROM unit_import WHERE id = ? AND " + visible()).params(visibleArgs(id))
                .query((rs, n) -> new Summary(id, rs.getString("file_name"), rs.getLong("total_rows"),
                        rs.getLong("inserted"), rs.getLong("updated"), rs.getLong("unchanged"), rs.getLong("rejected"),
                        rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at").toInstant(),
                        List.of(), "/api/v1/units/imports/" + id + "/errors"))
                .optional()
                .map(s -> new Summary(s.importId(), s.fileName(), s.totalRows(), s.inserted(), s.updated(), s.unchanged(),
                        s.rejected(), s.startedAt(), s.finishedAt(), errors(id, new PageRequest(0, errorsShown)).items(), s.errorsUrl()))
                .orElseThrow(() -> new NotFoundException("unit-import", id));
    }

    Page<RowError> errors(UUID id, PageRequest page) {
        if (jdbc.sql("SELECT count(*) FROM unit_import WHERE id = ? AND " + visible()).params(visibleArgs(id)).query(Long.class).single() == 0) {
            throw new NotFoundException("unit-import", id);
        }
        long total = jdbc.sql("SELECT count(*) FROM unit_import_error WHERE import_id = ?").param(id).query(Long.class).single();
        Locale locale = LocaleContextHolder.getLocale();
        List<RowError> items = jdbc.sql("SELECT * FROM unit_import_error WHERE import_id = ? ORDER BY line_no, field LIMIT ? OFFSET ?")
                .params(id, page.size(), page.offset())
                .query((rs, n) -> {
                    String code = rs.getString("code");
                    Object[] args = args(rs.getArray("args"));
                    return new RowError(rs.getLong("line_no"), rs.getString("field"), code,
                            messages.getMessage("rule." + code, args, code, locale));
                }).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static Object[] args(Array array) throws SQLException {
        return array == null ? new Object[0] : (Object[]) array.getArray();
    }
}
