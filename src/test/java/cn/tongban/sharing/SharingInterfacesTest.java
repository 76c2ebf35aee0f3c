package cn.tongban.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.filing.FilingFixture;
import cn.tongban.kernel.Masking;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/**
 * The real-time interfaces of 建房〔2020〕61号 end to end against filed contracts: banks (二), the provident fund (三),
 * tax (四), police (五) and courts (六), each under a grant of its own department.
 */
@IntegrationTest
class SharingInterfacesTest {

    @Autowired
    MockMvc http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataCipher cipher;

    FilingFixture filing;
    List<String> units;
    String buyer = TestData.citizenId("19880808");

    @BeforeEach
    void unitsOnSale() throws Exception {
        filing = new FilingFixture(http);
        units = filing.unitsOnSale(3);
    }

    private ResultActions call(SharingFixture department, MockHttpServletRequestBuilder request, String purpose) throws Exception {
        return http.perform(department.as(request, purpose));
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** Registers the owner of the unit as 不动产登记 would, then files a live lease of it to the tenant; its filing code. */
    private String liveLease(String unit, String owner, String tenant, String rent) throws Exception {
        jdbc.sql("""
                INSERT INTO unit_owner (unit_code, name_sealed, id_type, id_number_sealed, id_number_index, co_ownership)
                VALUES (?, ?, '01', ?, ?, '01')""")
                .params(unit, cipher.encrypt("房东"), cipher.encrypt(owner), cipher.blindIndex(owner)).update();
        JsonNode lease = filing.body(filing.postJson("/api/v1/contracts", """
                {"type":"LEASE","unitCode":"%s","signedOn":"%s","price":%s,"startOn":"%s","endOn":"%s","use":"居住",
                 "landlords":[{"idType":"01","idNumber":"%s","name":"房东"}],
                 "tenants":[{"idType":"01","idNumber":"%s","name":"租客"}]}"""
                .formatted(unit, SharingFixture.TODAY.minusDays(40), rent, SharingFixture.TODAY.minusDays(30),
                        SharingFixture.TODAY.plusDays(334), owner, tenant)).andExpect(status().isCreated()));
        return lease.get("filingCode").asText();
    }

    /** The developer's sale of the unit to the buyer, signed today, as a filing request. */
    private String saleOf(String unit) {
        return """
                {"type":"NEW_SALE","unitCode":"%s","signedOn":"%s","price":1580000.00,
                 "sellers":[{"idType":"02","idNumber":"%s","name":"常州开发有限公司"}],
                 "buyers":[{"idType":"01","idNumber":"%s","name":"买受人"}]}""".formatted(unit, SharingFixture.TODAY, filing.developer, buyer);
    }

    @Test
    void bankReadsTheBuyersHomesAndTheLoanBaseIsTheLowerOfFiledPriceAndAppraisal() throws Exception {
        String filingCode = filing.fileSale(units.get(0), buyer);
        SharingFixture bank = new SharingFixture(http, "BANK", "bank-officer");
        bank.grant("HOUSING", "个人住房贷款审核");
        bank.grant("LOAN_BASE", "个人住房贷款审核");
        call(bank, get("/api/v1/sharing/persons/{id}/housing", buyer), "个人住房贷款审核")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.homes").value(1))
                .andExpect(jsonPath("$.underContract[0]").value(units.get(0)));
        // 以买卖合同网签备案价款和房屋评估价的低值作为计算基数 (二): filed 1,580,000, appraised 1,500,000
        call(bank, get("/api/v1/sharing/contracts/{code}/loan-base", filingCode).param("appraisal", "1500000"), "个人住房贷款审核")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.base").value(1500000.00))
                .andExpect(jsonPath("$.gapFlagged").value(false));
        // 网签备案价款与…客户实际交易资金之间存在显著差异 (二): funds of 1,000,000 are 58 % below the price
        call(bank, get("/api/v1/sharing/contracts/{code}/loan-base", filingCode).param("appraisal", "1600000")
                .param("funds", "1000000"), "个人住房贷款审核")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.base").value(1580000.00))
                .andExpect(jsonPath("$.gapFlagged").value(true))
                .andExpect(jsonPath("$.gaps[1].between").value("filedPrice"))
                .andExpect(jsonPath("$.gaps[1].and").value("funds"))
                .andExpect(jsonPath("$.gaps[1].significant").value(true));
        call(bank, get("/api/v1/sharing/contracts/{code}/loan-base", filingCode), "个人住房贷款审核")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("appraisal"));
    }

    @Test
    void rentWithdrawalIsTheLowestOfLeaseRentTaxReceiptAndMarketLevel() throws Exception {
        String tenant = TestData.citizenId("19960606");
        String lease = liveLease(units.get(1), TestData.citizenId("19700707"), tenant, "3500.00");
        SharingFixture fund = new SharingFixture(http, "PROVIDENT_FUND", "fund-officer");
        fund.grant("RENT_WITHDRAWAL", "住房公积金租房提取");
        // 新北区 成套住宅: 31.00 yuan/m² × 89.50 m² = 2,774.50 below the rent of 3,500 and the receipt of 3,000 (三)
        call(fund, get("/api/v1/sharing/contracts/{code}/rent-withdrawal", lease).param("taxReceipt", "3000"), "住房公积金租房提取")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.leaseInForce").value(true))
                .andExpect(jsonPath("$.leaseRent").value(3500.00))
                .andExpect(jsonPath("$.marketRent").value(2774.50))
                .andExpect(jsonPath("$.rule").value("LOWEST"))
                .andExpect(jsonPath("$.monthlyAmount").value(2774.50));
        // a sale is not a lease
        String sale = filing.fileSale(units.get(0), buyer);
        call(fund, get("/api/v1/sharing/contracts/{code}/rent-withdrawal", sale), "住房公积金租房提取")
                .andExpect(status().isNotFound());
    }

    @Test
    void taxReadsTheFiledSaleContractWithPartiesInFullButNoLease() throws Exception {
        String sale = filing.fileSale(units.get(0), buyer);
        String lease = liveLease(units.get(1), TestData.citizenId("19700707"), TestData.citizenId("19960606"), "2000.00");
        SharingFixture tax = new SharingFixture(http, "TAX", "tax-officer");
        tax.grant("TAX_SALE_CONTRACT", "房屋交易纳税申报", "name", "idNumber");
        call(tax, get("/api/v1/sharing/tax/sale-contracts/{code}", sale), "房屋交易纳税申报")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("NEW_SALE"))
                .andExpect(jsonPath("$.unitCode").value(units.get(0)))
                .andExpect(jsonPath("$.buyers[0].idNumber").value(buyer))
                .andExpect(jsonPath("$.sellers[0].idNumber").value(filing.developer));
        call(tax, get("/api/v1/sharing/tax/sale-contracts/{code}", lease), "房屋交易纳税申报")
                .andExpect(status().isNotFound());
    }

    @Test
    void policeLearnOnlyWhetherAndByWhichContractThePersonLivesThere() throws Exception {
        String tenant = TestData.citizenId("19960606");
        liveLease(units.get(1), TestData.citizenId("19700707"), tenant, "2000.00");
        filing.fileSale(units.get(0), buyer);
        SharingFixture police = new SharingFixture(http, "POLICE", "police-officer");
        police.grant("RESIDENCE_CHECK", "居住证申领");
        JsonNode answer = police.body(call(police, json(post("/api/v1/sharing/residence-checks"), """
                {"idNumber":"%s","unitCode":"%s"}""".formatted(tenant, units.get(1))), "居住证申领").andExpect(status().isOk()));
        assertThat(answer.get("resident").asBoolean()).isTrue();
        assertThat(answer.get("basis").asText()).isEqualTo("LEASE");
        assertThat(answer.get("startOn").asText()).isEqualTo(SharingFixture.TODAY.minusDays(30).toString());
        assertThat(answer.get("endOn").asText()).isEqualTo(SharingFixture.TODAY.plusDays(334).toString());
        // yes or no, the kind and the dates: nothing more (no names, no rent)
        assertThat(answer.properties().stream().map(java.util.Map.Entry::getKey).toList())
                .containsExactlyInAnyOrder("resident", "basis", "contractType", "startOn", "endOn");
        call(police, json(post("/api/v1/sharing/residence-checks"), """
                {"idNumber":"%s","address":"%s"}""".formatted(buyer, FilingFixture.LOCATION)), "居住证申领")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resident").value(true))
                .andExpect(jsonPath("$.basis").value("PURCHASE"));
        call(police, json(post("/api/v1/sharing/residence-checks"), """
                {"idNumber":"%s","unitCode":"%s"}""".formatted(buyer, units.get(2))), "居住证申领")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resident").value(false));
        // the police's check is withheld from the citizen's own list of accesses
        assertThat(jdbc.sql("SELECT bool_and(withheld) FROM audit_event WHERE actor_id = ? AND action = 'sharing.residence-check'")
                .param(police.clientId).query(Boolean.class).single()).isTrue();
    }

    @Test
    void seizurePushedByACourtRefusesTheNextFilingOfTheUnitUntilReleased() throws Exception {
        SharingFixture court = new SharingFixture(http, "COURT", "court-officer");
        court.grant("SEIZURE", "司法案件执行");
        String order = "（2026）苏04执" + TestData.next() + "号";
        call(court, json(post("/api/v1/sharing/seizures"), """
                {"unitCode":"%s","documentNo":"%s","validFrom":"%s"}""".formatted(units.get(0), order, SharingFixture.TODAY)), "司法案件执行")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.court").value(court.departmentName));
        String sale = saleOf(units.get(0));
        filing.postJson("/api/v1/contracts", sale)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].code", hasItem("verification.unit.seizure")));
        call(court, json(post("/api/v1/sharing/seizures/releases"), """
                {"unitCode":"%s","documentNo":"%s","releaseDocumentNo":"%s之一"}""".formatted(units.get(0), order, order)), "司法案件执行")
                .andExpect(status().isOk());
        filing.postJson("/api/v1/contracts", sale).andExpect(status().isCreated());
    }

    @Test
    void releaseOfASeizureThatDoesNotExistIsNotFound() throws Exception {
        SharingFixture court = new SharingFixture(http, "COURT", "court-officer");
        court.grant("SEIZURE", "司法案件执行");
        call(court, json(post("/api/v1/sharing/seizures/releases"), """
                {"unitCode":"%s","documentNo":"（2026）苏04执0号","releaseDocumentNo":"（2026）苏04执0号之一"}""".formatted(units.get(0))),
                "司法案件执行")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://tongban.cn/problems/not-found"));
    }

    @Test
    void dishonestDebtorListedByACourtCannotBuyAtTheNextFilingUntilRemoved() throws Exception {
        SharingFixture court = new SharingFixture(http, "COURT", "court-officer");
        court.grant("DISHONEST_DEBTOR", "司法案件执行");
        court.grant("PERSON_CONTRACTS", "司法案件执行", "name", "idNumber");
        String caseNo = "（2026）苏04执" + TestData.next() + "号";
        call(court, json(post("/api/v1/sharing/dishonest-debtors"), """
                {"idNumber":"%s","name":"买受人","caseNo":"%s","court":"常州市中级人民法院","publishedOn":"%s"}"""
                .formatted(buyer, caseNo, SharingFixture.TODAY)), "司法案件执行")
                .andExpect(status().isCreated());
        String sale = saleOf(units.get(0));
        // 住房和城乡建设部门对纳入失信被执行人名单的买受人，通过房屋网签备案系统自动不予办理网签备案 (六)
        filing.postJson("/api/v1/contracts", sale)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].code", hasItem("verification.buyer.dishonest-debtor")));
        call(court, json(post("/api/v1/sharing/dishonest-debtors/removals"), """
                {"idNumber":"%s","caseNo":"%s","documentNo":"%s之二"}""".formatted(buyer, caseNo, caseNo)), "司法案件执行")
                .andExpect(status().isOk());
        filing.postJson("/api/v1/contracts", sale).andExpect(status().isCreated());
        // the court then sees the person's contracts, parties in full by its grant
        call(court, get("/api/v1/sharing/persons/{id}/contracts", buyer), "司法案件执行")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].unitCode").value(units.get(0)))
                .andExpect(jsonPath("$[0].buyers[0].idNumber").value(buyer));
    }

    @Test
    void grantWithoutFullFieldsShowsNamesAndNumbersMasked() throws Exception {
        String filingCode = filing.fileSale(units.get(0), buyer);
        SharingFixture fund = new SharingFixture(http, "PROVIDENT_FUND", "fund-officer");
        fund.grant("CONTRACT", "住房公积金贷款");
        call(fund, get("/api/v1/sharing/contracts/{code}", filingCode), "住房公积金贷款")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.buyers[0].name").value(Masking.name("买受人")))
                .andExpect(jsonPath("$.buyers[0].idNumber").value(Masking.identifier(buyer)));
    }
}
