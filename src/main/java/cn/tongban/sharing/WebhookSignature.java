package cn.tongban.sharing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * 推送签名: how Tongban signs each webhook delivery, and the check a department's system runs on receipt — this class
 * depends on nothing but the JDK and BouncyCastle ({@code bcprov}), so a department may copy it as it is.
 *
 * <p>Every delivery is an HTTP {@code POST} of a JSON event with these headers:
 * <ul>
 * <li>{@code X-Tongban-Event-Id}: the event's stable UUID — the same on every retry and replay; de-duplicate by it
 *     (delivery is at least once);</li>
 * <li>{@code X-Tongban-Timestamp}: when this attempt was signed, Unix seconds;</li>
 * <li>{@code X-Tongban-Nonce}: 32 random hex digits, new for every attempt;</li>
 * <li>{@code X-Tongban-Signature}: HMAC-SM3 (SM3 of GB/T 32905-2016 in HMAC, RFC 2104), 64 lower-case hex digits,
 *     keyed with the UTF-8 bytes of the subscription's secret (shown once, when the subscription is created), over
 *     {@code timestamp + "\n" + nonce + "\n" + body} — the body as the raw bytes received, before any JSON parsing.</li>
 * </ul>
 *
 * <p>Verification recipe ({@link #verify}): (1) refuse a timestamp more than 5 minutes from your clock; (2) compute
 * the HMAC as above and compare it in constant time; (3) refuse a nonce already seen within those 5 minutes — a
 * captured request replayed as it is; (4) then process the event once per event id. Only (1)–(3) are here; the
 * nonces are kept in memory unless a {@link NonceStore} shared by the receiving nodes is given.
 *
 * <pre>{@code
 * WebhookSignature signatures = new WebhookSignature(secret);        // one per subscription, kept for the process
 * signatures.verify(request.getHeader("X-Tongban-Timestamp"), request.getHeader("X-Tongban-Nonce"),
 *         request.getHeader("X-Tongban-Signature"), rawBody);        // throws WebhookSignature.Rejected
 * }</pre>
 */
public final class WebhookSignature {

    public static final String EVENT_ID = "X-Tongban-Event-Id";
    public static final String EVENT_TYPE = "X-Tongban-Event-Type";
    public static final String TIMESTAMP = "X-Tongban-Timestamp";
    public static final String NONCE = "X-Tongban-Nonce";
    public static final String SIGNATURE = "X-Tongban-Signature";
    /** How far a timestamp may be from the receiver's clock, either way. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final Pattern NONCE_FORMAT = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern SIGNATURE_FORMAT = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern TIMESTAMP_FORMAT = Pattern.compile("[0-9]{1,12}");
    private static final HexFormat HEX = HexFormat.of();

    /** Why a delivery was refused. */
    public enum Reason {
        /** A header is missing or not in its format. */
        MALFORMED,
        /** The timestamp is more than {@link #TOLERANCE} from the receiver's clock. */
        STALE,
        /** The signature does not match the body, timestamp and nonce: wrong secret or altered in transit. */
        MISMATCH,
        /** The nonce was seen before: the same request sent again. */
        REPLAYED
    }

    /** A delivery that must not be processed; answer it with 401. */
    public static final class Rejected extends RuntimeException {

        private final Reason reason;

        Rejected(Reason reason) {
            super("webhook delivery rejected: " + reason, null, false, false);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** Remembers nonces until they expire; shared by all nodes that receive for one subscription. */
    public interface NonceStore {

        /** Records the nonce unless it is already recorded; whether it was new. */
        boolean firstUse(String nonce, Instant expiresAt);
    }

    private final byte[] key;
    private final Clock clock;
    private final NonceStore nonces;

    /** A verifier for one subscription's secret, with the system clock and nonces kept in memory. */
    public WebhookSignature(String secret) {
        this(secret, Clock.systemUTC());
    }

    /** A verifier with nonces kept in memory, on this clock. */
    public WebhookSignature(String secret, Clock clock) {
        this(secret, clock, new MemoryNonces(clock));
    }

    public WebhookSignature(String secret, Clock clock, NonceStore nonces) {
        this.key = Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    /** The signature header's value for this attempt: HMAC-SM3 over timestamp, nonce and body, lower-case hex. */
    public static String sign(String secret, long timestamp, String nonce, byte[] body) {
        return HEX.formatHex(mac(secret.getBytes(StandardCharsets.UTF_8), timestamp, nonce, body));
    }

    /**
     * Accepts the delivery or throws: checks the timestamp, the signature and then the nonce (only a correctly
     * signed nonce is remembered, so a forged request cannot use up a real one).
     *
     * @throws Rejected with the {@link Reason}
     */
    public void verify(String timestamp, String nonce, String signature, byte[] body) {
        if (timestamp == null || nonce == null || signature == null || body == null
                || !TIMESTAMP_FORMAT.matcher(timestamp).matches() || !NONCE_FORMAT.matcher(nonce).matches()
                || !SIGNATURE_FORMAT.matcher(signature).matches()) {
            throw new Rejected(Reason.MALFORMED);
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        Instant now = clock.instant();
        if (Duration.between(signedAt, now).abs().compareTo(TOLERANCE) > 0) {
            throw new Rejected(Reason.STALE);
        }
        if (!MessageDigest.isEqual(mac(key, signedAt.getEpochSecond(), nonce, body), HEX.parseHex(signature))) {
            throw new Rejected(Reason.MISMATCH);
        }
        // kept until no timestamp signed with it could still pass step (1)
        if (!nonces.firstUse(nonce, signedAt.plus(TOLERANCE).plus(TOLERANCE))) {
            throw new Rejected(Reason.REPLAYED);
        }
    }

    private static byte[] mac(byte[] key, long timestamp, String nonce, byte[] body) {
        HMac hmac = new HMac(new SM3Digest());
        hmac.init(new KeyParameter(key));
        byte[] head = (timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8);
        hmac.update(head, 0, head.length);
        hmac.update(body, 0, body.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }

    /** Nonces of one process, dropped once expired. */
    private static final class MemoryNonces implements NonceStore {

        private final Map<String, Instant> seen = new LinkedHashMap<>();
        private final Clock clock;

        MemoryNonces(Clock clock) {
            this.clock = clock;
        }

        @Override
        public synchronized boolean firstUse(String nonce, Instant expiresAt) {
            Instant now = clock.instant();
            // oldest first: stop at the first that is still live
            for (Iterator<Instant> expiry = seen.values().iterator(); expiry.hasNext() && expiry.next().isBefore(now); ) {
                expiry.remove();
            }
            return seen.putIfAbsent(nonce, expiresAt) == null;
        }
    }
}
