package cn.tongban.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.kernel.UnifiedSocialCreditCode;

/** Issue #3 item 7: outside demo mode the platform refuses to start while demo credentials exist. */
@IntegrationTest
class DemoCredentialGuardTest {

    @Autowired
    DemoCredentialGuard guard;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void demoCredentialsOutsideDemoModeStopTheStartWithAClearMessage() {
        assertThatCode(guard::check).doesNotThrowAnyException();
        long department = accounts.department(UnifiedSocialCreditCode.of(TestData.creditCode()), "演示部门" + TestData.next(),
                DepartmentType.TAX, true, List.of());
        long user = accounts.staff("demo-user-" + TestData.next(), "演示", department, "demo", true, List.of("tax-officer"));
        try {
            assertThatThrownBy(guard::check).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Refusing to start")
                    .hasMessageContaining("1 demo user(s)");
        } finally {
            jdbc.sql("DELETE FROM staff_user_role WHERE user_id = ?").param(user).update();
            jdbc.sql("DELETE FROM staff_user WHERE id = ?").param(user).update();
        }
    }
}
