package cn.tongban.restriction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.identity.Permissions;
import cn.tongban.identity.TestCallers;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/** 建房〔2020〕61号 六: the courts' list of 失信被执行人, kept sealed, found by ID number, every read audited. */
@IntegrationTest
class DishonestDebtorTest {

    @Autowired
    MockMvc http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataCipher cipher;

    private ResultActions list(String idNumber, String name, String caseNo) throws Exception {
        return http.perform(post("/api/v1/dishonest-debtors").contentType(MediaType.APPLICATION_JSON).content("""
                {"idNumber":"%s","name":"%s","caseNo":"%s","court":"常州市天宁区人民法院","publishedOn":"2026-02-01"}"""
                .formatted(idNumber, name, caseNo)));
    }

    private static String caseNo() {
        return "（2026）苏0402执%d号".formatted(TestData.next());
    }

    @Test
    void aDebtorIsStoredSealedAndFoundByIdNumber() throws Exception {
        String idNumber = TestData.citizenId("19750612");
        String caseNo = caseNo();
        list(idNumber, "欧阳失信", caseNo).andExpect(status().isCreated());

        String raw = jdbc.sql("SELECT row_to_json(d)::text FROM dishonest_debtor d WHERE case_no = ?").param(caseNo)
                .query(String.class).single();
        assertThat(raw).doesNotContain(idNumber).doesNotContain(idNumber.substring(6, 14)).doesNotContain("欧阳失信")
                .contains(cipher.blindIndex(idNumber));

        long reads = jdbc.sql("SELECT count(*) FROM audit_event WHERE subject_index = ? AND action = 'read'")
                .param(cipher.blindIndex(idNumber)).query(Long.class).single();
        http.perform(get("/api/v1/dishonest-debtors").param("idNumber", idNumber)
                        .with(TestCallers.as(TestCallers.withPermissions(Permissions.DEBTOR_QUERY))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.listed").value(true))
                .andExpect(jsonPath("$.entries[0].caseNo").value(caseNo))
                .andExpect(jsonPath("$.entries[0].name").value("欧阳**"))
                .andExpect(jsonPath("$.entries[0].idNumber").value(idNumber.substring(0, 6) + "********" + idNumber.substring(14)));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE subject_index = ? AND action = 'read'")
                .param(cipher.blindIndex(idNumber)).query(Long.class).single()).isEqualTo(reads + 1);

        http.perform(get("/api/v1/dishonest-debtors").param("idNumber", TestData.citizenId("19750613")))
                .andExpect(jsonPath("$.listed").value(false))
                .andExpect(jsonPath("$.entries").isEmpty());
    }

    @Test
    void aRemovedEntryNoLongerListsThePerson() throws Exception {
        String idNumber = TestData.citizenId("19750614");
        String caseNo = caseNo();
        list(idNumber, "李四", caseNo).andExpect(status().isCreated());
        http.perform(post("/api/v1/dishonest-debtors/removals").contentType(MediaType.APPLICATION_JSON).content("""
                        {"idNumber":"%s","caseNo":"%s","documentNo":"（2026）苏0402执恢9号"}""".formatted(idNumber, caseNo)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.removalDocumentNo").value("（2026）苏0402执恢9号"));
        http.perform(get("/api/v1/dishonest-debtors").param("idNumber", idNumber)).andExpect(jsonPath("$.listed").value(false));
        http.perform(post("/api/v1/dishonest-debtors/removals").contentType(MediaType.APPLICATION_JSON).content("""
                        {"idNumber":"%s","caseNo":"%s","documentNo":"再次"}""".formatted(idNumber, caseNo)))
                .andExpect(status().isConflict());
        http.perform(post("/api/v1/dishonest-debtors/removals").contentType(MediaType.APPLICATION_JSON).content("""
                        {"idNumber":"%s","caseNo":"无此案号","documentNo":"X"}""".formatted(idNumber)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aCompanyIsListedByItsUnifiedSocialCreditCode() throws Exception {
        String code = TestData.creditCode();
        list(code, "常州某某置业有限公司", caseNo()).andExpect(status().isCreated());
        http.perform(get("/api/v1/dishonest-debtors").param("idNumber", code.toLowerCase())).andExpect(jsonPath("$.listed").value(true));
    }

    @Test
    void aMalformedIdNumberIsRefusedNamingTheField() throws Exception {
        String idNumber = TestData.citizenId("19750615");
        String wrongCheck = wrongCheck(idNumber);
        list(wrongCheck, "王五", caseNo()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"))
                .andExpect(jsonPath("$.errors[0].code").value("id-number.check-character"));
        http.perform(get("/api/v1/dishonest-debtors").param("idNumber", "12345"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"))
                .andExpect(jsonPath("$.errors[0].code").value("id-number.length"));
    }

    @Test
    void csvImportReportsABadRowByLineAndTheSameFileTwiceChangesNothing() throws Exception {
        String first = TestData.citizenId("19700101");
        String second = TestData.citizenId("19700102");
        String csv = "idNumber,name,caseNo,court,publishedOn\n"
                + first + ",赵一," + caseNo() + ",常州市天宁区人民法院,2026-01-10\n"
                + wrongCheck(TestData.citizenId("19700105")) + ",钱二," + caseNo() + ",常州市天宁区人民法院,2026-01-10\n"
                + second + ",孙三," + caseNo() + ",常州市天宁区人民法院,2026-13-40\n"
                + TestData.creditCode() + ",常州某公司," + caseNo() + ",常州市天宁区人民法院,2026-01-11\n";
        importCsv(csv).andExpect(status().isOk())
                .andExpect(jsonPath("$.totalRows").value(4))
                .andExpect(jsonPath("$.inserted").value(2))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"))
                .andExpect(jsonPath("$.errors[0].code").value("id-number.check-character"))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty())
                .andExpect(jsonPath("$.errors[1].line").value(4))
                .andExpect(jsonPath("$.errors[1].field").value("publishedOn"));
        importCsv(csv).andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(2))
                .andExpect(jsonPath("$.rejected").value(2));
        http.perform(get("/api/v1/dishonest-debtors").param("idNumber", first)).andExpect(jsonPath("$.listed").value(true));
    }

    @Test
    void csvWithoutARequiredColumnIsRefused() throws Exception {
        importCsv("idNumber,name,caseNo,court\n" + TestData.citizenId("19700103") + ",周四,案1,法院\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("publishedOn"))
                .andExpect(jsonPath("$.errors[0].code").value("debtor-import.missing-column"));
    }

    @Test
    void callersWithoutThePermissionAreForbidden() throws Exception {
        http.perform(get("/api/v1/dishonest-debtors").param("idNumber", TestData.citizenId("19700104"))
                        .with(TestCallers.as(TestCallers.withPermissions(Permissions.SEIZURE_QUERY))))
                .andExpect(status().isForbidden());
        http.perform(post("/api/v1/dishonest-debtors/imports").contentType("text/csv").content("idNumber\n")
                        .with(TestCallers.as(TestCallers.withPermissions(Permissions.DEBTOR_QUERY))))
                .andExpect(status().isForbidden());
    }

    private static String wrongCheck(String idNumber) {
        return idNumber.substring(0, 17) + (idNumber.endsWith("0") ? "1" : "0");
    }

    private ResultActions importCsv(String csv) throws Exception {
        return http.perform(post("/api/v1/dishonest-debtors/imports").contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8)));
    }
}
