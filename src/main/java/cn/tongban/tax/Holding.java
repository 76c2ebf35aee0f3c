package cn.tongban.tax;

import java.time.LocalDate;
import java.time.Period;

/**
 * 持有期限 (how long a seller has held a home), for the two-year VAT exemption (财税〔2016〕36号 附件3 五) and the
 * five-year income-tax exemption (财税字〔1999〕278号 四).
 *
 * <p>The rule: a home acquired on day D has been held N years on the N-th anniversary of D and on every later day
 * ("2年以上（含2年）" includes the anniversary itself). A home acquired on 29 February has its anniversary in a
 * common year on 28 February: 民法典 第二百零二条 — 按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，
 * 月末日为期间的最后一日. {@link LocalDate#plusYears(long)} does exactly that.
 *
 * @param acquiredOn the earlier of the ownership certificate and the deed-tax receipt (国税发〔2005〕172号, recalled:
 *                   not in the seeds)
 * @param on         the day the holding is measured at (the contract date)
 */
record Holding(LocalDate acquiredOn, LocalDate on) {

    boolean atLeastYears(int years) {
        return !on.isBefore(anniversary(years));
    }

    /** The day the holding reaches {@code years} full years. */
    LocalDate anniversary(int years) {
        return acquiredOn.plusYears(years);
    }

    /** zh-CN, e.g. {@code 1年11个月30天}. */
    String describe() {
        Period period = Period.between(acquiredOn, on);
        return period.getYears() + "年" + period.getMonths() + "个月" + period.getDays() + "天";
    }
}
