package cn.tongban.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerExceptionResolver;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * Who may call what (issue #3; 等级保护第三级 身份鉴别与访问控制):
 * <ul>
 * <li>department systems get a token from the embedded authorization server at {@code POST /oauth2/token} with
 * OAuth 2.0 client credentials and call the API with it as a bearer token (or, with
 * {@code tongban.security.issuer-uri}, with tokens of an external OIDC issuer);</li>
 * <li>staff sign in with {@code POST /login} (form fields username, password) and use the session cookie, with a
 * CSRF token on every change;</li>
 * <li>everything else answers 401 problem+json, except a short public list; each endpoint then checks its
 * {@link Permissions permission}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Paths anyone may call. Kept short on purpose; a test walks every endpoint against it. */
    static final String[] PUBLIC = {"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**", "/login", "/api/v1/csrf", "/error",
            // 信息公开 of the registration guide (二（一）8) and, later, certificate verification: for anyone
            "/api/v1/public/**",
            // issue #8: the landing page, the sign-in page, public pages (certificate verification) and their assets
            "/", "/portal/public/**", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico"};

    /** The pages of the staff console and the citizen portal: without a sign-in they send the browser to /login. */
    static final String[] PAGES = {"/console", "/console/**", "/portal", "/portal/**"};

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, AuthenticationEntryPoint problems) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, Customizer.withDefaults())
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .csrf(c -> c.ignoringRequestMatchers(server.getEndpointsMatcher()))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, AuthenticationEntryPoint problems, AccessDeniedHandler denied,
            JwtAuthenticationConverter tokens, LoginHandlers login) throws Exception {
        RequestMatcher pages = new OrRequestMatcher(java.util.Arrays.stream(PAGES)
                .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p)).toList());
        AuthenticationEntryPoint toLogin = (request, response, exception) -> {
            String path = request.getRequestURI().substring(request.getContextPath().length())
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            response.sendRedirect(request.getContextPath() + "/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
        };
        AuthenticationEntryPoint entryPoint = (request, response, exception) -> {
            if (pages.matches(request)) {
                toLogin.commence(request, response, exception);
            } else {
                problems.commence(request, response, exception);
            }
        };
        RequestMatcher bearer = request -> {
            String header = request.getHeader("Authorization");
            return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        };
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        csrfHandler.setCsrfRequestAttributeName(null); // load the token on every request, so the cookie is always set
        http.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC).permitAll().anyRequest().authenticated())
                .formLogin(f -> f.loginProcessingUrl("/login").successHandler(login).failureHandler(login))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessHandler(login))
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(tokens)).authenticationEntryPoint(problems)
                        .accessDeniedHandler(denied))
                // CSRF matters only where a browser sends the credential by itself: the session cookie
                .csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(csrfHandler).ignoringRequestMatchers(bearer))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * Spring Security's request firewall, with header values as department systems send them: a purpose in Chinese
     * (X-Purpose) arrives as raw UTF-8, which the servlet container hands over as ISO-8859-1 code points 0x80–0xFF,
     * some of them C1 control codes the default firewall refuses. Only what could split or end a header (other
     * control characters, DEL) is refused here; the rest of the default checks stay.
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(value -> value.chars().noneMatch(c -> (c < 0x20 && c != '\t') || c == 0x7F));
        return firewall;
    }

    /** 401 and 403 as problem+json, by the same handler as every other error. */
    @Bean
    AuthenticationEntryPoint problemEntryPoint(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        HttpStatusEntryPoint fallback = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
        return (request, response, exception) -> {
            if (resolver.resolveException(request, response, null, exception) == null) {
                fallback.commence(request, response, exception);
            }
        };
    }

    @Bean
    AccessDeniedHandler problemAccessDenied(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        return (request, response, exception) -> resolver.resolveException(request, response, null, exception);
    }

    @Bean
    JwtAuthenticationConverter tokenAuthentication() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> SignedInPrincipal.authorities(TokenClaims.caller(jwt)));
        return converter;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt now, and whatever Spring Security recommends later: hashes carry their algorithm's id
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository registeredClients(JdbcTemplate jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    @Bean
    OAuth2AuthorizationService authorizations(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }

    @Bean
    JWKSource<SecurityContext> tokenSigningKeys(@Value("${tongban.keys.dir}") Path keys,
            @Value("${tongban.keys.generate-if-missing:false}") boolean generate) {
        RSAKey key = TokenSigningKey.load(keys, generate);
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** Tokens of the embedded server, checked locally; or of an external OIDC issuer when one is configured. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys, @Value("${tongban.security.issuer-uri:}") String issuer) {
        return new VerifiedTokens(issuer.isBlank() ? OAuth2AuthorizationServerConfiguration.jwtDecoder(keys)
                : JwtDecoders.fromIssuerLocation(issuer), java.time.Clock.systemUTC());
    }
}
