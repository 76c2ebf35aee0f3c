package cn.tongban.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.identity.ActorKind;
import cn.tongban.identity.Caller;
import cn.tongban.identity.DepartmentType;
import cn.tongban.identity.Permissions;
import cn.tongban.identity.TestCallers;

/** The sharing pages: each behind its permission, showing what the module's services hold. */
@IntegrationTest
class SharingPagesTest {

    @Autowired
    MockMvc http;
    @Autowired
    ObjectMapper json;
    @Autowired
    Catalog catalog;

    private Document page(Caller caller, String url, String... params) throws Exception {
        var request = get(url).with(TestCallers.as(caller));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return Jsoup.parse(http.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private JsonNode api(String url, String... params) throws Exception {
        var request = get(url).with(TestCallers.as(TestCallers.cityAdmin()));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return json.readTree(http.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void eachSharingPageNeedsItsPermission() throws Exception {
        String subscription = api("/api/v1/sharing/subscriptions").path("items").path(0).path("id").asText(null);
        List<String[]> pages = List.of(
                new String[] {"/console/sharing", Permissions.CATALOG_QUERY},
                new String[] {"/console/sharing/catalog/1", Permissions.CATALOG_QUERY},
                new String[] {"/console/sharing/grants", Permissions.SHARING_GRANT_QUERY},
                new String[] {"/console/sharing/deliveries", Permissions.DELIVERY_SUBMIT},
                new String[] {"/console/sharing/assessments", Permissions.ASSESSMENT_QUERY},
                new String[] {"/console/sharing/assessments/1?quarter=2026-Q3", Permissions.ASSESSMENT_QUERY},
                new String[] {"/console/sharing/subscriptions", Permissions.SUBSCRIPTION_MANAGE});
        for (String[] p : pages) {
            http.perform(get(p[0]).with(TestCallers.as(TestCallers.withPermissions(Permissions.AUDIT_QUERY))))
                    .andExpect(status().isForbidden());
            http.perform(get(p[0]).with(TestCallers.as(TestCallers.withPermissions(p[1])))).andExpect(status().isOk());
        }
        if (subscription != null) {
            http.perform(get("/console/sharing/subscriptions/" + subscription)
                    .with(TestCallers.as(TestCallers.withPermissions(Permissions.CATALOG_QUERY)))).andExpect(status().isForbidden());
            http.perform(get("/console/sharing/subscriptions/" + subscription)
                    .with(TestCallers.as(TestCallers.withPermissions(Permissions.SUBSCRIPTION_MANAGE)))).andExpect(status().isOk());
        }
    }

    @Test
    void theCatalogListsEveryItemAndFiltersByModeProviderAndScheduleStatus() throws Exception {
        JsonNode items = api("/api/v1/sharing/catalog");
        Caller reader = TestCallers.withPermissions(Permissions.CATALOG_QUERY);
        assertThat(page(reader, "/console/sharing").select("tr.catalog-item")).hasSize(items.size());

        long realTime = 0;
        long needsDecision = 0;
        for (JsonNode item : items) {
            realTime += "REAL_TIME".equals(item.path("mode").asText()) ? 1 : 0;
            needsDecision += "NEEDS_DECISION".equals(item.path("scheduleStatus").asText()) ? 1 : 0;
        }
        assertThat(page(reader, "/console/sharing", "mode", "REAL_TIME").select("tr.catalog-item")).hasSize((int) realTime);
        assertThat(page(reader, "/console/sharing", "status", "NEEDS_DECISION").select("tr.catalog-item"))
                .hasSize((int) needsDecision);

        JsonNode first = items.get(0);
        Document ofProvider = page(reader, "/console/sharing", "provider", first.path("providerNo").asText());
        long ofFirstProvider = 0;
        for (JsonNode item : items) {
            ofFirstProvider += item.path("providerNo").asInt() == first.path("providerNo").asInt() ? 1 : 0;
        }
        assertThat(ofProvider.select("tr.catalog-item")).hasSize((int) ofFirstProvider);
        assertThat(ofProvider.select("tr.catalog-item td:nth-child(2)").eachText()).containsOnly(first.path("provider").asText());

        JsonNode scheduled = null;
        for (JsonNode item : items) {
            if (item.hasNonNull("nextDueDate")) {
                scheduled = item;
                break;
            }
        }
        Element row = page(reader, "/console/sharing").selectFirst("tr.catalog-item[data-no=" + scheduled.path("no").asText() + "]");
        assertThat(row.select("td").get(7).text()).isEqualTo(scheduled.path("nextDueDate").asText());
    }

    @Test
    void onlyThoseWhoMayEditTheCatalogGetTheEditForm() throws Exception {
        assertThat(page(TestCallers.withPermissions(Permissions.CATALOG_QUERY), "/console/sharing/catalog/5")
                .select("form#catalog-edit")).isEmpty();
        Document editable = page(TestCallers.withPermissions(Permissions.CATALOG_QUERY, Permissions.CATALOG_EDIT),
                "/console/sharing/catalog/5");
        Element form = editable.selectFirst("form#catalog-edit");
        assertThat(form.attr("data-api")).isEqualTo("PUT /api/v1/sharing/catalog/5");
        JsonNode detail = api("/api/v1/sharing/catalog/5");
        assertThat(form.selectFirst("input[name=version]").val()).isEqualTo(detail.path("version").asText());
        assertThat(form.select("input[name]").eachAttr("name").stream().filter(n -> n.startsWith("fields["))).hasSize(detail.path("fields").size() + 1);
        for (Element input : form.select("input[name], select[name]")) {
            if (!"hidden".equals(input.attr("type"))) {
                assertThat(form.select("label[for=" + input.id() + "]")).as("label of " + input.attr("name")).hasSize(1);
            }
        }
    }

    @Test
    void theOnTimeTableShowsEveryProvidersFiguresForTheQuarter() throws Exception {
        String quarter = SharingPages.quarterOf(Catalog.today().minusMonths(3));
        JsonNode summary = api("/api/v1/sharing/assessments", "quarter", quarter);
        Document table = page(TestCallers.withPermissions(Permissions.ASSESSMENT_QUERY), "/console/sharing/assessments",
                "quarter", quarter);
        assertThat(table.select("tr.provider-row")).hasSize(summary.size());
        for (JsonNode provider : summary) {
            Element row = table.selectFirst("tr.provider-row[data-provider=" + provider.path("providerNo").asText() + "]");
            List<String> cells = row.select("td").eachText();
            assertThat(cells.subList(1, 5)).containsExactly(provider.path("expected").asText(), provider.path("onTime").asText(),
                    provider.path("late").asText(), provider.path("missing").asText());
            assertThat(cells.get(5)).isEqualTo(!provider.hasNonNull("onTimeRate") ? "—"
                    : new java.math.BigDecimal(provider.path("onTimeRate").asText()).movePointRight(2)
                            .setScale(1, java.math.RoundingMode.HALF_UP) + "%");
        }
    }

    @Test
    void aProviderDepartmentSeesItsPeriodicItemsToDeliverAndOthersAreToldTheyHaveNone() throws Exception {
        Catalog.CatalogProvider provider = catalog.providers().stream()
                .filter(p -> p.departmentCode() == null && p.no() != 30 && p.no() != 32)
                .filter(p -> catalog.itemsOf(p.no()).stream().anyMatch(i -> i.schedule().hasDeadlines()))
                .findFirst().orElseThrow();
        String department = TestData.creditCode();
        http.perform(put("/api/v1/sharing/catalog/providers/" + provider.no()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"departmentCode\":\"" + department + "\"}").with(TestCallers.as(TestCallers.cityAdmin())))
                .andExpect(status().isOk());

        Document upload = page(submitter(department), "/console/sharing/deliveries");
        List<Integer> deliverable = catalog.itemsOf(provider.no()).stream().filter(i -> i.schedule().hasDeadlines())
                .map(CatalogItem::no).toList();
        assertThat(upload.select("#delivery-item option").eachAttr("value")).containsExactlyElementsOf(
                deliverable.stream().map(String::valueOf).toList());
        assertThat(upload.select("#delivery-upload input[name=X-Content-SM3]")).hasSize(1);
        assertThat(upload.select("#no-items")).isEmpty();

        Document none = page(submitter(TestData.creditCode()), "/console/sharing/deliveries");
        assertThat(none.select("#no-items")).hasSize(1);
        assertThat(none.select("#delivery-upload")).isEmpty();
    }

    private static Caller submitter(String department) {
        return new Caller("system-" + department, ActorKind.STAFF, department, "提供单位" + department, DepartmentType.TAX,
                Set.of(), true, Set.of(), Set.of(Permissions.DELIVERY_SUBMIT), Set.of(), null);
    }
}
