package cn.tongban.restriction;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;

/** 建房规〔2020〕4号 二（五）: 抵押 with their 顺位, and 限售 locks on a unit or a whole project, shown in the 楼盘表. */
@IntegrationTest
class MortgageAndLockTest {

    @Autowired
    MockMvc http;

    RestrictionFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new RestrictionFixture(http);
    }

    @Test
    void mortgageRanksIncrementAndTheFlagStaysUntilTheLastIsReleased() throws Exception {
        String unit = fixture.unit(RestrictionFixture.XINBEI);
        long first = fixture.body(fixture.mortgage(unit, RestrictionFixture.documentNo()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.rank").value(1))).get("id").asLong();
        long second = fixture.body(fixture.mortgage(unit, RestrictionFixture.documentNo()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.rank").value(2))).get("id").asLong();
        http.perform(get("/api/v1/units/" + unit)).andExpect(jsonPath("$.rights.mortgaged").value(true));
        http.perform(get("/api/v1/mortgages").param("unitCode", unit))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].rank").value(1))
                .andExpect(jsonPath("$.items[0].amount").value(800000.00));

        fixture.release("mortgages", first, "注销1").andExpect(status().isOk());
        http.perform(get("/api/v1/units/" + unit)).andExpect(jsonPath("$.rights.mortgaged").value(true));
        fixture.release("mortgages", second, "注销2").andExpect(status().isOk());
        http.perform(get("/api/v1/units/" + unit)).andExpect(jsonPath("$.rights.mortgaged").value(false));
        fixture.release("mortgages", second, "注销3").andExpect(status().isConflict());
    }

    @Test
    void aRankHeldByAMortgageInForceIsAConflict() throws Exception {
        String unit = fixture.unit(RestrictionFixture.XINBEI);
        fixture.mortgage(unit, RestrictionFixture.documentNo()).andExpect(status().isCreated());
        http.perform(post("/api/v1/mortgages").contentType(MediaType.APPLICATION_JSON).content("""
                        {"unitCode":"%s","mortgagee":"银行","mortgageeCode":"%s","documentNo":"D%d","amount":1000,"rank":1}"""
                        .formatted(unit, TestData.creditCode(), TestData.next())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("mortgage.rank-taken"));
    }

    @Test
    void invalidMortgageNamesTheField() throws Exception {
        String unit = fixture.unit(RestrictionFixture.XINBEI);
        http.perform(post("/api/v1/mortgages").contentType(MediaType.APPLICATION_JSON).content("""
                        {"unitCode":"%s","mortgagee":"银行","mortgageeCode":"91320400MA1X2Y3Z4Q","documentNo":"D1","amount":1000}"""
                        .formatted(unit)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mortgageeCode"));
        http.perform(post("/api/v1/mortgages").contentType(MediaType.APPLICATION_JSON).content("""
                        {"unitCode":"%s","mortgagee":"银行","mortgageeCode":"%s","documentNo":"D1","amount":-5}"""
                        .formatted(unit, TestData.creditCode())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
    }

    private ResultActions lockProject(long projectId) throws Exception {
        return http.perform(post("/api/v1/policy-locks").contentType(MediaType.APPLICATION_JSON).content("""
                {"projectId":%d,"until":"%s","reason":"取得不动产权证未满2年","documentNo":"常住建〔2026〕%d号"}"""
                .formatted(projectId, LocalDate.now().plusYears(2), TestData.next())));
    }

    @Test
    void aPolicyLockOnAProjectLocksEveryUnitOfItUntilReleased() throws Exception {
        RestrictionFixture.Estate estate = fixture.estate(RestrictionFixture.XINBEI, 3);
        String unitLocked = estate.units().get(0);
        // a lock of its own on one unit keeps that unit locked when the project's lock is released
        http.perform(post("/api/v1/policy-locks").contentType(MediaType.APPLICATION_JSON).content("""
                        {"unitCode":"%s","until":"%s","reason":"行政处理中","documentNo":"常住建〔2026〕1号"}"""
                        .formatted(unitLocked, LocalDate.now().plusMonths(1))))
                .andExpect(status().isCreated());
        long lock = fixture.body(lockProject(estate.projectId()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.projectId").value(estate.projectId()))).get("id").asLong();
        for (String unit : estate.units()) {
            http.perform(get("/api/v1/units/" + unit)).andExpect(jsonPath("$.rights.locked").value(true));
        }
        http.perform(get("/api/v1/policy-locks").param("unitCode", estate.units().get(1)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(lock));

        fixture.release("policy-locks", lock, "常住建〔2026〕99号").andExpect(status().isOk());
        http.perform(get("/api/v1/units/" + estate.units().get(1))).andExpect(jsonPath("$.rights.locked").value(false));
        http.perform(get("/api/v1/units/" + unitLocked)).andExpect(jsonPath("$.rights.locked").value(true));
    }

    @Test
    void aLockNeedsExactlyOneTargetAndAFutureEnd() throws Exception {
        String unit = fixture.unit(RestrictionFixture.XINBEI);
        http.perform(post("/api/v1/policy-locks").contentType(MediaType.APPLICATION_JSON).content("""
                        {"unitCode":"%s","projectId":1,"until":"2020-01-01","reason":"限售","documentNo":"D"}""".formatted(unit)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("projectId"))
                .andExpect(jsonPath("$.errors[0].code").value("lock.one-target"))
                .andExpect(jsonPath("$.errors[1].field").value("until"))
                .andExpect(jsonPath("$.errors[1].code").value("lock.until-past"));
    }

    @Test
    void aProjectOfAnotherDistrictIsNotFoundForADistrictScopedCaller() throws Exception {
        RestrictionFixture.Estate estate = fixture.estate(RestrictionFixture.XINBEI, 1);
        http.perform(post("/api/v1/policy-locks").with(cn.tongban.identity.TestCallers.as(
                        cn.tongban.identity.TestCallers.districtClerk(RestrictionFixture.TIANNING)))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"projectId":%d,"until":"%s","reason":"限售","documentNo":"D"}"""
                                .formatted(estate.projectId(), LocalDate.now().plusYears(1))))
                .andExpect(status().isNotFound());
        http.perform(get("/api/v1/units/" + estate.units().get(0))).andExpect(jsonPath("$.rights.locked").value(false));
    }
}
