package cn.tongban.sharing;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/**
 * 事件拉取: the same events as the webhooks, in order, for systems that cannot receive a push (建房〔2020〕61号 一:
 * departments connect "通过网络专线、国家数据共享交换平台…" as they can). A system keeps the last {@code nextCursor}
 * and asks for what came after it; a cursor is never overtaken by an event committed later, so nothing is skipped.
 * Only the types its department subscribes to are served. No personal data is in an event, so reading the feed is
 * not an access to be audited; the details fetched with the codes are.
 */
@RestController
@RequestMapping("/api/v1/sharing")
class EventFeedController {

    static final int MAX_LIMIT = 500;

    /**
     * @param events     in cursor order
     * @param nextCursor the {@code after} of the next request: the last event's cursor, or the same {@code after} if
     *                   there was none
     */
    record EventFeedPage(List<OutboxEvent> events, long nextCursor) {
    }

    private final Outbox outbox;
    private final Subscriptions subscriptions;
    private final EventFeedCatalog catalog;

    EventFeedController(Outbox outbox, Subscriptions subscriptions, EventFeedCatalog catalog) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.catalog = catalog;
    }

    @PreAuthorize(SubscriptionController.SUBSCRIBERS)
    @GetMapping("/events")
    EventFeedPage events(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
        if (after < 0) {
            throw new RuleViolationException(new Violation("after", "event-feed.after-negative"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new RuleViolationException(new Violation("limit", "event-feed.limit", MAX_LIMIT));
        }
        List<String> types = subscriptions.typesOfCallersDepartment();
        List<OutboxEvent> events = types.isEmpty() ? List.of() : outbox.after(after, types, limit);
        return new EventFeedPage(events, events.isEmpty() ? after : events.get(events.size() - 1).cursor());
    }

    /** The types one may subscribe to. */
    @PreAuthorize(SubscriptionController.SUBSCRIBERS)
    @GetMapping("/event-types")
    List<EventFeedType> types() {
        return catalog.all();
    }
}
