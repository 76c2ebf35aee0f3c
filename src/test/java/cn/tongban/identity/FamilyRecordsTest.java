package cn.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import cn.tongban.IntegrationTest;
import cn.tongban.OwnerDatabase;
import cn.tongban.TestData;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/**
 * 家庭成员信息 (issue #4 item 6): marriages fed by 民政 and parent–child relations fed by 公安, checked, audited for each
 * person concerned and kept sealed; the registry answers who is whose spouse and minor child on a given day.
 */
@IntegrationTest
class FamilyRecordsTest {

    @Autowired
    MockMvc http;
    @Autowired
    FamilyRegistry family;
    @Autowired
    OwnerDatabase owner;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    RealNameRegistry realNames;
    @Autowired
    TransactionTemplate transaction;

    String husband = TestData.citizenId("19800101");
    String wife = TestData.citizenId("19820202");

    private ResultActions post(String path, String body, RequestPostProcessor caller) throws Exception {
        return http.perform(MockMvcRequestBuilders.post("/api/v1/family/" + path).with(caller)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions marriage(String one, String other, String registeredOn, String dissolvedOn) throws Exception {
        return post("marriages", """
                {"idNumber":"%s","spouseIdNumber":"%s","registeredOn":"%s"%s}""".formatted(one, other, registeredOn,
                dissolvedOn == null ? "" : ",\"dissolvedOn\":\"" + dissolvedOn + "\""), TestCallers.as(TestCallers.cityAdmin()));
    }

    private ResultActions divorce(String one, String other, String dissolvedOn) throws Exception {
        return post("divorces", """
                {"idNumber":"%s","spouseIdNumber":"%s","dissolvedOn":"%s"}""".formatted(one, other, dissolvedOn),
                TestCallers.as(TestCallers.cityAdmin()));
    }

    private ResultActions child(String parent, String child) throws Exception {
        return post("children", """
                {"parentIdNumber":"%s","childIdNumber":"%s","source":"常州市公安局户籍信息"}""".formatted(parent, child),
                TestCallers.as(TestCallers.cityAdmin()));
    }

    @Test
    void marriageIsRecordedOnceAndAuditedForBothPersons() throws Exception {
        marriage(husband, wife, "2010-05-01", null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.idNumber").value(husband))
                .andExpect(jsonPath("$.spouseIdNumber").value(wife))
                .andExpect(jsonPath("$.dissolvedOn").doesNotExist())
                .andExpect(jsonPath("$.source").value("常州市住房和城乡建设局"));
        // a feed may send the same record again: nothing changes
        marriage(wife, husband, "2010-05-01", null).andExpect(status().isOk()).andExpect(jsonPath("$.idNumber").value(wife));
        assertThat(jdbc.sql("SELECT count(*) FROM marriage_record WHERE party_a_index IN (?, ?)")
                .params(cipher.blindIndex(husband), cipher.blindIndex(wife)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT subject_index FROM audit_event WHERE action = 'create' AND resource_type = 'marriage' AND subject_index IN (?, ?)""")
                .params(cipher.blindIndex(husband), cipher.blindIndex(wife)).query(String.class).list())
                .containsExactlyInAnyOrder(cipher.blindIndex(husband), cipher.blindIndex(wife));
    }

    @Test
    void spouseIsTheSpouseFromTheRegistrationUntilTheDissolutionDay() throws Exception {
        marriage(husband, wife, "2010-05-01", null).andExpect(status().isCreated());
        divorce(wife, husband, "2020-03-15").andExpect(status().isOk()).andExpect(jsonPath("$.dissolvedOn").value("2020-03-15"));
        assertThat(family.spouseOf(husband, LocalDate.of(2010, 4, 30))).isEmpty();
        assertThat(family.spouseOf(husband, LocalDate.of(2010, 5, 1))).contains(wife);
        assertThat(family.spouseOf(wife, LocalDate.of(2020, 3, 14))).contains(husband);
        assertThat(family.spouseOf(husband, LocalDate.of(2020, 3, 15))).isEmpty();
        // divorced, the registry still knows the family: it is the person alone
        assertThat(family.hasRecordsOf(husband)).isTrue();
        String second = TestData.citizenId("19850505");
        marriage(husband, second, "2021-01-01", null).andExpect(status().isCreated());
        assertThat(family.spouseOf(husband, LocalDate.of(2022, 1, 1))).contains(second);
    }

    @Test
    void childIsAMinorUpToAndIncludingTheEighteenthBirthday() throws Exception {
        String parent = TestData.citizenId("19800303");
        String son = TestData.citizenId("20080615");
        child(parent, son).andExpect(status().isCreated()).andExpect(jsonPath("$.childIdNumber").value(son));
        child(parent, son).andExpect(status().isOk());
        assertThat(family.minorChildrenOf(parent, LocalDate.of(2008, 6, 14))).isEmpty();
        assertThat(family.minorChildrenOf(parent, LocalDate.of(2020, 1, 1))).containsExactly(son);
        assertThat(family.minorChildrenOf(parent, LocalDate.of(2026, 6, 15))).containsExactly(son);
        assertThat(family.minorChildrenOf(parent, LocalDate.of(2026, 6, 16))).isEmpty();
        assertThat(family.hasRecordsOf(parent)).isTrue();
        assertThat(family.hasRecordsOf(son)).isFalse();
    }

    @Test
    void idNumberWithAWrongCheckCharacterIsRefusedByField() throws Exception {
        char last = husband.charAt(17);
        String wrong = husband.substring(0, 17) + (last == '0' ? '1' : '0');
        marriage(wrong, wife, "2010-05-01", null)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"))
                .andExpect(jsonPath("$.errors[0].code").value("id-number.check-character"))
                .andExpect(jsonPath("$.errors[0].message", containsString("校验码")));
        child(husband, wrong).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("childIdNumber"));
    }

    @Test
    void nobodyMarriesThemselves() throws Exception {
        marriage(husband, " " + husband.toLowerCase() + " ", "2010-05-01", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("spouseIdNumber"))
                .andExpect(jsonPath("$.errors[0].code").value("family.self-marriage"))
                .andExpect(jsonPath("$.errors[0].message").value("双方的公民身份号码相同，不能与本人结婚"));
    }

    @Test
    void secondLiveMarriageIsAConflictNamingTheField() throws Exception {
        marriage(husband, wife, "2010-05-01", null).andExpect(status().isCreated());
        marriage(TestData.citizenId("19790909"), wife, "2015-01-01", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("family.already-married"))
                .andExpect(jsonPath("$.errors[0].field").value("spouseIdNumber"))
                .andExpect(jsonPath("$.errors[0].message", containsString("2010-05-01")));
        // nor may an earlier marriage reach into this one
        marriage(husband, TestData.citizenId("19810808"), "2005-01-01", "2011-01-01")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"));
        assertThat(family.spouseOf(wife, LocalDate.of(2016, 1, 1))).contains(husband);
    }

    @Test
    void dissolutionBeforeTheRegistrationIsRefused() throws Exception {
        marriage(husband, wife, "2010-05-01", "2009-12-31")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dissolvedOn"))
                .andExpect(jsonPath("$.errors[0].code").value("family.dissolved-before-registered"));
        marriage(husband, wife, "2010-05-01", null).andExpect(status().isCreated());
        divorce(husband, wife, "2010-04-30")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("family.dissolved-before-registered"));
        assertThat(family.spouseOf(husband, LocalDate.of(2026, 1, 1))).contains(wife);
    }

    @Test
    void childBornBeforeTheParentIsRefused() throws Exception {
        child(wife, husband)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("childIdNumber"))
                .andExpect(jsonPath("$.errors[0].code").value("family.child-not-younger"));
    }

    @Test
    void feedingFamilyRecordsNeedsThePermissionWhichOnlyCivilAffairsAndPoliceHold() throws Exception {
        post("marriages", """
                {"idNumber":"%s","spouseIdNumber":"%s","registeredOn":"2010-05-01"}""".formatted(husband, wife),
                TestCallers.as(TestCallers.withPermissions(Permissions.HOUSING_COUNT_QUERY)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("auth.forbidden"));
        assertThat(family.hasRecordsOf(husband)).isFalse();
        assertThat(jdbc.sql("SELECT role_code FROM role_permission WHERE permission = ? ORDER BY 1")
                .param(Permissions.FAMILY_RECORD).query(String.class).list())
                .isEqualTo(List.of("civil-affairs-officer", "police-officer"));
    }

    @Test
    void familyRecordsAreSealedAtRest() throws Exception {
        String son = TestData.citizenId("20150601");
        marriage(husband, wife, "2010-05-01", null).andExpect(status().isCreated());
        child(wife, son).andExpect(status().isCreated());
        String marriageRow = owner.jdbc().sql("SELECT row_to_json(m)::text FROM marriage_record m WHERE party_a_index IN (?, ?)")
                .params(cipher.blindIndex(husband), cipher.blindIndex(wife)).query(String.class).single();
        String childRow = owner.jdbc().sql("SELECT row_to_json(c)::text FROM household_child c WHERE child_index = ?")
                .param(cipher.blindIndex(son)).query(String.class).single();
        for (String number : List.of(husband, wife, son)) {
            assertThat(marriageRow + childRow).doesNotContain(number).doesNotContain(number.substring(0, 17));
        }
        assertThat(marriageRow).contains(cipher.blindIndex(husband), cipher.blindIndex(wife));
        String sealed = owner.jdbc().sql("SELECT child_sealed FROM household_child WHERE child_index = ?")
                .param(cipher.blindIndex(son)).query(String.class).single();
        assertThat(cipher.decrypt(sealed)).isEqualTo(son);
    }

    @Test
    void demoFamilyIsRecordedOnlyWhileTheRegistryDoesNotKnowTheDemoCitizen() {
        DemoFamily demo = new DemoFamily(family, realNames, transaction);
        demo.ready();
        demo.ready();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(family.spouseOf(DemoCitizen.ID_NUMBER, today)).contains(DemoCitizen.SPOUSE_ID_NUMBER);
        assertThat(family.minorChildrenOf(DemoCitizen.ID_NUMBER, today)).containsExactly(DemoCitizen.CHILD_ID_NUMBER);
        assertThat(family.minorChildrenOf(DemoCitizen.SPOUSE_ID_NUMBER, today)).containsExactly(DemoCitizen.CHILD_ID_NUMBER);
        assertThat(jdbc.sql("SELECT count(*) FROM marriage_record WHERE party_a_index IN (?, ?)")
                .params(cipher.blindIndex(DemoCitizen.ID_NUMBER), cipher.blindIndex(DemoCitizen.SPOUSE_ID_NUMBER))
                .query(Long.class).single()).isEqualTo(1);
    }
}
