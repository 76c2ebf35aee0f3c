package cn.tongban.building;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/**
 * Bulk import of 户 into the 楼盘表 from a CSV file (UTF-8, a header naming the fields).
 *
 * <p>The file is streamed, never held in memory: each row is checked on its own as it is read and written,
 * valid or not, to a temporary staging table through PostgreSQL's COPY. The rules that need the database —
 * the building exists and has that floor, a code is not repeated in the file, a 房屋编码 is not another unit's —
 * are then checked set-wise in SQL, and the valid rows are upserted by 不动产单元代码 in one statement that leaves
 * unchanged rows untouched (importing the same file twice changes nothing). Everything happens in one
 * transaction: a file that cannot be read at all (wrong encoding, missing column) writes nothing, and a row is
 * either imported whole or reported with its line, field and rule.
 */
@Service
class UnitImporter {

    /** How many errors the import response carries; the rest are paged at /imports/{id}/errors. */
    static final int ERRORS_IN_RESPONSE = 100;

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static final String STAGING = """
            CREATE TEMPORARY TABLE unit_import_staging (
                line_no BIGINT NOT NULL, err_field TEXT, err_code TEXT, err_args TEXT[],
                unit_code CHAR(28), building_code CHAR(24), house_code TEXT, location TEXT, floor INT, room_no TEXT,
                building_area NUMERIC(12,2), inner_area NUMERIC(12,2), shared_area NUMERIC(12,2), house_use TEXT,
                land_use TEXT, house_nature TEXT, house_type TEXT, room_layout TEXT, layout_structure TEXT,
                orientation TEXT, house_state TEXT
            ) ON COMMIT DROP""";

    private static final String COPY = "COPY unit_import_staging FROM STDIN (FORMAT csv)";

    /** Rules checked against the database, each marking the rows that break it (only those rows are rewritten). */
    private static final List<String> SET_RULES = List.of(
            // the building (幢, the code's first 24 characters) must be in the 楼盘表 already
            """
            UPDATE unit_import_staging s SET err_field = 'unitCode', err_code = 'unit.building-unknown', err_args = ARRAY[s.building_code::text]
             WHERE s.err_code IS NULL AND NOT EXISTS (SELECT 1 FROM building b WHERE b.building_code = s.building_code)""",
            // the floor must exist in that building
            """
            UPDATE unit_import_staging s SET err_field = 'floor', err_code = 'unit.floor-outside-building',
                   err_args = ARRAY[(-b.floors_below)::text, b.floors_above::text]
              FROM building b
             WHERE s.err_code IS NULL AND b.building_code = s.building_code
               AND NOT (s.floor BETWEEN -b.floors_below AND b.floors_above)""",
            // a unit code twice in one file: which row is right cannot be known, so none of them is imported
            """
            UPDATE unit_import_staging s SET err_field = 'unitCode', err_code = 'unit.duplicate-in-file', err_args = ARRAY[d.lines]
              FROM (SELECT unit_code, string_agg(line_no::text, ', ' ORDER BY line_no) AS lines
                      FROM unit_import_staging WHERE err_code IS NULL GROUP BY unit_code HAVING count(*) > 1) d
             WHERE s.err_code IS NULL AND s.unit_code = d.unit_code""",
            """
            UPDATE unit_import_staging s SET err_field = 'houseCode', err_code = 'unit.house-code-duplicate-in-file', err_args = ARRAY[d.lines]
              FROM (SELECT house_code, string_agg(line_no::text, ', ' ORDER BY line_no) AS lines
                      FROM unit_import_staging WHERE err_code IS NULL AND house_code IS NOT NULL
                     GROUP BY house_code HAVING count(*) > 1) d
             WHERE s.err_code IS NULL AND s.house_code = d.house_code""",
            // a 房屋编码 identifies one house: it cannot be given to a second unit
            """
            UPDATE unit_import_staging s SET err_field = 'houseCode', err_code = 'unit.house-code-taken', err_args = ARRAY[u.unit_code::text]
              FROM unit u
             WHERE s.err_code IS NULL AND u.house_code = s.house_code AND u.unit_code <> s.unit_code""");

    private static final String MERGE = """
            WITH merged AS (
                INSERT INTO unit AS u (unit_code, house_code, building_id, location, floor, room_no, building_area,
                                       inner_area, shared_area, house_use, land_use, house_nature, house_type,
                                       room_layout, layout_structure, orientation, house_state)
                SELECT s.unit_code, s.house_code, b.id, s.location, s.floor, s.room_no, s.building_area, s.inner_area,
                       s.shared_area, s.house_use, s.land_use, s.house_nature, s.house_type, s.room_layout,
                       s.layout_structure, s.orientation, s.house_state
                  FROM unit_import_staging s JOIN building b ON b.building_code = s.building_code
                 WHERE s.err_code IS NULL
                ON CONFLICT (unit_code) DO UPDATE
                   SET house_code = EXCLUDED.house_code, building_id = EXCLUDED.building_id, location = EXCLUDED.location,
                       floor = EXCLUDED.floor, room_no = EXCLUDED.room_no, building_area = EXCLUDED.building_area,
                       inner_area = EXCLUDED.inner_area, shared_area = EXCLUDED.shared_area,
                       house_use = EXCLUDED.house_use, land_use = EXCLUDED.land_use,
                       house_nature = EXCLUDED.house_nature, house_type = EXCLUDED.house_type,
                       room_layout = EXCLUDED.room_layout, layout_structure = EXCLUDED.layout_structure,
                       orientation = EXCLUDED.orientation, house_state = EXCLUDED.house_state,
                       version = u.version + 1, updated_at = now()
                 WHERE (u.house_code, u.building_id, u.location, u.floor, u.room_no, u.building_area, u.inner_area,
                        u.shared_area, u.house_use, u.land_use, u.house_nature, u.house_type, u.room_layout,
                        u.layout_structure, u.orientation, u.house_state)
                       IS DISTINCT FROM
                       (EXCLUDED.house_code, EXCLUDED.building_id, EXCLUDED.location, EXCLUDED.floor, EXCLUDED.room_no,
                        EXCLUDED.building_area, EXCLUDED.inner_area, EXCLUDED.shared_area, EXCLUDED.house_use,
                        EXCLUDED.land_use, EXCLUDED.house_nature, EXCLUDED.house_type, EXCLUDED.room_layout,
                        EXCLUDED.layout_structure, EXCLUDED.orientation, EXCLUDED.house_state)
                RETURNING (xmax = 0) AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated FROM merged""";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final UnitRules rules;

    UnitImporter(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transaction, UnitRules rules) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.rules = rules;
    }

    UnitImportReport importCsv(InputStream body, String fileName) {
        OffsetDateTime started = OffsetDateTime.now();
        UUID id = UUID.randomUUID();
        return transaction.execute(status -> {
            jdbc.sql(STAGING).update();
            long rows = stage(body);
            SET_RULES.forEach(rule -> jdbc.sql(rule).update());
            Map<String, Object> merged = jdbc.sql(MERGE).query().singleRow();
            long inserted = ((Number) merged.get("inserted")).longValue();
            long updated = ((Number) merged.get("updated")).longValue();
            long rejected = jdbc.sql("SELECT count(DISTINCT line_no) FROM unit_import_staging WHERE err_code IS NOT NULL")
                    .query(Long.class).single();
            jdbc.sql("""
                    INSERT INTO unit_import (id, file_name, total_rows, inserted, updated, unchanged, rejected, started_at, finished_at)
                    VALUES (:id, :fileName, :total, :inserted, :updated, :unchanged, :rejected, :started, now())""")
                    .param("id", id).param("fileName", fileName).param("total", rows).param("inserted", inserted)
                    .param("updated", updated).param("unchanged", rows - inserted - updated - rejected)
                    .param("rejected", rejected).param("started", started).update();
            jdbc.sql("""
                    INSERT INTO unit_import_error (import_id, line_no, field, code, args)
                    SELECT :id, line_no, err_field, err_code, coalesce(err_args, '{}') FROM unit_import_staging
                     WHERE err_code IS NOT NULL""").param("id", id).update();
            return new UnitImportReport(id, rows, inserted, updated, rows - inserted - updated - rejected, rejected);
        });
    }

    /** Reads, checks and COPYs every row into the staging table; returns the number of data rows. */
    private long stage(InputStream body) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (CSVParser csv = parser(body)) {
            checkHeader(csv.getHeaderNames());
            PGConnection pg = connection.unwrap(PGConnection.class);
            long rows = 0;
            try (Writer copy = new BufferedWriter(new OutputStreamWriter(
                    new PGCopyOutputStream(pg, COPY, 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
                Iterator<CSVRecord> records = csv.iterator();
                while (true) {
                    CSVRecord record;
                    try {
                        if (!records.hasNext()) {
                            break;
                        }
                        record = records.next();
                    } catch (UncheckedIOException e) {
                        throw unreadable(e.getCause(), csv.getCurrentLineNumber() + 1);
                    }
                    rows++;
                    stageRow(copy, record, csv.getCurrentLineNumber());
                }
            }
            if (rows == 0) {
                throw new RuleViolationException(new Violation("file", "unit-import.no-rows"));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into the staging table failed", e);
        }
    }

    private void stageRow(Writer copy, CSVRecord record, long line) throws IOException {
        if (!record.isConsistent()) {
            writeError(copy, line, new Violation(null, "unit-import.field-count", record.size()));
            return;
        }
        UnitRules.Outcome outcome = rules.check(name -> record.isMapped(name) ? record.get(name) : null);
        if (outcome instanceof UnitRules.Invalid invalid) {
            for (Violation violation : invalid.violations()) {
                writeError(copy, line, violation);
            }
            return;
        }
        UnitRecord u = ((UnitRules.Valid) outcome).unit();
        copy.write(Long.toString(line));
        copy.write(",,,,");
        copy.write(u.unitCode());
        copy.write(',');
        copy.write(u.buildingCode());
        field(copy, u.houseCode());
        field(copy, u.location());
        copy.write(',');
        copy.write(Integer.toString(u.floor()));
        field(copy, u.roomNo());
        number(copy, u.buildingArea());
        number(copy, u.innerArea());
        number(copy, u.sharedArea());
        field(copy, u.houseUse());
        field(copy, u.landUse());
        field(copy, u.houseNature());
        field(copy, u.houseType());
        field(copy, u.roomLayout());
        field(copy, u.layoutStructure());
        field(copy, u.orientation());
        field(copy, u.houseState());
        copy.write('\n');
    }

    private static void writeError(Writer copy, long line, Violation violation) throws IOException {
        copy.write(Long.toString(line));
        field(copy, violation.field());
        field(copy, violation.code());
        StringBuilder array = new StringBuilder("{");
        for (Object arg : violation.args()) {
            if (array.length() > 1) {
                array.append(',');
            }
            array.append('"').append(String.valueOf(arg).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        field(copy, array.append('}').toString());
        copy.write(",,,,,,,,,,,,,,,,,\n");
    }

    /** A CSV field for COPY: empty (NULL) when absent, else always quoted so commas, quotes and newlines survive. */
    private static void field(Writer copy, String value) throws IOException {
        copy.write(',');
        if (value != null) {
            copy.write('"');
            copy.write(value.indexOf('"') < 0 ? value : value.replace("\"", "\"\""));
            copy.write('"');
        }
    }

    private static void number(Writer copy, BigDecimal value) throws IOException {
        copy.write(',');
        copy.write(value.toPlainString());
    }

    private static CSVParser parser(InputStream body) throws IOException {
        PushbackInputStream in = new PushbackInputStream(body, UTF8_BOM.length);
        byte[] head = in.readNBytes(UTF8_BOM.length);
        // Excel writes UTF-8 CSV with a byte-order mark; it is not part of the first column's name
        if (!java.util.Arrays.equals(head, UTF8_BOM)) {
            in.unread(head);
        }
        // A GBK (or any non-UTF-8) file is refused, not guessed at: a mis-decoded 坐落 would be imported silently wrong
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        try {
            return CSVFormat.RFC4180.builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true)
                    .setIgnoreSurroundingSpaces(true)
                    .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                    .setAllowMissingColumnNames(false)
                    .get()
                    .parse(reader);
        } catch (CharacterCodingException e) {
            throw unreadable(e, 1);
        } catch (IllegalArgumentException e) {
            // commons-csv refuses a repeated or empty column name in the header
            throw new RuleViolationException(new Violation("file", "unit-import.header-invalid", 1));
        }
    }

    private static void checkHeader(List<String> header) {
        if (header.isEmpty()) {
            throw new RuleViolationException(new Violation("file", "unit-import.empty"));
        }
        List<Violation> violations = new ArrayList<>();
        for (String required : UnitFields.REQUIRED) {
            if (!header.contains(required)) {
                violations.add(new Violation(required, "unit-import.missing-column", required));
            }
        }
        for (String column : header) {
            if (!UnitFields.ALL.contains(column)) {
                violations.add(new Violation(column, "unit-import.unknown-column", column));
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    private static RuleViolationException unreadable(Throwable cause, long line) {
        if (cause instanceof CharacterCodingException) {
            return new RuleViolationException(new Violation("file", "unit-import.not-utf8", line));
        }
        return new RuleViolationException(new Violation("file", "unit-import.unreadable", line));
    }
}
