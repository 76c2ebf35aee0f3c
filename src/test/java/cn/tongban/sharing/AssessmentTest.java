package cn.tongban.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.tongban.IntegrationTest;
import cn.tongban.identity.Permissions;
import cn.tongban.identity.TestCallers;

/**
 * 考核 (常经办发〔2023〕19号 三（三）严格目标考核): each expected delivery on time, late or missing, the on-time rate per
 * provider and quarter, and reminders for what is overdue. Provider 32 (烟草部门), item 199 “烟草专卖零售许可证发放等信息”,
 * 每月终了后20日内, tracked from 2026-06-01: 2026-06 arrived on time, 2026-07 three days late, the rest not at all.
 */
@IntegrationTest
class AssessmentTest {

    private static final int ITEM = 199;
    private static final int PROVIDER = 32;
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    @Autowired
    MockMvc http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    DeliveryReminders reminders;

    private static boolean prepared;

    @BeforeEach
    void deliveriesOfTheSummer() throws Exception {
        synchronized (AssessmentTest.class) {
            if (prepared) {
                return;
            }
            int version = json.readTree(http.perform(get("/api/v1/sharing/catalog/" + ITEM)).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8)).get("version").asInt();
            http.perform(put("/api/v1/sharing/catalog/" + ITEM).contentType(MediaType.APPLICATION_JSON).content("""
                    {"name":"烟草专卖零售许可证发放等信息","mode":"定期共享","frequencyText":"定期共享:每月终了后20日内",
                     "trackedFrom":"2026-06-01","version":%d}""".formatted(version))).andExpect(status().isOk());
            // deliveries received in the past, as the platform would have recorded them then
            delivered("2026-06", LocalDate.of(2026, 7, 20), LocalDate.of(2026, 7, 15));
            delivered("2026-07", LocalDate.of(2026, 8, 20), LocalDate.of(2026, 8, 23));
            prepared = true;
        }
    }

    private void delivered(String period, LocalDate due, LocalDate receivedOn) {
        jdbc.sql("""
                INSERT INTO delivery (item_no, period, due_on, received_at, received_on, department_code, submitted_by, format,
                                      record_count, byte_count, sm3, storage_path, receipt_text, receipt_signature)
                VALUES (?, ?, ?, ?, ?, '91320400MA1TEST00X', 'test', 'CSV', 1, 10, ?, 'none', 'none', 'none')""")
                .params(ITEM, period, due, OffsetDateTime.of(receivedOn.atTime(10, 0), ZoneOffset.ofHours(8)), receivedOn,
                        "0".repeat(64))
                .update();
    }

    @Test
    void aProvidersQuarterCountsEachExpectedDeliveryOnTimeLateOrMissing() throws Exception {
        http.perform(get("/api/v1/sharing/assessments/providers/" + PROVIDER).param("quarter", "2026-Q3").param("asOf", AS_OF.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provider").value("烟草部门"))
                .andExpect(jsonPath("$.expected").value(3))
                .andExpect(jsonPath("$.onTime").value(1))
                .andExpect(jsonPath("$.late").value(1))
                .andExpect(jsonPath("$.missing").value(1))
                .andExpect(jsonPath("$.onTimeRate").value(0.3333))
                .andExpect(jsonPath("$.lines[0].period").value("2026-06"))
                .andExpect(jsonPath("$.lines[0].status").value("ON_TIME"))
                .andExpect(jsonPath("$.lines[1].period").value("2026-07"))
                .andExpect(jsonPath("$.lines[1].status").value("LATE"))
                .andExpect(jsonPath("$.lines[1].daysLate").value(3))
                .andExpect(jsonPath("$.lines[2].period").value("2026-08"))
                .andExpect(jsonPath("$.lines[2].dueOn").value("2026-09-20"))
                .andExpect(jsonPath("$.lines[2].status").value("MISSING"));
    }

    @Test
    void aDeliveryStillWithinItsDeadlineIsNotCounted() throws Exception {
        // on 2026-09-20 the August delivery may still arrive that day
        http.perform(get("/api/v1/sharing/assessments/providers/" + PROVIDER).param("quarter", "2026-Q3").param("asOf", "2026-09-20"))
                .andExpect(jsonPath("$.expected").value(2))
                .andExpect(jsonPath("$.notYetDue").value(1))
                .andExpect(jsonPath("$.onTimeRate").value(0.5))
                .andExpect(jsonPath("$.lines[2].status").value("NOT_YET_DUE"));
    }

    @Test
    void everyProvidersFiguresAreListedForTheQuarter() throws Exception {
        http.perform(get("/api/v1/sharing/assessments").param("quarter", "2026-Q3").param("asOf", AS_OF.toString())
                        .with(TestCallers.as(TestCallers.withPermissions(Permissions.ASSESSMENT_QUERY))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(42)))
                .andExpect(jsonPath("$[31].providerNo").value(PROVIDER))
                .andExpect(jsonPath("$[31].expected").value(3))
                .andExpect(jsonPath("$[31].onTimeRate").value(0.3333));
        http.perform(get("/api/v1/sharing/assessments").param("quarter", "2026-Q5")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("quarter"));
        http.perform(get("/api/v1/sharing/assessments").param("quarter", "2026-Q3")
                        .with(TestCallers.as(TestCallers.withPermissions(Permissions.CATALOG_QUERY))))
                .andExpect(status().isForbidden());
    }

    @Test
    void overdueDeliveriesAreRemindedOnceThroughTheEventRegistry() {
        // due on or after 2026-06-01 and before the day: 2026-05 (06-20), 2026-08, 2026-09 and 2026-10; 06 and 07 arrived
        reminders.check(AS_OF);
        reminders.check(AS_OF);
        assertThat(jdbc.sql("SELECT period FROM delivery_overdue_notice WHERE item_no = ? ORDER BY period").param(ITEM)
                .query(String.class).list()).containsExactly("2026-05", "2026-08", "2026-09", "2026-10");
        assertThat(jdbc.sql("SELECT count(*) FROM delivery_overdue_notice WHERE item_no = ? AND reminded_at IS NULL").param(ITEM)
                .query(Long.class).single()).as("each reminded by the listener").isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM event_publication
                 WHERE event_type LIKE '%DeliveryOverdue' AND serialized_event LIKE ? AND completion_date IS NOT NULL""")
                .param("%\"itemNo\":" + ITEM + ",%").query(Long.class).single()).isEqualTo(4);
        assertThat(reminders.check(AS_OF)).as("nothing new on a third run").isZero();
    }
}
