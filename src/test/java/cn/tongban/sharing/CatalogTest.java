package cn.tongban.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.tongban.IntegrationTest;
import cn.tongban.identity.Permissions;
import cn.tongban.identity.TestCallers;

/** 涉税费信息共享目录 (常经办发〔2023〕19号 二（一）3, 附件1): shipped as published, listed with deadlines, edited in versions. */
@IntegrationTest
class CatalogTest {

    @Autowired
    MockMvc http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    private JsonNode list(String asOf) throws Exception {
        String body = http.perform(get("/api/v1/sharing/catalog").param("asOf", asOf)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    private static JsonNode item(JsonNode list, int no) {
        for (JsonNode item : list) {
            if (item.get("no").asInt() == no) {
                return item;
            }
        }
        throw new AssertionError("no item " + no);
    }

    @Test
    void theShippedCatalogIsAnnexOneWith212ItemsOf42ProvidersNumberedAsInTheDocument() throws Exception {
        List<CatalogCsv.Row> rows;
        try (InputStream in = new ClassPathResource(CatalogSeed.RESOURCE).getInputStream()) {
            rows = CatalogCsv.read(in);
        }
        assertThat(rows).hasSize(212);
        assertThat(rows.stream().map(r -> r.item().no()).toList())
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 212).boxed().toList());
        Map<Integer, String> providers = rows.stream().collect(Collectors.toMap(r -> r.item().providerNo(), r -> r.item().provider(),
                (a, b) -> a, java.util.TreeMap::new));
        assertThat(providers).hasSize(42);
        assertThat(providers.keySet()).isEqualTo(java.util.stream.IntStream.rangeClosed(1, 42).boxed().collect(Collectors.toSet()));
        assertThat(providers.values()).doesNotHaveDuplicates();
        // loaded as seeded, version 1 each
        assertThat(jdbc.sql("SELECT count(*) FROM catalog_item_version WHERE version = 1 AND change = 'seed' AND item_no <= 212")
                .query(Long.class).single()).isEqualTo(212);
        assertThat(jdbc.sql("SELECT count(DISTINCT provider_no) FROM catalog_item WHERE no <= 212").query(Long.class).single()).isEqualTo(42);

        JsonNode list = list("2026-10-01");
        // spot checks against the document's table, cell by cell
        assertItem(item(list, 1), "发展改革部门", "投资项目审批信息", "定期共享:每季终了后20日内", true);
        assertItem(item(list, 27), "公安部门", "机动车辆登记状态信息", "实时共享", false);
        assertItem(item(list, 60), "自然资源和规划部门",
                "涉税测绘地理信息（包括但不限于基础地理信息、工业用地调查信息、土地出让(转让)信息、历年土地基准地价信息等）", "按需提供", true);
        assertItem(item(list, 90), "住房城乡建设部门", "建筑（施工）工程许可信息", "定期共享:每周终了后3日内", false);
        // the document numbers this one （143） within its provider, a misprint for （13）: the 序号 is what counts
        assertItem(item(list, 102), "住房城乡建设部门", "保障性租赁住房项目认定书信息", "定期共享:每月终了后20日内", false);
        assertItem(item(list, 154), "市场监管部门", "市场主体开业、变更、注销登记信息", "定期共享:每月终了后 10 日内", false);
        assertItem(item(list, 165), "统计部门", "统计月报（文本）", "定期共享:每月终了后次月10日内", false);
        assertItem(item(list, 172), "医疗保障部门", "在医疗保障信息系统记录的个人负担医药费用信息", "按需提供（省局授权）", false);
        assertItem(item(list, 206), "残联组织", "残疾人证发放信息", "实时共享", false);
        assertItem(item(list, 212), "供气单位", "与市场主体相关的用气信息", "定期共享:每年终了后20日内", false);
    }

    private static void assertItem(JsonNode item, String provider, String name, String frequency, boolean districtLevel) {
        assertThat(item.get("provider").asText()).isEqualTo(provider);
        assertThat(item.get("name").asText()).isEqualTo(name);
        assertThat(item.get("frequencyText").asText()).isEqualTo(frequency);
        assertThat(item.get("districtLevel").asBoolean()).as("是否区县级共享 of " + name).isEqualTo(districtLevel);
    }

    @Test
    void theListShowsEachItemsScheduleAndTheNextDueDateOnOrAfterTheDayAsked() throws Exception {
        JsonNode onDeadline = list("2026-10-20");
        JsonNode first = item(onDeadline, 1);
        assertThat(first.get("mode").asText()).isEqualTo("PERIODIC");
        assertThat(first.get("scheduleStatus").asText()).isEqualTo("SCHEDULED");
        assertThat(first.get("nextPeriod").asText()).isEqualTo("2026-Q3");
        assertThat(first.get("nextDueDate").asText()).isEqualTo("2026-10-20");
        assertThat(item(list("2026-10-21"), 1).get("nextDueDate").asText()).isEqualTo("2027-01-20");

        assertThat(item(onDeadline, 27).get("scheduleStatus").asText()).isEqualTo("REAL_TIME");
        assertThat(item(onDeadline, 27).has("nextDueDate")).isFalse();
        assertThat(item(onDeadline, 9).get("scheduleStatus").asText()).isEqualTo("ON_DEMAND");
        assertThat(item(onDeadline, 8).get("scheduleStatus").asText()).isEqualTo("EVENT_TRIGGERED");
        assertThat(item(onDeadline, 8).has("nextDueDate")).isFalse();
        // 附件1 第205项 “每季末20日前”: shown as needing a person's decision, with why, and no date guessed
        JsonNode union = item(onDeadline, 205);
        assertThat(union.get("scheduleStatus").asText()).isEqualTo("NEEDS_DECISION");
        assertThat(union.get("scheduleNote").asText()).contains("需人工确定");
        assertThat(union.has("nextDueDate")).isFalse();
        for (JsonNode item : onDeadline) {
            if (item.get("scheduleStatus").asText().equals("SCHEDULED")) {
                assertThat(item.get("nextDueDate").asText()).as("item " + item.get("no")).isGreaterThanOrEqualTo("2026-10-20");
            }
        }
        http.perform(get("/api/v1/sharing/catalog").param("asOf", "2026-13-01")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }

    @Test
    void anEditIsANewVersionAndEveryEarlierVersionIsKept() throws Exception {
        // 附件1 第170项 “每年终了后” has no number: an administrator decides what it means
        int version = json.readTree(http.perform(get("/api/v1/sharing/catalog/170")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).get("version").asInt();
        String edit = """
                {"name":"全区统计信息","mode":"定期共享","frequencyText":"定期共享:每年终了后","scheduleDecision":"每年终了后20日内",
                 "districtLevel":false,"fields":["指标名称","指标值","统计期"],"legalBasis":"常经办发〔2023〕19号 附件1","version":%d}""";
        http.perform(put("/api/v1/sharing/catalog/170").contentType(MediaType.APPLICATION_JSON).content(edit.formatted(version)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(version + 1))
                .andExpect(jsonPath("$.fields.length()").value(3))
                .andExpect(jsonPath("$.entry.frequencyText").value("定期共享:每年终了后"))
                .andExpect(jsonPath("$.entry.scheduleStatus").value("SCHEDULED"))
                .andExpect(jsonPath("$.entry.scheduleDecision").value("每年终了后20日内"));
        http.perform(get("/api/v1/sharing/catalog/170/versions")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].version").value(1))
                .andExpect(jsonPath("$[0].change").value("seed"))
                .andExpect(jsonPath("$[0].scheduleDecision").doesNotExist())
                .andExpect(jsonPath("$[-1].version").value(version + 1))
                .andExpect(jsonPath("$[-1].change").value("edit"))
                .andExpect(jsonPath("$[-1].changedBy").value("test-admin"));
        // the same edit again, on the version it was made on: someone else's change is not overwritten
        http.perform(put("/api/v1/sharing/catalog/170").contentType(MediaType.APPLICATION_JSON).content(edit.formatted(version)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("catalog.stale-version"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'catalog-edit' AND resource_id = '170'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void aDecisionThatStillNeedsGuessingIsRefused() throws Exception {
        http.perform(put("/api/v1/sharing/catalog/205").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"工会部门有关筹建和新建工会单位","mode":"定期共享","frequencyText":"定期共享:每季末20日前",
                         "scheduleDecision":"每季末20日前","version":1}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scheduleDecision"))
                .andExpect(jsonPath("$.errors[0].code").value("catalog.decision-unreadable"));
        http.perform(put("/api/v1/sharing/catalog/205").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"工会部门有关筹建和新建工会单位","mode":"实时共享","frequencyText":"定期共享:每季末20日前","version":1}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mode"))
                .andExpect(jsonPath("$.errors[0].code").value("catalog.mode-mismatch"));
        assertThat(jdbc.sql("SELECT version FROM catalog_item WHERE no = 205").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anExportImportedAgainChangesNothing() throws Exception {
        byte[] csv = http.perform(get("/api/v1/sharing/catalog/export")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith(String.join(",", CatalogCsv.COLUMNS) + ",trackedFrom\n")
                .contains("1,1,发展改革部门,投资项目审批信息,定期共享,定期共享:每季终了后20日内,是,");
        long versions = jdbc.sql("SELECT count(*) FROM catalog_item_version").query(Long.class).single();
        http.perform(post("/api/v1/sharing/catalog/imports").contentType("text/csv").content(csv)).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.changed").value(0));
        assertThat(jdbc.sql("SELECT count(*) FROM catalog_item_version").query(Long.class).single()).isEqualTo(versions);
    }

    @Test
    void anImportCreatesNewItemsAndVersionsChangedOnes() throws Exception {
        String csv = """
                no,providerNo,provider,name,mode,frequencyText,districtLevel,fields,legalBasis,scheduleDecision,trackedFrom
                9001,901,测试提供单位,测试共享信息,定期共享,定期共享:每月终了后20日内,是,纳税人识别号;名称,测试依据,,2026-01-01
                """;
        http.perform(post("/api/v1/sharing/catalog/imports").contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
        http.perform(post("/api/v1/sharing/catalog/imports").contentType("text/csv")
                        .content(csv.replace("测试共享信息", "测试共享信息（更名）").getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changed").value(1));
        http.perform(get("/api/v1/sharing/catalog/9001/versions"))
                .andExpect(jsonPath("$[*].change", containsInAnyOrder("import", "import")))
                .andExpect(jsonPath("$[1].name").value("测试共享信息（更名）"))
                .andExpect(jsonPath("$[1].fields[1]").value("名称"));
    }

    @Test
    void badRowsOfAnImportAreReportedByLineAndFieldAndNothingIsWritten() throws Exception {
        String csv = """
                no,providerNo,provider,name,mode,frequencyText,districtLevel,fields,legalBasis,scheduleDecision
                9101,902,测试单位甲,正确的一行,按需提供,按需提供,否,,,
                9102,902,测试单位甲,方式写错,每天共享,定期共享:每月终了后20日内,否,,,
                9103,902,测试单位甲,区县级写错,实时共享,实时共享,也许,,,
                abc,902,测试单位甲,序号写错,实时共享,实时共享,否,,,
                9105,902,,缺责任单位,实时共享,实时共享,否,,,
                9101,902,测试单位甲,序号重复,实时共享,实时共享,否,,,
                """;
        http.perform(post("/api/v1/sharing/catalog/imports").contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("lines[3].mode", "lines[4].districtLevel", "lines[5].no",
                        "lines[6].provider", "lines[7].no")))
                .andExpect(jsonPath("$.errors[*].code", hasItem("catalog.mode")))
                .andExpect(jsonPath("$.errors[*].code", hasItem("catalog-import.duplicate-no")));
        assertThat(jdbc.sql("SELECT count(*) FROM catalog_item WHERE no BETWEEN 9101 AND 9105").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM catalog_provider WHERE no = 902").query(Long.class).single()).isZero();

        http.perform(post("/api/v1/sharing/catalog/imports").contentType("text/csv")
                        .content("no,provider,name\n1,发展改革部门,x\n".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("mode")))
                .andExpect(jsonPath("$.errors[0].code").value("catalog-import.missing-column"));
    }

    @Test
    void onlyCatalogEditorsChangeTheCatalog() throws Exception {
        http.perform(get("/api/v1/sharing/catalog").with(TestCallers.as(TestCallers.withPermissions(Permissions.CATALOG_QUERY))))
                .andExpect(status().isOk());
        http.perform(put("/api/v1/sharing/catalog/1").contentType(MediaType.APPLICATION_JSON).content("{\"version\":1}")
                        .with(TestCallers.as(TestCallers.withPermissions(Permissions.CATALOG_QUERY))))
                .andExpect(status().isForbidden());
        http.perform(post("/api/v1/sharing/catalog/imports").contentType("text/csv").content("no\n1\n")
                        .with(TestCallers.as(TestCallers.withPermissions(Permissions.CATALOG_QUERY))))
                .andExpect(status().isForbidden());
        http.perform(get("/api/v1/sharing/catalog").with(TestCallers.as(TestCallers.withPermissions(Permissions.UNIT_QUERY))))
                .andExpect(status().isForbidden());
    }
}
