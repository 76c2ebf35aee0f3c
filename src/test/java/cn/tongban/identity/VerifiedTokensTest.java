package cn.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    private static final Instant ISSUED = Instant.parse("2026-11-23T08:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    /** Accepts tokens starting with "good", as if their signature checked out; refuses all others. */
    private final JwtDecoder signatureCheck = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("bank-demo").issuedAt(ISSUED)
                .expiresAt(ISSUED.plusSeconds(300)).build();
    };

    @Test
    void aTokenIsVerifiedOnceAndThenRecognisedByItsExactBytes() {
        VerifiedTokens tokens = new VerifiedTokens(signatureCheck, Clock.fixed(ISSUED.plusSeconds(10), ZoneOffset.UTC));
        assertThat(tokens.decode("good.token.sig").getSubject()).isEqualTo("bank-demo");
        assertThat(tokens.decode("good.token.sig").getSubject()).isEqualTo("bank-demo");
        assertThat(verifications).hasValue(1);
        // another signature on the same claims is other bytes: verified afresh, and refused
        assertThatThrownBy(() -> tokens.decode("forged.token.sig")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenIsRefusedFromItsExpiryOn() {
        Clock[] now = {Clock.fixed(ISSUED, ZoneOffset.UTC)};
        VerifiedTokens tokens = new VerifiedTokens(signatureCheck, new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0].instant();
            }
        });
        tokens.decode("good.expiring.sig");
        now[0] = Clock.fixed(ISSUED.plusSeconds(300), ZoneOffset.UTC);
        assertThatThrownBy(() -> tokens.decode("good.expiring.sig")).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(signatureCheck, Clock.systemUTC());
        assertThatThrownBy(() -> tokens.decode("bad.token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("bad.token")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }
}
