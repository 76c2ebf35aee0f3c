package cn.tongban.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import cn.tongban.sharing.WebhookSignature.Reason;
import cn.tongban.sharing.WebhookSignature.Rejected;

/**
 * The check a department runs on each delivery (issue #5 item 6: "HMAC-SM3 over body and timestamp, with a nonce
 * against replay"): a signed request passes once; the same request again, an altered body, another secret or an
 * old timestamp do not.
 */
class WebhookSignatureTest {

    static final String SECRET = "dGVzdC1zZWNyZXQtb2YtYS1zdWJzY3JpcHRpb24tMzItYnl0ZXM";
    static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");
    static final byte[] BODY = """
            {"id":"8f6f3f52-0c1d-8a4e-9b7a-3c0e4d2a1b00","type":"contract.filed","cursor":42,"data":{"filingCode":"320411-2026-XS-00000042"}}"""
            .getBytes(StandardCharsets.UTF_8);
    static final String NONCE = "5f0c7a1e9b2d4c3a8e6f1d0b2a4c6e8f";

    final WebhookSignature verifier = new WebhookSignature(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSignedDeliveryIsAcceptedOnceAndTheSameNonceAgainIsRejectedAsAReplay() {
        String signature = WebhookSignature.sign(SECRET, NOW.getEpochSecond(), NONCE, BODY);
        assertThat(signature).matches("[0-9a-f]{64}");

        assertThatCode(() -> verifier.verify(Long.toString(NOW.getEpochSecond()), NONCE, signature, BODY)).doesNotThrowAnyException();
        assertThat(rejection(Long.toString(NOW.getEpochSecond()), NONCE, signature, BODY)).isEqualTo(Reason.REPLAYED);
    }

    @Test
    void aTamperedBodyOrAnotherSecretFailsVerification() {
        String signature = WebhookSignature.sign(SECRET, NOW.getEpochSecond(), NONCE, BODY);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("00000042", "00000043").getBytes(StandardCharsets.UTF_8);

        assertThat(rejection(Long.toString(NOW.getEpochSecond()), NONCE, signature, tampered)).isEqualTo(Reason.MISMATCH);
        String otherSecret = WebhookSignature.sign("another-subscription-secret", NOW.getEpochSecond(), NONCE, BODY);
        assertThat(rejection(Long.toString(NOW.getEpochSecond()), NONCE, otherSecret, BODY)).isEqualTo(Reason.MISMATCH);
        // the timestamp is signed too: moving it forward to outlive the window breaks the signature
        assertThat(rejection(Long.toString(NOW.getEpochSecond() + 1), NONCE, signature, BODY)).isEqualTo(Reason.MISMATCH);
        // a forged request does not use up the real one's nonce
        assertThatCode(() -> verifier.verify(Long.toString(NOW.getEpochSecond()), NONCE, signature, BODY)).doesNotThrowAnyException();
    }

    @Test
    void aTimestampMoreThanFiveMinutesAwayIsRejectedAsStale() {
        long old = NOW.minus(Duration.ofMinutes(5)).minusSeconds(1).getEpochSecond();
        assertThat(rejection(Long.toString(old), NONCE, WebhookSignature.sign(SECRET, old, NONCE, BODY), BODY)).isEqualTo(Reason.STALE);
        long ahead = NOW.plus(Duration.ofMinutes(5)).plusSeconds(1).getEpochSecond();
        assertThat(rejection(Long.toString(ahead), NONCE, WebhookSignature.sign(SECRET, ahead, NONCE, BODY), BODY)).isEqualTo(Reason.STALE);
        long edge = NOW.minus(Duration.ofMinutes(5)).getEpochSecond();
        assertThatCode(() -> verifier.verify(Long.toString(edge), NONCE, WebhookSignature.sign(SECRET, edge, NONCE, BODY), BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void missingOrMalformedHeadersAreRejected() {
        String signature = WebhookSignature.sign(SECRET, NOW.getEpochSecond(), NONCE, BODY);
        String now = Long.toString(NOW.getEpochSecond());
        assertThat(rejection(null, NONCE, signature, BODY)).isEqualTo(Reason.MALFORMED);
        assertThat(rejection(now, "short", signature, BODY)).isEqualTo(Reason.MALFORMED);
        assertThat(rejection(now, NONCE, signature.toUpperCase(), BODY)).isEqualTo(Reason.MALFORMED);
        assertThat(rejection("2026-11-24T02:00:00Z", NONCE, signature, BODY)).isEqualTo(Reason.MALFORMED);
    }

    private Reason rejection(String timestamp, String nonce, String signature, byte[] body) {
        Rejected rejected = catchThrowableOfType(Rejected.class, () -> verifier.verify(timestamp, nonce, signature, body));
        assertThat(rejected).as("rejected").isNotNull();
        return rejected.reason();
    }
}
