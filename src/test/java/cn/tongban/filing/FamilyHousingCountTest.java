package cn.tongban.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.kernel.Masking;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/**
 * 住房套数 of a family (issue #4 item 6): where 民政 and 公安 have shared a person's family, the homes of the person, the
 * spouse in a live marriage and their minor children count, each home once; elsewhere only the person's.
 */
@IntegrationTest
class FamilyHousingCountTest {

    @Autowired
    MockMvc http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataCipher cipher;

    FilingFixture fixture;
    List<String> units;
    String husband = TestData.citizenId("19800101");
    String wife = TestData.citizenId("19820202");

    /** A new building with three units on sale under one presale permit. */
    @BeforeEach
    void unitsOnSale() throws Exception {
        fixture = new FilingFixture(http);
        units = fixture.unitsOnSale(3);
    }

    private void married(String registeredOn) throws Exception {
        fixture.postJson("/api/v1/family/marriages", """
                {"idNumber":"%s","spouseIdNumber":"%s","registeredOn":"%s"}""".formatted(husband, wife, registeredOn))
                .andExpect(status().isCreated());
    }

    private void child(String parent, String child) throws Exception {
        fixture.postJson("/api/v1/family/children", """
                {"parentIdNumber":"%s","childIdNumber":"%s"}""".formatted(parent, child)).andExpect(status().isCreated());
    }

    private ResultActions count(String idNumber) throws Exception {
        return http.perform(get("/api/v1/housing-count").param("idNumber", idNumber)).andExpect(status().isOk());
    }

    @Test
    void spousesHomesCountAsTheFamilys() throws Exception {
        fixture.fileSale(units.get(0), husband);
        fixture.fileSale(units.get(1), wife);
        married("2010-05-01");
        count(husband)
                .andExpect(jsonPath("$.homes").value(2))
                .andExpect(jsonPath("$.familyIncluded").value(true))
                .andExpect(jsonPath("$.underContract", contains(units.get(0))))
                .andExpect(jsonPath("$.members[*].relation", contains("SELF", "SPOUSE")))
                .andExpect(jsonPath("$.members[1].idNumber").value(Masking.identifier(wife)))
                .andExpect(jsonPath("$.members[1].name").doesNotExist())
                .andExpect(jsonPath("$.units[*].unitCode", contains(units.get(0), units.get(1))))
                .andExpect(jsonPath("$.units[1].heldBy", contains(Masking.identifier(wife))));
        // the wife's homes were read: the access is on her record in the audit log too
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE resource_type = 'housing-count' AND subject_index = ?")
                .param(cipher.blindIndex(wife)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void jointlyOwnedHomeCountsOnce() throws Exception {
        fixture.fileSale(units.get(0), husband, wife);
        married("2010-05-01");
        count(wife)
                .andExpect(jsonPath("$.homes").value(1))
                .andExpect(jsonPath("$.units.length()").value(1))
                .andExpect(jsonPath("$.units[0].basis").value("UNDER_CONTRACT"))
                .andExpect(jsonPath("$.units[0].heldBy", contains(Masking.identifier(wife), Masking.identifier(husband))));
    }

    @Test
    void divorcedSpousesHomesDoNotCountAfterTheDissolutionDate() throws Exception {
        fixture.fileSale(units.get(0), husband);
        fixture.fileSale(units.get(1), wife);
        married("2010-05-01");
        count(husband).andExpect(jsonPath("$.homes").value(2));
        fixture.postJson("/api/v1/family/divorces", """
                {"idNumber":"%s","spouseIdNumber":"%s","dissolvedOn":"2026-11-01"}""".formatted(wife, husband))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dissolvedOn").value("2026-11-01"));
        // still known to the registry (a divorce is family data), so the family is counted: he alone
        count(husband)
                .andExpect(jsonPath("$.homes").value(1))
                .andExpect(jsonPath("$.familyIncluded").value(true))
                .andExpect(jsonPath("$.members[*].relation", contains("SELF")))
                .andExpect(jsonPath("$.units[*].unitCode", contains(units.get(0))));
    }

    @Test
    void childsHomesCountWhileAMinorAndNotAfterEighteen() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        DateTimeFormatter yyyyMMdd = DateTimeFormatter.BASIC_ISO_DATE;
        String minor = TestData.citizenId(today.minusYears(17).format(yyyyMMdd));
        String adult = TestData.citizenId(today.minusYears(18).minusDays(1).format(yyyyMMdd));
        fixture.fileSale(units.get(0), minor);
        fixture.fileSale(units.get(1), adult);
        child(wife, minor);
        child(wife, adult);
        count(wife)
                .andExpect(jsonPath("$.homes").value(1))
                .andExpect(jsonPath("$.familyIncluded").value(true))
                .andExpect(jsonPath("$.members[*].relation", contains("SELF", "MINOR_CHILD")))
                .andExpect(jsonPath("$.members[1].idNumber").value(Masking.identifier(minor)))
                .andExpect(jsonPath("$.units[*].unitCode", contains(units.get(0))));
        // the minor recorded under his mother only is the family's child for his father as well
        married("2010-05-01");
        count(husband)
                .andExpect(jsonPath("$.members[*].relation", contains("SELF", "SPOUSE", "MINOR_CHILD")))
                .andExpect(jsonPath("$.homes").value(1));
    }

    @Test
    void withoutFamilyDataOnlyThePersonIsCountedAndFamilyIsNotIncluded() throws Exception {
        String person = TestData.citizenId("19900909");
        fixture.fileSale(units.get(0), person);
        // being recorded as somebody's child says nothing of one's own spouse and children
        child(TestData.citizenId("19650505"), person);
        count(person)
                .andExpect(jsonPath("$.homes").value(1))
                .andExpect(jsonPath("$.familyIncluded").value(false))
                .andExpect(jsonPath("$.members[*].relation", contains("SELF")))
                .andExpect(jsonPath("$.underContract", contains(units.get(0))));
    }
}
