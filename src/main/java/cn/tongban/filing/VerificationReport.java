package cn.tongban.filing;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * 核验报告: every automatic check of one filing attempt (建房规〔2020〕4号 二（五）、（六）) — its rule, result,
 * reason in Chinese, the data source and how recent that data is.
 */
record VerificationReport(OffsetDateTime checkedAt, List<Check> checks) {

    enum Result {
        PASS, WARN, FAIL
    }

    /**
     * @param rule       stable rule name, e.g. {@code unit.seizure}
     * @param field      the request field it concerns
     * @param result     pass, warn (allowed, but noted) or fail (refused)
     * @param reason     why, in Chinese
     * @param source     where the data came from
     * @param sourceTime when that data was recorded, if known
     */
    record Check(String rule, String field, Result result, String reason, String source, String sourceTime) {
    }

    boolean refused() {
        return checks.stream().anyMatch(c -> c.result() == Result.FAIL);
    }
}
