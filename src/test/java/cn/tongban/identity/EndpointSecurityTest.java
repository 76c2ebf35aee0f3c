package cn.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.tongban.IntegrationTest;

/** Issue #3: nothing answers without credentials except a short public list; every endpoint checks a permission. */
@IntegrationTest
class EndpointSecurityTest {

    /** Paths that answer without credentials, each for a reason. */
    private static final Set<String> PUBLIC = Set.of(
            "/error",                       // the container's error page, itself problem+json
            "/api/v1/csrf",                 // a browser needs the token before it can sign in
            "/api/v1/public/**",            // 信息公开 of registration (办事指南) and certificate verification: for anyone
            "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config", "/v3/api-docs/{group}", "/swagger-ui.html",
            "/", "/login",                  // issue #8: the landing page and the sign-in page
            "/portal/public/**");           // public pages: certificate verification

    /** Pages of the console and the portal: without credentials they send the browser to the sign-in page. */
    private static final Set<String> PAGES = Set.of("/console", "/console/**", "/portal", "/portal/**");

    @Autowired
    MockMvc http;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyEndpointAnswers401WithoutCredentialsExceptThePublicOnes() throws Exception {
        List<String> open = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of(RequestMethod.GET) : info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (isPublic(pattern)) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", "1");
                for (RequestMethod method : methods) {
                    int status = http.perform(request(HttpMethod.valueOf(method.name()), path).with(anonymous()))
                            .andReturn().getResponse().getStatus();
                    checked++;
                    boolean page = PAGES.stream().anyMatch(p -> new org.springframework.util.AntPathMatcher().match(p, pattern));
                    if (page && status == 302) {
                        continue;
                    }
                    if (status != 401) {
                        open.add(method + " " + pattern + " -> " + status);
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(15);
        assertThat(open).isEmpty();
    }

    @Test
    void everyEndpointOfTheModulesChecksAPermission() {
        List<String> unchecked = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Method method = handler.getMethod();
            boolean ours = method.getDeclaringClass().getPackageName().startsWith("cn.tongban.")
                    && !method.getDeclaringClass().getPackageName().equals("cn.tongban.platform")
                    && !isTestCode(method.getDeclaringClass());
            boolean publicPath = info.getPatternValues().stream().allMatch(EndpointSecurityTest::isPublic);
            if (ours && !publicPath && !AnnotatedElementUtils.hasAnnotation(method, PreAuthorize.class)) {
                unchecked.add(method.getDeclaringClass().getSimpleName() + "." + method.getName());
            }
        });
        assertThat(unchecked).isEmpty();
    }

    /** Whether the path pattern is one of the public ones, or under a public prefix ({@code /api/v1/public/**}). */
    private static boolean isPublic(String pattern) {
        org.springframework.util.AntPathMatcher matcher = new org.springframework.util.AntPathMatcher();
        return PUBLIC.stream().anyMatch(p -> p.equals(pattern) || matcher.match(p, pattern));
    }

    /** Controllers that exist only in the test sources (probes of a mechanism no endpoint uses yet). */
    private static boolean isTestCode(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes");
    }

    @Test
    void everyPermissionRolesHoldIsDefinedInCode() {
        List<String> granted = jdbc.sql("SELECT DISTINCT permission FROM role_permission").query(String.class).list();
        assertThat(Permissions.ALL.keySet()).containsAll(granted);
    }

    @Test
    void healthIsPublic() throws Exception {
        assertThat(http.perform(request(HttpMethod.GET, "/actuator/health").with(anonymous())).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }
}
