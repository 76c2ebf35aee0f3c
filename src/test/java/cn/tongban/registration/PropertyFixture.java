package cn.tongban.registration;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.tongban.TestData;
import cn.tongban.identity.ActorKind;
import cn.tongban.identity.Caller;
import cn.tongban.identity.DepartmentType;
import cn.tongban.identity.Permissions;

/** 楼盘表 units made through the API, staff callers and register-book content for the registration tests. */
final class PropertyFixture {

    static final String TIANNING = "320402";
    static final String XINBEI = "320411";
    private static final String HEADER = "unitCode,houseCode,location,floor,roomNo,buildingArea,innerArea,sharedArea,houseUse,landUse,houseNature,houseType,roomLayout,layoutStructure,orientation,houseState";

    private final MockMvc http;
    private final ObjectMapper json = new ObjectMapper();

    PropertyFixture(MockMvc http) {
        this.http = http;
    }

    /**
     * New units in a new project of the district (as the default city-wide test caller), each at
     * {@code <street> <n>号}; answers their codes.
     */
    List<String> units(String district, String street, int count) throws Exception {
        JsonNode project = body(http.perform(post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON).content("""
                {"name":"登记查询测试项目%d","developerCreditCode":"%s","districtCode":"%s","parcelCode":"%s","landUse":"城镇住宅用地",
                 "landTermStart":"2020-01-01","landTermEnd":"2090-01-01"}"""
                .formatted(TestData.next(), TestData.creditCode(), district, TestData.parcelCode(district))))
                .andExpect(status().isCreated()));
        JsonNode building = body(http.perform(post("/api/v1/buildings").contentType(MediaType.APPLICATION_JSON).content("""
                {"projectId":%d,"buildingNumber":"0001","name":"1幢","floorsAbove":6,"floorsBelow":0,"structure":"3"}"""
                .formatted(project.get("id").asLong())))
                .andExpect(status().isCreated()));
        String buildingCode = building.get("buildingCode").asText();
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        List<String> codes = new ArrayList<>();
        for (int seq = 1; seq <= count; seq++) {
            csv.append("%s%04d,,%s%d号,%d,%d01,89.50,73.39,16.11,11,城镇住宅用地,0,01,03,01,02,01\n"
                    .formatted(buildingCode, seq, street, seq, seq, seq));
            codes.add(buildingCode + "%04d".formatted(seq));
        }
        http.perform(post("/api/v1/units/imports").contentType("text/csv").content(csv.toString().getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk());
        return codes;
    }

    String unit(String district) throws Exception {
        return units(district, "常州市登记查询路" + TestData.next() + "弄", 1).get(0);
    }

    /** A registration-centre clerk of one district, with or without the right to see personal data in full. */
    static Caller registrar(String district, boolean personalDataFull) {
        Set<String> permissions = personalDataFull
                ? Set.of(Permissions.REGISTRATION_PROPERTY_QUERY, Permissions.REGISTRATION_STATISTICS_QUERY, Permissions.PERSONAL_DATA_FULL)
                : Set.of(Permissions.REGISTRATION_PROPERTY_QUERY, Permissions.REGISTRATION_STATISTICS_QUERY);
        return new Caller("registrar-" + district + "-" + TestData.next(), ActorKind.STAFF, "12" + district + "MB00000" + district.substring(3) + "X",
                "不动产登记中心" + district, DepartmentType.REGISTRATION, Set.of(district), false, Set.of("registrar"), permissions,
                Set.of(), null);
    }

    static Map<String, Object> owner(String idNumber, String name, String coOwnership, String share) {
        return Map.of("idNumber", idNumber, "name", name, "idType", "01", "coOwnership", coOwnership, "share", share);
    }

    static String certificateNo() {
        return "苏（2026）常州市不动产权第%07d号".formatted(TestData.next());
    }

    JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
