package cn.tongban.sharing;

import java.util.List;

/**
 * Turns one module's domain events into outbox events: a bean that listens to the module's public events and calls
 * {@link Outbox#record}, and declares here the types it records. A new kind of event (seizure set or released,
 * tax paid, registration done …) is one more such bean; subscriptions and the feed pick its types up from the
 * {@link EventFeedCatalog}. A class, not an interface, so that its asynchronous listeners are always proxied by
 * class and stay invocable.
 */
abstract class EventFeedSource {

    abstract List<EventFeedType> types();
}
