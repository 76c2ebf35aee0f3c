package cn.tongban.building;

import java.time.LocalDate;

/** 幢 as the API shows it. */
record BuildingView(long id, long projectId, String buildingCode, String name, int floorsAbove, int floorsBelow,
        String structure, LocalDate plannedCompletion, LocalDate actualCompletion, long unitCount, long version) {
}
