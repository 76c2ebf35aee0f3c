package cn.tongban.tax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * 标准房基准价格 as other modules may read them (常经办发〔2023〕19号 二（三）1): the benchmark unit price of a district
 * and top-level use for the quarter of a day, for the housing department's price monitoring (建房规〔2020〕4号 五（十三）
 * 加强房屋网签备案价格监测). Public figures of the price assessment body: not scoped, not audited.
 */
public interface BenchmarkPriceBook {

    /**
     * @param houseUse a GB/T 17986.1 use; its top level ({@code 11} → {@code 10}) is looked up
     * @return yuan per m² of building area, empty if none was set for that quarter
     */
    Optional<BigDecimal> unitPrice(String districtCode, String houseUse, LocalDate day);
}
