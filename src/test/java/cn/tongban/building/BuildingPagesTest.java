package cn.tongban.building;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.filing.FilingFixture;
import cn.tongban.identity.Permissions;
import cn.tongban.identity.TestCallers;

/** The 楼盘表 pages (issue #8 item 2): the grid, the unit card, the import report, and who may open them. */
@IntegrationTest
class BuildingPagesTest {

    @Autowired
    MockMvc http;

    FilingFixture fixture;
    List<String> units;
    long buildingId;

    @BeforeEach
    void building() throws Exception {
        fixture = new FilingFixture(http);
        units = fixture.unitsOnSale(3);
        buildingId = fixture.body(http.perform(get("/api/v1/units/" + units.get(0)))).get("buildingId").asLong();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return http.perform(request.accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The grid's button of this unit, as rendered. */
    private static String cell(String html, String unitCode) {
        int at = html.indexOf("id=\"cell-" + unitCode + "\"");
        assertThat(at).as("cell of " + unitCode).isPositive();
        return html.substring(html.lastIndexOf("<button", at), html.indexOf("</button>", at));
    }

    @Test
    void theGridColoursEachUnitByItsTradeStatusAndMarksASeizure() throws Exception {
        fixture.fileSale(units.get(0), TestData.citizenId("19850505"));
        JsonNode seized = fixture.body(http.perform(get("/api/v1/units/" + units.get(1))));
        fixture.postJson("/api/v1/units/" + units.get(1) + "/status-changes", """
                {"aspect":"SEIZED","value":"true","reason":"诉讼保全","sourceDocument":"(2026)苏0411执保1号","expectedVersion":%d}"""
                .formatted(seized.get("version").asLong())).andExpect(status().isOk());

        String html = page(get("/console/buildings/" + buildingId));
        assertThat(cell(html, units.get(0))).contains("bt-status-FILED").doesNotContain("<abbr");
        assertThat(cell(html, units.get(1))).contains("bt-status-AVAILABLE").contains(">查</abbr>");
        assertThat(cell(html, units.get(2))).contains("bt-status-AVAILABLE").doesNotContain("<abbr");
        assertThat(html).contains("已备案").contains("不可售").contains("已登记");
    }

    @Test
    void theUnitCardShowsTheUnitAndItsStatusHistory() throws Exception {
        String code = fixture.fileSale(units.get(0), TestData.citizenId("19850505"));
        String card = page(get("/console/buildings/units/" + units.get(0)));
        assertThat(card).contains(units.get(0)).contains(FilingFixture.LOCATION).contains("89.50").contains(code)
                .doesNotContain("<html");
    }

    @Test
    void theProjectListFindsTheProjectByDistrictAndLeadsToItsBuildings() throws Exception {
        JsonNode unit = fixture.body(http.perform(get("/api/v1/units/" + units.get(0))));
        JsonNode project = fixture.body(http.perform(get("/api/v1/projects/" + unit.get("projectId").asLong())));
        String list = page(get("/console/buildings").param("name", project.get("name").asText()).param("district", "320411"));
        assertThat(list).contains("/console/buildings/projects/" + project.get("id").asLong());
        assertThat(page(get("/console/buildings").param("name", project.get("name").asText()).param("district", "320402")))
                .doesNotContain("/console/buildings/projects/" + project.get("id").asLong());
        assertThat(page(get("/console/buildings/projects/" + project.get("id").asLong())))
                .contains("/console/buildings/" + buildingId);
    }

    @Test
    void anotherDevelopersClerkDoesNotFindTheGrid() throws Exception {
        http.perform(get("/console/buildings/" + buildingId).accept(MediaType.TEXT_HTML)
                        .with(TestCallers.as(TestCallers.developer(TestData.creditCode()))))
                .andExpect(status().isNotFound());
        page(get("/console/buildings/" + buildingId).with(TestCallers.as(TestCallers.developer(fixture.developer))));
    }

    @Test
    void pagesAreForbiddenWithoutTheirPermission() throws Exception {
        var projectsOnly = TestCallers.as(TestCallers.withPermissions(Permissions.PROJECT_QUERY));
        http.perform(get("/console/buildings/" + buildingId).accept(MediaType.TEXT_HTML).with(projectsOnly))
                .andExpect(status().isForbidden());
        http.perform(get("/console/buildings/units/" + units.get(0)).accept(MediaType.TEXT_HTML).with(projectsOnly))
                .andExpect(status().isForbidden());
        http.perform(get("/console/buildings/import").accept(MediaType.TEXT_HTML).with(projectsOnly))
                .andExpect(status().isForbidden());
        http.perform(get("/console/buildings").accept(MediaType.TEXT_HTML)
                        .with(TestCallers.as(TestCallers.withPermissions(Permissions.UNIT_QUERY))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theImportReportListsTheRejectedRowsByLineAndField() throws Exception {
        String csv = "unitCode,houseCode,location,floor,roomNo,buildingArea,innerArea,sharedArea,houseUse,landUse,houseNature,houseType,roomLayout,layoutStructure,orientation,houseState\n"
                + "NOT-A-CODE,,常州市新北区导入路1号,3,301,89.50,73.39,16.11,11,城镇住宅用地,0,01,03,01,02,01\n";
        JsonNode report = fixture.body(http.perform(post("/api/v1/units/imports").contentType("text/csv").content(csv))
                .andExpect(status().isOk()));
        String html = page(get("/console/buildings/import/" + report.get("importId").asText()));
        assertThat(html).contains("id=\"import-rejected\">1<").contains("<td>2</td>").contains("<td>unitCode</td>");
        page(get("/console/buildings/import"));
    }
}
