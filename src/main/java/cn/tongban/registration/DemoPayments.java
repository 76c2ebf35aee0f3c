package cn.tongban.registration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the portal's demo payment of the registration fee is open ({@code tongban.registration.demo-payments}: on in
 * the demo and test profiles, off by default). A real deployment confirms fees through the payment platform or the
 * cashier ({@code POST …/payment}, 发改价格规〔2016〕2559号); the demo has neither.
 */
@Component
class DemoPayments {

    private volatile boolean enabled;

    DemoPayments(@Value("${tongban.registration.demo-payments:false}") boolean enabled) {
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    /** Tests switch it, within the suite's one context, to see both ways; nothing else does. */
    void switchTo(boolean on) {
        this.enabled = on;
    }
}
