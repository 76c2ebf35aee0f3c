package cn.tongban.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.identity.ActorKind;
import cn.tongban.identity.Caller;
import cn.tongban.identity.Permissions;
import cn.tongban.identity.TestCallers;
import cn.tongban.kernel.IdNumbers;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/** The auditors' page: search by subject through the blind index, paging and export links, chain verification. */
@IntegrationTest
class AuditPagesTest {

    @Autowired
    MockMvc http;
    @Autowired
    AuditLog audit;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    JdbcClient jdbc;

    private static Caller auditor() {
        return new Caller(AuditFixture.unique("auditor"), ActorKind.STAFF, "11320400MB0000002X", "常州市大数据管理中心", null,
                Set.of(), true, Set.of("auditor"), Set.of(Permissions.AUDIT_QUERY), Set.of(), null);
    }

    private Document page(Caller caller, String url, String... params) throws Exception {
        var request = get(url).with(TestCallers.as(caller));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        String html = http.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }

    @Test
    void theAuditPageNeedsTheAuditPermission() throws Exception {
        http.perform(get("/console/audit").with(TestCallers.as(TestCallers.withPermissions(Permissions.CATALOG_QUERY))))
                .andExpect(status().isForbidden());
        http.perform(post("/console/audit/verification").with(TestCallers.as(TestCallers.withPermissions(Permissions.CATALOG_QUERY))))
                .andExpect(status().isForbidden());
        page(auditor(), "/console/audit");
    }

    @Test
    void aSubjectIsSearchedByTheBlindIndexOfItsIdNumberAndTheLinksCarryTheIndexNotTheNumber() throws Exception {
        String idNumber = TestData.citizenId("19800101");
        String index = cipher.blindIndex(IdNumbers.normalise(idNumber));
        String resource = AuditFixture.unique("C");
        String clerk = AuditFixture.unique("clerk");
        AuditFixture.as(AuditFixture.staff(clerk, "常州市住房和城乡建设局"), () -> {
            audit.record(AuditRecord.read("contract", resource, index).withPurpose("网签备案审核", "BA-1"));
            audit.record(AuditRecord.read("contract", resource + "-other", AuditFixture.subjectIndex()));
        });

        Document found = page(auditor(), "/console/audit", "idNumber", idNumber, "actorId", clerk);

        assertThat(found.select("tr.audit-event")).hasSize(1);
        assertThat(found.select("tr.audit-event").text()).contains(resource).contains("网签备案审核");
        String csv = found.selectFirst("#csv-export").attr("href");
        assertThat(csv).startsWith("/api/v1/audit/events.csv").contains("subjectIndex=" + index).contains("actorId=" + clerk)
                .doesNotContain(idNumber);
        http.perform(get(csv).with(TestCallers.as(auditor()))).andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains(resource)
                        .doesNotContain(resource + "-other"));
    }

    @Test
    void theResultsArePagedAndEachPageLinkKeepsTheSearch() throws Exception {
        String clerk = AuditFixture.unique("clerk");
        AuditFixture.as(AuditFixture.staff(clerk, "常州市住房和城乡建设局"), () -> {
            for (int i = 0; i < 25; i++) {
                audit.record(AuditRecord.change("unit.status-change", "unit", "U-" + i, null));
            }
        });
        Document first = page(auditor(), "/console/audit", "actorId", clerk, "resourceType", "unit");
        assertThat(first.select("tr.audit-event")).hasSize(20);
        assertThat(first.select("a[rel=prev]")).isEmpty();
        String next = first.selectFirst("a[rel=next]").attr("href");
        assertThat(next).contains("actorId=" + clerk).contains("resourceType=unit").contains("page=1");

        Document second = page(auditor(), next.substring(0, next.indexOf('?')), "actorId", clerk, "resourceType", "unit",
                "page", "1");
        assertThat(second.select("tr.audit-event")).hasSize(5);
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(page(auditor(), "/console/audit", "actorId", clerk, "resourceType", "contract").select("tr.audit-event"))
                .isEmpty();
    }

    @Test
    void aBadIdNumberOrTimeIsShownNextToItsField() throws Exception {
        Document bad = page(auditor(), "/console/audit", "idNumber", "32040219800101123", "from", "yesterday");
        assertThat(bad.selectFirst(".field-error[data-for=idNumber]").text()).isNotBlank();
        assertThat(bad.selectFirst(".field-error[data-for=from]").text()).isNotBlank();
        assertThat(bad.select("#results")).isEmpty();

        Document reversed = page(auditor(), "/console/audit", "from", "2026-11-02T00:00", "to", "2026-11-01T00:00");
        assertThat(reversed.selectFirst(".field-error[data-for=to]").text()).isNotBlank();
    }

    @Test
    void verifyingNowKeepsTheRunAndThePageShowsItAsTheLastVerification() throws Exception {
        Caller auditor = auditor();
        String fragment = http.perform(post("/console/audit/verification").header("HX-Request", "true")
                        .with(TestCallers.as(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var run = jdbc.sql("SELECT verified, rows_checked FROM audit_verification_run WHERE actor_id = ?")
                .param(auditor.actorId()).query((rs, n) -> new Object[] {rs.getBoolean(1), rs.getLong(2)}).single();
        assertThat((long) run[1]).isPositive();
        Document shown = Jsoup.parse(fragment);
        assertThat(shown.select((boolean) run[0] ? ".chain-verified" : ".chain-broken")).hasSize(1);
        assertThat(shown.text()).contains(String.format("%,d", (long) run[1]));

        Document page = page(auditor, "/console/audit");
        assertThat(page.selectFirst("#verification").text()).contains(auditor.actorId()).contains(String.format("%,d", (long) run[1]));

        http.perform(post("/console/audit/verification").with(TestCallers.as(auditor)))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void theApiFiltersByResourceTypeAndKeepsItsVerificationsToo() throws Exception {
        String clerk = AuditFixture.unique("clerk");
        AuditFixture.as(AuditFixture.staff(clerk, "常州市住房和城乡建设局"), () -> {
            audit.record(AuditRecord.read("contract", "C-1", null));
            audit.record(AuditRecord.read("unit", "U-1", null));
        });
        http.perform(get("/api/v1/audit/events").param("actorId", clerk).param("resourceType", "unit")
                        .with(TestCallers.as(auditor())))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.total").value(1))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.items[0].resourceId").value("U-1"));
        Caller auditor = auditor();
        http.perform(get("/api/v1/audit/verification").with(TestCallers.as(auditor))).andExpect(status().isOk());
        http.perform(get("/api/v1/audit/verification/last").with(TestCallers.as(auditor))).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_verification_run WHERE actor_id = ?").param(auditor.actorId())
                .query(Long.class).single()).isEqualTo(1);
    }
}
