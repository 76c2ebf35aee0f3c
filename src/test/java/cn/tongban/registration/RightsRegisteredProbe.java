package cn.tongban.registration;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test sources only: the {@link RightsRegistered} events published, for the workflow test to find its own. */
@Component
class RightsRegisteredProbe {

    final List<RightsRegistered> received = new CopyOnWriteArrayList<>();

    @EventListener
    void on(RightsRegistered event) {
        received.add(event);
    }
}
