package cn.tongban.registration;

import static cn.tongban.identity.TestCallers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.identity.Caller;
import cn.tongban.identity.TestCallers;
import cn.tongban.identity.TestCitizens;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/** 权利人查询本人名下的不动产 (互联网+不动产登记建设指南 二（一）7): a signed-in citizen sees their own homes and nobody else's. */
@IntegrationTest
class MyPropertiesTest {

    @Autowired
    MockMvc http;
    @Autowired
    RegisterBook book;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    ApplicationContext context;

    /** An owner as the 楼盘表 imported them from a registration before the platform's book. */
    private void importedOwner(String unitCode, String idNumber, String name, String certificateNo) {
        jdbc.sql("""
                INSERT INTO unit_owner (unit_code, name_sealed, id_type, id_number_sealed, id_number_index, co_ownership, certificate_no)
                VALUES (?, ?, '01', ?, ?, '01', ?)""")
                .params(unitCode, cipher.encrypt(name), cipher.encrypt(idNumber), cipher.blindIndex(idNumber), certificateNo).update();
    }

    @Test
    void aCitizenSeesTheHomesOfTheBookAndOfTheBuildingTableWithCoOwnersMaskedAndNotOthers() throws Exception {
        PropertyFixture fixture = new PropertyFixture(http);
        List<String> units = fixture.units(PropertyFixture.TIANNING, "常州市本人查询路" + TestData.next() + "弄", 4);
        String me = TestData.citizenId("19850314");
        String spouse = TestData.citizenId("19860101");
        String stranger = TestData.citizenId("19700707");
        Caller citizen = TestCitizens.withAccount(context, me, "周明");
        // 1: registered on the platform to me and my spouse together
        book.append(units.get(0), RegisterEntry.Kind.OWNERSHIP, Map.of("owners", List.of(PropertyFixture.owner(me, "周明", "02", "共同共有"),
                PropertyFixture.owner(spouse, "吴丽", "02", "共同共有")), "certificateNumber", PropertyFixture.certificateNo()),
                "DJ-M1", "registrar-m");
        // 2: mine by an older registration the 楼盘表 imported
        importedOwner(units.get(1), me, "周明", PropertyFixture.certificateNo());
        // 3: someone else's
        book.append(units.get(2), RegisterEntry.Kind.OWNERSHIP, Map.of("owners", List.of(PropertyFixture.owner(stranger, "郑华", "01", "1")),
                "certificateNumber", PropertyFixture.certificateNo()), "DJ-M3", "registrar-m");
        // 4: imported as mine, but sold since: the book's ownership replaces the 楼盘表's
        importedOwner(units.get(3), me, "周明", PropertyFixture.certificateNo());
        book.append(units.get(3), RegisterEntry.Kind.OWNERSHIP, Map.of("owners", List.of(PropertyFixture.owner(stranger, "郑华", "01", "1")),
                "certificateNumber", PropertyFixture.certificateNo()), "DJ-M4", "registrar-m");

        JsonNode homes = new com.fasterxml.jackson.databind.ObjectMapper().readTree(http.perform(get("/api/v1/registrations/my-properties")
                .with(as(citizen))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));

        List<String> codes = new ArrayList<>();
        homes.forEach(home -> codes.add(home.get("unitCode").asText()));
        assertThat(codes).containsExactly(units.get(0), units.get(1));
        JsonNode shared = homes.get(0).get("rights");
        assertThat(shared.get("source").asText()).isEqualTo("REGISTER_BOOK");
        JsonNode mine = shared.get("owners").get(0);
        assertThat(mine.get("idNumber").asText()).isEqualTo(me);
        assertThat(mine.get("name").asText()).isEqualTo("周明");
        assertThat(mine.get("self").asBoolean()).isTrue();
        JsonNode coOwner = shared.get("owners").get(1);
        assertThat(coOwner.get("idNumber").asText()).isNotEqualTo(spouse).endsWith(spouse.substring(14));
        assertThat(coOwner.get("name").asText()).isNotEqualTo("吴丽");
        assertThat(coOwner.get("self").asBoolean()).isFalse();
        assertThat(homes.get(1).get("rights").get("source").asText()).isEqualTo("BUILDING_TABLE");
        assertThat(homes.get(1).get("rights").get("owners").get(0).get("idNumber").asText()).isEqualTo(me);
        // the look is on the log, under the citizen's own index
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND resource_id = ? AND subject_index = ? AND purpose = ?")
                .params(PropertyQueries.ACTION, units.get(0), cipher.blindIndex(me), PropertyQueries.OWN_QUERY).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void staffAreNotCitizensAndGetNoMyProperties() throws Exception {
        http.perform(get("/api/v1/registrations/my-properties").with(as(TestCallers.cityAdmin()))).andExpect(status().isForbidden());
    }
}
