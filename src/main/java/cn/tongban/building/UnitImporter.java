package cn.tongban.building;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.building.UnitCsvReader.BuildingFloors;
import cn.tongban.building.UnitCsvReader.Line;
import cn.tongban.identity.Caller;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/**
 * Bulk import of 户 into the 楼盘表 from a CSV file (UTF-8, a header naming the fields).
 *
 * <p>The file is streamed, never held in memory. A reader thread checks each row on its own
 * ({@link UnitCsvReader}); this class takes its batches and, per batch, looks up which units exist already and
 * who holds each 房屋编码, COPYs the new units straight into the unit table, updates the changed ones and leaves
 * the unchanged ones alone (importing the same file twice changes nothing). Every rejected row is recorded with its
 * line, field and rule. A unit code or 房屋编码 that repeats an earlier row's is rejected, the first row standing.
 *
 * <p>Everything happens in one transaction: a file that cannot be read at all (wrong encoding, missing column)
 * writes nothing, and a row is either imported whole or reported. Imports run one at a time (an advisory lock), so
 * that what a batch found missing is still missing when it is written.
 */
@Service
class UnitImporter {

    /** How many errors the import response carries; the rest are paged at /imports/{id}/errors. */
    static final int ERRORS_IN_RESPONSE = 100;

    private static final Logger log = LoggerFactory.getLogger(UnitImporter.class);
    private static final int BATCH = 5_000;
    /** Key of the advisory lock that serialises imports. */
    private static final long IMPORT_LOCK = 0x7B_6C_6F_75_70_6F_72_74L;
    private static final String COLUMNS = """
            unit_code, house_code, building_id, location, floor, room_no, building_area, inner_area, shared_area,
            house_use, land_use, house_nature, house_type, room_layout, layout_structure, orientation, house_state""";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final UnitRules rules;
    private final BuildingScope scope;
    private final AuditLog audit;

    UnitImporter(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transaction, UnitRules rules, BuildingScope scope,
            AuditLog audit) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.rules = rules;
        this.scope = scope;
        this.audit = audit;
    }

    /**
     * @param expectedBytes the file's size if known, else -1: sizes the repeat detection
     */
    UnitImportReport importCsv(InputStream body, String fileName, long expectedBytes) {
        OffsetDateTime started = OffsetDateTime.now();
        UUID id = UUID.randomUUID();
        long expectedRows = expectedBytes > 0 ? expectedBytes / 100 : 10_000_000;
        // the reader thread has no request: the caller's scope is fixed here, and buildings outside it are unknown
        Caller caller = scope.caller();
        BuildingScope.Clause visible = BuildingScope.projects(caller);
        try (UnitCsvReader reader = new UnitCsvReader(body, rules, code -> building(code, visible), expectedRows, BATCH)) {
            return transaction.execute(status -> {
                jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(IMPORT_LOCK).query().singleValue();
                jdbc.sql("""
                        CREATE TEMPORARY TABLE unit_import_line (line_no BIGINT NOT NULL, unit_code TEXT COLLATE "C" NOT NULL,
                            house_code TEXT COLLATE "C") ON COMMIT DROP""").update();
                jdbc.sql("CREATE TEMPORARY TABLE unit_import_held (LIKE unit INCLUDING DEFAULTS, line_no BIGINT NOT NULL) ON COMMIT DROP").update();
                jdbc.sql("""
                        INSERT INTO unit_import (id, file_name, actor_id, department_code, total_rows, inserted, updated, unchanged,
                                                 rejected, started_at, finished_at)
                        VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, ?, ?)""")
                        .params(id, fileName, caller.actorId(), caller.departmentCode(), started, started).update();
                Batches batches = new Batches(id);
                reader.start();
                try {
                    for (List<Line> batch = reader.next(); batch != null; batch = reader.next()) {
                        batches.write(batch);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("import interrupted", e);
                }
                if (batches.rows == 0) {
                    throw new RuleViolationException(new Violation("file", "unit-import.no-rows"));
                }
                batches.settleSuspects();
                jdbc.sql("""
                        UPDATE unit_import SET total_rows = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ?, finished_at = now()
                         WHERE id = ?""")
                        .params(batches.rows, batches.inserted, batches.updated, batches.unchanged, batches.rejected, id).update();
                audit.record(AuditRecord.change("import", "unit-import", id.toString(), null));
                log.info("Import {} ({}): {} rows, {} inserted, {} updated, {} unchanged, {} rejected in {} ms", id, fileName,
                        batches.rows, batches.inserted, batches.updated, batches.unchanged, batches.rejected,
                        java.time.Duration.between(started, OffsetDateTime.now()).toMillis());
                return new UnitImportReport(id, batches.rows, batches.inserted, batches.updated, batches.unchanged, batches.rejected);
            });
        }
    }

    /** Looked up from the reader's thread, outside the import's transaction: buildings are committed data. */
    private Optional<BuildingFloors> building(String buildingCode, BuildingScope.Clause visible) {
        List<Object> args = new ArrayList<>(visible.args());
        args.add(buildingCode);
        return jdbc.sql("SELECT b.id, b.floors_above, b.floors_below FROM building b JOIN project p ON p.id = b.project_id WHERE "
                        + visible.sql() + " AND b.building_code = ?").params(args)
                .query((rs, n) -> new BuildingFloors(rs.getLong(1), rs.getInt(2), rs.getInt(3))).optional();
    }

    /** Writes the batches of one import on its transaction's connection and counts what happened to each row. */
    private final class Batches {

        private final UUID importId;
        private final Connection connection;
        private final JdbcTemplate template;
        long rows;
        long inserted;
        long updated;
        long unchanged;
        long rejected;

        Batches(UUID importId) {
            this.importId = importId;
            this.connection = DataSourceUtils.getConnection(dataSource);
            this.template = new JdbcTemplate(dataSource);
        }

        void write(List<Line> batch) {
            rows += batch.size();
            List<Line> accepted = new ArrayList<>(batch.size());
            List<Line> held = new ArrayList<>();
            List<Line> refused = new ArrayList<>();
            for (Line line : batch) {
                (line.unit() == null ? refused : line.suspect() ? held : accepted).add(line);
            }
            store(accepted, refused);
            if (!held.isEmpty()) {
                copy("COPY unit_import_held (" + COLUMNS + ", line_no) FROM STDIN (FORMAT csv)", held, UnitImporter::writeHeld);
            }
        }

        /** Writes accepted rows that repeat nothing earlier, and records the refused ones. */
        private void store(List<Line> accepted, List<Line> refused) {
            Map<String, Object[]> existing = existing(accepted);
            Map<String, String> houseHolders = houseHolders(accepted);
            List<Line> fresh = new ArrayList<>();
            List<Line> changed = new ArrayList<>();
            List<Line> written = new ArrayList<>(accepted.size());
            for (Line line : accepted) {
                UnitRecord unit = line.unit();
                String holder = unit.houseCode() == null ? null : houseHolders.get(unit.houseCode());
                if (holder != null && !holder.equals(unit.unitCode())) {
                    // a 房屋编码 identifies one house: it cannot be given to a second unit
                    // the holder is not named: it may be outside the caller's scope
                    refused.add(new Line(line.number(), null, 0,
                            List.of(new Violation(UnitFields.HOUSE_CODE, "unit.house-code-taken")), false));
                    continue;
                }
                written.add(line);
                Object[] current = existing.get(unit.unitCode());
                if (current == null) {
                    fresh.add(line);
                } else if (!sameAs(current, line)) {
                    changed.add(line);
                } else {
                    unchanged++;
                }
            }
            if (!fresh.isEmpty()) {
                inserted += copy("COPY unit (" + COLUMNS + ") FROM STDIN (FORMAT csv)", fresh, (out, line) -> {
                    writeUnit(out, line);
                    out.write('\n');
                });
            }
            if (!changed.isEmpty()) {
                update(changed);
            }
            if (!written.isEmpty()) {
                copy("COPY unit_import_line (line_no, unit_code, house_code) FROM STDIN (FORMAT csv)", written, (out, line) -> {
                    out.write(Long.toString(line.number()));
                    field(out, line.unit().unitCode());
                    field(out, line.unit().houseCode());
                    out.write('\n');
                });
            }
            if (!refused.isEmpty()) {
                rejected += refused.size();
                copy("COPY unit_import_error (import_id, line_no, field, code, args) FROM STDIN (FORMAT csv)", refused, (out, line) -> {
                    for (Violation violation : line.errors()) {
                        out.write(importId.toString());
                        out.write(',');
                        out.write(Long.toString(line.number()));
                        field(out, violation.field());
                        field(out, violation.code());
                        field(out, array(violation.args()));
                        out.write('\n');
                    }
                });
            }
        }

        /**
         * Settles the suspects: a row whose unit code or 房屋编码 appeared on an earlier line is refused, naming that
         * line; the others were only flagged by chance and are stored now.
         */
        void settleSuspects() {
            List<Line> clear = new ArrayList<>();
            List<Line> repeats = new ArrayList<>();
            Map<String, Long> heldUnits = new HashMap<>();
            Map<String, Long> heldHouses = new HashMap<>();
            jdbc.sql("""
                    WITH units AS (SELECT l.unit_code, min(l.line_no) AS first_line FROM unit_import_line l
                                    WHERE l.unit_code IN (SELECT unit_code FROM unit_import_held) GROUP BY l.unit_code),
                         houses AS (SELECT l.house_code, min(l.line_no) AS first_line FROM unit_import_line l
                                     WHERE l.house_code IN (SELECT house_code FROM unit_import_held) GROUP BY l.house_code)
                    SELECT h.*, units.first_line AS unit_first, houses.first_line AS house_first
                      FROM unit_import_held h LEFT JOIN units ON units.unit_code = h.unit_code
                      LEFT JOIN houses ON houses.house_code = h.house_code
                     ORDER BY h.line_no""")
                    .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                        Line line = new Line(rs.getLong("line_no"), record(rs), rs.getLong("building_id"), List.of(), false);
                        Long unitFirst = first(rs.getObject("unit_first", Long.class), heldUnits.get(line.unit().unitCode()));
                        Long houseFirst = line.unit().houseCode() == null ? null
                                : first(rs.getObject("house_first", Long.class), heldHouses.get(line.unit().houseCode()));
                        if (unitFirst != null) {
                            repeats.add(new Line(line.number(), null, 0, List.of(
                                    new Violation(UnitFields.UNIT_CODE, "unit.duplicate-in-file", unitFirst)), false));
                        } else if (houseFirst != null) {
                            repeats.add(new Line(line.number(), null, 0, List.of(
                                    new Violation(UnitFields.HOUSE_CODE, "unit.house-code-duplicate-in-file", houseFirst)), false));
                        } else {
                            clear.add(line);
                        }
                        heldUnits.putIfAbsent(line.unit().unitCode(), line.number());
                        if (line.unit().houseCode() != null) {
                            heldHouses.putIfAbsent(line.unit().houseCode(), line.number());
                        }
                    });
            store(clear, repeats);
        }

        private Map<String, Object[]> existing(List<Line> lines) {
            Map<String, Object[]> existing = new HashMap<>();
            if (lines.isEmpty()) {
                return existing;
            }
            String[] codes = lines.stream().map(l -> l.unit().unitCode()).toArray(String[]::new);
            template.query("SELECT " + COLUMNS + " FROM unit WHERE unit_code = ANY(?)", rs -> {
                Object[] row = new Object[17];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                existing.put((String) row[0], row);
            }, (Object) codes);
            return existing;
        }

        private Map<String, String> houseHolders(List<Line> lines) {
            Map<String, String> holders = new HashMap<>();
            String[] houseCodes = lines.stream().map(l -> l.unit().houseCode()).filter(Objects::nonNull).toArray(String[]::new);
            if (houseCodes.length > 0) {
                template.query("SELECT house_code, unit_code FROM unit WHERE house_code = ANY(?)",
                        rs -> {
                            holders.put(rs.getString(1), rs.getString(2));
                        }, (Object) houseCodes);
            }
            return holders;
        }

        private void update(List<Line> changed) {
            template.batchUpdate("""
                    UPDATE unit SET house_code = ?, building_id = ?, location = ?, floor = ?, room_no = ?, building_area = ?,
                           inner_area = ?, shared_area = ?, house_use = ?, land_use = ?, house_nature = ?, house_type = ?,
                           room_layout = ?, layout_structure = ?, orientation = ?, house_state = ?, version = version + 1,
                           updated_at = now()
                     WHERE unit_code = ?""", changed, changed.size(), (ps, line) -> {
                UnitRecord u = line.unit();
                Object[] values = {u.houseCode(), line.buildingId(), u.location(), u.floor(), u.roomNo(), u.buildingArea(),
                        u.innerArea(), u.sharedArea(), u.houseUse(), u.landUse(), u.houseNature(), u.houseType(),
                        u.roomLayout(), u.layoutStructure(), u.orientation(), u.houseState(), u.unitCode()};
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
            });
            updated += changed.size();
        }

        private long copy(String sql, List<Line> lines, RowWriter writer) {
            try {
                PGCopyOutputStream stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, 1 << 16);
                Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                for (Line line : lines) {
                    writer.write(out, line);
                }
                out.flush();
                return stream.endCopy();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY failed: " + sql, e);
            }
        }
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(Writer out, Line line) throws IOException;
    }

    /** Whether the unit as stored equals the row, column by column in {@link #COLUMNS} order. */
    private static boolean sameAs(Object[] current, Line line) {
        UnitRecord u = line.unit();
        return Objects.equals(current[1], u.houseCode())
                && ((Number) current[2]).longValue() == line.buildingId()
                && Objects.equals(current[3], u.location())
                && ((Number) current[4]).intValue() == u.floor()
                && Objects.equals(current[5], u.roomNo())
                && ((BigDecimal) current[6]).compareTo(u.buildingArea()) == 0
                && ((BigDecimal) current[7]).compareTo(u.innerArea()) == 0
                && ((BigDecimal) current[8]).compareTo(u.sharedArea()) == 0
                && Objects.equals(current[9], u.houseUse())
                && Objects.equals(current[10], u.landUse())
                && Objects.equals(current[11], u.houseNature())
                && Objects.equals(current[12], u.houseType())
                && Objects.equals(current[13], u.roomLayout())
                && Objects.equals(current[14], u.layoutStructure())
                && Objects.equals(current[15], u.orientation())
                && Objects.equals(current[16], u.houseState());
    }

    private static UnitRecord record(ResultSet rs) throws SQLException {
        String code = rs.getString("unit_code");
        return new UnitRecord(code, code.substring(0, 24), rs.getString("house_code"), rs.getString("location"),
                rs.getInt("floor"), rs.getString("room_no"), rs.getBigDecimal("building_area"), rs.getBigDecimal("inner_area"),
                rs.getBigDecimal("shared_area"), rs.getString("house_use"), rs.getString("land_use"),
                rs.getString("house_nature"), rs.getString("house_type"), rs.getString("room_layout"),
                rs.getString("layout_structure"), rs.getString("orientation"), rs.getString("house_state"));
    }

    private static Long first(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
    }

    private static void writeUnit(Writer out, Line line) throws IOException {
        UnitRecord u = line.unit();
        out.write(u.unitCode());
        field(out, u.houseCode());
        out.write(',');
        out.write(Long.toString(line.buildingId()));
        field(out, u.location());
        out.write(',');
        out.write(Integer.toString(u.floor()));
        field(out, u.roomNo());
        out.write(',');
        out.write(u.buildingArea().toPlainString());
        out.write(',');
        out.write(u.innerArea().toPlainString());
        out.write(',');
        out.write(u.sharedArea().toPlainString());
        field(out, u.houseUse());
        field(out, u.landUse());
        field(out, u.houseNature());
        field(out, u.houseType());
        field(out, u.roomLayout());
        field(out, u.layoutStructure());
        field(out, u.orientation());
        field(out, u.houseState());
    }

    private static void writeHeld(Writer out, Line line) throws IOException {
        writeUnit(out, line);
        out.write(',');
        out.write(Long.toString(line.number()));
        out.write('\n');
    }

    /** A CSV field for COPY, after a comma: empty (NULL) when absent, else quoted so commas, quotes, newlines survive. */
    private static void field(Writer out, String value) throws IOException {
        out.write(',');
        if (value != null) {
            out.write('"');
            out.write(value.indexOf('"') < 0 ? value : value.replace("\"", "\"\""));
            out.write('"');
        }
    }

    /** A PostgreSQL text[] literal. */
    private static String array(Object[] values) {
        StringBuilder array = new StringBuilder("{");
        for (Object value : values) {
            if (array.length() > 1) {
                array.append(',');
            }
            array.append('"').append(String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return array.append('}').toString();
    }
}
