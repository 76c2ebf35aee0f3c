package cn.tongban.sharing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.tongban.TongbanApplication;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/**
 * 推送投递: sends each pending webhook delivery to its department — {@code POST} of the {@link OutboxEvent} as JSON,
 * signed per {@link WebhookSignature} — and keeps its state in PostgreSQL (建房〔2020〕61号 四、六: 实时共享).
 *
 * <p>A round claims due deliveries with {@code FOR UPDATE SKIP LOCKED} and leases them (their next attempt moves past
 * both HTTP timeouts) in one short transaction, sends them all at once with no transaction open, and records each
 * answer in its own: several nodes may run rounds side by side, and a node that dies mid-send leaves its claims to
 * expire and be taken again (at least once — the event id is how a department de-duplicates). A 2xx answer
 * delivers; anything else — another status, a timeout, a refused connection — is a failure, retried after
 * {@link WebhookProperties#backoff exponential back-off} and parked after {@code max-attempts} failures, until an
 * administrator replays it ({@link Subscriptions#replayParked}). Every attempt is logged in {@code webhook_attempt}.
 */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookWorker {

    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final int MAX_ERROR = 500;

    /** A delivery this worker has claimed: attempt number {@code attempt}, after {@code failures} failures. */
    private record Claim(UUID subscriptionId, long cursor, int attempt, int failures, String url, String sealedSecret,
            OutboxEvent event) {
    }

    /** What one attempt sent and got back: a status, or the error that stood in for one. */
    private record Outcome(Instant sentAt, long durationMs, String nonce, String signature, Integer status, String error) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final WebhookProperties properties;
    private final PersonalDataCipher cipher;
    private final ObjectMapper json;
    private final Outbox outbox;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    WebhookWorker(JdbcClient jdbc, TransactionTemplate transactions, WebhookProperties properties, PersonalDataCipher cipher,
            ObjectMapper json, Outbox outbox) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.cipher = cipher;
        this.json = json;
        this.outbox = outbox;
        // redirects are not followed: a department's endpoint is registered, not discovered
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @Scheduled(cron = "${tongban.sharing.webhook.schedule}", zone = TongbanApplication.ZONE)
    void scheduled() {
        try {
            while (deliverDue() == properties.batchSize()) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            log.error("Webhook delivery round failed; the claimed deliveries are retried when their lease expires", e);
        }
    }

    /**
     * One round: claims up to {@code batch-size} due deliveries, sends them concurrently, records each outcome.
     *
     * @return how many were attempted
     */
    int deliverDue() {
        List<Claim> claims = transactions.execute(status -> claim());
        List<CompletableFuture<Outcome>> sends = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            sends.add(send(claim));
        }
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            Outcome outcome = sends.get(i).join();
            transactions.executeWithoutResult(status -> record(claim, outcome));
        }
        return claims.size();
    }

    private List<Claim> claim() {
        return jdbc.sql("""
                WITH due AS (
                    SELECT d.subscription_id, d.event_cursor
                      FROM webhook_delivery d JOIN sharing_subscription s ON s.id = d.subscription_id
                     WHERE d.state = 'PENDING' AND d.next_attempt_at <= now() AND s.disabled_at IS NULL
                     ORDER BY d.next_attempt_at, d.event_cursor
                     LIMIT ?
                       FOR UPDATE OF d SKIP LOCKED)
                UPDATE webhook_delivery d
                   SET attempts = d.attempts + 1, last_attempt_at = now(),
                       next_attempt_at = now() + ?::double precision * interval '1 millisecond'
                  FROM due, sharing_subscription s, sharing_event e
                 WHERE d.subscription_id = due.subscription_id AND d.event_cursor = due.event_cursor
                   AND s.id = d.subscription_id AND e.cursor = d.event_cursor
                RETURNING d.subscription_id, d.event_cursor, d.attempts, d.failures, s.webhook_url, s.secret_sealed,
                          e.cursor, e.id, e.type, e.occurred_at, e.payload::text AS payload""")
                .params(properties.batchSize(), properties.lease().toMillis())
                .query(this::claim).list();
    }

    private Claim claim(ResultSet rs, int row) throws SQLException {
        return new Claim(rs.getObject("subscription_id", UUID.class), rs.getLong("event_cursor"), rs.getInt("attempts"),
                rs.getInt("failures"), rs.getString("webhook_url"), rs.getString("secret_sealed"), outbox.event(rs, row));
    }

    private CompletableFuture<Outcome> send(Claim claim) {
        Instant sentAt = Instant.now();
        long started = System.nanoTime();
        byte[] nonceBytes = new byte[16];
        random.nextBytes(nonceBytes);
        String nonce = HEX.formatHex(nonceBytes);
        String signature;
        HttpRequest request;
        try {
            byte[] body = json.writeValueAsBytes(claim.event());
            signature = WebhookSignature.sign(cipher.decrypt(claim.sealedSecret()), sentAt.getEpochSecond(), nonce, body);
            request = HttpRequest.newBuilder(URI.create(claim.url())).timeout(properties.readTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Tongban-Webhook/1")
                    .header(WebhookSignature.EVENT_ID, claim.event().id().toString())
                    .header(WebhookSignature.EVENT_TYPE, claim.event().type())
                    .header(WebhookSignature.TIMESTAMP, Long.toString(sentAt.getEpochSecond()))
                    .header(WebhookSignature.NONCE, nonce)
                    .header(WebhookSignature.SIGNATURE, signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (JsonProcessingException | RuntimeException e) {
            return CompletableFuture.completedFuture(new Outcome(sentAt, 0, nonce, null, null, describe(e)));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> new Outcome(sentAt, Duration.ofNanos(System.nanoTime() - started).toMillis(), nonce,
                        signature, response == null ? null : response.statusCode(),
                        failure != null ? describe(failure) : response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode()));
    }

    private void record(Claim claim, Outcome outcome) {
        jdbc.sql("""
                INSERT INTO webhook_attempt (subscription_id, event_cursor, attempt, sent_at, duration_ms, nonce, signature,
                                             status, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(claim.subscriptionId(), claim.cursor(), claim.attempt(), outcome.sentAt().atOffset(ZoneOffset.UTC),
                        outcome.durationMs(), outcome.nonce(), outcome.signature(), outcome.status(), outcome.error())
                .update();
        int failures = outcome.delivered() ? 0 : claim.failures() + 1;
        boolean parked = !outcome.delivered() && failures >= properties.maxAttempts();
        String state = outcome.delivered() ? "DELIVERED" : parked ? "PARKED" : "PENDING";
        // only if still this worker's claim: a lease that expired was taken again, and that attempt will record
        int updated = jdbc.sql("""
                UPDATE webhook_delivery
                   SET state = ?, failures = ?, last_status = ?, last_error = ?,
                       next_attempt_at = now() + ?::double precision * interval '1 millisecond',
                       delivered_at = CASE WHEN ?::boolean THEN now() END, parked_at = CASE WHEN ?::boolean THEN now() END
                 WHERE subscription_id = ? AND event_cursor = ? AND attempts = ? AND state = 'PENDING'""")
                .params(state, failures, outcome.status(), outcome.error(), outcome.delivered() ? 0 : properties.backoff(failures).toMillis(),
                        outcome.delivered(), parked, claim.subscriptionId(), claim.cursor(), claim.attempt())
                .update();
        if (parked && updated > 0) {
            log.warn("Webhook delivery of event {} to subscription {} parked after {} failures: {}", claim.event().id(),
                    claim.subscriptionId(), failures, outcome.error());
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
