package cn.tongban.building;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;

/** 楼盘表 projects, buildings and sale permits: issue #2 items 6 and 8. */
@IntegrationTest
class ProjectAndBuildingTest {

    @Autowired
    MockMvc http;

    BuildingFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new BuildingFixture(http);
    }

    private ResultActions postJson(String path, String json) throws Exception {
        return http.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String project(String creditCode, String district, String parcel) {
        return """
                {"name":"项目%d","developerCreditCode":"%s","districtCode":"%s","parcelCode":"%s","landUse":"城镇住宅用地"}"""
                .formatted(TestData.next(), creditCode, district, parcel);
    }

    @Test
    void projectIsCreatedAndFoundByDistrictAndDeveloper() throws Exception {
        String credit = TestData.creditCode();
        JsonNode created = fixture.body(postJson("/api/v1/projects", project(credit, "320412", TestData.parcelCode("320412")))
                .andExpect(status().isCreated()));
        http.perform(get("/api/v1/projects").param("districtCode", "320412").param("developerCreditCode", credit))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(created.get("id").asLong()))
                .andExpect(jsonPath("$.items[0].districtName").value("武进区"));
    }

    @Test
    void creditCodeFailingItsCheckCharacterNamesTheField() throws Exception {
        String valid = TestData.creditCode();
        char last = valid.charAt(17);
        String wrong = valid.substring(0, 17) + (last == '0' ? '1' : '0');
        postJson("/api/v1/projects", project(wrong, "320411", TestData.parcelCode("320411")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("developerCreditCode"))
                .andExpect(jsonPath("$.errors[0].code").value("credit-code.check-character"));
    }

    @Test
    void projectMustBeInACountyLevelDistrictContainingItsParcel() throws Exception {
        postJson("/api/v1/projects", project(TestData.creditCode(), "320400", TestData.parcelCode("320400")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].code", hasItem("project.district-not-county")));
        postJson("/api/v1/projects", project(TestData.creditCode(), "320411", TestData.parcelCode("320402")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parcelCode"))
                .andExpect(jsonPath("$.errors[0].code").value("project.parcel-outside-district"));
    }

    @Test
    void unknownJsonFieldIsRejectedByName() throws Exception {
        postJson("/api/v1/projects", project(TestData.creditCode(), "320411", TestData.parcelCode("320411"))
                .replace("}", ",\"price\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("price"))
                .andExpect(jsonPath("$.errors[0].code").value("json.unknown-field"));
    }

    @Test
    void wrongJsonTypeIsRejectedByName() throws Exception {
        long projectId = fixture.project("320411").get("id").asLong();
        postJson("/api/v1/buildings", """
                {"projectId":%d,"buildingNumber":"0001","name":"1幢","floorsAbove":"twelve","structure":"3"}""".formatted(projectId))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("floorsAbove"))
                .andExpect(jsonPath("$.errors[0].code").value("json.type"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception"))));
    }

    @Test
    void buildingStructureMustBeADictionaryCode() throws Exception {
        long projectId = fixture.project("320411").get("id").asLong();
        postJson("/api/v1/buildings", """
                {"projectId":%d,"buildingNumber":"0002","name":"2幢","floorsAbove":12,"structure":"钢混"}""".formatted(projectId))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("structure"))
                .andExpect(jsonPath("$.errors[0].code").value("dictionary.unknown-code"));
    }

    @Test
    void staleVersionIsAConflictAndChangesNothing() throws Exception {
        JsonNode project = fixture.project("320411");
        String body = """
                {"name":"%s","developerCreditCode":"%s","districtCode":"320411","parcelCode":"%s","landUse":"商服用地","version":%d}""";
        http.perform(put("/api/v1/projects/" + project.get("id")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(project.get("name").asText(), project.get("developerCreditCode").asText(),
                                project.get("parcelCode").asText(), 0)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        http.perform(put("/api/v1/projects/" + project.get("id")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted("改名", project.get("developerCreditCode").asText(), project.get("parcelCode").asText(), 0)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("version.stale"));
        http.perform(get("/api/v1/projects/" + project.get("id"))).andExpect(jsonPath("$.name").value(project.get("name").asText()));
    }

    @Test
    void buildingKeepsItsCodeAndFloorsOnceItHasUnitsAndStaleVersionsConflict() throws Exception {
        JsonNode building = fixture.building(5);
        String code = building.get("buildingCode").asText();
        fixture.importCsv(BuildingFixture.HEADER + "\n" + BuildingFixture.row(code, 1, 1));
        String body = """
                {"projectId":%d,"buildingNumber":"%s","name":"1幢","floorsAbove":6,"structure":"3","version":%d}""";
        http.perform(put("/api/v1/buildings/" + building.get("id")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(building.get("projectId").asLong(), "0009", 0)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("building.code-fixed"));
        fixture.importCsv(BuildingFixture.HEADER + "\n" + BuildingFixture.row(code, 2, 5));
        http.perform(put("/api/v1/buildings/" + building.get("id")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(building.get("projectId").asLong(), "0001", 0).replace("\"floorsAbove\":6", "\"floorsAbove\":4")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("building.floors-hold-units"));
        http.perform(put("/api/v1/buildings/" + building.get("id")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(building.get("projectId").asLong(), "0001", 0)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.floorsAbove").value(6))
                .andExpect(jsonPath("$.version").value(1));
        http.perform(put("/api/v1/buildings/" + building.get("id")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(building.get("projectId").asLong(), "0001", 0)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("version.stale"));
    }

    @Test
    void unknownProjectIsNotFoundProblem() throws Exception {
        http.perform(get("/api/v1/projects/999999999")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("未找到项目：999999999"));
    }

    @Test
    void presalePermitMakesTheUnitsItCoversAvailableAndSaysSoInTheirHistory() throws Exception {
        JsonNode building = fixture.building(5);
        String code = building.get("buildingCode").asText();
        fixture.importCsv(BuildingFixture.HEADER + "\n" + BuildingFixture.row(code, 1, 1) + "\n" + BuildingFixture.row(code, 2, 2));
        String permitNo = "常房预售〔2026〕" + TestData.next() + "号";
        postJson("/api/v1/buildings/" + building.get("id") + "/sale-permits", """
                {"kind":"PRESALE","permitNo":"%s","issuedOn":"2026-01-05","validFrom":"2026-01-05","unitCodes":["%s0001"]}"""
                .formatted(permitNo, code))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.unitCount").value(1));
        http.perform(get("/api/v1/units/" + code + "0001")).andExpect(jsonPath("$.tradeStatus").value("AVAILABLE"));
        http.perform(get("/api/v1/units/" + code + "0002")).andExpect(jsonPath("$.tradeStatus").value("UNAVAILABLE"));
        http.perform(get("/api/v1/units/" + code + "0001/history"))
                .andExpect(jsonPath("$[0].aspect").value("TRADE_STATUS"))
                .andExpect(jsonPath("$[0].newValue").value("AVAILABLE"))
                .andExpect(jsonPath("$[0].sourceDocument").value(permitNo));
    }

    @Test
    void permitCannotCoverAUnitOfAnotherBuilding() throws Exception {
        JsonNode building = fixture.building(5);
        JsonNode other = fixture.building(5);
        fixture.importCsv(BuildingFixture.HEADER + "\n" + BuildingFixture.row(other.get("buildingCode").asText(), 1, 1));
        postJson("/api/v1/buildings/" + building.get("id") + "/sale-permits", """
                {"kind":"PRESALE","permitNo":"X%d","issuedOn":"2026-01-05","validFrom":"2026-01-05","unitCodes":["%s0001"]}"""
                .formatted(TestData.next(), other.get("buildingCode").asText()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitCodes[0]"))
                .andExpect(jsonPath("$.errors[0].code").value("permit.unit-not-in-building"));
    }
}
