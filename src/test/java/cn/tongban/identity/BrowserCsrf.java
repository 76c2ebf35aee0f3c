package cn.tongban.identity;

import org.springframework.context.ApplicationContext;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Gives the running server back its CSRF cookie for a browser journey. Spring Security's MockMvc {@code csrf()} (every
 * integration test's default request, {@link TestSecurityDefaults}) swaps the shared {@link CsrfFilter}'s repository
 * for a test one that keeps the token in the session; the suite's one context serves the browser through that same
 * filter, so after any MockMvc test the browser gets no {@code XSRF-TOKEN} cookie and every page's API call is refused
 * with 403. Call {@link #restore} after the journey's MockMvc set-up and before the browser signs in.
 */
public final class BrowserCsrf {

    private BrowserCsrf() {
    }

    /** Puts the repository of {@code SecurityConfiguration} (the cookie that tongban.js reads) back where csrf() replaced it. */
    public static void restore(ApplicationContext context) {
        FilterChainProxy proxy = context.getBean("springSecurityFilterChain", FilterChainProxy.class);
        proxy.getFilterChains().forEach(chain -> chain.getFilters().stream()
                .filter(CsrfFilter.class::isInstance)
                .forEach(filter -> {
                    CsrfTokenRepository current = (CsrfTokenRepository) ReflectionTestUtils.getField(filter, "tokenRepository");
                    // only what csrf() put there: spring-security-test's TestCsrfTokenRepository
                    if (current != null && current.getClass().getName().contains("TestCsrfTokenRepository")) {
                        // as SecurityConfiguration configures it
                        ReflectionTestUtils.setField(filter, "tokenRepository", CookieCsrfTokenRepository.withHttpOnlyFalse());
                    }
                }));
    }
}
