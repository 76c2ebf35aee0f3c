package cn.tongban.sharing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.TongbanApplication;
import cn.tongban.kernel.crypto.Sm3;

/**
 * 共享事件发件箱 (outbox): the ordered table {@code sharing_event} behind both the webhooks and the pull feed
 * (建房〔2020〕61号 四: 网签信息实时共享; 六: 实时共享房屋网签备案、查封等信息).
 *
 * <p>Cursors are taken under one transaction-scoped advisory lock, so a cursor is committed before the next one is
 * taken: cursors become visible in increasing order and a reader paging with {@code cursor > after} never steps
 * over one that commits later. The lock is held only for the few milliseconds of the insert, in the listener's own
 * transaction after the domain transaction has committed — filings never wait for it.
 */
@Repository
class Outbox {

    /**
     * The thread the {@link EventFeedSource}s record on, after the domain transaction: one, since recording is
     * serialised by the cursor lock anyway. A plain executor, not a {@code TaskExecutor}, so that it is only used
     * where named and Spring's default {@code @Async} executor stays what it was.
     */
    @Configuration(proxyBeanMethods = false)
    static class Recorder {

        static final String EXECUTOR = "outboxRecorder";

        @Bean(name = EXECUTOR, destroyMethod = "shutdown")
        ExecutorService outboxRecorder() {
            // unrecorded events stay incomplete in event_publication and are republished on restart
            return Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "outbox-recorder");
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    /** The advisory lock of the outbox's cursor: the ASCII bytes of "tb-outbx". */
    static final long CURSOR_LOCK = 0x74622d6f_75746278L;
    static final ZoneId ZONE = ZoneId.of(TongbanApplication.ZONE);

    /**
     * What a source records.
     *
     * @param id           {@link #eventId}: the same for the same domain fact, so a redelivered domain event is
     *                     recorded once
     * @param districtCode the county-level district it concerns, if any
     * @param data         codes and dates, never personal data
     */
    record Entry(EventFeedType type, UUID id, OffsetDateTime occurredAt, String districtCode, Map<String, Object> data) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Outbox(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The stable id of the event of this type about this key (e.g. a filing code and version): SM3 of both, cut to
     * an RFC 9562 version-8 UUID, so recording the same fact twice (a republished domain event) yields one event.
     */
    static UUID eventId(EventFeedType type, Object... key) {
        StringBuilder name = new StringBuilder(type.code());
        for (Object part : key) {
            name.append('\n').append(part);
        }
        ByteBuffer digest = ByteBuffer.wrap(Sm3.digest(name.toString().getBytes(StandardCharsets.UTF_8)));
        long high = (digest.getLong() & ~0xF000L) | 0x8000L;
        long low = (digest.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /**
     * Records the event and a pending webhook delivery for every enabled subscription with a webhook that takes its
     * type; nothing if an event with this id is recorded already.
     *
     * @return its cursor, or empty if it was recorded before
     */
    @Transactional
    OptionalLong record(Entry entry) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CURSOR_LOCK).query((rs, row) -> row).single();
        return jdbc.sql("""
                WITH e AS (INSERT INTO sharing_event (cursor, id, type, occurred_at, district_code, payload)
                           VALUES (nextval('sharing_event_cursor_seq'), ?, ?, ?, ?, ?::jsonb)
                           ON CONFLICT (id) DO NOTHING
                           RETURNING cursor, type),
                     d AS (INSERT INTO webhook_delivery (subscription_id, event_cursor, state)
                           SELECT s.id, e.cursor, 'PENDING'
                             FROM e JOIN sharing_subscription s ON e.type = ANY (s.event_types)
                            WHERE s.disabled_at IS NULL AND s.webhook_url IS NOT NULL)
                SELECT cursor FROM e""")
                .params(entry.id(), entry.type().code(), entry.occurredAt(), entry.districtCode(), write(entry.data()))
                .query(Long.class).optional().map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** Events of these types after the cursor, in cursor order. */
    List<OutboxEvent> after(long cursor, List<String> types, int limit) {
        return jdbc.sql("""
                SELECT cursor, id, type, occurred_at, payload::text AS payload FROM sharing_event
                 WHERE cursor > ? AND type = ANY (?) ORDER BY cursor LIMIT ?""")
                .params(cursor, types.toArray(String[]::new), limit).query(this::event).list();
    }

    /** Maps a row with {@code cursor, id, type, occurred_at, payload} (as text). */
    OutboxEvent event(ResultSet rs, int row) throws SQLException {
        try {
            return new OutboxEvent(rs.getObject("id", UUID.class), rs.getString("type"), rs.getLong("cursor"),
                    rs.getObject("occurred_at", OffsetDateTime.class).atZoneSameInstant(ZONE).toOffsetDateTime(),
                    json.readTree(rs.getString("payload")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sharing_event " + rs.getLong("cursor") + " holds no JSON object", e);
        }
    }

    private String write(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data must be plain codes and dates", e);
        }
    }
}
