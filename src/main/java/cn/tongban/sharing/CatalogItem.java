package cn.tongban.sharing;

import java.time.LocalDate;
import java.util.List;

/**
 * 共享目录条目: one item of the sharing catalog (常经办发〔2023〕19号 附件1) as stored.
 *
 * @param no               序号, as numbered in the document
 * @param providerNo       the 责任单位's number in the document
 * @param provider         责任单位, e.g. 发展改革部门
 * @param departmentCode   the platform department bound to deliver for the provider, or {@code null}
 * @param name             共享的涉税信息名称
 * @param mode             共享方式
 * @param frequencyText    共享方式及交换频率, as written
 * @param scheduleDecision a person's reading of a frequency text the platform does not guess, or {@code null}
 * @param districtLevel    是否区县级共享
 * @param fields           the fields the item contains
 * @param legalBasis       its legal basis
 * @param trackedFrom      deliveries are expected for periods due on or after this day
 * @param version          1 for the first, one more for every change
 */
record CatalogItem(int no, int providerNo, String provider, String departmentCode, String name, CatalogMode mode,
        String frequencyText, String scheduleDecision, boolean districtLevel, List<String> fields, String legalBasis,
        LocalDate trackedFrom, int version) {

    CatalogItem {
        fields = List.copyOf(fields);
    }

    /** The schedule: the person's decision where there is one, else the frequency text as written. */
    Schedule schedule() {
        return Schedule.parse(scheduleDecision != null ? scheduleDecision : frequencyText);
    }
}
