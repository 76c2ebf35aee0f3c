package cn.tongban.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.tongban.IntegrationTest;
import cn.tongban.sharing.PushFixture.Recorded;
import cn.tongban.sharing.WebhookReceiver.Behaviour;
import cn.tongban.sharing.WebhookReceiver.Received;

/**
 * 建房〔2020〕61号 四、六: filing data shared "实时" — a filed contract is pushed to the departments that subscribed,
 * signed with HMAC-SM3, at least once with a stable event id; a failing endpoint loses nothing: retried with back-off,
 * parked, replayed. Each test talks to a real HTTP endpoint on localhost ({@link WebhookReceiver}).
 */
@IntegrationTest
class WebhookDeliveryTest extends PushTestSupport {

    @Autowired
    WebhookWorker worker;
    @Autowired
    WebhookProperties properties;

    @Test
    void aFiledContractReachesTheSubscribedWebhookWithAValidSignatureAndTheEventId() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonNode subscription = push.subscribe(receiver.url(), "contract.filed");
            String secret = subscription.get("secret").asText();

            String filingCode = push.fileContract();
            Recorded event = push.awaitEvent("contract.filed", filingCode);
            PushFixture.deliverUntil(worker, () -> !receiver.of(event.id()).isEmpty(), "the delivery");

            Received received = receiver.of(event.id()).get(0);
            assertThatCode(() -> new WebhookSignature(secret).verify(received.timestamp(), received.nonce(), received.signature(),
                    received.body())).doesNotThrowAnyException();
            assertThat(received.eventType()).isEqualTo("contract.filed");
            JsonNode body = push.json.readTree(received.body());
            assertThat(body.get("id").asText()).isEqualTo(event.id());
            assertThat(body.get("type").asText()).isEqualTo("contract.filed");
            assertThat(body.get("cursor").asLong()).isEqualTo(event.cursor());
            assertThat(OffsetDateTime.parse(body.get("occurredAt").asText()).getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
            // codes and dates only: no party, no price (建房〔2020〕61号 八: 加强个人隐私信息保护)
            assertThat(body.get("data").fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("filingCode", "contractType", "unitCode", "districtCode", "signedOn");
            assertThat(body.get("data").get("filingCode").asText()).isEqualTo(filingCode);
            assertThat(received.text()).doesNotContain("买受人", "1580000");

            http.perform(get("/api/v1/sharing/subscriptions/" + subscription.get("id").asText() + "/deliveries")
                            .with(push.as(push.bank)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[0].eventId").value(event.id()))
                    .andExpect(jsonPath("$.items[0].state").value("DELIVERED"))
                    .andExpect(jsonPath("$.items[0].attempts").value(1));
        }
    }

    @Test
    void aReplayFromACursorSendsTheSameEventIdAgainWithAFreshNonce() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonNode subscription = push.subscribe(receiver.url(), "contract.filed");
            String id = subscription.get("id").asText();
            Recorded event = push.awaitEvent("contract.filed", push.fileContract());
            PushFixture.deliverUntil(worker, () -> "DELIVERED".equals(push.deliveryState(id, event.cursor())), "the first delivery");

            push.postAs(push.bank, "/api/v1/sharing/subscriptions/" + id + "/replay?after=" + (event.cursor() - 1), "")
                    .andExpect(status().isOk()).andExpect(jsonPath("$.replayed").value(1));
            PushFixture.deliverUntil(worker, () -> receiver.of(event.id()).size() == 2, "the replayed delivery");

            List<Received> both = receiver.of(event.id());
            assertThat(both.get(0).nonce()).isNotEqualTo(both.get(1).nonce());
            assertThat(both.get(1).text()).isEqualTo(both.get(0).text());
            WebhookSignature verifier = new WebhookSignature(subscription.get("secret").asText());
            for (Received received : both) {
                verifier.verify(received.timestamp(), received.nonce(), received.signature(), received.body());
            }
        }
    }

    @Test
    void aSubscriptionToAnotherTypeGetsNothing() throws Exception {
        try (WebhookReceiver cancellations = WebhookReceiver.start(); WebhookReceiver filings = WebhookReceiver.start()) {
            String other = push.subscribe(cancellations.url(), "contract.cancelled").get("id").asText();
            push.subscribe(filings.url(), "contract.filed");

            Recorded event = push.awaitEvent("contract.filed", push.fileContract());
            // the same event does reach the subscriber of its type …
            PushFixture.deliverUntil(worker, () -> !filings.of(event.id()).isEmpty(), "the filing subscriber's delivery");
            while (worker.deliverDue() > 0) {
                // … and nothing else is due
            }
            // (a cancellation filed by an earlier test may arrive; nothing of this filing or of its type does)
            assertThat(cancellations.received()).allSatisfy(received -> {
                assertThat(received.eventType()).isEqualTo("contract.cancelled");
                assertThat(received.eventId()).isNotEqualTo(event.id());
            });
            assertThat(push.deliveryState(other, event.cursor())).isNull();
        }
    }

    /** How a department's endpoint fails. */
    enum Failure { ANSWERS_500, TIMES_OUT, UNREACHABLE }

    @ParameterizedTest
    @EnumSource(Failure.class)
    void aFailingEndpointLosesNothingIsRetriedWithBackOffParkedAndReplayedWhenItRecovers(Failure failure) throws Exception {
        WebhookReceiver receiver = WebhookReceiver.start();
        int port = Integer.parseInt(receiver.url().replaceAll(".*:(\\d+)/.*", "$1"));
        switch (failure) {
            case ANSWERS_500 -> receiver.answer(Behaviour.ERROR);
            case TIMES_OUT -> receiver.answer(Behaviour.SLOW);
            case UNREACHABLE -> receiver.close();
        }
        try {
            JsonNode subscription = push.subscribe(receiver.url(), "contract.filed");
            String id = subscription.get("id").asText();
            Recorded event = push.awaitEvent("contract.filed", push.fileContract());

            PushFixture.deliverUntil(worker, () -> "PARKED".equals(push.deliveryState(id, event.cursor())), "the delivery to be parked");

            List<Attempt> attempts = attempts(id, event.cursor());
            assertThat(attempts).hasSize(properties.maxAttempts());
            Iterator<Attempt> each = attempts.iterator();
            Attempt previous = each.next();
            for (int failures = 1; each.hasNext(); failures++) {
                Attempt next = each.next();
                // the next attempt waits the back-off after the previous one ended: 150 ms, then 300 ms (application-test.yml)
                // (less 1 ms: the database keeps microseconds)
                Duration waited = Duration.between(previous.sentAt().plus(Duration.ofMillis(previous.durationMs())), next.sentAt());
                assertThat(waited).as("wait after failure " + failures)
                        .isGreaterThanOrEqualTo(properties.backoff(failures).minusMillis(1));
                previous = next;
            }
            assertThat(attempts).allSatisfy(attempt -> assertThat(attempt.error()).contains(switch (failure) {
                case ANSWERS_500 -> "HTTP 500";
                case TIMES_OUT -> "HttpTimeoutException";
                case UNREACHABLE -> "ConnectException";
            }));
            http.perform(get("/api/v1/sharing/subscriptions/" + id + "/deliveries").param("state", "PARKED"))
                    .andExpect(jsonPath("$.items[0].eventId").value(event.id()))
                    .andExpect(jsonPath("$.items[0].state").value("PARKED"))
                    .andExpect(jsonPath("$.items[0].failures").value(properties.maxAttempts()))
                    .andExpect(jsonPath("$.items[0].lastError").isNotEmpty());
            // parked: no round sends it again by itself
            worker.deliverDue();
            assertThat(attempts(id, event.cursor())).hasSize(properties.maxAttempts());

            if (failure == Failure.UNREACHABLE) {
                receiver = WebhookReceiver.startOn(port);
            } else {
                receiver.answer(Behaviour.OK);
            }
            http.perform(post("/api/v1/sharing/subscriptions/" + id + "/replay-parked"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.replayed").value(1));
            PushFixture.deliverUntil(worker, () -> "DELIVERED".equals(push.deliveryState(id, event.cursor())), "the replayed delivery");

            List<Received> received = receiver.of(event.id());
            Received delivered = received.get(received.size() - 1);
            new WebhookSignature(subscription.get("secret").asText()).verify(delivered.timestamp(), delivered.nonce(),
                    delivered.signature(), delivered.body());
            assertThat(push.json.readTree(delivered.body()).get("id").asText()).isEqualTo(event.id());
            assertThat(attempts(id, event.cursor())).hasSize(properties.maxAttempts() + 1)
                    .last().satisfies(attempt -> assertThat(attempt.status()).isEqualTo(204));
        } finally {
            receiver.close();
        }
    }

    record Attempt(int attempt, OffsetDateTime sentAt, long durationMs, Integer status, String error) {
    }

    private List<Attempt> attempts(String subscriptionId, long cursor) {
        return jdbc.sql("""
                SELECT attempt, sent_at, duration_ms, status, error FROM webhook_attempt
                 WHERE subscription_id = ? AND event_cursor = ? ORDER BY attempt""")
                .params(UUID.fromString(subscriptionId), cursor)
                .query((rs, n) -> new Attempt(rs.getInt("attempt"), rs.getObject("sent_at", OffsetDateTime.class),
                        rs.getLong("duration_ms"), (Integer) rs.getObject("status"), rs.getString("error")))
                .list();
    }
}
