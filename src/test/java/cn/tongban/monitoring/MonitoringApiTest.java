package cn.tongban.monitoring;

import static cn.tongban.identity.TestCallers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.tongban.IntegrationTest;
import cn.tongban.OwnerDatabase;
import cn.tongban.identity.Permissions;
import cn.tongban.identity.TestCallers;
import cn.tongban.monitoring.MonitoringFixture.Sale;

/**
 * 房地产市场监测 (建房规〔2020〕4号 五（十三）): each view's figures are computed here from the contracts and 登簿 entries
 * the test creates in months of its own, and compared with what the API answers, as JSON and as CSV.
 */
@IntegrationTest
class MonitoringApiTest {

    @Autowired
    MockMvc http;
    @Autowired
    OwnerDatabase owner;

    private final ObjectMapper json = new ObjectMapper();

    private MonitoringFixture fixture(int units) throws Exception {
        return new MonitoringFixture(http, owner.jdbc(), units);
    }

    private JsonNode read(MockHttpServletRequestBuilder request) throws Exception {
        return json.readTree(http.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static MockHttpServletRequestBuilder view(String name, YearMonth from, YearMonth to) {
        return get("/api/v1/monitoring/" + name).param("from", from.toString()).param("to", to.toString());
    }

    private static BigDecimal perSquareMetre(BigDecimal price, BigDecimal area) {
        return price.divide(area, 2, RoundingMode.HALF_UP);
    }

    @Test
    void filingsAndRegistrationsAreCountedPerDistrictAndMonthWithEmptyMonthsAtZero() throws Exception {
        MonitoringFixture f = fixture(3);
        YearMonth march = f.month(3);
        YearMonth may = f.month(5);
        List<Sale> sales = List.of(f.sale("1500000.00", march, LocalDate.of(2025, 5, 6)), f.sale("1600000.00", march, LocalDate.of(2025, 5, 7)),
                f.sale("1700000.00", may, LocalDate.of(2025, 5, 8)));
        f.registration("320411", march);
        f.registration("320411", march);
        f.registration("320402", may);
        Map<String, long[]> expected = new TreeMap<>();
        for (String district : List.of("320402", "320411")) {
            for (int m = 3; m <= 5; m++) {
                expected.put(district + "|" + f.month(m), new long[2]);
            }
        }
        sales.forEach(s -> expected.get("320411|" + s.month())[0]++);
        expected.get("320411|" + march)[1] += 2;
        expected.get("320402|" + may)[1] += 1;

        JsonNode report = read(view("activity", march, may));
        Map<String, long[]> answered = new TreeMap<>();
        report.get("rows").forEach(r -> answered.put(r.get("district").asText() + "|" + r.get("month").asText(),
                new long[] {r.get("filings").asLong(), r.get("registrations").asLong()}));
        assertThat(answered.keySet()).isEqualTo(expected.keySet());
        expected.forEach((k, v) -> assertThat(answered.get(k)).as(k).containsExactly(v));

        JsonNode perMonth = read(view("activity", march, may).param("groupBy", "month"));
        assertThat(perMonth.get("rows")).hasSize(3);
        assertThat(perMonth.get("rows").get(0).get("filings").asLong()).isEqualTo(2);
        assertThat(perMonth.get("rows").get(1).get("filings").asLong()).isZero();
        assertThat(perMonth.get("rows").get(2).get("registrations").asLong()).isEqualTo(1);
        assertThat(perMonth.get("rows").get(0).has("district")).isFalse();
    }

    @Test
    void theAveragePricePerSquareMetreIsTheTotalPriceOverTheTotalBuildingArea() throws Exception {
        MonitoringFixture f = fixture(3);
        YearMonth june = f.month(6);
        List<Sale> sales = List.of(f.sale("1580000.00", june, LocalDate.of(2025, 5, 6)), f.sale("1234567.89", june, LocalDate.of(2025, 5, 6)),
                f.sale("2000000.01", f.month(7), LocalDate.of(2025, 5, 6)));
        BigDecimal total = sales.stream().map(Sale::price).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal area = MonitoringFixture.AREA.multiply(BigDecimal.valueOf(sales.size()));

        JsonNode rows = read(view("prices", june, f.month(7))).get("rows");
        assertThat(rows).hasSize(1);
        JsonNode row = rows.get(0);
        assertThat(row.get("district").asText()).isEqualTo("320411");
        assertThat(row.get("use").asText()).isEqualTo("10");
        assertThat(row.get("sales").asLong()).isEqualTo(sales.size());
        assertThat(row.get("totalPrice").decimalValue()).isEqualByComparingTo(total);
        assertThat(row.get("totalArea").decimalValue()).isEqualByComparingTo(area);
        assertThat(row.get("averageUnitPrice").decimalValue()).isEqualTo(perSquareMetre(total, area));

        JsonNode perMonth = read(view("prices", june, f.month(7)).param("groupBy", "month"));
        assertThat(perMonth.get("rows").get(0).get("averageUnitPrice").decimalValue())
                .isEqualTo(perSquareMetre(sales.get(0).price().add(sales.get(1).price()), MonitoringFixture.AREA.multiply(BigDecimal.valueOf(2))));
        // the numbers behind the chart, as CSV
        List<CSVRecord> csv = csv(view("prices", june, f.month(7)).param("format", "csv"));
        assertThat(csv).hasSize(1);
        assertThat(csv.get(0).get("district")).isEqualTo("320411");
        assertThat(new BigDecimal(csv.get(0).get("averageUnitPrice"))).isEqualTo(perSquareMetre(total, area));
        // and for another use: nothing
        assertThat(read(view("prices", june, f.month(7)).param("use", "30")).get("rows")).isEmpty();
    }

    @Test
    void theVolumeTrendHasTheCountAndTotalValueOfEveryMonth() throws Exception {
        MonitoringFixture f = fixture(3);
        List<Sale> sales = List.of(f.sale("1000000.00", f.month(1), LocalDate.of(2025, 5, 6)),
                f.sale("1100000.50", f.month(1), LocalDate.of(2025, 5, 6)), f.sale("900000.00", f.month(4), LocalDate.of(2025, 5, 6)));
        Map<String, BigDecimal> value = new TreeMap<>();
        Map<String, Long> count = new TreeMap<>();
        for (int m = 1; m <= 4; m++) {
            value.put(f.month(m).toString(), BigDecimal.ZERO);
            count.put(f.month(m).toString(), 0L);
        }
        sales.forEach(s -> {
            value.merge(s.month().toString(), s.price(), BigDecimal::add);
            count.merge(s.month().toString(), 1L, Long::sum);
        });

        JsonNode rows = read(view("volume", f.month(1), f.month(4))).get("rows");
        List<String> months = new ArrayList<>();
        rows.forEach(r -> {
            months.add(r.get("month").asText());
            assertThat(r.get("sales").asLong()).as(r.toString()).isEqualTo(count.get(r.get("month").asText()));
            assertThat(r.get("totalValue").decimalValue()).as(r.toString()).isEqualByComparingTo(value.get(r.get("month").asText()));
        });
        assertThat(months).containsExactlyElementsOf(count.keySet());
        List<CSVRecord> csv = csv(view("volume", f.month(1), f.month(4)).accept("text/csv"));
        assertThat(csv).extracting(r -> r.get("month")).containsExactlyElementsOf(count.keySet());
        assertThat(csv).extracting(r -> new BigDecimal(r.get("totalValue")))
                .usingElementComparator(BigDecimal::compareTo).containsExactlyElementsOf(value.values());
    }

    @Test
    void aSaleFarBelowOrAboveTheDistrictAverageIsAnAnomalyWithoutABenchmarkPrice() throws Exception {
        // signed in 2025-Q2, for which no 标准房基准价格 is set: the district's own average of the period is the reference
        MonitoringFixture f = fixture(5);
        YearMonth month = f.month(8);
        LocalDate signed = LocalDate.of(2025, 5, 20);
        List<Sale> sales = List.of(f.sale("1500000.00", month, signed), f.sale("1500000.00", month, signed),
                f.sale("1500000.00", month, signed), f.sale("500000.00", month, signed), f.sale("3500000.00", month, signed));
        BigDecimal total = sales.stream().map(Sale::price).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal average = perSquareMetre(total, MonitoringFixture.AREA.multiply(BigDecimal.valueOf(sales.size())));
        Map<String, String> expected = new TreeMap<>();
        for (Sale s : sales) {
            BigDecimal ratio = s.price().divide(MonitoringFixture.AREA.multiply(average), 10, RoundingMode.HALF_UP);
            if (ratio.compareTo(new BigDecimal("0.70")) < 0) {
                expected.put(s.filingCode(), "LOW");
            } else if (ratio.compareTo(new BigDecimal("1.50")) > 0) {
                expected.put(s.filingCode(), "HIGH");
            }
        }
        assertThat(expected).isNotEmpty();

        JsonNode report = read(view("anomalies", month, month));
        Map<String, String> answered = new TreeMap<>();
        report.get("rows").forEach(r -> {
            answered.put(r.get("filingCode").asText(), r.get("direction").asText());
            assertThat(r.get("referenceSource").asText()).isEqualTo("DISTRICT_AVERAGE");
            assertThat(r.get("referenceUnitPrice").decimalValue()).isEqualTo(average);
        });
        assertThat(answered).isEqualTo(expected);
        // a narrower band finds more: every sale off the average by more than 10 %
        long offByTenPercent = sales.stream().filter(s -> s.price().divide(MonitoringFixture.AREA.multiply(average), 10, RoundingMode.HALF_UP)
                .subtract(BigDecimal.ONE).abs().compareTo(new BigDecimal("0.10")) > 0).count();
        assertThat(read(view("anomalies", month, month).param("low", "0.9").param("high", "1.1")).get("rows")).hasSize((int) offByTenPercent);
        List<CSVRecord> csv = csv(view("anomalies", month, month).param("format", "csv"));
        assertThat(csv).extracting(r -> r.get("filingCode")).containsExactlyInAnyOrderElementsOf(expected.keySet());
    }

    @Test
    void theBenchmarkPriceOfTheQuarterIsTheReferenceWhereOneIsSet() throws Exception {
        // 常经办发〔2023〕19号 二（三）1: 新北区, residential, 2025-Q3 at 20,000 yuan/m² (89.50 m² → 1,790,000)
        http.perform(put("/api/v1/tax/benchmark-prices").with(as(TestCallers.withPermissions(Permissions.TAX_BENCHMARK_PRICE_EDIT)))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"districtCode":"320411","houseUse":"10","quarter":"2025-Q3","unitPrice":20000,"document":"常发改价认〔2025〕3号"}"""))
                .andExpect(status().is2xxSuccessful());
        BigDecimal benchmark = new BigDecimal("20000");
        MonitoringFixture f = fixture(3);
        YearMonth month = f.month(9);
        LocalDate signed = LocalDate.of(2025, 8, 1);
        List<Sale> sales = List.of(f.sale("1790000.00", month, signed), f.sale("1200000.00", month, signed), f.sale("1300000.00", month, signed));
        Map<String, BigDecimal> expected = new TreeMap<>();
        for (Sale s : sales) {
            BigDecimal ratio = s.price().divide(MonitoringFixture.AREA.multiply(benchmark), 10, RoundingMode.HALF_UP);
            if (ratio.compareTo(new BigDecimal("0.70")) < 0 || ratio.compareTo(new BigDecimal("1.50")) > 0) {
                expected.put(s.filingCode(), ratio.setScale(4, RoundingMode.HALF_UP));
            }
        }
        assertThat(expected).isNotEmpty();

        JsonNode rows = read(view("anomalies", month, month)).get("rows");
        Map<String, BigDecimal> answered = new TreeMap<>();
        rows.forEach(r -> {
            answered.put(r.get("filingCode").asText(), r.get("ratio").decimalValue());
            assertThat(r.get("referenceSource").asText()).isEqualTo("BENCHMARK");
            assertThat(r.get("referenceUnitPrice").decimalValue()).isEqualByComparingTo(benchmark);
        });
        assertThat(answered).isEqualTo(expected);
    }

    @Test
    void aDistrictClerkSeesOnlyTheFiguresOfItsDistrict() throws Exception {
        MonitoringFixture f = fixture(1);
        f.sale("1500000.00", f.month(10), LocalDate.of(2025, 5, 6));
        f.registration("320402", f.month(10));
        JsonNode tianning = read(view("activity", f.month(10), f.month(10)).with(as(TestCallers.districtClerk("320402"))));
        assertThat(tianning.get("districts")).hasSize(1);
        assertThat(tianning.get("rows")).allSatisfy(r -> assertThat(r.get("district").asText()).isEqualTo("320402"));
        assertThat(tianning.get("rows").get(0).get("registrations").asLong()).isEqualTo(1);
        http.perform(view("activity", f.month(10), f.month(10)).param("district", "320411").with(as(TestCallers.districtClerk("320402"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("district"));
    }

    @Test
    void badParametersAreRefusedNamingTheField() throws Exception {
        http.perform(get("/api/v1/monitoring/activity").param("from", "2026-05").param("to", "2026-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        http.perform(get("/api/v1/monitoring/prices").param("groupBy", "district,colour"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("groupBy"));
        http.perform(get("/api/v1/monitoring/volume").param("from", "2023-01").param("to", "2026-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        http.perform(get("/api/v1/monitoring/volume").param("from", "2023-02").param("to", "2026-01")).andExpect(status().isOk());
        http.perform(get("/api/v1/monitoring/volume").param("from", "2026-13"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        http.perform(get("/api/v1/monitoring/anomalies").param("low", "1.2").param("high", "1.1"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("low"));
        http.perform(get("/api/v1/monitoring/anomalies").param("use", "11"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("use"));
        http.perform(get("/api/v1/monitoring/activity").param("format", "xml"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("format"));
    }

    @Test
    void monitoringNeedsItsPermission() throws Exception {
        http.perform(get("/api/v1/monitoring/activity").with(as(TestCallers.withPermissions(Permissions.CONTRACT_QUERY))))
                .andExpect(status().isForbidden());
        http.perform(get("/api/v1/monitoring/activity").with(as(TestCallers.withPermissions(Permissions.MONITORING_MARKET_QUERY))))
                .andExpect(status().isOk());
    }

    private List<CSVRecord> csv(MockHttpServletRequestBuilder request) throws Exception {
        String text = http.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
    }
}
