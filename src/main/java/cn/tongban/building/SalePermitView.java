package cn.tongban.building;

import java.time.LocalDate;

/** 预售许可 or 现售备案 of a building, with how many units it covers. */
record SalePermitView(long id, long buildingId, SalePermitKind kind, String permitNo, LocalDate issuedOn,
        LocalDate validFrom, LocalDate validTo, long unitCount) {
}
