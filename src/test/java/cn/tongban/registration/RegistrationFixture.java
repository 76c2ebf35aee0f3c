package cn.tongban.registration;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.tongban.TestData;
import cn.tongban.filing.FilingFixture;
import java.util.Set;

import cn.tongban.identity.ActorKind;
import cn.tongban.identity.Caller;
import cn.tongban.identity.DepartmentType;
import cn.tongban.identity.Permissions;
import cn.tongban.identity.TestCallers;
import cn.tongban.identity.TestCitizens;

/**
 * Registration through the API as its users drive it: a filed sale of a new home in 新北区 (320411), its buyer
 * signed in on the portal, the registrar's steps and the tax bureau's payment.
 */
final class RegistrationFixture {

    final MockMvc http;
    final ApplicationContext context;
    final ObjectMapper json = new ObjectMapper();

    RegistrationFixture(MockMvc http, ApplicationContext context) {
        this.http = http;
        this.context = context;
    }

    /** A filed sale of a new home to one buyer with a portal account. */
    record Sale(String unitCode, String filingCode, String buyerId, Caller buyer, String developer) {
    }

    Sale filedSale() throws Exception {
        FilingFixture filing = new FilingFixture(http);
        String unit = filing.unitsOnSale(1).get(0);
        String buyerId = TestData.citizenId("19880808");
        String filingCode = filing.fileSale(unit, buyerId);
        return new Sale(unit, filingCode, buyerId, TestCitizens.withAccount(context, buyerId, "买受人"), filing.developer);
    }

    /** The buyer applies online for the transfer of the sale; answers the application number. */
    String applyForTransfer(Sale sale) throws Exception {
        return body(perform(post("/api/v1/registrations"), TestCallers.as(sale.buyer()), """
                {"businessType":"TRANSFER","unitCode":"%s","filingCode":"%s"}""".formatted(sale.unitCode(), sale.filingCode()))
                .andExpect(status().isCreated())).get("applicationNo").asText();
    }

    /** A sale taken all the way through: applied, accepted, reviewed, tax and fee paid, registered, certified. */
    Sale registeredTransfer() throws Exception {
        Sale sale = filedSale();
        String no = applyForTransfer(sale);
        accept(no, "ACCEPT").andExpect(status().isOk());
        payFee(no, "80.00").andExpect(status().isOk());
        payTax(sale.filingCode());
        review(no, "APPROVE").andExpect(status().isOk());
        if (!awaitStatus(no, "REVIEWED").get("status").asText().equals("REVIEWED")) {
            throw new AssertionError("the tax-paid record did not reach " + no);
        }
        register(no).andExpect(status().isOk());
        certify(no).andExpect(status().isOk());
        return sale;
    }

    /** A bank's system at the extended port (三（一）6), filing and registering mortgages. */
    static Caller bank(String creditCode) {
        return new Caller("bank-system-" + creditCode, ActorKind.SYSTEM, creditCode, "测试银行常州分行", DepartmentType.BANK, Set.of(),
                true, Set.of("bank-officer"), Set.of(Permissions.CONTRACT_CREATE, Permissions.CONTRACT_QUERY,
                        Permissions.REGISTRATION_SUBMIT, Permissions.REGISTRATION_MATERIAL_UPLOAD), Set.of(), null);
    }

    /** The bank files a mortgage contract of the owner's unit and applies for its registration at that rank. */
    String applyForMortgage(Sale registered, String bankCode, int rank) throws Exception {
        String filingCode = body(perform(post("/api/v1/contracts"), TestCallers.as(bank(bankCode)), """
                {"type":"MORTGAGE","unitCode":"%s","signedOn":"2026-11-21","price":1000000.00,"endOn":"2056-11-20",
                 "mortgagors":[{"idType":"01","idNumber":"%s","name":"买受人"}],
                 "mortgagees":[{"idType":"02","idNumber":"%s","name":"测试银行常州分行"}]}"""
                .formatted(registered.unitCode(), registered.buyerId(), bankCode)).andExpect(status().isCreated()))
                .get("filingCode").asText();
        return body(perform(post("/api/v1/registrations"), TestCallers.as(bank(bankCode)), """
                {"businessType":"MORTGAGE","unitCode":"%s","filingCode":"%s","rank":%d}""".formatted(registered.unitCode(), filingCode, rank))
                .andExpect(status().isCreated())).get("applicationNo").asText();
    }

    /** Uploads a one-page PDF as the material (as whoever {@code as} is). */
    void upload(String applicationNo, String item, RequestPostProcessor as) throws Exception {
        http.perform(post("/api/v1/registrations/" + applicationNo + "/materials").param("item", item).with(as)
                        .contentType(MediaType.APPLICATION_PDF).content(("%PDF-1.4\n% " + item + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated());
    }

    /** Accepts, reviews, confirms the fee and registers: the registrar's work on an application with nothing missing. */
    JsonNode handle(String applicationNo, String fee) throws Exception {
        accept(applicationNo, "ACCEPT").andExpect(status().isOk());
        review(applicationNo, "APPROVE").andExpect(status().isOk());
        if (fee != null) {
            payFee(applicationNo, fee).andExpect(status().isOk());
        }
        return body(register(applicationNo).andExpect(status().isOk()));
    }

    ResultActions accept(String applicationNo, String decision) throws Exception {
        return postJson("/api/v1/registrations/" + applicationNo + "/acceptance", "{\"decision\":\"" + decision + "\"}");
    }

    ResultActions review(String applicationNo, String decision) throws Exception {
        return postJson("/api/v1/registrations/" + applicationNo + "/review", "{\"decision\":\"" + decision + "\",\"opinion\":\"符合登记条件\"}");
    }

    ResultActions register(String applicationNo) throws Exception {
        return http.perform(post("/api/v1/registrations/" + applicationNo + "/registration"));
    }

    ResultActions certify(String applicationNo) throws Exception {
        return http.perform(post("/api/v1/registrations/" + applicationNo + "/certificate"));
    }

    ResultActions payFee(String applicationNo, String amount) throws Exception {
        return postJson("/api/v1/registrations/" + applicationNo + "/payment",
                "{\"paymentReference\":\"PAY-%d\",\"amount\":%s}".formatted(TestData.next(), amount));
    }

    JsonNode view(String applicationNo) throws Exception {
        return body(http.perform(get("/api/v1/registrations/" + applicationNo)).andExpect(status().isOk()));
    }

    /** The tax bureau's part (契税法 第十一条): a declaration from the filed contract, assessed, confirmed and paid. */
    void payTax(String filingCode) throws Exception {
        long id = body(postJson("/api/v1/tax/declarations", """
                {"filingCode":"%s","buyer":{"kind":"INDIVIDUAL","homesOwnedBeforePurchase":0}}""".formatted(filingCode))
                .andExpect(status().isCreated())).get("id").asLong();
        http.perform(put("/api/v1/tax/declarations/" + id + "/assessment").contentType(MediaType.APPLICATION_JSON)
                .content("{\"assessedPrice\":1500000,\"reason\":\"发票不含税价\"}")).andExpect(status().isOk());
        http.perform(post("/api/v1/tax/declarations/" + id + "/confirmation")).andExpect(status().isOk());
        http.perform(post("/api/v1/tax/declarations/" + id + "/payment")).andExpect(status().isOk());
    }

    /** Waits (up to 15 s) for the application to reach the status, as events arriving after commit move it. */
    JsonNode awaitStatus(String applicationNo, String expected) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        JsonNode view = view(applicationNo);
        while (!view.get("status").asText().equals(expected) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            view = view(applicationNo);
        }
        return view;
    }

    ResultActions postJson(String path, String body) throws Exception {
        return http.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    ResultActions perform(MockHttpServletRequestBuilder request, RequestPostProcessor as, String body) throws Exception {
        return http.perform(request.with(as).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
