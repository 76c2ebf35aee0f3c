package cn.tongban.building;

import java.time.OffsetDateTime;

/**
 * One entry of a unit's append-only status history.
 *
 * @param aspect         which status changed
 * @param oldValue       value before ({@code true}/{@code false} for the 权利状况 flags, a {@link TradeStatus} name)
 * @param newValue       value after
 * @param reason         why, in words
 * @param sourceDocument the document that caused it: a permit number, a filing code, a court ruling number
 * @param recordedBy     who or which module recorded it
 */
public record StatusChange(long id, String unitCode, StatusAspect aspect, String oldValue, String newValue,
        String reason, String sourceDocument, String recordedBy, OffsetDateTime occurredAt) {
}
