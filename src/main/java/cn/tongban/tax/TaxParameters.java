package cn.tongban.tax;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import cn.tongban.tax.TaxParameter.Checked;
import cn.tongban.tax.TaxParameter.Citation;

/**
 * 税收参数表 (the tax parameter table): every rate, threshold and exemption with its validity, jurisdiction and
 * source, read once from {@code tax/parameters.csv} (versioned with the code, so that every calculation can be
 * traced to the rows in force on its date). Refuses to load a table with a row lacking its source, overlapping
 * intervals, or a provincial deed-tax rate outside the range of 契税法 第三条.
 */
final class TaxParameters {

    static final String RESOURCE = "/tax/parameters.csv";

    private static final String[] HEADER = {"key", "jurisdiction", "region", "valid_from", "valid_to", "value",
            "document", "article", "published", "checked", "note"};
    private static final Set<String> WORDS = Set.of(TaxParameter.NONE, "EXEMPT", "APPLIES");

    private final List<TaxParameter> all;
    private final Map<String, TaxParameter[]> byKey;

    private TaxParameters(List<TaxParameter> all) {
        this.all = List.copyOf(all);
        Map<String, List<TaxParameter>> grouped = new HashMap<>();
        all.forEach(p -> grouped.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p));
        this.byKey = new HashMap<>();
        // most specific first, so that a look-up stops at the first row that applies
        grouped.forEach((key, rows) -> byKey.put(key, rows.stream()
                .sorted(Comparator.comparing((TaxParameter p) -> p.jurisdiction().specificity()).reversed())
                .toArray(TaxParameter[]::new)));
        checkNoOverlaps();
        checkDeedTaxRatesWithinTheLaw();
    }

    /** The table of the application, {@code tax/parameters.csv}. */
    static TaxParameters load() {
        InputStream in = TaxParameters.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing resource " + RESOURCE);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table from CSV text in the format of {@code tax/parameters.csv} (tests use variants of it). */
    static TaxParameters parse(String csv) {
        try {
            return parse(new StringReader(csv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TaxParameters parse(Reader reader) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setCommentMarker('#').setHeader(HEADER).setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).get();
        List<TaxParameter> rows = new ArrayList<>();
        for (CSVRecord record : format.parse(reader)) {
            if (record.size() != HEADER.length) {
                throw invalid(record, "expected " + HEADER.length + " columns");
            }
            rows.add(row(record));
        }
        return new TaxParameters(rows);
    }

    private static TaxParameter row(CSVRecord record) {
        try {
            String key = required(record, "key");
            Jurisdiction jurisdiction = Jurisdiction.valueOf(required(record, "jurisdiction"));
            String region = record.get("region").isBlank() ? null : record.get("region");
            if ((jurisdiction == Jurisdiction.NATIONAL) != (region == null) || (region != null && !region.matches("[0-9]{6}"))) {
                throw invalid(record, "a national row has no region, a provincial or city row a six-digit one");
            }
            LocalDate from = LocalDate.parse(required(record, "valid_from"));
            LocalDate to = LocalDate.parse(required(record, "valid_to"));
            if (to.isBefore(from)) {
                throw invalid(record, "valid_to before valid_from");
            }
            String value = required(record, "value");
            BigDecimal decimal = WORDS.contains(value) ? null : new BigDecimal(value);
            Checked checked = Checked.valueOf(required(record, "checked").toUpperCase().replace('-', '_'));
            // a source is required; only a document still to be confirmed may lack its publication date
            String published = record.get("published");
            if (published.isBlank() && checked != Checked.TO_BE_CONFIRMED) {
                throw invalid(record, "published date missing");
            }
            Citation citation = Citation.of(required(record, "document"), required(record, "article"),
                    published.isBlank() ? null : LocalDate.parse(published), checked);
            String percent = decimal == null ? null : decimal.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
            return new TaxParameter(key, jurisdiction, region, from, to, value, decimal, percent, from + "至" + to, citation,
                    record.get("note"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid(record, e.getMessage());
        }
    }

    private static String required(CSVRecord record, String column) {
        String value = record.get(column);
        if (value == null || value.isBlank()) {
            throw invalid(record, column + " missing");
        }
        return value;
    }

    private static IllegalStateException invalid(CSVRecord record, String why) {
        return new IllegalStateException(RESOURCE + " line " + record.getRecordNumber() + ": " + why + ": " + record);
    }

    /** Every row, in file order. */
    List<TaxParameter> all() {
        return all;
    }

    /**
     * The row of {@code key} valid on {@code date} for this district, the most specific jurisdiction first.
     *
     * @throws ParameterGap when no row applies: the date is before the first row of the key, after the last one,
     *                      or no row covers the district's province on that date
     */
    TaxParameter find(String key, LocalDate date, Region region) {
        TaxParameter[] rows = byKey.get(key);
        if (rows == null) {
            throw new IllegalStateException("no parameter " + key + " in " + RESOURCE);
        }
        for (TaxParameter row : rows) {
            if (row.validOn(date) && region.covers(row)) {
                return row;
            }
        }
        LocalDate first = LocalDate.MAX;
        LocalDate last = LocalDate.MIN;
        for (TaxParameter row : rows) {
            if (row.validFrom().isBefore(first)) {
                first = row.validFrom();
            }
            if (row.validTo().isAfter(last)) {
                last = row.validTo();
            }
        }
        TaxParameter earliest = earliest(rows);
        if (date.isBefore(first)) {
            throw new ParameterGap(ParameterGap.Kind.BEFORE, earliest, date, first);
        }
        if (date.isAfter(last)) {
            throw new ParameterGap(ParameterGap.Kind.AFTER, earliest, date, last);
        }
        throw new ParameterGap(ParameterGap.Kind.REGION, earliest, date, null);
    }

    private static TaxParameter earliest(TaxParameter[] rows) {
        TaxParameter earliest = rows[0];
        for (TaxParameter row : rows) {
            if (row.validFrom().isBefore(earliest.validFrom())) {
                earliest = row;
            }
        }
        return earliest;
    }

    /** Two rows of the same key and jurisdiction that overlap in time would make the answer depend on file order. */
    private void checkNoOverlaps() {
        for (TaxParameter[] rows : byKey.values()) {
            List<TaxParameter> sorted = new ArrayList<>(List.of(rows));
            sorted.sort(Comparator.comparing(TaxParameter::validFrom));
            for (int i = 0; i < sorted.size(); i++) {
                for (int j = i + 1; j < sorted.size(); j++) {
                    TaxParameter a = sorted.get(i);
                    TaxParameter b = sorted.get(j);
                    if (a.jurisdiction() == b.jurisdiction() && java.util.Objects.equals(a.region(), b.region())
                            && !b.validFrom().isAfter(a.validTo())) {
                        throw new IllegalStateException(RESOURCE + ": " + a.key() + " rows overlap: " + a.validFrom()
                                + ".." + a.validTo() + " and " + b.validFrom() + ".." + b.validTo());
                    }
                }
            }
        }
    }

    /** 契税法 第三条: the province's rate lies within 3%–5%, checked on the first day of each provincial row. */
    private void checkDeedTaxRatesWithinTheLaw() {
        for (TaxParameter rate : byKey.getOrDefault(ParameterKeys.DEED_TAX_RATE, new TaxParameter[0])) {
            Region province = Region.of(rate.region(), rate.region(), rate.region());
            BigDecimal minimum = find(ParameterKeys.DEED_TAX_RATE_MINIMUM, rate.validFrom(), province).decimal();
            BigDecimal maximum = find(ParameterKeys.DEED_TAX_RATE_MAXIMUM, rate.validFrom(), province).decimal();
            if (rate.decimal() == null || rate.decimal().compareTo(minimum) < 0 || rate.decimal().compareTo(maximum) > 0) {
                throw new IllegalStateException(RESOURCE + ": deed-tax rate " + rate.value() + " of " + rate.region()
                        + " outside 契税法 第三条 " + minimum + "–" + maximum);
            }
        }
    }

    /**
     * Where a calculation happens: the district and the city and province it belongs to (GB/T 2260 codes), against
     * which provincial and city rows are matched.
     */
    record Region(String district, String city, String province) {

        static Region of(String district, String city, String province) {
            return new Region(district, city, province);
        }

        boolean covers(TaxParameter row) {
            return switch (row.jurisdiction()) {
                case NATIONAL -> true;
                case PROVINCE -> row.region().equals(province);
                case CITY -> row.region().equals(city) || row.region().equals(district);
            };
        }
    }

    /** No parameter row applies: the rules of that date or place are not loaded, and nothing is calculated. */
    static final class ParameterGap extends RuntimeException {

        enum Kind { BEFORE, AFTER, REGION }

        final Kind kind;
        final TaxParameter example;
        final LocalDate date;
        final LocalDate bound;

        ParameterGap(Kind kind, TaxParameter example, LocalDate date, LocalDate bound) {
            super(kind + " " + example.key() + " " + date, null, false, false);
            this.kind = kind;
            this.example = example;
            this.date = date;
            this.bound = bound;
        }
    }
}
