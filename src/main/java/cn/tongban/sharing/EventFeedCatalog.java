package cn.tongban.sharing;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Every event type departments may subscribe to, gathered from the {@link EventFeedSource}s. */
@Component
class EventFeedCatalog {

    private final Map<String, EventFeedType> types = new LinkedHashMap<>();

    EventFeedCatalog(List<EventFeedSource> sources) {
        sources.stream().flatMap(source -> source.types().stream()).sorted(Comparator.comparing(EventFeedType::code))
                .forEach(type -> {
                    if (types.putIfAbsent(type.code(), type) != null) {
                        throw new IllegalStateException("event type declared twice: " + type.code());
                    }
                });
    }

    List<EventFeedType> all() {
        return List.copyOf(types.values());
    }

    Optional<EventFeedType> find(String code) {
        return Optional.ofNullable(types.get(code));
    }
}
