package cn.tongban.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.tongban.IntegrationTest;
import cn.tongban.OwnerDatabase;
import cn.tongban.TestData;
import cn.tongban.identity.Caller;
import cn.tongban.identity.Permissions;
import cn.tongban.identity.TestCallers;

/**
 * Departments subscribe to event types (issue #5 item 6): HTTPS endpoints only, known types only, the secret shown
 * once; a department's system manages its own subscriptions and no other's (建房〔2020〕61号 八: 用户身份认证管理).
 */
@IntegrationTest
class SubscriptionTest extends PushTestSupport {

    @Autowired
    OwnerDatabase owner;

    @Test
    void aPlainHttpWebhookOutsideLocalhostAndAnUnknownTypeAreRefusedAndNothingIsWritten() throws Exception {
        push.subscribeAs(push.bank, "http://loans.bank.example/tongban", "contract.filed", "contract.teleported")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'webhookUrl')].code").value("subscription.url-https-required"))
                .andExpect(jsonPath("$.errors[?(@.field == 'webhookUrl')].message", hasItem(containsString("HTTPS"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'eventTypes[1]')].code").value("subscription.event-type-unknown"));
        push.subscribeAs(push.bank, "https://user:password@loans.bank.example/tongban", "contract.filed")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("webhookUrl"))
                .andExpect(jsonPath("$.errors[0].code").value("subscription.url-invalid"));
        push.subscribeAs(push.bank, "https://loans.bank.example/tongban")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("eventTypes"))
                .andExpect(jsonPath("$.errors[0].code").value("subscription.event-types-required"));
        assertThat(jdbc.sql("SELECT count(*) FROM sharing_subscription WHERE department_code = ?").param(push.bank.departmentCode())
                .query(Long.class).single()).isZero();

        push.subscribe("https://loans.bank.example/tongban", "contract.filed", "contract.cancelled");
    }

    @Test
    void theSecretIsShownOnlyAtCreationAndKeptSealed() throws Exception {
        JsonNode created = push.subscribe("https://loans.bank.example/tongban", "contract.filed");
        String secret = created.get("secret").asText();
        assertThat(secret).matches("[A-Za-z0-9_-]{43}");
        String id = created.get("id").asText();

        http.perform(get("/api/v1/sharing/subscriptions/" + id).with(push.as(push.bank)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eventTypes[0]").value("contract.filed"))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.secret").doesNotExist());
        http.perform(get("/api/v1/sharing/subscriptions").with(push.as(push.bank)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].secret").doesNotExist());
        String sealed = owner.jdbc().sql("SELECT secret_sealed FROM sharing_subscription WHERE id = ?").param(UUID.fromString(id))
                .query(String.class).single();
        assertThat(sealed).doesNotContain(secret);
    }

    @Test
    void aDepartmentManagesItsOwnSubscriptionsAndNoOtherDepartments() throws Exception {
        String id = push.subscribe(null, "contract.filed").get("id").asText();
        Caller court = PushFixture.departmentSystem(TestData.creditCode());

        http.perform(get("/api/v1/sharing/subscriptions/" + id).with(push.as(court))).andExpect(status().isNotFound());
        push.postAs(court, "/api/v1/sharing/subscriptions/" + id + "/disable", "").andExpect(status().isNotFound());
        push.postAs(court, "/api/v1/sharing/subscriptions", """
                {"departmentCode":"%s","name":"冒名订阅","eventTypes":["contract.filed"]}""".formatted(push.bank.departmentCode()))
                .andExpect(status().isForbidden());
        http.perform(get("/api/v1/sharing/subscriptions").with(push.as(court))).andExpect(jsonPath("$.total").value(0));

        // an administrator sees every department's and may narrow the list to one
        http.perform(get("/api/v1/sharing/subscriptions").param("departmentCode", push.bank.departmentCode()))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(id));

        push.postAs(push.bank, "/api/v1/sharing/subscriptions/" + id + "/disable", "")
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.disabledBy").value(push.bank.actorId()));
        push.postAs(push.bank, "/api/v1/sharing/subscriptions/" + id + "/disable", "")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("subscription.already-disabled"));
        assertThat(owner.jdbc().sql("SELECT count(*) FROM audit_event WHERE resource_type = 'subscription' AND resource_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anAdministratorSubscribesForADepartmentAndAPullOnlySubscriptionHasNothingToReplay() throws Exception {
        String department = TestData.creditCode();
        JsonNode created = push.body(push.postAs(TestCallers.cityAdmin(), "/api/v1/sharing/subscriptions", """
                {"departmentCode":"%s","name":"执行查控系统","eventTypes":["contract.filed","contract.cancelled"]}""".formatted(department))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.departmentCode").value(department))
                .andExpect(jsonPath("$.secret").doesNotExist()));
        String id = created.get("id").asText();
        try {
            push.postAs(TestCallers.cityAdmin(), "/api/v1/sharing/subscriptions/" + id + "/replay-parked", "")
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("subscription.no-webhook"));
        } finally {
            push.postAs(TestCallers.cityAdmin(), "/api/v1/sharing/subscriptions/" + id + "/disable", "").andExpect(status().isOk());
        }
    }

    @Test
    void withoutASubscriptionPermissionNothingIsServed() throws Exception {
        Caller clerk = TestCallers.withPermissions(Permissions.CONTRACT_QUERY);
        http.perform(get("/api/v1/sharing/subscriptions").with(push.as(clerk))).andExpect(status().isForbidden());
        push.subscribeAs(clerk, "https://x.example/hook", "contract.filed").andExpect(status().isForbidden());
        http.perform(get("/api/v1/sharing/event-types").with(push.as(push.bank)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'contract.filed')].nameZh").value("网签备案"));
    }
}
