package cn.tongban.building;

import java.math.BigDecimal;

/**
 * A 户's 楼盘表 data that passed every rule a single row can be checked against: code formats, dictionary codes,
 * areas. Whether its building exists, and whether its code repeats, is checked against the database.
 */
record UnitRecord(String unitCode, String buildingCode, String houseCode, String location, int floor, String roomNo,
        BigDecimal buildingArea, BigDecimal innerArea, BigDecimal sharedArea, String houseUse, String landUse,
        String houseNature, String houseType, String roomLayout, String layoutStructure, String orientation,
        String houseState) {
}
