package cn.tongban.identity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every MockMvc request of the integration tests is signed in as {@link TestCallers#cityAdmin()} unless the test
 * says otherwise ({@code .with(anonymous())} or {@code .with(TestCallers.as(...))}, which take precedence).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurityDefaults {

    @Bean
    MockMvcBuilderCustomizer signedInByDefault() {
        return builder -> builder.defaultRequest(get("/").with(TestCallers.as(TestCallers.cityAdmin())));
    }
}
