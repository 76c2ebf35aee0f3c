package cn.tongban.building;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.tongban.TestData;

/** Creates projects and buildings through the API for 楼盘表 tests. */
final class BuildingFixture {

    static final String HEADER = "unitCode,houseCode,location,floor,roomNo,buildingArea,innerArea,sharedArea,houseUse,landUse,houseNature,houseType,roomLayout,layoutStructure,orientation,houseState";

    private final MockMvc http;
    private final ObjectMapper json = new ObjectMapper();

    BuildingFixture(MockMvc http) {
        this.http = http;
    }

    JsonNode project(String district) throws Exception {
        return body(http.perform(post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON).content("""
                {"name":"测试项目%d","developerCreditCode":"%s","districtCode":"%s","parcelCode":"%s","landUse":"城镇住宅用地",
                 "landTermStart":"2020-01-01","landTermEnd":"2090-01-01"}"""
                .formatted(TestData.next(), TestData.creditCode(), district, TestData.parcelCode(district))))
                .andExpect(status().isCreated()));
    }

    /** A new building with {@code floors} floors above ground and 1 below, in a new project in 新北区. */
    JsonNode building(int floors) throws Exception {
        JsonNode project = project("320411");
        return body(http.perform(post("/api/v1/buildings").contentType(MediaType.APPLICATION_JSON).content("""
                {"projectId":%d,"buildingNumber":"0001","name":"1幢","floorsAbove":%d,"floorsBelow":1,"structure":"3"}"""
                .formatted(project.get("id").asLong(), floors)))
                .andExpect(status().isCreated()));
    }

    /** A CSV row of a valid residential unit; {@code seq} is the 4-digit 户号. */
    static String row(String buildingCode, int seq, int floor) {
        return "%s%04d,,常州市新北区测试路%d号,%d,%d01,89.50,73.39,16.11,11,城镇住宅用地,0,01,03,01,02,01"
                .formatted(buildingCode, seq, seq, floor, floor);
    }

    ResultActions importCsv(String csv) throws Exception {
        return importCsv(csv.getBytes(StandardCharsets.UTF_8));
    }

    ResultActions importCsv(byte[] csv) throws Exception {
        return http.perform(post("/api/v1/units/imports").contentType("text/csv").content(csv));
    }

    JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
