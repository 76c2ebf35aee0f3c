package cn.tongban.registration;

import static cn.tongban.identity.TestCallers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.identity.Caller;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/**
 * 不动产登记信息查询 (互联网+不动产登记建设指南 二（一）7; issue #7 item 7): natural state, rights in force and restrictions
 * of a unit by unit code, certificate number or 坐落, for staff of the unit's district who state their purpose.
 */
@IntegrationTest
class PropertyQueryTest {

    private static final String PURPOSE = "办理转移登记核查权属";

    @Autowired
    MockMvc http;
    @Autowired
    RegisterBook book;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataCipher cipher;

    PropertyFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new PropertyFixture(http);
    }

    private static MockHttpServletRequestBuilder query(Caller caller) {
        return get("/api/v1/registrations/properties").with(as(caller)).header("X-Purpose", PURPOSE)
                .header("X-Case-Number", "DJ-CASE-" + TestData.next());
    }

    private JsonNode body(MockHttpServletRequestBuilder request) throws Exception {
        return fixture.body(http.perform(request).andExpect(status().isOk()));
    }

    @Test
    void aUnitCodeQueryShowsTheNaturalStateTheOwnerMaskedAndWhatIsInForceButNotWhatWasReleased() throws Exception {
        String unit = fixture.unit(PropertyFixture.TIANNING);
        String owner = TestData.citizenId("19800101");
        String certificate = PropertyFixture.certificateNo();
        book.append(unit, RegisterEntry.Kind.OWNERSHIP, Map.of("owners", List.of(PropertyFixture.owner(owner, "王建国", "01", "1")),
                "certificateNumber", certificate), "DJ-Q1", "registrar-q");
        book.append(unit, RegisterEntry.Kind.MORTGAGE, Map.of("mortgagee", "91320400MA00000013", "mortgageeName", "中国工商银行股份有限公司常州分行",
                "amount", "800000.00", "rank", 1, "startOn", "2026-01-01", "endOn", "2046-01-01", "certificateNumber", "苏（2026）常州市不动产证明第0000001号"),
                "DJ-Q2", "registrar-q");
        RegisterEntry paidOff = book.append(unit, RegisterEntry.Kind.MORTGAGE, Map.of("mortgagee", "91320400MA00000021",
                "mortgageeName", "江苏银行股份有限公司常州分行", "amount", "300000.00", "rank", 2), "DJ-Q3", "registrar-q");
        book.append(unit, RegisterEntry.Kind.MORTGAGE_RELEASE, Map.of("releases", paidOff.seq()), "DJ-Q4", "registrar-q");
        book.append(unit, RegisterEntry.Kind.SEIZURE, Map.of("court", "常州市天宁区人民法院", "documentNo", "（2026）苏0402执100号"), "DJ-Q5", "registrar-q");
        RegisterEntry lifted = book.append(unit, RegisterEntry.Kind.SEIZURE, Map.of("court", "常州市新北区人民法院", "documentNo", "（2026）苏0411执7号"),
                "DJ-Q6", "registrar-q");
        book.append(unit, RegisterEntry.Kind.SEIZURE_RELEASE, Map.of("releases", lifted.seq()), "DJ-Q7", "registrar-q");
        // the court's seizure as the restriction module records it; a second one released
        String courtDocument = "（2026）苏0402执" + TestData.next() + "号";
        http.perform(post("/api/v1/seizures").contentType(MediaType.APPLICATION_JSON).content("""
                {"unitCode":"%s","kind":"SEIZURE","court":"常州市天宁区人民法院","documentNo":"%s","validFrom":"2026-01-05"}"""
                .formatted(unit, courtDocument))).andExpect(status().isCreated());
        long released = fixture.body(http.perform(post("/api/v1/seizures").contentType(MediaType.APPLICATION_JSON).content("""
                {"unitCode":"%s","kind":"SEIZURE","court":"常州市天宁区人民法院","documentNo":"（2026）苏0402执%d号","validFrom":"2026-01-05"}"""
                .formatted(unit, TestData.next()))).andExpect(status().isCreated())).get("id").asLong();
        http.perform(post("/api/v1/seizures/" + released + "/release").contentType(MediaType.APPLICATION_JSON)
                .content("{\"documentNo\":\"（2026）苏0402执恢1号\"}")).andExpect(status().isOk());

        // a tax officer of the district: may query, may not see personal data in full
        Caller taxOfficer = PropertyFixture.registrar(PropertyFixture.TIANNING, false);
        JsonNode found = body(query(taxOfficer).param("unitCode", unit));

        assertThat(found.get("total").asLong()).isEqualTo(1);
        JsonNode property = found.get("items").get(0);
        assertThat(property.get("unitCode").asText()).isEqualTo(unit);
        JsonNode natural = property.get("naturalState");
        assertThat(natural.get("location").asText()).endsWith("1号");
        assertThat(natural.get("buildingArea").decimalValue()).isEqualByComparingTo("89.50");
        assertThat(natural.get("innerArea").decimalValue()).isEqualByComparingTo("73.39");
        assertThat(natural.get("houseUse").asText()).isEqualTo("11");
        assertThat(natural.get("landUse").asText()).isEqualTo("城镇住宅用地");
        JsonNode rights = property.get("rights");
        assertThat(rights.get("source").asText()).isEqualTo("REGISTER_BOOK");
        assertThat(rights.get("certificateNumber").asText()).isEqualTo(certificate);
        JsonNode shown = rights.get("owners").get(0);
        assertThat(shown.get("idNumber").asText()).isNotEqualTo(owner).startsWith(owner.substring(0, 6)).endsWith(owner.substring(14));
        assertThat(shown.get("name").asText()).isNotEqualTo("王建国").startsWith("王");
        assertThat(shown.get("share").asText()).isEqualTo("1");
        assertThat(rights.get("mortgages")).hasSize(1);
        assertThat(rights.get("mortgages").get(0).get("content").get("amount").asText()).isEqualTo("800000.00");
        assertThat(rights.get("mortgages").get(0).get("content").get("rank").asInt()).isEqualTo(1);
        assertThat(rights.get("mortgages").get(0).get("content").get("endOn").asText()).isEqualTo("2046-01-01");
        assertThat(rights.get("seizures")).hasSize(1);
        assertThat(rights.get("seizures").get(0).get("content").get("documentNo").asText()).isEqualTo("（2026）苏0402执100号");
        JsonNode restrictions = property.get("restrictions");
        assertThat(restrictions.get("seizures")).hasSize(1);
        assertThat(restrictions.get("seizures").get(0).get("documentNo").asText()).isEqualTo(courtDocument);
        assertThat(restrictions.get("flags").get("seized").asBoolean()).isTrue();
        assertThat(property.get("registerBook").get("verified").asBoolean()).isTrue();
        assertThat(property.get("registerBook").get("entries").asInt()).isEqualTo(7);

        // a registrar who may see personal data sees the owner in clear
        JsonNode full = body(query(PropertyFixture.registrar(PropertyFixture.TIANNING, true)).param("unitCode", unit));
        assertThat(full.get("items").get(0).get("rights").get("owners").get(0).get("idNumber").asText()).isEqualTo(owner);
    }

    @Test
    void aCertificateNumberFindsItsUnit() throws Exception {
        String unit = fixture.unit(PropertyFixture.TIANNING);
        String certificate = PropertyFixture.certificateNo();
        book.append(unit, RegisterEntry.Kind.OWNERSHIP, Map.of("owners", List.of(PropertyFixture.owner(TestData.citizenId("19810202"),
                "李梅", "01", "1")), "certificateNumber", certificate), "DJ-C1", "registrar-q");

        JsonNode found = body(query(PropertyFixture.registrar(PropertyFixture.TIANNING, true)).param("certificateNo", certificate));

        assertThat(found.get("items").get(0).get("unitCode").asText()).isEqualTo(unit);
        http.perform(query(PropertyFixture.registrar(PropertyFixture.TIANNING, true)).param("certificateNo", certificate + "9"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aLocationFindsTheUnitsOnItAndATooShortOneIsRefused() throws Exception {
        String street = "常州市坐落查询街" + TestData.next() + "弄";
        List<String> units = fixture.units(PropertyFixture.TIANNING, street, 3);

        JsonNode found = body(query(PropertyFixture.registrar(PropertyFixture.TIANNING, true)).param("location", street)
                .param("size", "2"));

        assertThat(found.get("total").asLong()).isEqualTo(units.size());
        assertThat(found.get("items")).hasSize(2);
        assertThat(List.of(found.get("items").get(0).get("unitCode").asText(), found.get("items").get(1).get("unitCode").asText()))
                .isSubsetOf(units);
        http.perform(query(PropertyFixture.registrar(PropertyFixture.TIANNING, true)).param("location", "常州"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("location"))
                .andExpect(jsonPath("$.errors[0].code").value("property.location-too-short"));
        http.perform(query(PropertyFixture.registrar(PropertyFixture.TIANNING, true)).param("location", street).param("size", "21"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void aQueryWithoutAPurposeIsRefusedNamingXPurpose() throws Exception {
        String unit = fixture.unit(PropertyFixture.TIANNING);
        http.perform(get("/api/v1/registrations/properties").param("unitCode", unit)
                        .with(as(PropertyFixture.registrar(PropertyFixture.TIANNING, true))).header("X-Case-Number", "DJ-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("X-Purpose"));
    }

    @Test
    void noCriterionOrTwoAreRefusedNamingTheParameters() throws Exception {
        Caller registrar = PropertyFixture.registrar(PropertyFixture.TIANNING, true);
        http.perform(query(registrar))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("unitCode", "certificateNo", "location")))
                .andExpect(jsonPath("$.errors[0].code").value("property.one-criterion"));
        String unit = fixture.unit(PropertyFixture.TIANNING);
        http.perform(query(registrar).param("unitCode", unit).param("location", "常州市登记查询路"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("unitCode", "location")));
        http.perform(query(registrar).param("unitCode", "NOT-A-UNIT-CODE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitCode"));
    }

    @Test
    void staffWithoutThePermissionAreForbidden() throws Exception {
        String unit = fixture.unit(PropertyFixture.TIANNING);
        http.perform(query(cn.tongban.identity.TestCallers.withPermissions(cn.tongban.identity.Permissions.UNIT_QUERY)).param("unitCode", unit))
                .andExpect(status().isForbidden());
    }

    /** 五（二）3 租户管理: a district's registrars work on, and see, their district's units; a city-wide one sees all. */
    @Test
    void aRegistrarOfAnotherDistrictDoesNotFindTheUnitButACityWideCallerDoes() throws Exception {
        String unit = fixture.unit(PropertyFixture.XINBEI);

        http.perform(query(PropertyFixture.registrar(PropertyFixture.TIANNING, true)).param("unitCode", unit))
                .andExpect(status().isNotFound());
        body(query(PropertyFixture.registrar(PropertyFixture.XINBEI, true)).param("unitCode", unit));
        body(query(cn.tongban.identity.TestCallers.cityAdmin()).param("unitCode", unit));
    }

    @Test
    void everyQueryIsOnTheAuditLogWithItsPurposeAndTheOwnersBlindIndexes() throws Exception {
        String unit = fixture.unit(PropertyFixture.TIANNING);
        String husband = TestData.citizenId("19790303");
        String wife = TestData.citizenId("19800404");
        book.append(unit, RegisterEntry.Kind.OWNERSHIP, Map.of("owners", List.of(PropertyFixture.owner(husband, "赵强", "02", "共同共有"),
                PropertyFixture.owner(wife, "钱芳", "02", "共同共有")), "certificateNumber", PropertyFixture.certificateNo()),
                "DJ-A1", "registrar-q");
        String caseNumber = "（2026）苏0402执" + TestData.next() + "号";

        http.perform(get("/api/v1/registrations/properties").param("unitCode", unit)
                        .with(as(PropertyFixture.registrar(PropertyFixture.TIANNING, true)))
                        .header("X-Purpose", PURPOSE).header("X-Case-Number", caseNumber))
                .andExpect(status().isOk());

        List<Map<String, Object>> logged = jdbc.sql("""
                SELECT subject_index, purpose, case_number FROM audit_event
                 WHERE action = ? AND resource_type = 'unit' AND resource_id = ? ORDER BY seq""")
                .params(PropertyQueries.ACTION, unit).query().listOfRows();
        assertThat(logged).extracting(row -> row.get("subject_index"))
                .containsExactlyInAnyOrder(cipher.blindIndex(husband), cipher.blindIndex(wife));
        assertThat(logged).allSatisfy(row -> {
            assertThat(row.get("purpose")).isEqualTo(PURPOSE);
            assertThat(row.get("case_number")).isEqualTo(caseNumber);
        });
    }
}
