package cn.tongban.monitoring;

import static cn.tongban.identity.TestCallers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.identity.Permissions;
import cn.tongban.identity.TestCallers;

/** The market monitoring page: who may open it, what its filter offers, and that its charts load by script only. */
@IntegrationTest
class MonitoringPagesTest {

    @Autowired
    MockMvc http;

    @Test
    void thePageNeedsTheMonitoringPermission() throws Exception {
        http.perform(get("/console/monitoring").accept(MediaType.TEXT_HTML)
                        .with(as(TestCallers.withPermissions(Permissions.CONTRACT_QUERY))))
                .andExpect(status().isForbidden());
        http.perform(get("/console/monitoring").accept(MediaType.TEXT_HTML)
                        .with(as(TestCallers.withPermissions(Permissions.MONITORING_MARKET_QUERY))))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("id=\"chart-activity\"")))
                .andExpect(content().string(containsString("/js/monitoring.js")))
                .andExpect(content().string(containsString("/dist/echarts.min.js")))
                .andExpect(content().string(containsString("href=\"/console/monitoring\"")));
    }

    @Test
    void aDistrictClerkChoosesOnlyItsOwnDistrict() throws Exception {
        http.perform(get("/console/monitoring").accept(MediaType.TEXT_HTML).with(as(TestCallers.districtClerk("320402"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"320402\"")))
                .andExpect(content().string(not(containsString("<option value=\"320411\""))));
        http.perform(get("/console/monitoring").accept(MediaType.TEXT_HTML).with(as(TestCallers.cityAdmin())))
                .andExpect(content().string(containsString("<option value=\"320402\"")))
                .andExpect(content().string(containsString("<option value=\"320411\"")));
    }

    @Test
    void theChartsAreLoadedByTheScriptFromTheApiAndNotByAnInlineScript() throws Exception {
        http.perform(get("/console/monitoring").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>"))))
                .andExpect(content().string(containsString("data-labels=")));
        http.perform(get("/js/monitoring.js"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/monitoring/")));
    }
}
