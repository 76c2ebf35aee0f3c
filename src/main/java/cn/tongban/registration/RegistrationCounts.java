package cn.tongban.registration;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/**
 * 登簿 in figures, for the housing department's market monitoring (建房规〔2020〕4号 五（十三）; 互联网+不动产登记建设指南
 * 三（一）3: 登记结果信息实时推送住建部门): how many entries were written in the register book per district and month
 * (Asia/Shanghai) and kind. The district is that of the 不动产单元代码 (its first six digits, GB/T 2260). Not scoped
 * and not audited: the caller decides the districts; counts carry no personal data.
 */
public interface RegistrationCounts {

    /** The entries of one district, month and kind ({@code OWNERSHIP}, {@code MORTGAGE} …). */
    record Count(String districtCode, String month, String entryKind, long entries) {
    }

    /**
     * @param to        the last month (inclusive)
     * @param districts county codes to count, {@code null} for all
     */
    List<Count> entries(YearMonth from, YearMonth to, Set<String> districts);
}
