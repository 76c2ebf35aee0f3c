package cn.tongban.sharing;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 共享事件: one event as a department receives it — the body of a webhook delivery and one item of the pull feed.
 *
 * @param id         stable for the event, on every retry and replay: de-duplicate by it (delivery is at least once)
 * @param type       its {@link EventFeedType} code, e.g. {@code contract.filed}
 * @param cursor     its place in the feed: increasing in the order events were recorded (with gaps)
 * @param occurredAt when it happened (China Standard Time)
 * @param data       codes and dates only, never personal data — details come from the granted real-time interfaces
 */
record OutboxEvent(UUID id, String type, long cursor, OffsetDateTime occurredAt, JsonNode data) {
}
