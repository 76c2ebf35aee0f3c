package cn.tongban.building;

import java.time.LocalDate;

/** 项目 as the API shows it. */
record ProjectView(long id, String name, String developerCreditCode, String districtCode, String districtName,
        String parcelCode, String landUse, LocalDate landTermStart, LocalDate landTermEnd, long buildingCount,
        long version) {
}
