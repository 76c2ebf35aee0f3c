package cn.tongban.restriction;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.identity.Permissions;
import cn.tongban.identity.TestCallers;

/** 建房〔2020〕61号 六: courts push seizures; the unit's 查封 flag follows whether any seizure is in force (轮候查封). */
@IntegrationTest
class SeizureTest {

    @Autowired
    MockMvc http;

    RestrictionFixture fixture;
    String unit;

    @BeforeEach
    void unit() throws Exception {
        fixture = new RestrictionFixture(http);
        unit = fixture.unit(RestrictionFixture.XINBEI);
    }

    @Test
    void seizureSetsTheUnitsSeizedFlagAndRecordsItInTheHistory() throws Exception {
        String document = RestrictionFixture.documentNo();
        fixture.seize(unit, document).andExpect(status().isCreated())
                .andExpect(jsonPath("$.unitCode").value(unit))
                .andExpect(jsonPath("$.kind").value("SEIZURE"))
                .andExpect(jsonPath("$.inForce").value(true));
        http.perform(get("/api/v1/units/" + unit)).andExpect(jsonPath("$.rights.seized").value(true));
        http.perform(get("/api/v1/units/" + unit + "/history"))
                .andExpect(jsonPath("$[?(@.aspect == 'SEIZED')].newValue").value("true"))
                .andExpect(jsonPath("$[?(@.aspect == 'SEIZED')].reason").value("法院查封"))
                .andExpect(jsonPath("$[?(@.aspect == 'SEIZED')].sourceDocument").value(document));
        http.perform(get("/api/v1/seizures").param("unitCode", unit))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].documentNo").value(document));
    }

    @Test
    void stackedSeizuresKeepTheFlagUntilTheLastIsReleased() throws Exception {
        long first = fixture.body(fixture.seize(unit, RestrictionFixture.documentNo()).andExpect(status().isCreated())).get("id").asLong();
        long second = fixture.body(fixture.seize(unit, RestrictionFixture.documentNo()).andExpect(status().isCreated())).get("id").asLong();

        fixture.release("seizures", first, "（2026）苏0402执恢1号").andExpect(status().isOk())
                .andExpect(jsonPath("$.inForce").value(false))
                .andExpect(jsonPath("$.releaseDocumentNo").value("（2026）苏0402执恢1号"));
        http.perform(get("/api/v1/units/" + unit)).andExpect(jsonPath("$.rights.seized").value(true));

        fixture.release("seizures", second, "（2026）苏0402执恢2号").andExpect(status().isOk());
        http.perform(get("/api/v1/units/" + unit)).andExpect(jsonPath("$.rights.seized").value(false));
        http.perform(get("/api/v1/units/" + unit + "/history"))
                .andExpect(jsonPath("$[?(@.aspect == 'SEIZED' && @.newValue == 'false')].sourceDocument").value("（2026）苏0402执恢2号"));
    }

    @Test
    void releasingAnUnknownSeizureIsNotFoundAndAReleasedOneAConflict() throws Exception {
        fixture.release("seizures", 999_999_999L, "X").andExpect(status().isNotFound());
        long id = fixture.body(fixture.seize(unit, RestrictionFixture.documentNo())).get("id").asLong();
        fixture.release("seizures", id, "（2026）苏0402执恢3号").andExpect(status().isOk());
        fixture.release("seizures", id, "（2026）苏0402执恢4号").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("seizure.already-released"));
    }

    @Test
    void theSameDocumentTwiceOnAUnitIsAConflict() throws Exception {
        String document = RestrictionFixture.documentNo();
        fixture.seize(unit, document).andExpect(status().isCreated());
        fixture.seize(unit, document).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("seizure.duplicate"));
    }

    @Test
    void aUnitOfAnotherDistrictIsNotFoundForADistrictScopedCaller() throws Exception {
        var tianningClerk = TestCallers.as(TestCallers.districtClerk(RestrictionFixture.TIANNING));
        fixture.seize(unit, RestrictionFixture.documentNo()).andExpect(status().isCreated());
        http.perform(post("/api/v1/seizures").with(tianningClerk).contentType(MediaType.APPLICATION_JSON).content("""
                        {"unitCode":"%s","kind":"SEIZURE","court":"常州市天宁区人民法院","documentNo":"X1","validFrom":"2026-01-05"}"""
                        .formatted(unit)))
                .andExpect(status().isNotFound());
        http.perform(get("/api/v1/seizures").param("unitCode", unit).with(tianningClerk)).andExpect(status().isNotFound());
        long id = fixture.body(fixture.seize(unit, RestrictionFixture.documentNo())).get("id").asLong();
        http.perform(post("/api/v1/seizures/" + id + "/release").with(tianningClerk).contentType(MediaType.APPLICATION_JSON)
                .content("{\"documentNo\":\"X\"}")).andExpect(status().isNotFound());
    }

    @Test
    void invalidRequestsNameTheFieldAndTheRule() throws Exception {
        http.perform(post("/api/v1/seizures").contentType(MediaType.APPLICATION_JSON).content("""
                        {"unitCode":"%s","kind":"SEIZURE","court":"常州市天宁区人民法院","documentNo":"X2","validFrom":"2026-03-05","validTo":"2026-01-01"}"""
                        .formatted(unit)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("validTo"))
                .andExpect(jsonPath("$.errors[0].code").value("seizure.period"));
        http.perform(post("/api/v1/seizures").contentType(MediaType.APPLICATION_JSON).content("""
                        {"unitCode":"32041100","kind":"SEIZURE","court":"法院","documentNo":"X3","validFrom":"2026-03-05"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitCode"))
                .andExpect(jsonPath("$.errors[0].code").value("unit-code.length"));
        http.perform(post("/api/v1/seizures").contentType(MediaType.APPLICATION_JSON).content("""
                        {"unitCode":"%s","kind":"SEIZURE","documentNo":"X4","validFrom":"2026-03-05"}""".formatted(unit)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("court"));
    }

    @Test
    void callersWithoutThePermissionAreForbidden() throws Exception {
        http.perform(post("/api/v1/seizures").with(TestCallers.as(TestCallers.withPermissions(Permissions.SEIZURE_QUERY)))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"unitCode":"%s","kind":"SEIZURE","court":"法院","documentNo":"X5","validFrom":"2026-03-05"}""".formatted(unit)))
                .andExpect(status().isForbidden());
        http.perform(get("/api/v1/seizures").param("unitCode", unit)
                        .with(TestCallers.as(TestCallers.withPermissions(Permissions.SEIZURE_CREATE))))
                .andExpect(status().isForbidden());
        http.perform(get("/api/v1/units/" + unit)).andExpect(jsonPath("$.rights.seized").value(false));
    }
}
