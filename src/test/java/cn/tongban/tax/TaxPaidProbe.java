package cn.tongban.tax;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test sources only: the {@link TaxPaid} events published, for the declaration test to find its own. */
@Component
class TaxPaidProbe {

    final List<TaxPaid> received = new CopyOnWriteArrayList<>();

    @EventListener
    void on(TaxPaid paid) {
        received.add(paid);
    }
}
