package cn.tongban.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;

@IntegrationTest
class ErrorResponsesTest {

    @Autowired
    MockMvc http;

    @Test
    void unknownPathIsProblemJsonInChinese() throws Exception {
        http.perform(get("/api/v1/no-such-thing"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://tongban.cn/problems/not-found"))
                .andExpect(jsonPath("$.title").value("未找到"))
                .andExpect(jsonPath("$.detail").value("不存在的地址：/api/v1/no-such-thing"));
    }

    @Test
    void missingCredentialsAre401ProblemJsonInChinese() throws Exception {
        http.perform(get("/api/v1/units").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("未登录或凭证无效"))
                .andExpect(jsonPath("$.code").value("auth.required"));
    }

    @Test
    void englishOnRequest() throws Exception {
        http.perform(get("/api/v1/no-such-thing").header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Not found"));
    }

    @Test
    void healthAndApiDocsAreServed() throws Exception {
        http.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        http.perform(get("/v3/api-docs")).andExpect(status().isOk()).andExpect(jsonPath("$.openapi").exists());
        http.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
    }

    @Test
    void wrongMethodIsProblemJsonWithoutExceptionText() throws Exception {
        http.perform(delete("/v3/api-docs"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(not(containsString("Exception"))));
    }
}
