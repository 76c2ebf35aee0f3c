package cn.tongban.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Operator safety (issue #3 item 8): per-client rate limits on the token, sharing and public certificate verification
 * endpoints (429 with Retry-After) and a size limit on request bodies (413), both before authentication so that neither a flood nor a
 * huge body reaches the rest of the platform. The bulk imports (楼盘表 units, a court's
 * list of dishonest debtors, the sharing catalog), the sharing deliveries (streamed to disk, 1 GB and more) and the
 * materials of registration applications (streamed to disk, each within its item's limit) are the endpoints that take
 * large bodies.
 */
@Configuration(proxyBeanMethods = false)
class RequestLimits {

    private static final java.util.Set<String> BULK_IMPORTS = java.util.Set.of("/api/v1/units/imports",
            "/api/v1/dishonest-debtors/imports", "/api/v1/sharing/catalog/imports", "/api/v1/sharing/deliveries");
    /** 收件材料 of registration applications: streamed to disk, each held to its checklist item's own size limit. */
    private static final java.util.regex.Pattern MATERIAL_UPLOAD = java.util.regex.Pattern.compile("/api/v1/registrations/[^/]+/materials");

    /** Rate limit exceeded: answered 429 with Retry-After. */
    static final class TooManyRequests extends RuntimeException {
        final long retryAfterSeconds;

        TooManyRequests(long retryAfterSeconds) {
            super("rate limit", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    /** Body larger than allowed: answered 413. */
    static final class BodyTooLarge extends RuntimeException {
        final long limit;

        BodyTooLarge(long limit) {
            super("body too large", null, false, false);
            this.limit = limit;
        }
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestLimitFilter(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems,
            @Value("${tongban.http.max-body-bytes:1048576}") long maxBody,
            @Value("${tongban.rate-limit.token-per-minute:30}") long tokenPerMinute,
            @Value("${tongban.rate-limit.sharing-per-minute:600}") long sharingPerMinute,
            @Value("${tongban.rate-limit.verification-per-minute:120}") long verificationPerMinute) {
        Cache<String, Bucket> buckets = CacheBuilder.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    String path = request.getRequestURI().substring(request.getContextPath().length());
                    if (!BULK_IMPORTS.contains(path) && !MATERIAL_UPLOAD.matcher(path).matches()
                            && request.getContentLengthLong() > maxBody) {
                        throw new BodyTooLarge(maxBody);
                    }
                    if (path.equals("/oauth2/token")) {
                        consume(buckets, "token:" + clientOf(request), tokenPerMinute);
                    } else if (path.startsWith("/api/v1/sharing/")) {
                        consume(buckets, "sharing:" + credentialOf(request), sharingPerMinute);
                    } else if (path.startsWith("/api/v1/public/certificates/")) {
                        // verification codes are unguessable (80 bits); the limit keeps anyone from trying in bulk
                        consume(buckets, "verification:" + request.getRemoteAddr(), verificationPerMinute);
                    }
                } catch (TooManyRequests | BodyTooLarge e) {
                    problems.resolveException(request, response, null, e);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10); // before Spring Security's chain
        registration.addUrlPatterns("/*");
        return registration;
    }

    private static void consume(Cache<String, Bucket> buckets, String key, long perMinute) {
        Bucket bucket;
        try {
            bucket = buckets.get(key, () -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                    .build());
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequests(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1));
        }
    }

    /** The OAuth client asking for a token (Basic header or form parameter), else the remote address. */
    private static String clientOf(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                return decoded.contains(":") ? decoded.substring(0, decoded.indexOf(':')) : decoded;
            } catch (IllegalArgumentException malformed) {
                return request.getRemoteAddr();
            }
        }
        String client = request.getParameter("client_id");
        return client != null ? client : request.getRemoteAddr();
    }

    /** One bucket per access token (its hash, never the token itself), else per remote address. */
    private static String credentialOf(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return request.getRemoteAddr();
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(header.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
