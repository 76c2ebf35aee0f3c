package cn.tongban.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.tongban.identity.Permissions;
import cn.tongban.IntegrationTest;
import cn.tongban.kernel.Page;
import cn.tongban.kernel.PageRequest;

/** Auditors query and export the log; citizens see who accessed their records and why. */
@IntegrationTest
class AuditQueryTest {

    @Autowired
    MockMvc http;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditEvents events;

    String clerk;
    String officer;
    String subject;
    String other;

    @BeforeEach
    void entries() {
        clerk = AuditFixture.unique("clerk");
        officer = AuditFixture.unique("officer");
        subject = AuditFixture.subjectIndex();
        other = AuditFixture.subjectIndex();
        AuditFixture.as(AuditFixture.staff(clerk, "常州市住房和城乡建设局"), () -> {
            audit.record(AuditRecord.read("contract", "C-1", subject).withPurpose("网签备案审核", "BA-2026-001"));
            audit.record(AuditRecord.change("contract.filing", "contract", "C-2", other));
        });
        AuditFixture.as(AuditFixture.staff(officer, "常州市公安局天宁分局"), () ->
                audit.record(AuditRecord.read("unit-owner", "O-9", subject).withPurpose("刑事侦查", "常公天刑〔2026〕88号").withheldFromSubject()));
    }

    private static MockHttpServletRequestBuilder asAuditor(MockHttpServletRequestBuilder request) {
        return request.with(user("auditor").authorities(new SimpleGrantedAuthority(Permissions.AUDIT_QUERY)));
    }

    @Test
    void auditorQueryFiltersByActorActionSubjectAndTime() throws Exception {
        http.perform(asAuditor(get("/api/v1/audit/events").param("actorId", clerk)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].action").value("contract.filing"))
                .andExpect(jsonPath("$.items[1].purpose").value("网签备案审核"))
                .andExpect(jsonPath("$.items[1].departmentName").value("常州市住房和城乡建设局"));
        http.perform(asAuditor(get("/api/v1/audit/events").param("actorId", clerk).param("action", "read")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].resourceId").value("C-1"));
        http.perform(asAuditor(get("/api/v1/audit/events").param("subjectIndex", subject)))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].actorId").value(officer))
                .andExpect(jsonPath("$.items[0].withheld").value(true));
        http.perform(asAuditor(get("/api/v1/audit/events").param("actorId", clerk).param("from", "2099-01-01T00:00:00+08:00")))
                .andExpect(jsonPath("$.total").value(0));
        http.perform(asAuditor(get("/api/v1/audit/events").param("actorId", clerk).param("from", "2020-01-01T00:00:00+08:00")
                        .param("to", "2099-01-01T00:00:00+08:00")))
                .andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void malformedSubjectIndexIsRefused() throws Exception {
        http.perform(asAuditor(get("/api/v1/audit/events").param("subjectIndex", "320411199001011234")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("subjectIndex"))
                .andExpect(jsonPath("$.errors[0].code").value("audit.subject-index-format"));
    }

    @Test
    void lookingIntoTheLogIsItselfLogged() throws Exception {
        String auditor = AuditFixture.unique("auditor");
        http.perform(get("/api/v1/audit/events").param("subjectIndex", subject)
                .with(user(auditor).authorities(new SimpleGrantedAuthority(Permissions.AUDIT_QUERY)))).andExpect(status().isOk());
        http.perform(asAuditor(get("/api/v1/audit/events").param("actorId", auditor)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].action").value("audit.query"))
                .andExpect(jsonPath("$.items[0].subjectIndex").value(subject));
    }

    @Test
    void withoutQueryPermissionTheLogIsForbidden() throws Exception {
        for (String path : List.of("/api/v1/audit/events", "/api/v1/audit/events.csv", "/api/v1/audit/verification")) {
            http.perform(get(path).with(user("clerk").authorities(new SimpleGrantedAuthority("building:unit:read"))))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void csvExportStreamsTheFilteredEntries() throws Exception {
        byte[] body = http.perform(asAuditor(get("/api/v1/audit/events.csv").param("actorId", clerk)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsByteArray();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(body, StandardCharsets.UTF_8))).getRecords();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("actor_id")).isEqualTo(clerk);
        assertThat(rows.get(0).get("purpose")).isEqualTo("网签备案审核");
        assertThat(rows.get(0).get("subject_index")).isEqualTo(subject);
        assertThat(rows.get(1).get("action")).isEqualTo("contract.filing");
        assertThat(rows.get(1).get("purpose")).isEqualTo("\\N");
        assertThat(rows.get(1).get("hash")).matches("[0-9a-f]{64}");
    }

    @Test
    void citizenSeesWhoAccessedTheirRecordsButNotWhatACaseWithholds() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        Page<AuditEvents.AccessView> accesses;
        try {
            accesses = events.accessesOf(subject, "citizen-1", new PageRequest(0, 20));
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
        assertThat(accesses.total()).isEqualTo(2);
        AuditEvents.AccessView withheld = accesses.items().get(0);
        assertThat(withheld.withheld()).isTrue();
        assertThat(withheld.notice()).isEqualTo("因法院或公安机关办案需要，本次查询的详情不予公开");
        assertThat(withheld.departmentName()).isNull();
        assertThat(withheld.action()).isNull();
        assertThat(withheld.purpose()).isNull();
        assertThat(withheld.occurredAt()).isNotNull();
        AuditEvents.AccessView open = accesses.items().get(1);
        assertThat(open.withheld()).isFalse();
        assertThat(open.departmentName()).isEqualTo("常州市住房和城乡建设局");
        assertThat(open.purpose()).isEqualTo("网签备案审核");
        assertThat(open.action()).isEqualTo("read");
        assertThat(open.notice()).isNull();
    }

    @Test
    void citizenViewIsForCitizensOnly() throws Exception {
        // a citizen without an account known by ID number sees nothing (CitizenSignInTest: one with an account)
        http.perform(get("/api/v1/audit/my-accesses").with(authentication(AuditFixture.authentication(
                        AuditFixture.citizen("citizen-" + Long.MAX_VALUE)))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        http.perform(get("/api/v1/audit/my-accesses").with(authentication(AuditFixture.authentication(AuditFixture.staff(clerk, "x")))))
                .andExpect(status().isForbidden());
    }
}
