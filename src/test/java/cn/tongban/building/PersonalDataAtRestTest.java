package cn.tongban.building;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.identity.Permissions;
import cn.tongban.identity.TestCallers;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/** Issue #3 items 4 and 5: owners' personal data is sealed at rest and masked in answers unless permitted. */
@IntegrationTest
class PersonalDataAtRestTest {

    @Autowired
    MockMvc http;
    @Autowired
    UnitOwners owners;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataCipher cipher;

    String unit;
    String idNumber;

    @BeforeEach
    void ownedUnit() throws Exception {
        BuildingFixture fixture = new BuildingFixture(http);
        String building = fixture.building(6).get("buildingCode").asText();
        fixture.importCsv(BuildingFixture.HEADER + "\n" + BuildingFixture.row(building, 1, 2));
        unit = building + "0001";
        idNumber = TestData.citizenId("19850314");
        owners.register(unit, List.of(new UnitOwners.Owner("欧阳小明", "01", idNumber, "13812345678", "01", null,
                "苏（2026）常州市不动产权第0000001号", LocalDate.of(2026, 5, 20))));
    }

    @Test
    void noIdNumberNameOrPhoneIsStoredInClear() {
        String raw = jdbc.sql("SELECT row_to_json(o)::text FROM unit_owner o WHERE unit_code = ?").param(unit)
                .query(String.class).single();
        assertThat(raw).doesNotContain(idNumber).doesNotContain(idNumber.substring(6, 14))
                .doesNotContain("欧阳小明").doesNotContain("13812345678");
        assertThat(raw).contains(cipher.blindIndex(idNumber));
    }

    @Test
    void ownerIsFoundByIdNumberThroughTheBlindIndex() {
        assertThat(jdbc.sql("SELECT unit_code FROM unit_owner WHERE id_number_index = ?").param(cipher.blindIndex(idNumber))
                .query(String.class).list()).containsExactly(unit);
    }

    @Test
    void everyReadOfAnOwnerIsAuditedWithTheOwnersBlindIndex() throws Exception {
        String index = cipher.blindIndex(idNumber);
        long before = auditRows(index);
        http.perform(get("/api/v1/units/" + unit).with(TestCallers.as(TestCallers.withPermissions(Permissions.UNIT_QUERY))));
        assertThat(auditRows(index)).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT action || ' ' || resource_id || ' ' || actor_id FROM audit_event WHERE subject_index = ? ORDER BY seq DESC LIMIT 1")
                .param(index).query(String.class).single()).isEqualTo("read " + unit + " test-building.unit.query");
    }

    @Test
    void auditorFindsWhoReadAnOwnerByTheOwnersIdNumber() throws Exception {
        http.perform(get("/api/v1/units/" + unit).with(TestCallers.as(TestCallers.withPermissions(Permissions.UNIT_QUERY))));
        http.perform(get("/api/v1/audit/events").param("idNumber", idNumber).param("action", "read")
                        .with(TestCallers.as(TestCallers.withPermissions(Permissions.AUDIT_QUERY))))
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.items[0].resourceId").value(unit))
                .andExpect(jsonPath("$.items[0].actorId").value("test-building.unit.query"));
    }

    private long auditRows(String subjectIndex) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE subject_index = ?").param(subjectIndex).query(Long.class).single();
    }

    @Test
    void answersMaskPersonalDataByDefault() throws Exception {
        http.perform(get("/api/v1/units/" + unit).with(TestCallers.as(TestCallers.withPermissions(Permissions.UNIT_QUERY))))
                .andExpect(jsonPath("$.owners[0].name").value("欧阳**"))
                .andExpect(jsonPath("$.owners[0].idNumber").value(idNumber.substring(0, 6) + "********" + idNumber.substring(14)))
                .andExpect(jsonPath("$.owners[0].idNumberIndex").doesNotExist());
    }

    @Test
    void callerWithThePermissionSeesFullValues() throws Exception {
        http.perform(get("/api/v1/units/" + unit).with(TestCallers.as(
                        TestCallers.withPermissions(Permissions.UNIT_QUERY, Permissions.PERSONAL_DATA_FULL))))
                .andExpect(jsonPath("$.owners[0].name").value("欧阳小明"))
                .andExpect(jsonPath("$.owners[0].idNumber").value(idNumber));
    }
}
