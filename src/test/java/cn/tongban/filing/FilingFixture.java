package cn.tongban.filing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.tongban.TestData;

/**
 * A new building in 新北区 of a new developer, with units at 常州市新北区网签路1号, made through the API. Public for the
 * modules that start from a filed contract (tax).
 */
public final class FilingFixture {

    static final String HEADER = "unitCode,houseCode,location,floor,roomNo,buildingArea,innerArea,sharedArea,houseUse,landUse,houseNature,houseType,roomLayout,layoutStructure,orientation,houseState";
    static final String LOCATION = "常州市新北区网签路1号";

    final MockMvc http;
    final ObjectMapper json = new ObjectMapper();
    final String developer = TestData.creditCode();
    final long buildingId;
    final String buildingCode;

    public FilingFixture(MockMvc http) throws Exception {
        this.http = http;
        JsonNode project = body(postJson("/api/v1/projects", """
                {"name":"网签测试项目%d","developerCreditCode":"%s","districtCode":"320411","parcelCode":"%s","landUse":"城镇住宅用地"}"""
                .formatted(TestData.next(), developer, TestData.parcelCode("320411"))));
        JsonNode building = body(postJson("/api/v1/buildings", """
                {"projectId":%d,"buildingNumber":"0001","name":"1幢","floorsAbove":10,"structure":"3"}""".formatted(project.get("id").asLong())));
        buildingId = building.get("id").asLong();
        buildingCode = building.get("buildingCode").asText();
    }

    /** Imports units {@code 0001}..{@code count} on floor 3; returns the code of the first. */
    String units(int count) throws Exception {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int seq = 1; seq <= count; seq++) {
            csv.append("%s%04d,,%s,3,3%02d,89.50,73.39,16.11,11,城镇住宅用地,0,01,03,01,02,01\n".formatted(buildingCode, seq, LOCATION, seq));
        }
        http.perform(post("/api/v1/units/imports").contentType("text/csv").content(csv.toString()));
        return buildingCode + "0001";
    }

    /** A presale permit valid from 2025-01-05 (until {@code validTo} if given) covering the unit. */
    void presalePermit(String unit, String validTo) throws Exception {
        presalePermit(List.of(unit), validTo);
    }

    private void presalePermit(List<String> units, String validTo) throws Exception {
        postJson("/api/v1/buildings/" + buildingId + "/sale-permits", """
                {"kind":"PRESALE","permitNo":"常房预售〔2025〕%d号","issuedOn":"2025-01-05","validFrom":"2025-01-05"%s,"unitCodes":%s}"""
                .formatted(TestData.next(), validTo == null ? "" : ",\"validTo\":\"" + validTo + "\"", json.writeValueAsString(units)))
                .andExpect(status().isCreated());
    }

    /** Imports units {@code 0001}..{@code count}, all covered by one presale permit; returns their codes. */
    public List<String> unitsOnSale(int count) throws Exception {
        units(count);
        List<String> codes = IntStream.rangeClosed(1, count).mapToObj(seq -> buildingCode + "%04d".formatted(seq)).toList();
        presalePermit(codes, null);
        return codes;
    }

    /**
     * Files the developer's sale of a new home to these buyers (jointly owned if more than one), or fails the test.
     * Buyers without a real-name record are filed with a warning.
     */
    public void fileSale(String unit, String... buyerIdNumbers) throws Exception {
        String ownership = buyerIdNumbers.length > 1 ? ",\"coOwnership\":\"02\"" : "";
        String buyers = Arrays.stream(buyerIdNumbers)
                .map(id -> "{\"idType\":\"01\",\"idNumber\":\"%s\",\"name\":\"买受人\"%s}".formatted(id, ownership))
                .collect(Collectors.joining(",", "[", "]"));
        postJson("/api/v1/contracts", """
                {"type":"NEW_SALE","unitCode":"%s","signedOn":"2026-11-20","price":1580000.00,
                 "sellers":[{"idType":"02","idNumber":"%s","name":"常州开发有限公司"}],"buyers":%s}""".formatted(unit, developer, buyers))
                .andExpect(status().isCreated());
    }

    /** Waits (up to 15 s) until the contract's text and PDF are kept, as the ContractFiled listener does after commit. */
    static boolean awaitDocument(JdbcClient jdbc, String filingCode) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (jdbc.sql("""
                    SELECT count(*) FROM contract_document d JOIN contract c ON c.id = d.contract_id
                     WHERE c.filing_code = ? AND d.pdf IS NOT NULL""").param(filingCode).query(Long.class).single() > 0) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    ResultActions postJson(String path, String body) throws Exception {
        return http.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
