package cn.tongban.tax;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.TestData;
import cn.tongban.filing.FilingFixture;

/** Declarations of filed sales (89.50 m² at 1,580,000 in 新北区), made through the API. */
final class DeclarationFixture {

    private final MockMvc http;
    private final JdbcClient jdbc;

    DeclarationFixture(MockMvc http, JdbcClient jdbc) {
        this.http = http;
        this.jdbc = jdbc;
    }

    /** Declares the filed sale as an individual buyer's only home; answers the declaration's id. */
    long declare(String filingCode) throws Exception {
        return new ObjectMapper().readTree(http.perform(post("/api/v1/tax/declarations").contentType(MediaType.APPLICATION_JSON).content("""
                        {"filingCode":"%s","buyer":{"kind":"INDIVIDUAL","homesOwnedBeforePurchase":0}}""".formatted(filingCode)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
    }

    /**
     * A declaration of a new filed sale flagged as the benchmark check flags it (a value of 2,685,000, 70 %), without
     * setting a benchmark that would flag the other tests' declarations.
     */
    long flagged() throws Exception {
        FilingFixture filing = new FilingFixture(http);
        long id = declare(filing.fileSale(filing.unitsOnSale(1).get(0), TestData.citizenId("19900501")));
        jdbc.sql("""
                UPDATE tax_declaration SET price_check = '{"flagged":true,"declaredPrice":1580000.00,"benchmarkUnitPrice":30000,
                       "benchmarkValue":2685000.00,"share":0.70,"quarter":"2026-Q4"}'::jsonb WHERE id = ?""").param(id).update();
        return id;
    }
}
