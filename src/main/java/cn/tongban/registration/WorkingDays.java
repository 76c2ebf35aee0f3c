package cn.tongban.registration;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * 工作日: time limits of registration are counted in working days (不动产登记暂行条例 第二十条: 自受理登记申请之日起30个
 * 工作日内办结). Saturdays and Sundays are not; the State Council's yearly holiday arrangement (放假调休) is not
 * modelled yet, so a limit may fall a day or two early around public holidays — on the applicant's side.
 */
final class WorkingDays {

    private WorkingDays() {
    }

    /** The day {@code days} working days after {@code start}. */
    static LocalDate after(LocalDate start, int days) {
        LocalDate day = start;
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day;
    }
}
