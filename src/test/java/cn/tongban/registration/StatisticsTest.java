package cn.tongban.registration;

import static cn.tongban.identity.TestCallers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.identity.Caller;
import cn.tongban.identity.TestCallers;

/**
 * 办件统计 (互联网+不动产登记建设指南 五（二）4; issue #7 item 8): counts, durations and 一次都不跑 per group, in the caller's
 * districts, from the applications as inserted; the expected figures are computed here from the same rows.
 */
@IntegrationTest
class StatisticsTest {

    /** A year of its own for each test, far from any other test's applications. */
    private static final AtomicInteger YEARS = new AtomicInteger(2300 + TestData.next() % 100 * 5);
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    @Autowired
    MockMvc http;
    @Autowired
    JdbcClient jdbc;

    private final ObjectMapper json = new ObjectMapper();

    /** An application as the test inserts it; {@code hours} from submission to completion, if completed. */
    record App(String district, String type, String channel, String status, int visits, OffsetDateTime submitted, Double hours) {

        String month() {
            return submitted.withOffsetSameInstant(CHINA).toLocalDate().toString().substring(0, 7);
        }

        boolean completed() {
            return status.equals("COMPLETED");
        }
    }

    private App insert(App app) {
        String number = "DJ" + app.district() + app.submitted().withOffsetSameInstant(CHINA).toLocalDate().toString().replace("-", "")
                + "%06d".formatted(TestData.next() % 1_000_000);
        OffsetDateTime completedAt = app.hours() == null ? null : app.submitted().plusSeconds(Math.round(app.hours() * 3600));
        jdbc.sql("""
                INSERT INTO registration_application (application_no, business_type, unit_code, district_code, channel, submitted_by,
                                                      status, hall_visits, submitted_at, completed_at)
                VALUES (?, ?, ?, ?, ?, 'test', ?, ?, ?, ?)""")
                .params(number, app.type(), app.district() + "001001GB00100F" + "%08d".formatted(TestData.next()), app.district(),
                        app.channel(), app.status(), app.visits(), app.submitted(), completedAt)
                .update();
        return app;
    }

    private static OffsetDateTime at(int year, int month, int day, int hour) {
        return OffsetDateTime.of(year, month, day, hour, 0, 0, 0, CHINA);
    }

    /** A mixed set of applications of one district in January and February of the year. */
    private List<App> applications(int year, String district) {
        List<App> apps = new ArrayList<>();
        apps.add(insert(new App(district, "TRANSFER", "ONLINE", "COMPLETED", 0, at(year, 1, 3, 9), 26.0)));
        apps.add(insert(new App(district, "TRANSFER", "ONLINE", "COMPLETED", 0, at(year, 1, 10, 9), 50.5)));
        apps.add(insert(new App(district, "TRANSFER", "HALL", "COMPLETED", 2, at(year, 1, 12, 14), 73.0)));
        apps.add(insert(new App(district, "TRANSFER", "PORT", "REJECTED", 0, at(year, 1, 20, 10), null)));
        apps.add(insert(new App(district, "TRANSFER", "ONLINE", "ACCEPTED", 0, at(year, 1, 25, 10), null)));
        // 07:30 on 1 February in China is February, though still 31 January in UTC
        apps.add(insert(new App(district, "MORTGAGE", "PORT", "COMPLETED", 0, at(year, 2, 1, 7).plusMinutes(30), 5.0)));
        apps.add(insert(new App(district, "MORTGAGE", "PORT", "COMPLETED", 1, at(year, 2, 2, 9), 8.0)));
        apps.add(insert(new App(district, "MORTGAGE", "ONLINE", "WITHDRAWN", 0, at(year, 2, 5, 9), null)));
        apps.add(insert(new App(district, "MORTGAGE", "HALL", "REFUSED", 1, at(year, 2, 8, 9), null)));
        apps.add(insert(new App(district, "TRANSFER", "ONLINE", "COMPLETED", 0, at(year, 2, 14, 9), 120.0)));
        apps.add(insert(new App(district, "TRANSFER", "HALL", "SUBMITTED", 0, at(year, 2, 20, 9), null)));
        // 00:30 on 1 March in China (28 February in UTC): March, outside the range
        insert(new App(district, "TRANSFER", "ONLINE", "COMPLETED", 0, at(year, 3, 1, 0).plusMinutes(30), 10.0));
        return apps;
    }

    private static double p90(List<Double> hours) {
        List<Double> sorted = hours.stream().sorted().toList();
        double position = 0.9 * (sorted.size() - 1);
        int below = (int) Math.floor(position);
        double low = sorted.get(below);
        double high = sorted.get(Math.min(below + 1, sorted.size() - 1));
        return low + (high - low) * (position - below);
    }

    /** Checks a row's figures against the applications of its group. */
    private static void assertFigures(JsonNode row, List<App> group) {
        List<App> completed = group.stream().filter(App::completed).toList();
        assertThat(row.get("submitted").asLong()).isEqualTo(group.size());
        assertThat(row.get("completed").asLong()).isEqualTo(completed.size());
        assertThat(row.get("rejected").asLong()).isEqualTo(group.stream().filter(a -> a.status().equals("REJECTED") || a.status().equals("REFUSED")).count());
        assertThat(row.get("withdrawn").asLong()).isEqualTo(group.stream().filter(a -> a.status().equals("WITHDRAWN")).count());
        assertThat(row.get("inProgress").asLong()).isEqualTo(group.stream()
                .filter(a -> List.of("SUBMITTED", "ACCEPTED", "REVIEWED", "WAITING_FOR_TAX", "REGISTERED", "SUPPLEMENT_REQUIRED").contains(a.status())).count());
        long withoutVisit = completed.stream().filter(a -> a.visits() == 0).count();
        assertThat(row.get("completedWithoutVisit").asLong()).isEqualTo(withoutVisit);
        if (completed.isEmpty()) {
            assertThat(row.path("averageHours").isMissingNode()).isTrue();
            assertThat(row.path("withoutVisitShare").isMissingNode()).isTrue();
        } else {
            List<Double> hours = completed.stream().map(App::hours).toList();
            double average = hours.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertThat(row.get("averageHours").asDouble()).isCloseTo(average, within(0.0051));
            assertThat(row.get("averageDays").asDouble()).isCloseTo(average / 24, within(0.0051));
            assertThat(row.get("p90Hours").asDouble()).isCloseTo(p90(hours), within(0.0051));
            assertThat(row.get("p90Days").asDouble()).isCloseTo(p90(hours) / 24, within(0.0051));
            assertThat(row.get("withoutVisitShare").asDouble()).isCloseTo((double) withoutVisit / completed.size(), within(0.00006));
        }
        for (String channel : List.of("ONLINE", "PORT", "HALL")) {
            List<App> ofChannel = group.stream().filter(a -> a.channel().equals(channel)).toList();
            JsonNode figures = row.get("channels").get(channel);
            assertThat(figures.get("submitted").asLong()).as(channel).isEqualTo(ofChannel.size());
            assertThat(figures.get("completed").asLong()).as(channel).isEqualTo(ofChannel.stream().filter(App::completed).count());
            assertThat(figures.get("completedWithoutVisit").asLong()).as(channel)
                    .isEqualTo(ofChannel.stream().filter(a -> a.completed() && a.visits() == 0).count());
        }
    }

    private static MockHttpServletRequestBuilder statistics(Caller caller, int year) {
        return get("/api/v1/registrations/statistics").with(as(caller)).param("from", year + "-01").param("to", year + "-02");
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** Applications of a year of their own in 天宁区, and the district registrar's report of them. */
    private record Reported(List<App> apps, JsonNode report) {
    }

    private Reported reported(String groupBy) throws Exception {
        int year = YEARS.getAndIncrement();
        List<App> apps = applications(year, PropertyFixture.TIANNING);
        return new Reported(apps, body(http.perform(statistics(PropertyFixture.registrar(PropertyFixture.TIANNING, false), year)
                .param("groupBy", groupBy))));
    }

    @Test
    void countsDurationsAndOneVisitFreeSharesFollowFromTheApplicationsPerGroupAndInTotal() throws Exception {
        Reported reported = reported("businessType,month");
        List<App> apps = reported.apps();
        JsonNode report = reported.report();

        Map<String, List<App>> groups = apps.stream().collect(Collectors.groupingBy(a -> a.type() + "|" + a.month(), TreeMap::new, Collectors.toList()));
        assertThat(report.get("rows")).hasSize(groups.size());
        for (JsonNode row : report.get("rows")) {
            String key = row.get("businessType").asText() + "|" + row.get("month").asText();
            assertThat(groups).containsKey(key);
            assertThat(row.path("district").isMissingNode()).isTrue();
            assertFigures(row, groups.get(key));
        }
        assertFigures(report.get("total"), apps);
        assertThat(report.get("groupBy")).extracting(JsonNode::asText).containsExactly("businessType", "month");
    }

    @Test
    void groupedByChannelEachChannelHasItsOwnCountsAndShares() throws Exception {
        Reported reported = reported("channel");
        JsonNode report = reported.report();

        Map<String, List<App>> byChannel = reported.apps().stream().collect(Collectors.groupingBy(App::channel));
        assertThat(report.get("rows")).hasSize(byChannel.size());
        report.get("rows").forEach(row -> assertFigures(row, byChannel.get(row.get("channel").asText())));
    }

    @Test
    void aRegistrarCountsTheirDistrictsOnlyAndTheCityAdministratorAll() throws Exception {
        int year = YEARS.getAndIncrement();
        List<App> tianning = applications(year, PropertyFixture.TIANNING);
        List<App> xinbei = applications(year, PropertyFixture.XINBEI);

        JsonNode own = body(http.perform(statistics(PropertyFixture.registrar(PropertyFixture.TIANNING, false), year)));
        assertFigures(own.get("total"), tianning);
        assertThat(own.get("districts")).extracting(JsonNode::asText).containsExactly(PropertyFixture.TIANNING);

        JsonNode city = body(http.perform(statistics(TestCallers.cityAdmin(), year).param("groupBy", "district")));
        assertThat(city.get("rows")).extracting(row -> row.get("district").asText())
                .containsExactly(PropertyFixture.TIANNING, PropertyFixture.XINBEI);
        assertFigures(city.get("rows").get(0), tianning);
        assertFigures(city.get("rows").get(1), xinbei);
        List<App> both = new ArrayList<>(tianning);
        both.addAll(xinbei);
        assertFigures(city.get("total"), both);
        assertThat(city.path("districts").isMissingNode()).isTrue();
    }

    @Test
    void theCsvHasTheSameFiguresAsTheJson() throws Exception {
        int year = YEARS.getAndIncrement();
        applications(year, PropertyFixture.TIANNING);
        Caller registrar = PropertyFixture.registrar(PropertyFixture.TIANNING, false);
        JsonNode report = body(http.perform(statistics(registrar, year).param("groupBy", "month,channel")));

        for (MockHttpServletRequestBuilder request : List.of(statistics(registrar, year).param("groupBy", "month,channel").param("format", "csv"),
                statistics(registrar, year).param("groupBy", "month,channel").header("Accept", "text/csv"))) {
            String csv = http.perform(request).andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
            assertThat(records).hasSize(report.get("rows").size() + 1);
            for (int i = 0; i < report.get("rows").size(); i++) {
                JsonNode row = report.get("rows").get(i);
                CSVRecord record = records.get(i);
                assertThat(record.get("month")).isEqualTo(row.get("month").asText());
                assertThat(record.get("channel")).isEqualTo(row.get("channel").asText());
                for (String figure : List.of("submitted", "completed", "rejected", "inProgress", "completedWithoutVisit")) {
                    assertThat(record.get(figure)).as(figure).isEqualTo(row.get(figure).asText());
                }
                if (row.path("averageHours").isMissingNode()) {
                    assertThat(record.get("averageHours")).isEmpty();
                } else {
                    assertThat(new java.math.BigDecimal(record.get("averageHours"))).isEqualByComparingTo(row.get("averageHours").decimalValue());
                }
                assertThat(record.get("onlineSubmitted")).isEqualTo(row.get("channels").get("ONLINE").get("submitted").asText());
            }
            CSVRecord total = records.get(records.size() - 1);
            assertThat(total.get("month")).isEqualTo("ALL");
            assertThat(total.get("submitted")).isEqualTo(report.get("total").get("submitted").asText());
            assertThat(new java.math.BigDecimal(total.get("withoutVisitShare"))).isEqualByComparingTo(report.get("total").get("withoutVisitShare").decimalValue());
        }
    }

    @Test
    void badParametersAreRefusedNamingTheField() throws Exception {
        Caller registrar = PropertyFixture.registrar(PropertyFixture.TIANNING, false);
        Map<String, Function<MockHttpServletRequestBuilder, MockHttpServletRequestBuilder>> cases = Map.of(
                "from", r -> r.param("from", "2026-05").param("to", "2026-04"),
                "to", r -> r.param("from", "2020-01").param("to", "2023-01"),
                "groupBy", r -> r.param("from", "2026-01").param("to", "2026-02").param("groupBy", "month,street"),
                "format", r -> r.param("format", "xlsx"));
        for (Map.Entry<String, Function<MockHttpServletRequestBuilder, MockHttpServletRequestBuilder>> c : cases.entrySet()) {
            http.perform(c.getValue().apply(get("/api/v1/registrations/statistics").with(as(registrar))))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(c.getKey()));
        }
        http.perform(get("/api/v1/registrations/statistics").with(as(registrar)).param("from", "2026/01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].code").value("statistics.month-format"));
        // 36 months is the most a range may span
        http.perform(get("/api/v1/registrations/statistics").with(as(registrar)).param("from", "2020-01").param("to", "2022-12"))
                .andExpect(status().isOk());
    }
}
