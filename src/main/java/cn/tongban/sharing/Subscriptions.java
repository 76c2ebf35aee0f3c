package cn.tongban.sharing;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.identity.Caller;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.identity.Permissions;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.Page;
import cn.tongban.kernel.PageRequest;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/**
 * 事件订阅: a department's subscription to event types, pushed to its webhook or read through the pull feed
 * (建房〔2020〕61号 一: 网签备案数据 shared through "网络专线、国家数据共享交换平台" and the like; 八: 用户身份认证管理).
 * Administrators ({@code sharing:subscription:manage}) manage every department's; a department's system
 * ({@code sharing:subscription:own}) only its own — another department's is not found. Every change is audited.
 */
@Service
class Subscriptions {

    /** Webhook delivery states. */
    static final Set<String> STATES = Set.of("PENDING", "DELIVERED", "PARKED");
    private static final int SECRET_BYTES = 32;
    private static final int MAX_URL = 500;

    /**
     * A subscription as the API shows it.
     *
     * @param webhookUrl {@code null}: pull feed only
     * @param secret     the HMAC-SM3 key of its signatures: in the answer to its creation only, never again
     */
    record SubscriptionView(UUID id, String departmentCode, String name, List<String> eventTypes, String webhookUrl,
            boolean active, String createdBy, OffsetDateTime createdAt, OffsetDateTime disabledAt, String disabledBy,
            String secret) {
    }

    /** What is asked for; {@code departmentCode} {@code null} means the caller's own department. */
    record NewSubscription(String departmentCode, String name, List<String> eventTypes, String webhookUrl) {
    }

    /** One event's delivery to a subscription. */
    record WebhookDeliveryView(long cursor, UUID eventId, String eventType, String state, int attempts, int failures,
            OffsetDateTime nextAttemptAt, OffsetDateTime lastAttemptAt, Integer lastStatus, String lastError,
            OffsetDateTime deliveredAt, OffsetDateTime parkedAt) {
    }

    private final JdbcClient jdbc;
    private final CurrentCaller callers;
    private final AuditLog audit;
    private final EventFeedCatalog catalog;
    private final PersonalDataCipher cipher;
    private final WebhookProperties webhooks;
    private final SecureRandom random = new SecureRandom();

    Subscriptions(JdbcClient jdbc, CurrentCaller callers, AuditLog audit, EventFeedCatalog catalog, PersonalDataCipher cipher,
            WebhookProperties webhooks) {
        this.jdbc = jdbc;
        this.callers = callers;
        this.audit = audit;
        this.catalog = catalog;
        this.cipher = cipher;
        this.webhooks = webhooks;
    }

    /**
     * Creates the subscription with a new secret, shown in this answer only. It receives the events recorded from
     * now on; earlier ones through {@link #replayAfter} or the feed.
     */
    @Transactional
    SubscriptionView create(NewSubscription request) {
        Caller caller = callers.get();
        String department = request.departmentCode() == null ? caller.departmentCode() : request.departmentCode();
        if (!caller.has(Permissions.SUBSCRIPTION_MANAGE) && (department == null || !department.equals(caller.departmentCode()))) {
            throw new AccessDeniedException("a department subscribes for itself only");
        }
        List<Violation> violations = new ArrayList<>();
        if (department == null) {
            violations.add(new Violation("departmentCode", "subscription.department-required"));
        }
        Set<String> types = new LinkedHashSet<>();
        if (request.eventTypes() == null || request.eventTypes().isEmpty()) {
            violations.add(new Violation("eventTypes", "subscription.event-types-required"));
        } else {
            for (int i = 0; i < request.eventTypes().size(); i++) {
                String type = request.eventTypes().get(i);
                if (type == null || catalog.find(type.strip()).isEmpty()) {
                    violations.add(new Violation("eventTypes[" + i + "]", "subscription.event-type-unknown", type));
                } else {
                    types.add(type.strip());
                }
            }
        }
        String url = request.webhookUrl() == null || request.webhookUrl().isBlank() ? null : request.webhookUrl().strip();
        if (url != null) {
            String rule = urlRule(url, webhooks.allowHttpLocalhost());
            if (rule != null) {
                violations.add(new Violation("webhookUrl", rule, url));
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        UUID id = UUID.randomUUID();
        String secret = url == null ? null : newSecret();
        jdbc.sql("""
                INSERT INTO sharing_subscription (id, department_code, name, event_types, webhook_url, secret_sealed, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, department, request.name().strip(), types.toArray(String[]::new), url, cipher.encrypt(secret),
                        caller.actorId())
                .update();
        audit.record(AuditRecord.change("subscription-create", "subscription", id.toString(), null));
        SubscriptionView created = row(id);
        return new SubscriptionView(created.id(), created.departmentCode(), created.name(), created.eventTypes(),
                created.webhookUrl(), created.active(), created.createdBy(), created.createdAt(), null, null, secret);
    }

    /** The subscriptions the caller may see, newest first; an administrator may narrow them to one department. */
    @Transactional(readOnly = true)
    Page<SubscriptionView> list(String departmentCode, PageRequest page) {
        Caller caller = callers.get();
        String department = caller.has(Permissions.SUBSCRIPTION_MANAGE) ? departmentCode : ownDepartment(caller);
        long total = jdbc.sql("SELECT count(*) FROM sharing_subscription WHERE ?::text IS NULL OR department_code = ?")
                .params(department, department).query(Long.class).single();
        List<SubscriptionView> items = jdbc.sql("""
                SELECT * FROM sharing_subscription WHERE ?::text IS NULL OR department_code = ?
                 ORDER BY created_at DESC, id LIMIT ? OFFSET ?""")
                .params(department, department, page.size(), page.offset()).query(Subscriptions::view).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Transactional(readOnly = true)
    SubscriptionView get(UUID id) {
        return visible(id);
    }

    /** Stops pushing and feeding its types at once; its deliveries stay as they are. */
    @Transactional
    SubscriptionView disable(UUID id) {
        SubscriptionView subscription = visible(id);
        if (!subscription.active()) {
            throw new ConflictException("subscription.already-disabled", subscription.disabledAt());
        }
        jdbc.sql("UPDATE sharing_subscription SET disabled_at = now(), disabled_by = ? WHERE id = ?")
                .params(callers.get().actorId(), id).update();
        audit.record(AuditRecord.change("subscription-disable", "subscription", id.toString(), null));
        return row(id);
    }

    /** Puts the parked deliveries back in line, due now and with no failures counted; how many. */
    @Transactional
    int replayParked(UUID id) {
        pushing(id);
        int replayed = jdbc.sql("""
                UPDATE webhook_delivery SET state = 'PENDING', failures = 0, next_attempt_at = now(), parked_at = NULL
                 WHERE subscription_id = ? AND state = 'PARKED'""").param(id).update();
        audit.record(AuditRecord.change("webhook-replay-parked", "subscription", id.toString(), null));
        return replayed;
    }

    /**
     * Delivers again every event of its types after the cursor — delivered, parked or never sent to it (recorded
     * before it existed); how many.
     */
    @Transactional
    int replayAfter(UUID id, long cursor) {
        if (cursor < 0) {
            throw new RuleViolationException(new Violation("after", "event-feed.after-negative"));
        }
        SubscriptionView subscription = pushing(id);
        int replayed = jdbc.sql("""
                INSERT INTO webhook_delivery (subscription_id, event_cursor, state)
                SELECT ?, cursor, 'PENDING' FROM sharing_event WHERE cursor > ? AND type = ANY (?)
                ON CONFLICT (subscription_id, event_cursor) DO UPDATE
                   SET state = 'PENDING', failures = 0, next_attempt_at = now(), delivered_at = NULL, parked_at = NULL""")
                .params(id, cursor, subscription.eventTypes().toArray(String[]::new)).update();
        audit.record(AuditRecord.change("webhook-replay", "subscription", id.toString(), null));
        return replayed;
    }

    /** Its deliveries, latest event first, optionally in one state. */
    @Transactional(readOnly = true)
    Page<WebhookDeliveryView> deliveries(UUID id, String state, PageRequest page) {
        visible(id);
        if (state != null && !STATES.contains(state)) {
            throw new RuleViolationException(new Violation("state", "subscription.delivery-state", state));
        }
        long total = jdbc.sql("SELECT count(*) FROM webhook_delivery WHERE subscription_id = ? AND (?::text IS NULL OR state = ?)")
                .params(id, state, state).query(Long.class).single();
        List<WebhookDeliveryView> items = jdbc.sql("""
                SELECT d.*, e.id AS event_id, e.type FROM webhook_delivery d JOIN sharing_event e ON e.cursor = d.event_cursor
                 WHERE d.subscription_id = ? AND (?::text IS NULL OR d.state = ?)
                 ORDER BY d.event_cursor DESC LIMIT ? OFFSET ?""")
                .params(id, state, state, page.size(), page.offset())
                .query((rs, n) -> new WebhookDeliveryView(rs.getLong("event_cursor"), rs.getObject("event_id", UUID.class),
                        rs.getString("type"), rs.getString("state"), rs.getInt("attempts"), rs.getInt("failures"),
                        rs.getObject("next_attempt_at", OffsetDateTime.class), rs.getObject("last_attempt_at", OffsetDateTime.class),
                        (Integer) rs.getObject("last_status"), rs.getString("last_error"),
                        rs.getObject("delivered_at", OffsetDateTime.class), rs.getObject("parked_at", OffsetDateTime.class)))
                .list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** The event types the caller's department subscribes to (enabled subscriptions, pushed or not). */
    @Transactional(readOnly = true)
    List<String> typesOfCallersDepartment() {
        return jdbc.sql("""
                SELECT DISTINCT unnest(event_types) FROM sharing_subscription WHERE department_code = ? AND disabled_at IS NULL
                 ORDER BY 1""").param(ownDepartment(callers.get())).query(String.class).list();
    }

    /**
     * Why this webhook address is refused, as a rule code, or {@code null}: an absolute URL with a host, no user
     * name or fragment; HTTPS (等级保护: data in transit encrypted), plain HTTP only to localhost where allowed.
     */
    static String urlRule(String url, boolean allowHttpLocalhost) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "subscription.url-invalid";
        }
        if (url.length() > MAX_URL || !uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            return "subscription.url-invalid";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return null;
        }
        if (!scheme.equals("http")) {
            return "subscription.url-invalid";
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        return allowHttpLocalhost && local ? null : "subscription.url-https-required";
    }

    private String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** An enabled subscription with a webhook, in the caller's reach. */
    private SubscriptionView pushing(UUID id) {
        SubscriptionView subscription = visible(id);
        if (!subscription.active()) {
            throw new ConflictException("subscription.disabled");
        }
        if (subscription.webhookUrl() == null) {
            throw new ConflictException("subscription.no-webhook");
        }
        return subscription;
    }

    /** The subscription if the caller manages all or it is the caller's department's; otherwise not found. */
    private SubscriptionView visible(UUID id) {
        Caller caller = callers.get();
        SubscriptionView subscription = jdbc.sql("SELECT * FROM sharing_subscription WHERE id = ?").param(id)
                .query(Subscriptions::view).optional().orElseThrow(() -> new NotFoundException("subscription", id));
        if (!caller.has(Permissions.SUBSCRIPTION_MANAGE) && !subscription.departmentCode().equals(caller.departmentCode())) {
            throw new NotFoundException("subscription", id);
        }
        return subscription;
    }

    private static String ownDepartment(Caller caller) {
        if (caller.departmentCode() == null) {
            throw new AccessDeniedException("the caller acts for no department");
        }
        return caller.departmentCode();
    }

    private SubscriptionView row(UUID id) {
        return jdbc.sql("SELECT * FROM sharing_subscription WHERE id = ?").param(id).query(Subscriptions::view).single();
    }

    private static SubscriptionView view(ResultSet rs, int row) throws SQLException {
        Array types = rs.getArray("event_types");
        OffsetDateTime disabledAt = rs.getObject("disabled_at", OffsetDateTime.class);
        return new SubscriptionView(rs.getObject("id", UUID.class), rs.getString("department_code"), rs.getString("name"),
                Arrays.asList((String[]) types.getArray()), rs.getString("webhook_url"), disabledAt == null,
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class), disabledAt,
                rs.getString("disabled_by"), null);
    }
}
