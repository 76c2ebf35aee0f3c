package cn.tongban.building;

import java.util.UUID;

/** What a bulk import did: every data row is exactly one of inserted, updated, unchanged or rejected. */
record UnitImportReport(UUID importId, long totalRows, long inserted, long updated, long unchanged, long rejected) {
}
