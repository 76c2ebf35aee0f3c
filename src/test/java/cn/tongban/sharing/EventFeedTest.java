package cn.tongban.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.identity.Permissions;
import cn.tongban.identity.TestCallers;

/**
 * The pull feed {@code GET /api/v1/sharing/events?after=} (issue #5 item 6): the same events as the webhooks, for
 * systems that cannot receive a push — in order, and never skipping one, even while events are being recorded.
 */
@IntegrationTest
class EventFeedTest extends PushTestSupport {

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theFeedServesTheSubscribedTypesInOrderAfterTheCursor() throws Exception {
        push.subscribe(null, "contract.filed");
        long start = lastCursor();
        String first = push.fileContract();
        PushFixture.Recorded one = push.awaitEvent("contract.filed", first);
        String second = push.fileContract();
        PushFixture.Recorded two = push.awaitEvent("contract.filed", second);
        record("TEST-" + TestData.next() + "-"); // an amendment: not subscribed

        JsonNode page = feed(start, 1);
        assertThat(page.get("events")).hasSize(1);
        assertThat(page.get("events").get(0).get("id").asText()).isEqualTo(one.id());
        assertThat(page.get("events").get(0).get("data").get("filingCode").asText()).isEqualTo(first);
        assertThat(page.get("nextCursor").asLong()).isEqualTo(one.cursor());

        JsonNode rest = feed(page.get("nextCursor").asLong(), 100);
        assertThat(rest.get("events")).extracting(e -> e.get("id").asText()).containsExactly(two.id());
        assertThat(rest.get("events")).allSatisfy(e -> assertThat(e.get("type").asText()).isEqualTo("contract.filed"));
        assertThat(rest.get("nextCursor").asLong()).isEqualTo(two.cursor());

        JsonNode empty = feed(two.cursor(), 100);
        assertThat(empty.get("events")).isEmpty();
        assertThat(empty.get("nextCursor").asLong()).isEqualTo(two.cursor());
    }

    /**
     * Four writers record events in transactions that stay open for a random few milliseconds after the insert,
     * while a reader keeps asking for what came after its cursor: had a cursor become visible after a higher one, the
     * reader would have stepped over it (without the outbox's cursor lock this test fails). It must see every event,
     * each once, in increasing cursor order.
     */
    @Test
    void aReaderPagingWhileEventsAreRecordedNeverSkipsOne() throws Exception {
        push.subscribe(null, "contract.amended");
        long start = lastCursor();
        String prefix = "TEST-" + TestData.next() + "-";
        int writers = 4; // the test pool has 5 connections: one is left for the reader
        int each = 30;
        AtomicBoolean writing = new AtomicBoolean(true);
        Set<String> recorded = ConcurrentHashMap.newKeySet();
        List<String> read = new ArrayList<>();
        List<Long> cursors = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(writers + 1);
        try {
            Future<?> reader = threads.submit(() -> {
                long after = start;
                boolean last = false;
                while (!last) {
                    last = !writing.get(); // one more page after the writers are done
                    JsonNode page = feed(after, EventFeedController.MAX_LIMIT);
                    page.get("events").forEach(e -> {
                        read.add(e.get("data").get("filingCode").asText());
                        cursors.add(e.get("cursor").asLong());
                    });
                    after = page.get("nextCursor").asLong();
                    if (page.get("events").size() == EventFeedController.MAX_LIMIT) {
                        last = false;
                    }
                    sleep(10); // a polite client: the feed is rate-limited per client
                }
                return null;
            });
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                writes.add(threads.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        recorded.add(transactions.execute(status -> {
                            String code = record(prefix);
                            sleep(ThreadLocalRandom.current().nextInt(15));
                            return code;
                        }));
                    }
                    return null;
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
            writing.set(false);
            reader.get();
        } finally {
            threads.shutdownNow();
        }
        assertThat(recorded).hasSize(writers * each);
        assertThat(read.stream().filter(code -> code.startsWith(prefix))).as("every event once")
                .containsExactlyInAnyOrderElementsOf(recorded);
        assertThat(cursors).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aCursorOrLimitOutOfRangeIsRefusedNamingTheParameter() throws Exception {
        http.perform(get("/api/v1/sharing/events").param("after", "-1").with(push.as(push.bank)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("after"))
                .andExpect(jsonPath("$.errors[0].code").value("event-feed.after-negative"));
        http.perform(get("/api/v1/sharing/events").param("limit", "501").with(push.as(push.bank)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].code").value("event-feed.limit"));
        http.perform(get("/api/v1/sharing/events").with(push.as(TestCallers.withPermissions(Permissions.CONTRACT_QUERY))))
                .andExpect(status().isForbidden());
    }

    /** Records an amendment of a made-up filing code in the outbox, as the filing listener would; the code. */
    private String record(String prefix) {
        String filingCode = prefix + TestData.next();
        outbox.record(new Outbox.Entry(EventFeedContracts.AMENDED, Outbox.eventId(EventFeedContracts.AMENDED, filingCode, 2),
                OffsetDateTime.now(Outbox.ZONE), null, Map.of("filingCode", filingCode, "version", 2)));
        return filingCode;
    }

    private JsonNode feed(long after, int limit) {
        try {
            return push.body(http.perform(get("/api/v1/sharing/events").param("after", Long.toString(after))
                    .param("limit", Integer.toString(limit)).with(push.as(push.bank))).andExpect(status().isOk()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long lastCursor() {
        return jdbc.sql("SELECT coalesce(max(cursor), 0) FROM sharing_event").query(Long.class).single();
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
