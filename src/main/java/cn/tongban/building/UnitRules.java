package cn.tongban.building;

import static cn.tongban.building.UnitFields.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import cn.tongban.dictionary.Dictionaries;
import cn.tongban.dictionary.DictionaryTypes;
import cn.tongban.kernel.AdministrativeDivision;
import cn.tongban.kernel.Area;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.RealEstateUnitCode;
import cn.tongban.kernel.Violation;

/**
 * The rules one 户 of the 楼盘表 must satisfy on its own. Every broken rule is reported, not just the first, so
 * a clerk can fix a row in one go.
 */
@Component
class UnitRules {

    private static final Pattern HOUSE_CODE_FORMAT = Pattern.compile("[0-9A-Za-z-]{1,40}");
    /** Tolerance of the area sum: areas are surveyed to 0.01 m² (GB/T 17986.1-2000). */
    private static final BigDecimal AREA_TOLERANCE = new BigDecimal("0.01");

    private final Dictionaries dictionaries;

    UnitRules(Dictionaries dictionaries) {
        this.dictionaries = dictionaries;
    }

    /** Field values by name; absent or blank means not given. */
    sealed interface Outcome permits Valid, Invalid {
    }

    record Valid(UnitRecord unit) implements Outcome {
    }

    record Invalid(List<Violation> violations) implements Outcome {
    }

    Outcome check(Function<String, String> field) {
        List<Violation> violations = new ArrayList<>();

        String unitCode = null;
        String buildingCode = null;
        String code = required(field, UNIT_CODE, violations);
        if (code != null) {
            try {
                RealEstateUnitCode parsed = RealEstateUnitCode.of(code);
                if (!parsed.isBuilding()) {
                    violations.add(new Violation(UNIT_CODE, "unit.not-a-house", String.valueOf(parsed.fixtureFeature())));
                } else if (AdministrativeDivision.find(parsed.countyCode()).isEmpty()) {
                    violations.add(new Violation(UNIT_CODE, "unit.county-unknown", parsed.countyCode()));
                } else {
                    unitCode = parsed.value();
                    buildingCode = parsed.buildingCode();
                }
            } catch (InvalidValueException e) {
                violations.add(e.at(UNIT_CODE));
            }
        }

        String houseCode = optional(field, HOUSE_CODE);
        if (houseCode != null && !HOUSE_CODE_FORMAT.matcher(houseCode).matches()) {
            violations.add(new Violation(HOUSE_CODE, "unit.house-code-format"));
        }
        String location = text(field, LOCATION, 200, violations);
        String roomNo = text(field, ROOM_NO, 20, violations);
        String landUse = text(field, LAND_USE, 50, violations);

        Integer floor = null;
        String floorText = required(field, FLOOR, violations);
        if (floorText != null) {
            try {
                floor = Integer.valueOf(floorText);
                if (floor == 0 || floor < -20 || floor > 200) {
                    // Chinese floor numbering has no floor 0: 1 is the ground floor, -1 the first basement
                    violations.add(new Violation(FLOOR, "unit.floor-range"));
                    floor = null;
                }
            } catch (NumberFormatException e) {
                violations.add(new Violation(FLOOR, "unit.floor-integer", floorText));
            }
        }

        Area building = area(field, BUILDING_AREA, true, violations);
        Area inner = area(field, INNER_AREA, true, violations);
        Area shared = area(field, SHARED_AREA, false, violations);
        if (building != null && inner != null && shared != null
                && inner.plus(shared).squareMetres().subtract(building.squareMetres()).abs().compareTo(AREA_TOLERANCE) > 0) {
            // 套内建筑面积 + 分摊的共有建筑面积 = 建筑面积 (GB/T 17986.1-2000 房产测量规范 3.x)
            violations.add(new Violation(BUILDING_AREA, "unit.areas-add-up", inner.squareMetres().toPlainString(),
                    shared.squareMetres().toPlainString(), building.squareMetres().toPlainString()));
        }

        String houseUse = code(field, HOUSE_USE, DictionaryTypes.HOUSE_USE, true, violations);
        String houseNature = code(field, HOUSE_NATURE, DictionaryTypes.HOUSE_NATURE, true, violations);
        String houseType = code(field, HOUSE_TYPE, DictionaryTypes.HOUSE_TYPE, true, violations);
        String houseState = code(field, HOUSE_STATE, DictionaryTypes.HOUSE_STATE, true, violations);
        String roomLayout = code(field, ROOM_LAYOUT, DictionaryTypes.ROOM_LAYOUT, false, violations);
        String layoutStructure = code(field, LAYOUT_STRUCTURE, DictionaryTypes.LAYOUT_STRUCTURE, false, violations);
        String orientation = code(field, ORIENTATION, DictionaryTypes.ORIENTATION, false, violations);

        if (!violations.isEmpty()) {
            return new Invalid(violations);
        }
        return new Valid(new UnitRecord(unitCode, buildingCode, houseCode, location, floor, roomNo,
                building.squareMetres(), inner.squareMetres(), shared.squareMetres(), houseUse, landUse, houseNature,
                houseType, roomLayout, layoutStructure, orientation, houseState));
    }

    private static String optional(Function<String, String> field, String name) {
        String value = field.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String required(Function<String, String> field, String name, List<Violation> violations) {
        String value = optional(field, name);
        if (value == null) {
            violations.add(new Violation(name, "unit.required"));
        }
        return value;
    }

    private static String text(Function<String, String> field, String name, int maxLength, List<Violation> violations) {
        String value = required(field, name, violations);
        if (value != null && value.length() > maxLength) {
            violations.add(new Violation(name, "unit.too-long", maxLength));
            return null;
        }
        return value;
    }

    private static Area area(Function<String, String> field, String name, boolean positive, List<Violation> violations) {
        String value = required(field, name, violations);
        if (value == null) {
            return null;
        }
        try {
            Area area = Area.of(value);
            return positive ? area.requirePositive() : area;
        } catch (InvalidValueException e) {
            violations.add(e.at(name));
            return null;
        } catch (NumberFormatException e) {
            violations.add(new Violation(name, "unit.area-number", value));
            return null;
        }
    }

    private String code(Function<String, String> field, String name, String type, boolean mandatory, List<Violation> violations) {
        String value = mandatory ? required(field, name, violations) : optional(field, name);
        if (value == null) {
            return null;
        }
        try {
            dictionaries.require(type, value);
            return value;
        } catch (InvalidValueException e) {
            violations.add(e.at(name));
            return null;
        }
    }
}
