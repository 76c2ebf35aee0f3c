package cn.tongban.sharing;

import java.time.LocalDate;

/**
 * 逾期提醒: a periodic delivery of the sharing catalog is past its due date and has not arrived (常经办发〔2023〕19号
 * 附件1; 三（三）定期通报). Published once per item and period by the daily check, through Spring Modulith's event
 * publication registry, so that notifiers in other modules receive it even after a crash.
 *
 * @param itemNo         序号 of the catalog item
 * @param itemName       its name
 * @param providerNo     the 责任单位's number
 * @param provider       the 责任单位
 * @param departmentCode the department bound to deliver for it, or {@code null} if none is bound yet
 * @param period         the period not delivered, e.g. {@code 2026-Q3}
 * @param dueOn          its due date
 * @param daysOverdue    days past the due date when noticed
 */
public record DeliveryOverdue(int itemNo, String itemName, int providerNo, String provider, String departmentCode,
        String period, LocalDate dueOn, long daysOverdue) {
}
