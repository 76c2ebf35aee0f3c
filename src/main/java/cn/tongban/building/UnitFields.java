package cn.tongban.building;

import java.util.List;
import java.util.Set;

/**
 * The fields of a 户 that the 楼盘表 import carries, by their API names (also the CSV header names). The 楼盘表
 * must hold 房屋坐落、房屋编码、建筑面积、房屋用途、土地用途、房屋性质 (建房规〔2020〕4号 一（三）); the rest
 * follow the national filing data standard's 楼盘表 data items (建办房〔2020〕14号).
 */
final class UnitFields {

    static final String UNIT_CODE = "unitCode";
    static final String HOUSE_CODE = "houseCode";
    static final String LOCATION = "location";
    static final String FLOOR = "floor";
    static final String ROOM_NO = "roomNo";
    static final String BUILDING_AREA = "buildingArea";
    static final String INNER_AREA = "innerArea";
    static final String SHARED_AREA = "sharedArea";
    static final String HOUSE_USE = "houseUse";
    static final String LAND_USE = "landUse";
    static final String HOUSE_NATURE = "houseNature";
    static final String HOUSE_TYPE = "houseType";
    static final String ROOM_LAYOUT = "roomLayout";
    static final String LAYOUT_STRUCTURE = "layoutStructure";
    static final String ORIENTATION = "orientation";
    static final String HOUSE_STATE = "houseState";

    /** Columns an import file must have, in the order of a template file. */
    static final List<String> REQUIRED = List.of(UNIT_CODE, LOCATION, FLOOR, ROOM_NO, BUILDING_AREA, INNER_AREA,
            SHARED_AREA, HOUSE_USE, LAND_USE, HOUSE_NATURE, HOUSE_TYPE, HOUSE_STATE);

    /** Columns an import file may have; an empty cell leaves the field unknown. */
    static final List<String> OPTIONAL = List.of(HOUSE_CODE, ROOM_LAYOUT, LAYOUT_STRUCTURE, ORIENTATION);

    static final Set<String> ALL = Set.copyOf(concat());

    private static List<String> concat() {
        var all = new java.util.ArrayList<>(REQUIRED);
        all.addAll(OPTIONAL);
        return all;
    }

    private UnitFields() {
    }
}
