package cn.tongban.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.tongban.IntegrationTest;
import cn.tongban.OwnerDatabase;
import cn.tongban.TestData;
import cn.tongban.identity.Caller;
import cn.tongban.identity.TestCallers;
import cn.tongban.identity.TestCitizens;

/** 网上预约 (互联网+不动产登记建设指南 二（一）2; issue #7 item 3): halls, slots, bookings within capacity, visits. */
@IntegrationTest
class AppointmentsTest {

    static final String DISTRICT = "320402";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OwnerDatabase owner;
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;

    ApplicationFixture fixture;
    Caller applicant;
    String applicationNo;
    /** A hall of this test with two places per slot. */
    int hall;
    LocalDate day;

    @BeforeEach
    void setUp() {
        fixture = new ApplicationFixture(context);
        ApplicationFixture.Applied applied = fixture.byCitizen("TRANSFER", DISTRICT);
        applicant = applied.citizen();
        applicationNo = applied.applicationNo();
        hall = hall(DISTRICT, 2);
        day = workingDayFrom(LocalDate.now(SHANGHAI).plusDays(1));
    }

    int hall(String district, int capacity) {
        int id = TestData.next();
        owner.jdbc().sql("""
                INSERT INTO registration_hall (id, district_code, name, address, slot_capacity, slot_minutes, opening_hours)
                VALUES (?, ?, ?, '测试路1号', ?, 30, '09:00-11:30,13:30-17:00')""")
                .params(id, district, "测试登记大厅" + id, capacity).update();
        return id;
    }

    static LocalDate workingDayFrom(LocalDate date) {
        LocalDate d = date;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    ResultActions book(String no, Object hallId, Object date, String time, RequestPostProcessor as) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("hallId", hallId);
        body.put("date", date == null ? null : date.toString());
        body.put("time", time);
        return http.perform(post("/api/v1/registrations/{no}/appointment", no).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)).with(as));
    }

    ResultActions book(Object hallId, Object date, String time) throws Exception {
        return book(applicationNo, hallId, date, time, TestCallers.as(applicant));
    }

    int free(int hallId, LocalDate date, String time) throws Exception {
        String body = http.perform(get("/api/v1/public/registration/halls/{id}/slots", hallId).param("date", date.toString())
                .with(anonymous())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (var slot : json.readTree(body).get("slots")) {
            if (slot.get("time").asText().startsWith(time)) {
                return slot.get("free").asInt();
            }
        }
        throw new AssertionError("no slot " + time);
    }

    void refused(ResultActions result, String field, String code) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].code").value(code));
    }

    @Test
    void hallsAndTheirFreeSlotsArePublic() throws Exception {
        http.perform(get("/api/v1/public/registration/halls").with(anonymous())).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].districtCode", Matchers.hasItems("320402", "320404", "320411", "320412")))
                .andExpect(jsonPath("$[*].name", Matchers.hasItem("常州市天宁区不动产登记中心")));
        http.perform(get("/api/v1/public/registration/halls").param("district", "320404").with(anonymous()))
                .andExpect(jsonPath("$[*].districtCode", Matchers.everyItem(Matchers.is("320404"))))
                .andExpect(jsonPath("$[0].name").value("常州市钟楼区不动产登记中心"));
        refused(http.perform(get("/api/v1/public/registration/halls").param("district", "天宁").with(anonymous())),
                "district", "hall.district-format");
        // 09:00–11:30 and 13:30–17:00 in 30 minutes: five slots in the morning, seven in the afternoon
        http.perform(get("/api/v1/public/registration/halls/{id}/slots", hall).param("date", day.toString()).with(anonymous()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slots.length()").value(12))
                .andExpect(jsonPath("$.slots[0].time").value("09:00:00"))
                .andExpect(jsonPath("$.slots[4].time").value("11:00:00"))
                .andExpect(jsonPath("$.slots[5].time").value("13:30:00"))
                .andExpect(jsonPath("$.slots[11].time").value("16:30:00"))
                .andExpect(jsonPath("$.slots[0].free").value(2))
                .andExpect(jsonPath("$.slots[0].bookable").value(true));
        http.perform(get("/api/v1/public/registration/halls/{id}/slots", 999_999_999).param("date", day.toString()).with(anonymous()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aBookingTakesAPlaceAndANewOneReplacesTheOld() throws Exception {
        book(hall, day, "09:00").andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("BOOKED"));
        assertThat(free(hall, day, "09:00")).isEqualTo(1);

        book(hall, day, "10:30").andExpect(status().isCreated());
        assertThat(free(hall, day, "09:00")).isEqualTo(2);
        assertThat(free(hall, day, "10:30")).isEqualTo(1);
        http.perform(get("/api/v1/registrations/{no}/appointment", applicationNo).with(TestCallers.as(applicant)))
                .andExpect(jsonPath("$.time").value("10:30:00"))
                .andExpect(jsonPath("$.hallId").value(hall));
        assertThat(jdbc.sql("SELECT status FROM registration_appointment WHERE application_no = ? ORDER BY id")
                .param(applicationNo).query(String.class).list()).containsExactly("REPLACED", "BOOKED");
    }

    @Test
    void neverMoreBookingsThanTheSlotsCapacityEvenInParallel() throws Exception {
        List<String> applications = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            applications.add(fixture.submitted("TRANSFER", DISTRICT, TestData.citizenId("19870909")));
        }
        RequestPostProcessor clerk = TestCallers.as(TestCallers.districtClerk(DISTRICT));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String no : applications) {
                Callable<Integer> booking = () -> {
                    start.await();
                    return book(no, hall, day, "14:00", clerk).andReturn().getResponse().getStatus();
                };
                results.add(pool.submit(booking));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(2, TimeUnit.MINUTES));
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(2);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(6);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM registration_appointment WHERE hall_id = ? AND status = 'BOOKED'")
                .param(hall).query(Integer.class).single()).isEqualTo(2);
        assertThat(free(hall, day, "14:00")).isZero();
    }

    @Test
    void badBookingsAreRefusedNamingTheFieldAndTheRule() throws Exception {
        refused(book(999_999_999, day, "09:00"), "hallId", "appointment.hall-unknown");
        refused(book(null, day, "09:00"), "hallId", "param.missing");
        LocalDate saturday = day.with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.SATURDAY));
        refused(book(hall, saturday, "09:00"), "date", "appointment.not-working-day");
        refused(book(hall, workingDayFrom(LocalDate.now(SHANGHAI).plusDays(Halls.BOOKING_DAYS + 3)), "09:00"), "date",
                "appointment.too-far-ahead");
        LocalDate past = LocalDate.now(SHANGHAI).minusDays(7);
        refused(book(hall, workingDayFrom(past), "09:00"), "time", "appointment.slot-past");
        refused(book(hall, day, "09:15"), "time", "appointment.not-a-slot");
        refused(book(hall, day, "11:30"), "time", "appointment.not-a-slot"); // the morning ends at 11:30
        refused(book(hall, day, "12:00"), "time", "appointment.not-a-slot"); // lunch
        // full: two other applications take both places of the slot
        RequestPostProcessor clerk = TestCallers.as(TestCallers.districtClerk(DISTRICT));
        for (int i = 0; i < 2; i++) {
            book(fixture.submitted("TRANSFER", DISTRICT, TestData.citizenId("19880101")), hall, day, "15:00", clerk)
                    .andExpect(status().isCreated());
        }
        book(hall, day, "15:00").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("appointment.slot-full"))
                .andExpect(jsonPath("$.errors[0].field").value("time"));
        assertThat(jdbc.sql("SELECT count(*) FROM registration_appointment WHERE application_no = ?").param(applicationNo)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aCancelledBookingFreesItsPlace() throws Exception {
        book(hall, day, "09:30").andExpect(status().isCreated());
        http.perform(delete("/api/v1/registrations/{no}/appointment", applicationNo).with(TestCallers.as(applicant)))
                .andExpect(status().isNoContent());
        assertThat(free(hall, day, "09:30")).isEqualTo(2);
        http.perform(delete("/api/v1/registrations/{no}/appointment", applicationNo).with(TestCallers.as(applicant)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("appointment.none"));
    }

    @Test
    void onlyThoseWhoMaySeeTheApplicationBookAndAnEndedOneIsNotBooked() throws Exception {
        Caller stranger = TestCitizens.withAccount(context, TestData.citizenId("19910202"), "旁人");
        book(applicationNo, hall, day, "09:00", TestCallers.as(stranger)).andExpect(status().isNotFound());
        book(applicationNo, hall, day, "09:00", TestCallers.as(TestCallers.districtClerk("320404"))).andExpect(status().isNotFound());
        fixture.status(applicationNo, "WITHDRAWN");
        book(hall, day, "09:00").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("appointment.application-closed"));
    }

    @Test
    void aVisitRecordedByTheHallCountsInHallVisits() throws Exception {
        // any hall of the city: the applicant books the hall of another district (全市通办)
        int otherHall = hall("320404", 3);
        book(otherHall, day, "13:30").andExpect(status().isCreated());
        assertThat(fixture.hallVisits(applicationNo)).isZero();

        String attended = "/api/v1/registrations/{no}/appointment/attended";
        http.perform(post(attended, applicationNo).with(TestCallers.as(applicant))).andExpect(status().isForbidden());
        http.perform(post(attended, applicationNo).with(TestCallers.as(TestCallers.districtClerk("320411"))))
                .andExpect(status().isNotFound());
        // the staff of the hall's district record the visit
        http.perform(post(attended, applicationNo).with(TestCallers.as(TestCallers.districtClerk("320404"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ATTENDED"));
        assertThat(fixture.hallVisits(applicationNo)).isEqualTo(1);
        http.perform(post(attended, applicationNo).with(TestCallers.as(TestCallers.districtClerk(DISTRICT))))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("appointment.none"));

        // a second visit, recorded by the application's own district
        book(hall, day, "16:00").andExpect(status().isCreated());
        http.perform(post(attended, applicationNo).with(TestCallers.as(TestCallers.districtClerk(DISTRICT))))
                .andExpect(status().isOk());
        assertThat(fixture.hallVisits(applicationNo)).isEqualTo(2);
    }
}
