package cn.tongban.tax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link BenchmarkPriceBook} over the benchmark prices that {@link BenchmarkPrices} keeps. */
@Component
class BenchmarkPriceReader implements BenchmarkPriceBook {

    private final JdbcClient jdbc;

    BenchmarkPriceReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<BigDecimal> unitPrice(String districtCode, String houseUse, LocalDate day) {
        if (districtCode == null || houseUse == null || houseUse.isEmpty() || day == null) {
            return Optional.empty();
        }
        LocalDate quarterStart = day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
        return jdbc.sql("SELECT unit_price FROM tax_benchmark_price WHERE district_code = ? AND house_use = ? AND quarter_start = ?")
                .params(districtCode, houseUse.charAt(0) + "0", quarterStart)
                .query(BigDecimal.class)
                .optional();
    }
}
