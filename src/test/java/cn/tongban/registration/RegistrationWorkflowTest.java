package cn.tongban.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.building.BuildingTable;
import cn.tongban.building.TradeStatus;
import cn.tongban.building.UnitView;
import cn.tongban.identity.Caller;
import cn.tongban.identity.PlatformActor;
import cn.tongban.identity.TestCallers;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/**
 * 一窗办事 from application to certificate (issue #7 items 2–5): the BPMN process drives the steps, the machine checks
 * guard acceptance and 登簿, a transfer waits for its tax (先税后证), the register book and the 楼盘表 follow.
 */
@IntegrationTest
class RegistrationWorkflowTest {

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RegisterBook book;
    @Autowired
    BuildingTable building;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    RightsRegisteredProbe registered;

    RegistrationFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new RegistrationFixture(http, context);
    }

    @Test
    void aTransferWaitsForItsTaxThenRegistersByItselfIntoTheBookAndTheBuildingTable() throws Exception {
        RegistrationFixture.Sale sale = fixture.filedSale();
        String no = fixture.applyForTransfer(sale);
        JsonNode submitted = fixture.view(no);
        // 免填单: parties and price from the filed contract; the online application is its own 申请书
        assertThat(submitted.get("channel").asText()).isEqualTo("ONLINE");
        assertThat(submitted.get("hallVisits").asInt()).isZero();
        assertThat(submitted.get("currentStep").asText()).isEqualTo("accept");
        assertThat(submitted.at("/content/price").asText()).isEqualTo("1580000.00");
        assertThat(submitted.get("parties")).hasSize(2);
        // 发改价格规〔2016〕2559号: housing, one certificate
        assertThat(submitted.get("fee").decimalValue()).isEqualByComparingTo("80");

        fixture.accept(no, "ACCEPT").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.latestChecks.passed").value(true));
        fixture.review(no, "APPROVE").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WAITING_FOR_TAX"));
        // 先税后证 (契税法 第十一条): no 登簿 while the tax is unpaid
        fixture.register(no).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("registration.wrong-status"));
        fixture.payFee(no, "80.00").andExpect(status().isOk());

        fixture.payTax(sale.filingCode());
        JsonNode moved = fixture.awaitStatus(no, "REVIEWED");
        assertThat(moved.get("status").asText()).isEqualTo("REVIEWED");
        assertThat(moved.get("currentStep").asText()).isEqualTo("register");

        JsonNode registeredView = fixture.body(fixture.register(no).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REGISTERED")));
        String certificateNo = registeredView.get("certificateNo").asText();
        assertThat(certificateNo).matches("苏（\\d{4}）常州市不动产权第\\d{7}号");

        RegisterState state = book.state(sale.unitCode());
        assertThat(state.owners()).singleElement().satisfies(owner -> assertThat(owner.get("idNumber")).isEqualTo(sale.buyerId()));
        assertThat(state.ownership().orElseThrow().content().get("certificateNumber")).isEqualTo(certificateNo);
        assertThat(book.firstBroken(sale.unitCode())).isEmpty();
        UnitView unit = PlatformActor.call("test", () -> building.findUnit(sale.unitCode())).orElseThrow();
        assertThat(unit.tradeStatus()).isEqualTo(TradeStatus.REGISTERED);
        assertThat(unit.owners()).singleElement().satisfies(o -> {
            assertThat(o.idNumberIndex()).isEqualTo(cipher.blindIndex(sale.buyerId()));
            assertThat(o.certificateNo()).isEqualTo(certificateNo);
        });
        // 三（一）3: the result is published for the housing and tax departments
        assertThat(registered.received).anySatisfy(event -> {
            assertThat(event.applicationNo()).isEqualTo(no);
            assertThat(event.certificateNo()).isEqualTo(certificateNo);
            assertThat(event.filingCode()).isEqualTo(sale.filingCode());
        });

        String code = fixture.body(fixture.certify(no).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPLETED")))
                .get("verificationCode").asText();
        // 电子证照: anyone verifies it without login; the owner downloads the signed PDF
        http.perform(get("/api/v1/public/certificates/{code}", code).with(anonymous())).andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(certificateNo)).andExpect(jsonPath("$.statusLabel").value("现势"));
        http.perform(get("/api/v1/registrations/certificates/{no}/document", certificateNo).with(TestCallers.as(sale.buyer())))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .exists("X-Signature"));
        JsonNode done = fixture.view(no);
        assertThat(done.get("progress")).extracting(p -> p.get("outcome").asText())
                .contains("SUBMITTED", "ACCEPTED", "WAITING_FOR_TAX", "REVIEWED", "REGISTERED", "COMPLETED");
        // 二（一）5 and 三（一）3: every step and the result are pushed on the sharing event feed (codes only)
        long deadline = System.currentTimeMillis() + 15_000;
        List<String> pushed = List.of();
        while (System.currentTimeMillis() < deadline && !pushed.contains("registration.registered")) {
            pushed = jdbc.sql("SELECT type || ':' || coalesce(payload ->> 'status', '') FROM sharing_event WHERE payload ->> 'applicationNo' = ?")
                    .param(no).query(String.class).list().stream().map(t -> t.endsWith(":") ? t.substring(0, t.length() - 1) : t).toList();
            Thread.sleep(50);
        }
        assertThat(pushed).contains("registration.progressed:SUBMITTED", "registration.progressed:WAITING_FOR_TAX",
                "registration.progressed:REGISTERED", "registration.registered");
        // the buyer follows the progress on the portal
        http.perform(get("/api/v1/registrations/mine").with(TestCallers.as(sale.buyer())))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].applicationNo").value(no));
    }

    @Test
    void aTransferWhoseTaxIsNeverPaidNeverRegisters() throws Exception {
        RegistrationFixture.Sale sale = fixture.filedSale();
        String no = fixture.applyForTransfer(sale);
        fixture.accept(no, "ACCEPT").andExpect(status().isOk());
        fixture.review(no, "APPROVE").andExpect(jsonPath("$.status").value("WAITING_FOR_TAX"));
        fixture.payFee(no, "80.00").andExpect(status().isOk());
        fixture.register(no).andExpect(status().isConflict());
        // another contract's payment does not move it
        RegistrationFixture.Sale other = fixture.filedSale();
        fixture.payTax(other.filingCode());
        Thread.sleep(300);
        assertThat(fixture.view(no).get("status").asText()).isEqualTo("WAITING_FOR_TAX");
        assertThat(book.entries(sale.unitCode())).isEmpty();
    }

    @Test
    void aTransferOfASeizedUnitIsRefusedAtAcceptanceWithTheCheckReport() throws Exception {
        RegistrationFixture.Sale sale = fixture.filedSale();
        String no = fixture.applyForTransfer(sale);
        fixture.postJson("/api/v1/seizures", """
                {"unitCode":"%s","kind":"SEIZURE","court":"常州市新北区人民法院","documentNo":"（2026）苏0411执%d号","validFrom":"2026-01-05"}"""
                .formatted(sale.unitCode(), TestData.next())).andExpect(status().isCreated());
        fixture.accept(no, "ACCEPT").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("checks.seizure"))
                .andExpect(jsonPath("$.report.checks[?(@.code == 'seizure')].passed").value(false));
        // the refusal is kept with the application, which stays where it was
        assertThat(jdbc.sql("SELECT count(*) FROM registration_check WHERE application_no = ? AND NOT passed").param(no)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(fixture.view(no).get("status").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void aMissingRequiredMaterialIsAskedForExactlyAndBlocksAcceptance() throws Exception {
        RegistrationFixture.Sale sale = fixture.filedSale();
        // at a hall window (HALL), 更正登记 needs the signed 申请书 and proof of the error, neither held by the platform
        String no = fixture.body(fixture.postJson("/api/v1/registrations", """
                {"businessType":"CORRECTION","unitCode":"%s","reason":"姓名登记错误",
                 "applicant":{"idType":"01","idNumber":"%s","name":"买受人"},
                 "owners":[{"idType":"01","idNumber":"%s","name":"买受人","coOwnership":"01"}]}"""
                .formatted(sale.unitCode(), sale.buyerId(), sale.buyerId())).andExpect(status().isCreated())).get("applicationNo").asText();
        // at the window the applicant came once: never 一次都不跑
        assertThat(fixture.view(no).get("hallVisits").asInt()).isEqualTo(1);
        fixture.accept(no, "ACCEPT").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("checks.materials"));
        JsonNode supplement = fixture.body(fixture.accept(no, "SUPPLEMENT").andExpect(status().isOk()));
        assertThat(supplement.get("status").asText()).isEqualTo("SUPPLEMENT_REQUIRED");
        List<String> asked = new ArrayList<>();
        supplement.get("missingMaterials").forEach(m -> asked.add(m.asText()));
        List<String> expected = new ArrayList<>();
        for (BusinessTypes.Material m : context.getBean(BusinessTypes.class).get("CORRECTION").materials()) {
            if (m.required() && m.freeFrom() == null) {
                expected.add(m.item());
            }
        }
        assertThat(asked).containsExactlyElementsOf(expected);
        // 补正完成 sends it back to acceptance
        http.perform(post("/api/v1/registrations/" + no + "/resubmission")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED")).andExpect(jsonPath("$.currentStep").value("accept"));
    }

    @Test
    void aRegistrarOfAnotherDistrictNeitherSeesNorHandlesTheApplication() throws Exception {
        RegistrationFixture.Sale sale = fixture.filedSale();
        String no = fixture.applyForTransfer(sale);
        Caller tianning = TestCallers.districtClerk("320402");
        http.perform(get("/api/v1/registrations/" + no).with(TestCallers.as(tianning))).andExpect(status().isNotFound());
        fixture.perform(post("/api/v1/registrations/" + no + "/acceptance"), TestCallers.as(tianning), "{\"decision\":\"ACCEPT\"}")
                .andExpect(status().isNotFound());
        // nor takes an application at its window for a unit of 新北区
        fixture.perform(post("/api/v1/registrations"), TestCallers.as(tianning), """
                {"businessType":"TRANSFER","unitCode":"%s","filingCode":"%s"}""".formatted(sale.unitCode(), sale.filingCode()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("registration.other-district"));
        assertThat(fixture.view(no).get("status").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void twoRegistrarsCompletingTheSameTaskAtOnceOneWinsAndTheOtherIsToldSo() throws Exception {
        RegistrationFixture.Sale sale = fixture.filedSale();
        String no = fixture.applyForTransfer(sale);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> both = List.of(() -> fixture.accept(no, "ACCEPT").andReturn().getResponse().getStatus(),
                    () -> fixture.accept(no, "ACCEPT").andReturn().getResponse().getStatus());
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(both)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        JsonNode view = fixture.view(no);
        assertThat(view.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(view.get("progress")).filteredOn(p -> p.get("outcome").asText().equals("ACCEPTED")).hasSize(1);
    }

    @Test
    void aCitizenWhoIsNotAPartyCannotApply() throws Exception {
        RegistrationFixture.Sale sale = fixture.filedSale();
        Caller stranger = cn.tongban.identity.TestCitizens.withAccount(context, TestData.citizenId("19770707"), "路人");
        fixture.perform(post("/api/v1/registrations"), TestCallers.as(stranger), """
                {"businessType":"TRANSFER","unitCode":"%s","filingCode":"%s"}""".formatted(sale.unitCode(), sale.filingCode()))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("registration.not-a-party"));
        assertThat(jdbc.sql("SELECT count(*) FROM registration_application WHERE unit_code = ?").param(sale.unitCode())
                .query(Long.class).single()).isZero();
    }

    @Test
    void badApplicationsAreRefusedNamingTheField() throws Exception {
        RegistrationFixture.Sale sale = fixture.filedSale();
        fixture.postJson("/api/v1/registrations", """
                {"businessType":"TRANSFER","unitCode":"%s"}""".formatted(sale.unitCode()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("filingCode"));
        fixture.postJson("/api/v1/registrations", """
                {"businessType":"GIFT","unitCode":"%s"}""".formatted(sale.unitCode()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("businessType"));
        fixture.postJson("/api/v1/registrations", """
                {"businessType":"SEIZURE","unitCode":"%s"}""".formatted(sale.unitCode()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("registration.court-order-only"));
        fixture.postJson("/api/v1/registrations", """
                {"businessType":"PRE_NOTICE","unitCode":"%s","filingCode":"XX0000000000"}""".formatted(sale.unitCode()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("registration.contract-unknown"));
        http.perform(get("/api/v1/registrations/tasks").param("step", "approve"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("step"));
        assertThat(jdbc.sql("SELECT count(*) FROM registration_application WHERE unit_code = ?").param(sale.unitCode())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aCourtSeizureIsRegisteredOnItsOrderAndItsReleaseEndsIt() throws Exception {
        RegistrationFixture.Sale sale = fixture.filedSale();
        String documentNo = "（2026）苏0411执%d号".formatted(TestData.next());
        long seizureId = fixture.body(fixture.postJson("/api/v1/seizures", """
                {"unitCode":"%s","kind":"SEIZURE","court":"常州市新北区人民法院","documentNo":"%s","validFrom":"2026-01-05"}"""
                .formatted(sale.unitCode(), documentNo)).andExpect(status().isCreated())).get("id").asLong();
        String no = awaitApplication(sale.unitCode(), "SEIZURE");
        assertThat(fixture.view(no).get("currentStep").asText()).isEqualTo("register");
        fixture.register(no).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPLETED"));
        assertThat(book.state(sale.unitCode()).seizures()).singleElement()
                .satisfies(e -> assertThat(e.content().get("documentNo")).isEqualTo(documentNo));

        fixture.postJson("/api/v1/seizures/" + seizureId + "/release", "{\"documentNo\":\"（2026）苏0411执恢1号\"}")
                .andExpect(status().isOk());
        String release = awaitApplication(sale.unitCode(), "SEIZURE_RELEASE");
        fixture.register(release).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPLETED"));
        assertThat(book.state(sale.unitCode()).seizures()).isEmpty();
        assertThat(book.firstBroken(sale.unitCode())).isEmpty();
    }

    @Test
    void theWorkQueueShowsApplicationsWaitingAtAStep() throws Exception {
        RegistrationFixture.Sale sale = fixture.filedSale();
        String no = fixture.applyForTransfer(sale);
        JsonNode queue = fixture.body(http.perform(get("/api/v1/registrations/tasks").param("step", "accept").param("size", "200"))
                .andExpect(status().isOk()));
        List<String> numbers = new ArrayList<>();
        queue.forEach(q -> numbers.add(q.get("applicationNo").asText()));
        assertThat(numbers).contains(no);
        http.perform(get("/api/v1/registrations/tasks").param("step", "accept").with(TestCallers.as(TestCallers.districtClerk("320402"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.applicationNo == '" + no + "')]").isEmpty());
    }

    private String awaitApplication(String unitCode, String type) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            List<Map<String, Object>> rows = jdbc.sql("SELECT application_no FROM registration_application WHERE unit_code = ? AND business_type = ?")
                    .params(unitCode, type).query().listOfRows();
            if (!rows.isEmpty()) {
                return (String) rows.get(0).get("application_no");
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + type + " application for " + unitCode);
    }
}
