package cn.tongban.sharing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the push tests share: the platform (each subclass is an {@code @IntegrationTest}) and a bank of their own
 * whose subscriptions are disabled after each test.
 */
abstract class PushTestSupport {

    @Autowired
    MockMvc http;
    @Autowired
    JdbcClient jdbc;

    PushFixture push;

    @BeforeEach
    void fixture() {
        push = new PushFixture(http, jdbc);
    }

    @AfterEach
    void unsubscribe() throws Exception {
        push.close();
    }
}
