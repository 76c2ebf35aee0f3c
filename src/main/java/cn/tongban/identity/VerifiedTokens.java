package cn.tongban.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens whose signature and claims were already verified. A department system sends the same bearer token
 * with every request until it expires, and checking its RSA signature again each time was the largest single cost of a
 * filing after the database (issue #4 benchmark). The key is the whole token, signature included: only the very bytes
 * that were verified hit the cache, and a remembered token is still refused from its expiry on.
 */
final class VerifiedTokens implements JwtDecoder {

    /** At most this many tokens (one per signed-in system or session, roughly), each for at most its own lifetime. */
    private static final int CAPACITY = 10_000;
    private static final Duration LONGEST = Duration.ofHours(1);

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> verified = CacheBuilder.newBuilder().maximumSize(CAPACITY).expireAfterWrite(LONGEST).build();

    VerifiedTokens(JwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        Instant now = clock.instant();
        if (known != null) {
            if (known.getExpiresAt() != null && !now.isBefore(known.getExpiresAt())) {
                verified.invalidate(token);
                throw new BadJwtException("token expired at " + known.getExpiresAt());
            }
            return known;
        }
        Jwt jwt = delegate.decode(token); // throws for a bad signature, issuer or time: nothing is remembered then
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
        return jwt;
    }
}
