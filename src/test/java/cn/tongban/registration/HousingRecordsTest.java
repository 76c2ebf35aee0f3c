package cn.tongban.registration;

import static cn.tongban.registration.DocumentFixture.field;
import static cn.tongban.registration.DocumentFixture.json;
import static cn.tongban.registration.DocumentFixture.owner;
import static cn.tongban.registration.DocumentFixture.ownership;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.filing.FilingFixture;
import cn.tongban.identity.Caller;
import cn.tongban.identity.TestCallers;
import cn.tongban.identity.TestCitizens;
import cn.tongban.kernel.Masking;

/**
 * 无房证明 / 住房信息查询结果 (issue #7 item 7; 互联网+不动产登记建设指南 二（一）7): a person's homes in the city by the register
 * book, the 楼盘表 and live filed purchases, each unit once, or 无房; signed and verifiable; issued by staff only for a
 * declared purpose.
 */
@IntegrationTest
class HousingRecordsTest {

    @Autowired
    MockMvc http;
    @Autowired
    RegisterBook book;
    @Autowired
    ApplicationContext context;

    private ResultActions ask(String idNumber, String name) throws Exception {
        return http.perform(post("/api/v1/registrations/housing-records").header("X-Purpose", "本人申请开具无房证明（窗口）")
                .contentType(MediaType.APPLICATION_JSON).content("{\"idNumber\":\"%s\",\"name\":\"%s\"}".formatted(idNumber, name)));
    }

    private JsonNode verify(String code) throws Exception {
        return json(http.perform(get("/api/v1/public/certificates/{code}", code).with(anonymous())).andExpect(status().isOk()));
    }

    @Test
    void aPersonWithNoHomeGetsANoHomeRecordVerifiablePublicly() throws Exception {
        String id = TestData.citizenId("19990909");
        JsonNode issued = json(ask(id, "周无房").andExpect(status().isCreated()));
        assertThat(issued.get("noHome").asBoolean()).isTrue();
        assertThat(issued.get("document").asText()).isEqualTo("无房证明");

        JsonNode verified = verify(issued.get("verificationCode").asText());
        assertThat(field(verified, "查询结果")).isEqualTo("无房");
        assertThat(field(verified, "姓名")).isEqualTo(Masking.name("周无房"));
        assertThat(verified.toString()).doesNotContain(id);
        byte[] pdf = http.perform(get(issued.get("documentPath").asText())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(DocumentFixture.text(pdf)).contains("无房证明", "周无房", id);
        assertThat(DocumentFixture.qrCode(pdf)).endsWith("/portal/public/verify?code=" + issued.get("verificationCode").asText());
    }

    @Test
    void anOwnersRecordListsEachOfTheirUnitsOnce() throws Exception {
        FilingFixture fixture = new FilingFixture(http);
        List<String> units = fixture.unitsOnSale(2);
        String id = TestData.citizenId("19810101");
        int year = DocumentFixture.year();
        // the first unit registered to them, and its sale filed to them too; the second only bought (filed)
        book.append(units.get(0), RegisterEntry.Kind.OWNERSHIP,
                ownership("苏（" + year + "）常州市不动产权第0000001号", List.of(owner(id, "吴有房", "01", "1/1"))), "DJ-H1", "registrar-320411");
        fixture.fileSale(units.get(0), id);
        fixture.fileSale(units.get(1), id);

        JsonNode issued = json(ask(id, "吴有房").andExpect(status().isCreated()));
        assertThat(issued.get("noHome").asBoolean()).isFalse();
        List<String> listed = new ArrayList<>();
        issued.get("homes").forEach(h -> listed.add(h.get("unitCode").asText() + "/" + h.get("source").asText()));
        assertThat(listed).containsExactlyInAnyOrder(units.get(0) + "/REGISTER_BOOK", units.get(1) + "/FILED_PURCHASE");
        assertThat(field(verify(issued.get("verificationCode").asText()), "住房1")).contains(FilingFixture.LOCATION);
    }

    @Test
    void staffMustDeclareAPurpose() throws Exception {
        http.perform(post("/api/v1/registrations/housing-records").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"idNumber\":\"%s\",\"name\":\"郑某\"}".formatted(TestData.citizenId("19700101"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("X-Purpose"));
    }

    @Test
    void aCitizenGetsTheirOwnRecordAndMayDownloadItButNotAnothers() throws Exception {
        String id = TestData.citizenId("19930303");
        Caller citizen = TestCitizens.withAccount(context, id, "冯自查");
        JsonNode mine = json(http.perform(post("/api/v1/registrations/housing-records/mine").with(TestCallers.as(citizen)))
                .andExpect(status().isCreated()));
        assertThat(mine.get("noHome").asBoolean()).isTrue();
        http.perform(get(mine.get("documentPath").asText()).with(TestCallers.as(citizen))).andExpect(status().isOk());

        Caller other = TestCitizens.withAccount(context, TestData.citizenId("19930404"), "陈他人");
        http.perform(get(mine.get("documentPath").asText()).with(TestCallers.as(other))).andExpect(status().isNotFound());
        // a citizen cannot ask about someone else
        http.perform(post("/api/v1/registrations/housing-records").with(TestCallers.as(other)).header("X-Purpose", "好奇")
                .contentType(MediaType.APPLICATION_JSON).content("{\"idNumber\":\"%s\",\"name\":\"冯自查\"}".formatted(id)))
                .andExpect(status().isForbidden());
    }
}
