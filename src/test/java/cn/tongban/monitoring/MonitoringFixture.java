package cn.tongban.monitoring;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.TestData;
import cn.tongban.filing.FilingFixture;

/**
 * Filed sales of a new building in 新北区 (320411, units of 89.50 m², use 11 住宅), moved into months of their own far in
 * the future (a test-only update as the schema owner) so that the figures of a test come from its own contracts only;
 * and 登簿 entries written straight into the register book in those months.
 */
final class MonitoringFixture {

    static final String DISTRICT = "320411";
    static final BigDecimal AREA = new BigDecimal("89.50");
    /** A year of its own for each fixture, far from any real filing. */
    private static final AtomicInteger YEARS = new AtomicInteger(2600 + TestData.next() % 100 * 5);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** A sale as filed. */
    record Sale(String filingCode, BigDecimal price, YearMonth month, LocalDate signedOn) {
    }

    final int year = YEARS.getAndIncrement();
    private final FilingFixture filing;
    private final JdbcClient owner;
    private final List<String> units;
    private int nextUnit;

    MonitoringFixture(MockMvc http, JdbcClient owner, int units) throws Exception {
        this.filing = new FilingFixture(http);
        this.owner = owner;
        this.units = filing.unitsOnSale(units);
    }

    YearMonth month(int month) {
        return YearMonth.of(year, month);
    }

    /** Files the developer's sale of the next unit at this price, signed on that day, and moves its filing into the month. */
    Sale sale(String price, YearMonth month, LocalDate signedOn) throws Exception {
        String unit = units.get(nextUnit++);
        String code = filing.body(filing.postJson("/api/v1/contracts", """
                {"type":"NEW_SALE","unitCode":"%s","signedOn":"%s","price":%s,
                 "sellers":[{"idType":"02","idNumber":"%s","name":"常州开发有限公司"}],
                 "buyers":[{"idType":"01","idNumber":"%s","name":"买受人"}]}"""
                .formatted(unit, signedOn, price, filing.developer, TestData.citizenId("19850314")))
                .andExpect(status().isCreated())).get("filingCode").asText();
        OffsetDateTime filedAt = month.atDay(10).atTime(10, 0).atZone(CHINA).toOffsetDateTime();
        owner.sql("UPDATE contract SET filed_at = ? WHERE filing_code = ?").params(filedAt, code).update();
        return new Sale(code, new BigDecimal(price), month, signedOn);
    }

    /** Writes a 登簿 entry of a unit of its own in this district and month (first six digits of the code: the district). */
    void registration(String district, YearMonth month) {
        String unit = district + "%06dGB%05dF%08d".formatted(TestData.next() % 1_000_000, TestData.next() % 100_000, TestData.next());
        OffsetDateTime at = month.atDay(12).atTime(9, 30).atZone(CHINA).toOffsetDateTime();
        String hash = HexFormat.of().formatHex(new byte[32]);
        owner.sql("""
                INSERT INTO register_entry (unit_code, seq, kind, content, application_no, registrar, recorded_at, prev_hash, hash)
                VALUES (?, 1, 'OWNERSHIP', '{}'::jsonb, ?, 'test', ?, ?, ?)""")
                .params(unit, "DJ-MONITORING-" + TestData.next(), at, hash, hash.replace('0', '1'))
                .update();
    }

    static List<String> codes(List<Sale> sales) {
        List<String> codes = new ArrayList<>();
        sales.forEach(s -> codes.add(s.filingCode()));
        return codes;
    }
}
