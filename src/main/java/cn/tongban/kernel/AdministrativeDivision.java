package cn.tongban.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * 行政区划 (administrative division) of GB/T 2260: a six-digit code — two digits of province, two of prefecture,
 * two of county — with its name and kind.
 *
 * <p>The platform knows 江苏省, its prefecture-level cities and their county-level divisions, read once from
 * {@code kernel/administrative-divisions.csv}; the file names its source.
 *
 * @param code       the six-digit GB/T 2260 code
 * @param name       the official name, e.g. 天宁区
 * @param kind       the level and kind of the division
 * @param parentCode the code of the division one level up, {@code null} for a province
 */
public record AdministrativeDivision(String code, String name, DivisionKind kind, String parentCode) {

    private static final String RESOURCE = "/kernel/administrative-divisions.csv";

    public AdministrativeDivision {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /** The six-digit code, for JSON. */
    @Override
    @JsonValue
    public String code() {
        return code;
    }

    /** The division with this code, if the platform knows it; empty for unknown or malformed codes and null. */
    public static Optional<AdministrativeDivision> find(String code) {
        return Optional.ofNullable(code == null ? null : Table.BY_CODE.get(code.strip()));
    }

    /**
     * The division with this code.
     *
     * @throws InvalidValueException {@code division.blank}, {@code division.format} if not six digits, or
     *                               {@code division.unknown} if six digits that name no division the platform knows
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static AdministrativeDivision of(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidValueException("division.blank");
        }
        String digits = code.strip();
        // GB/T 2260: six Arabic digits.
        if (!digits.matches("[0-9]{6}")) {
            throw new InvalidValueException("division.format", digits);
        }
        AdministrativeDivision division = Table.BY_CODE.get(digits);
        if (division == null) {
            throw new InvalidValueException("division.unknown", digits);
        }
        return division;
    }

    /** Every division the platform knows, ordered by code. */
    public static List<AdministrativeDivision> all() {
        return Table.ALL;
    }

    /** The divisions one level down, ordered by code; empty for a county-level division. */
    public List<AdministrativeDivision> children() {
        return Table.CHILDREN.getOrDefault(code, List.of());
    }

    /** Whether this is a county-level division (市辖区, 县级市 or 县), the level of 城市维护建设税法 第四条. */
    public boolean isCountyLevel() {
        return kind == DivisionKind.URBAN_DISTRICT || kind == DivisionKind.COUNTY_LEVEL_CITY
                || kind == DivisionKind.COUNTY;
    }

    @Override
    public String toString() {
        return code;
    }

    /** Read once, on first use. */
    private static final class Table {

        static final List<AdministrativeDivision> ALL = load();
        static final Map<String, AdministrativeDivision> BY_CODE = byCode();
        static final Map<String, List<AdministrativeDivision>> CHILDREN = children();

        private static List<AdministrativeDivision> load() {
            InputStream in = AdministrativeDivision.class.getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            List<AdministrativeDivision> divisions = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                boolean header = true;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    if (header) {
                        header = false;
                        continue;
                    }
                    String[] fields = line.split(",", -1);
                    if (fields.length != 4) {
                        throw new IllegalStateException(RESOURCE + ": expected code,name,kind,parent in: " + line);
                    }
                    divisions.add(new AdministrativeDivision(fields[0].strip(), fields[1].strip(),
                            DivisionKind.valueOf(fields[2].strip()), fields[3].isBlank() ? null : fields[3].strip()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            divisions.sort((a, b) -> a.code.compareTo(b.code));
            return List.copyOf(divisions);
        }

        private static Map<String, AdministrativeDivision> byCode() {
            Map<String, AdministrativeDivision> byCode = new LinkedHashMap<>();
            for (AdministrativeDivision division : ALL) {
                if (byCode.put(division.code, division) != null) {
                    throw new IllegalStateException(RESOURCE + ": duplicate code " + division.code);
                }
            }
            return Collections.unmodifiableMap(byCode);
        }

        private static Map<String, List<AdministrativeDivision>> children() {
            Map<String, List<AdministrativeDivision>> children = new LinkedHashMap<>();
            for (AdministrativeDivision division : ALL) {
                if (division.parentCode != null) {
                    children.computeIfAbsent(division.parentCode, parent -> new ArrayList<>()).add(division);
                }
            }
            children.replaceAll((parent, list) -> List.copyOf(list));
            return Collections.unmodifiableMap(children);
        }
    }
}
