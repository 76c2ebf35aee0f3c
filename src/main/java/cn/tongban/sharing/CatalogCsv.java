package cn.tongban.sharing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/**
 * The catalog as UTF-8 CSV, one item per row, header
 * {@code no,providerNo,provider,name,mode,frequencyText,districtLevel,fields,legalBasis,scheduleDecision[,trackedFrom]}:
 * {@code mode} 实时共享/按需提供/定期共享, {@code districtLevel} 是/否, {@code fields} separated by semicolons. The
 * shipped Annex 1 (sharing/changzhou-catalog.csv) is in this format, and export writes it.
 */
final class CatalogCsv {

    static final String[] COLUMNS = {"no", "providerNo", "provider", "name", "mode", "frequencyText", "districtLevel",
            "fields", "legalBasis", "scheduleDecision"};
    static final String TRACKED_FROM = "trackedFrom";
    static final int MAX_ERRORS = 1000;

    /** One valid row; {@code trackedFrom} {@code null} when the file does not say. */
    record Row(long line, CatalogItem item) {
    }

    private CatalogCsv() {
    }

    /**
     * Reads every row; if any breaks a rule, nothing is returned and every broken rule is thrown, each named
     * {@code lines[<line>].<column>} (the header is line 1).
     */
    static List<Row> read(InputStream body) {
        Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        List<Row> rows = new ArrayList<>();
        List<Violation> errors = new ArrayList<>();
        try (CSVParser csv = CSVParser.parse(reader, format)) {
            List<String> header = csv.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
            List<Violation> missing = new ArrayList<>();
            for (String column : COLUMNS) {
                if (!header.contains(column)) {
                    missing.add(new Violation(column, "catalog-import.missing-column", column));
                }
            }
            if (!missing.isEmpty()) {
                throw new RuleViolationException(missing);
            }
            Map<Integer, Long> lineOfNo = new HashMap<>();
            Map<Integer, String> providerNames = new HashMap<>();
            for (CSVRecord record : csv) {
                long line = record.getRecordNumber() + 1;
                List<Violation> rowErrors = new ArrayList<>();
                if (!record.isConsistent()) {
                    rowErrors.add(new Violation(null, "catalog-import.field-count", record.size(), header.size()));
                } else {
                    CatalogItem item = row(record, header, rowErrors);
                    if (item != null) {
                        Long earlier = lineOfNo.putIfAbsent(item.no(), line);
                        if (earlier != null) {
                            rowErrors.add(new Violation("no", "catalog-import.duplicate-no", item.no(), earlier));
                        }
                        String name = providerNames.putIfAbsent(item.providerNo(), item.provider());
                        if (name != null && !name.equals(item.provider())) {
                            rowErrors.add(new Violation("provider", "catalog-import.provider-name", item.providerNo(), name));
                        }
                        if (rowErrors.isEmpty()) {
                            rows.add(new Row(line, item));
                        }
                    }
                }
                for (Violation v : rowErrors) {
                    if (errors.size() < MAX_ERRORS) {
                        errors.add(new Violation("lines[" + line + "]" + (v.field() == null ? "" : "." + v.field()), v.code(), v.args()));
                    }
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            if (causedBy(e, CharacterCodingException.class)) {
                throw new RuleViolationException(new Violation(null, "catalog-import.not-utf8"));
            }
            throw new RuleViolationException(new Violation(null, "catalog-import.unreadable"));
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException(errors);
        }
        if (rows.isEmpty()) {
            throw new RuleViolationException(new Violation(null, "catalog-import.no-rows"));
        }
        return rows;
    }

    private static CatalogItem row(CSVRecord record, List<String> header, List<Violation> errors) {
        Map<String, String> v = new HashMap<>();
        for (String column : header) {
            String value = record.get(header.indexOf(column));
            v.put(column, value == null || value.isBlank() ? null : value.strip());
        }
        Integer no = number("no", v.get("no"), errors);
        Integer providerNo = number("providerNo", v.get("providerNo"), errors);
        String provider = CatalogRules.text("provider", v.get("provider"), 100, true, errors);
        String name = CatalogRules.text("name", v.get("name"), 300, true, errors);
        CatalogMode mode = null;
        if (v.get("mode") == null) {
            errors.add(new Violation("mode", "catalog.required"));
        } else {
            mode = CatalogMode.of(v.get("mode")).orElse(null);
            if (mode == null) {
                errors.add(new Violation("mode", "catalog.mode", v.get("mode")));
            }
        }
        String frequency = CatalogRules.text("frequencyText", v.get("frequencyText"), 100, true, errors);
        Boolean district = null;
        String d = v.get("districtLevel");
        if (d == null || d.equals("否") || d.equalsIgnoreCase("false")) {
            district = false;
        } else if (d.equals("是") || d.equalsIgnoreCase("true")) {
            district = true;
        } else {
            errors.add(new Violation("districtLevel", "catalog.district-level", d));
        }
        List<String> fields = v.get("fields") == null ? List.of()
                : Arrays.stream(v.get("fields").split("[;；]")).map(String::strip).filter(f -> !f.isEmpty()).toList();
        String legalBasis = CatalogRules.text("legalBasis", v.get("legalBasis"), 500, false, errors);
        String decision = CatalogRules.text("scheduleDecision", v.get("scheduleDecision"), 100, false, errors);
        LocalDate trackedFrom = null;
        if (v.get(TRACKED_FROM) != null) {
            try {
                trackedFrom = LocalDate.parse(v.get(TRACKED_FROM));
            } catch (DateTimeParseException e) {
                errors.add(new Violation(TRACKED_FROM, "catalog.date-format", v.get(TRACKED_FROM)));
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        CatalogItem item = new CatalogItem(no, providerNo, provider, null, name, mode, frequency, decision, district, fields,
                legalBasis, trackedFrom, 0);
        CatalogRules.check(item, errors);
        return errors.isEmpty() ? item : null;
    }

    private static Integer number(String field, String value, List<Violation> errors) {
        if (value == null) {
            errors.add(new Violation(field, "catalog.required"));
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            if (n > 0 && n <= 99_999) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new Violation(field, "catalog.number", value));
        return null;
    }

    /** Writes the items in the import format (with {@code trackedFrom}), so that an export imports unchanged. */
    static void write(List<CatalogItem> items, Writer out) {
        String[] header = Arrays.copyOf(COLUMNS, COLUMNS.length + 1);
        header[COLUMNS.length] = TRACKED_FROM;
        try {
            // not closed: the writer belongs to the caller (a response's stream is closed by the container)
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator("\n").get());
            for (CatalogItem i : items) {
                csv.printRecord(i.no(), i.providerNo(), i.provider(), i.name(), i.mode().text, i.frequencyText(),
                        i.districtLevel() ? "是" : "否", String.join(";", i.fields()), i.legalBasis(), i.scheduleDecision(),
                        i.trackedFrom());
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
