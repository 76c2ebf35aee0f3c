package cn.tongban.building;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.identity.TestCallers;

/**
 * Issue #3 item 3: a district's staff see and change only their district's 楼盘表; an enterprise only its own
 * projects; what is outside the scope is not found (404), and list counts are scoped too.
 */
@IntegrationTest
class ScopeMatrixTest {

    static final String TIANNING = "320402";
    static final String XINBEI = "320411";

    @Autowired
    MockMvc http;

    BuildingFixture fixture;
    JsonNode tianningProject;
    JsonNode xinbeiProject;
    String xinbeiUnit;

    @BeforeEach
    void twoDistricts() throws Exception {
        fixture = new BuildingFixture(http);
        tianningProject = fixture.project(TIANNING);
        xinbeiProject = fixture.project(XINBEI);
        JsonNode building = fixture.body(http.perform(post("/api/v1/buildings").contentType(MediaType.APPLICATION_JSON).content("""
                {"projectId":%d,"buildingNumber":"0001","name":"1幢","floorsAbove":6,"structure":"3"}"""
                .formatted(xinbeiProject.get("id").asLong()))));
        fixture.importCsv(BuildingFixture.HEADER + "\n" + BuildingFixture.row(building.get("buildingCode").asText(), 1, 1));
        xinbeiUnit = building.get("buildingCode").asText() + "0001";
    }

    private static RequestPostProcessor tianningClerk() {
        return TestCallers.as(TestCallers.districtClerk(TIANNING));
    }

    @Test
    void districtStaffCannotReadAnotherDistrictsProjectBuildingOrUnit() throws Exception {
        http.perform(get("/api/v1/projects/" + tianningProject.get("id")).with(tianningClerk())).andExpect(status().isOk());
        http.perform(get("/api/v1/projects/" + xinbeiProject.get("id")).with(tianningClerk())).andExpect(status().isNotFound());
        http.perform(get("/api/v1/units/" + xinbeiUnit).with(tianningClerk())).andExpect(status().isNotFound());
        http.perform(get("/api/v1/units/" + xinbeiUnit + "/history").with(tianningClerk())).andExpect(status().isNotFound());
        http.perform(get("/api/v1/buildings").param("projectId", xinbeiProject.get("id").asText()).with(tianningClerk()))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void districtListsAndTheirCountsHoldOnlyTheDistrict() throws Exception {
        http.perform(get("/api/v1/projects").param("size", "500").with(tianningClerk()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.districtCode != '" + TIANNING + "')]").isEmpty());
        http.perform(get("/api/v1/units").param("districtCode", XINBEI).with(tianningClerk()))
                .andExpect(jsonPath("$.total").value(0));
        http.perform(get("/api/v1/units").param("districtCode", XINBEI))
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThan(0)));
    }

    @Test
    void districtStaffCannotChangeAnotherDistrictsData() throws Exception {
        http.perform(post("/api/v1/units/" + xinbeiUnit + "/status-changes").with(tianningClerk())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"aspect":"LOCKED","value":"true","reason":"测试","sourceDocument":"X","expectedVersion":0}"""))
                .andExpect(status().isNotFound());
        http.perform(get("/api/v1/units/" + xinbeiUnit)).andExpect(jsonPath("$.rights.locked").value(false));
        http.perform(post("/api/v1/projects").with(tianningClerk()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"越权项目%d","developerCreditCode":"%s","districtCode":"%s","parcelCode":"%s","landUse":"城镇住宅用地"}"""
                        .formatted(TestData.next(), TestData.creditCode(), XINBEI, TestData.parcelCode(XINBEI))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("scope.outside"));
    }

    @Test
    void importIntoAnotherDistrictsBuildingFindsNoSuchBuilding() throws Exception {
        String building = xinbeiUnit.substring(0, 24);
        fixture.body(http.perform(post("/api/v1/units/imports").with(tianningClerk()).contentType("text/csv")
                        .content(BuildingFixture.HEADER + "\n" + BuildingFixture.row(building, 2, 1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(0))
                .andExpect(jsonPath("$.errors[0].code").value("unit.building-unknown")));
    }

    @Test
    void enterpriseSeesOnlyItsOwnProjects() throws Exception {
        String developerX = tianningProject.get("developerCreditCode").asText();
        RequestPostProcessor x = TestCallers.as(TestCallers.developer(developerX));
        RequestPostProcessor y = TestCallers.as(TestCallers.developer(xinbeiProject.get("developerCreditCode").asText()));
        http.perform(get("/api/v1/projects/" + tianningProject.get("id")).with(x)).andExpect(status().isOk());
        http.perform(get("/api/v1/projects/" + tianningProject.get("id")).with(y)).andExpect(status().isNotFound());
        http.perform(get("/api/v1/projects").with(x))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].developerCreditCode").value(developerX));
        http.perform(get("/api/v1/units/" + xinbeiUnit).with(x)).andExpect(status().isNotFound());
        http.perform(get("/api/v1/units/" + xinbeiUnit).with(y)).andExpect(status().isOk());
    }

    @Test
    void callerWithoutThePermissionIsForbidden() throws Exception {
        http.perform(get("/api/v1/units/" + xinbeiUnit).with(TestCallers.as(TestCallers.withPermissions("building:project:query"))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("auth.forbidden"));
    }
}
