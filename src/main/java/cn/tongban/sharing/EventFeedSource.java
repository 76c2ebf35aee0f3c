package cn.tongban.sharing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one module's domain events into outbox events: a bean that listens to the module's public events and calls
 * {@link Outbox#record}, and declares here the types it records. A new kind of event (seizure set or released,
 * tax paid, registration done …) is one more such bean; subscriptions and the feed pick its types up from the
 * {@link EventFeedCatalog}. A class, not an interface, so that its asynchronous listeners are always proxied by
 * class and stay invocable.
 */
abstract class EventFeedSource {

    abstract List<EventFeedType> types();

    /** An event's data, in the order given: key, value, key, value … */
    static Map<String, Object> data(Object... keysAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
    }
}
