package cn.tongban.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.tongban.TestData;
import cn.tongban.filing.FilingFixture;
import cn.tongban.identity.ActorKind;
import cn.tongban.identity.Caller;
import cn.tongban.identity.DepartmentType;
import cn.tongban.identity.Permissions;
import cn.tongban.identity.TestCallers;

/**
 * A bank of its own (a new credit code, so no other test's subscriptions mix in) whose system subscribes to events,
 * contracts filed through the API, and the wait for the outbox. Disables what it subscribed on {@link #close}, so
 * later events of the suite are not delivered to endpoints that are gone.
 */
final class PushFixture implements AutoCloseable {

    /** An event in the outbox. */
    record Recorded(String id, long cursor) {
    }

    final MockMvc http;
    final JdbcClient jdbc;
    final ObjectMapper json = new ObjectMapper();
    final Caller bank = departmentSystem(TestData.creditCode());
    /**
     * The address this fixture's requests come from: the sharing endpoints are rate-limited per client
     * (RequestLimits), and one test polling the feed must not use up the budget of the tests after it.
     */
    private final String address = "10.77." + (TestData.next() / 250 % 250) + "." + (TestData.next() % 250 + 1);
    private final List<String> subscribed = new ArrayList<>();

    PushFixture(MockMvc http, JdbcClient jdbc) {
        this.http = http;
        this.jdbc = jdbc;
    }

    /** A department's system with only its own subscriptions to manage (sharing:subscription:own). */
    static Caller departmentSystem(String creditCode) {
        return new Caller("bank-system-" + creditCode, ActorKind.SYSTEM, creditCode, "测试银行" + creditCode, DepartmentType.BANK,
                Set.of(), true, Set.of("bank-officer"), Set.of(Permissions.SUBSCRIPTION_OWN), Set.of(), null);
    }

    /** The bank subscribes these types to the webhook ({@code null}: pull only); the created subscription with its secret. */
    JsonNode subscribe(String webhookUrl, String... types) throws Exception {
        JsonNode created = body(subscribeAs(bank, webhookUrl, types).andExpect(status().isCreated()));
        subscribed.add(created.get("id").asText());
        return created;
    }

    ResultActions subscribeAs(Caller caller, String webhookUrl, String... types) throws Exception {
        return postAs(caller, "/api/v1/sharing/subscriptions", """
                {"name":"个人住房贷款审核系统","eventTypes":%s%s}""".formatted(json.writeValueAsString(types),
                webhookUrl == null ? "" : ",\"webhookUrl\":\"" + webhookUrl + "\""));
    }

    ResultActions postAs(Caller caller, String path, String body) throws Exception {
        return http.perform(post(path).with(as(caller)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** Signed in as the caller, from this fixture's address. */
    RequestPostProcessor as(Caller caller) {
        RequestPostProcessor signIn = TestCallers.as(caller);
        return request -> {
            request.setRemoteAddr(address);
            return signIn.postProcessRequest(request);
        };
    }

    /** Files a new home's sale through the filing API (as the city's housing administrator); its filing code. */
    String fileContract() throws Exception {
        FilingFixture filing = new FilingFixture(http);
        String unit = filing.unitsOnSale(1).get(0);
        filing.fileSale(unit, TestData.citizenId("19880512"));
        return jdbc.sql("SELECT filing_code FROM contract WHERE unit_code = ?").param(unit).query(String.class).single();
    }

    /** Waits (up to 15 s) for the sharing module's listener to put the filing's event in the outbox. */
    Recorded awaitEvent(String type, String filingCode) throws InterruptedException {
        await(() -> find(type, filingCode) != null, "event " + type + " of " + filingCode + " in the outbox");
        return find(type, filingCode);
    }

    private Recorded find(String type, String filingCode) {
        return jdbc.sql("SELECT id, cursor FROM sharing_event WHERE type = ? AND payload ->> 'filingCode' = ?")
                .params(type, filingCode).query((rs, n) -> new Recorded(rs.getString("id"), rs.getLong("cursor"))).optional()
                .orElse(null);
    }

    /** The state of an event's delivery to a subscription, or {@code null} if it has none. */
    String deliveryState(String subscriptionId, long cursor) {
        return jdbc.sql("SELECT state FROM webhook_delivery WHERE subscription_id = ? AND event_cursor = ?")
                .params(UUID.fromString(subscriptionId), cursor).query(String.class).optional().orElse(null);
    }

    /** Runs worker rounds, as the schedule would, until the condition holds (at most 20 s). */
    static void deliverUntil(WebhookWorker worker, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waited 20 s for " + what).isLessThan(deadline);
            worker.deliverDue();
            Thread.sleep(20);
        }
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waited 15 s for " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** Disables this bank's subscriptions that are still enabled (as an administrator). */
    @Override
    public void close() throws Exception {
        for (String id : subscribed) {
            if (jdbc.sql("SELECT disabled_at IS NULL FROM sharing_subscription WHERE id = ?").param(UUID.fromString(id))
                    .query(Boolean.class).single()) {
                http.perform(post("/api/v1/sharing/subscriptions/" + id + "/disable")).andExpect(status().isOk());
            }
        }
    }
}
