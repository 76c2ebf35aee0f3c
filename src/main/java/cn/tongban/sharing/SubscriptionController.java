package cn.tongban.sharing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.tongban.identity.Permissions;
import cn.tongban.kernel.Page;
import cn.tongban.kernel.PageRequest;
import cn.tongban.kernel.UnifiedSocialCreditCode;
import cn.tongban.sharing.Subscriptions.SubscriptionView;
import cn.tongban.sharing.Subscriptions.WebhookDeliveryView;

/**
 * Event subscriptions of departments and the replay of their webhook deliveries (issue #5 item 6; 建房〔2020〕61号
 * 四、六: 实时共享).
 */
@RestController
@RequestMapping("/api/v1/sharing/subscriptions")
class SubscriptionController {

    /** Administrators, and a department's system for its own (which {@link Subscriptions} checks). */
    static final String SUBSCRIBERS = "hasAnyAuthority('" + Permissions.SUBSCRIPTION_MANAGE + "', '" + Permissions.SUBSCRIPTION_OWN + "')";

    private final Subscriptions subscriptions;

    SubscriptionController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /**
     * @param departmentCode 统一社会信用代码 of the subscribing department; omitted: the caller's own (a department's
     *                       system may give only its own)
     * @param name           what the subscription is for, e.g. 个人住房贷款审核系统
     * @param eventTypes     codes from {@code GET /api/v1/sharing/event-types}, e.g. {@code contract.filed}
     * @param webhookUrl     HTTPS endpoint the events are POSTed to; omitted: the pull feed only
     */
    record SubscriptionRequest(UnifiedSocialCreditCode departmentCode, @NotBlank @Size(max = 100) String name,
            List<String> eventTypes, String webhookUrl) {
    }

    /** @param replayed how many deliveries were put back in line */
    record ReplayResult(int replayed) {
    }

    @PreAuthorize(SUBSCRIBERS)
    @PostMapping
    ResponseEntity<SubscriptionView> create(@Valid @RequestBody SubscriptionRequest request) {
        SubscriptionView created = subscriptions.create(new Subscriptions.NewSubscription(
                request.departmentCode() == null ? null : request.departmentCode().value(), request.name(), request.eventTypes(),
                request.webhookUrl()));
        return ResponseEntity.created(URI.create("/api/v1/sharing/subscriptions/" + created.id())).body(created);
    }

    @PreAuthorize(SUBSCRIBERS)
    @GetMapping
    Page<SubscriptionView> list(@RequestParam(required = false) UnifiedSocialCreditCode departmentCode,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return subscriptions.list(departmentCode == null ? null : departmentCode.value(), new PageRequest(page, size));
    }

    @PreAuthorize(SUBSCRIBERS)
    @GetMapping("/{id}")
    SubscriptionView get(@PathVariable UUID id) {
        return subscriptions.get(id);
    }

    @PreAuthorize(SUBSCRIBERS)
    @PostMapping("/{id}/disable")
    SubscriptionView disable(@PathVariable UUID id) {
        return subscriptions.disable(id);
    }

    /** The deliveries of one subscription, e.g. {@code ?state=PARKED} for those waiting for a replay. */
    @PreAuthorize(SUBSCRIBERS)
    @GetMapping("/{id}/deliveries")
    Page<WebhookDeliveryView> deliveries(@PathVariable UUID id, @RequestParam(required = false) String state,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return subscriptions.deliveries(id, state, new PageRequest(page, size));
    }

    /** Parked deliveries back in line, e.g. once the department's endpoint works again. */
    @PreAuthorize(SUBSCRIBERS)
    @PostMapping("/{id}/replay-parked")
    ReplayResult replayParked(@PathVariable UUID id) {
        return new ReplayResult(subscriptions.replayParked(id));
    }

    /** Every event of the subscription's types after the cursor, delivered again (or for the first time). */
    @PreAuthorize(SUBSCRIBERS)
    @PostMapping("/{id}/replay")
    ReplayResult replay(@PathVariable UUID id, @RequestParam long after) {
        return new ReplayResult(subscriptions.replayAfter(id, after));
    }
}
