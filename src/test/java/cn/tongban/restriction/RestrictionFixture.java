package cn.tongban.restriction;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.tongban.TestData;

/** Creates 楼盘表 projects, buildings and units through the API, and restrictions on them, for restriction tests. */
final class RestrictionFixture {

    static final String TIANNING = "320402";
    static final String XINBEI = "320411";
    static final String HEADER = "unitCode,houseCode,location,floor,roomNo,buildingArea,innerArea,sharedArea,houseUse,landUse,houseNature,houseType,roomLayout,layoutStructure,orientation,houseState";

    private final MockMvc http;
    private final ObjectMapper json = new ObjectMapper();

    RestrictionFixture(MockMvc http) {
        this.http = http;
    }

    /** A new project in the district with one building of {@code units} units; answers the project and its unit codes. */
    record Estate(long projectId, List<String> units) {
    }

    Estate estate(String district, int units) throws Exception {
        JsonNode project = body(http.perform(post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON).content("""
                {"name":"限制测试项目%d","developerCreditCode":"%s","districtCode":"%s","parcelCode":"%s","landUse":"城镇住宅用地",
                 "landTermStart":"2020-01-01","landTermEnd":"2090-01-01"}"""
                .formatted(TestData.next(), TestData.creditCode(), district, TestData.parcelCode(district))))
                .andExpect(status().isCreated()));
        long projectId = project.get("id").asLong();
        JsonNode building = body(http.perform(post("/api/v1/buildings").contentType(MediaType.APPLICATION_JSON).content("""
                {"projectId":%d,"buildingNumber":"0001","name":"1幢","floorsAbove":6,"floorsBelow":0,"structure":"3"}"""
                .formatted(projectId)))
                .andExpect(status().isCreated()));
        String buildingCode = building.get("buildingCode").asText();
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        List<String> codes = new ArrayList<>();
        for (int seq = 1; seq <= units; seq++) {
            csv.append("%s%04d,,常州市测试路%d号,%d,%d01,89.50,73.39,16.11,11,城镇住宅用地,0,01,03,01,02,01\n"
                    .formatted(buildingCode, seq, seq, 1 + (seq - 1) % 6, 1 + (seq - 1) % 6));
            codes.add(buildingCode + "%04d".formatted(seq));
        }
        http.perform(post("/api/v1/units/imports").contentType("text/csv").content(csv.toString().getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk());
        return new Estate(projectId, codes);
    }

    String unit(String district) throws Exception {
        return estate(district, 1).units().get(0);
    }

    ResultActions seize(String unitCode, String documentNo) throws Exception {
        return http.perform(post("/api/v1/seizures").contentType(MediaType.APPLICATION_JSON).content("""
                {"unitCode":"%s","kind":"SEIZURE","court":"常州市天宁区人民法院","documentNo":"%s","validFrom":"2026-01-05"}"""
                .formatted(unitCode, documentNo)));
    }

    ResultActions mortgage(String unitCode, String documentNo) throws Exception {
        return http.perform(post("/api/v1/mortgages").contentType(MediaType.APPLICATION_JSON).content("""
                {"unitCode":"%s","mortgagee":"中国工商银行股份有限公司常州分行","mortgageeCode":"%s","documentNo":"%s","amount":800000.00}"""
                .formatted(unitCode, TestData.creditCode(), documentNo)));
    }

    ResultActions release(String resource, long id, String documentNo) throws Exception {
        return http.perform(post("/api/v1/" + resource + "/" + id + "/release").contentType(MediaType.APPLICATION_JSON)
                .content("{\"documentNo\":\"" + documentNo + "\"}"));
    }

    static String documentNo() {
        return "（2026）苏0402执%d号".formatted(TestData.next());
    }

    JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
