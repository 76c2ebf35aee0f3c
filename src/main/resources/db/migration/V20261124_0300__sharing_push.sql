-- Push of filing events to departments (issue #5 item 6; 建房〔2020〕61号 一、四、六: 网签备案数据 shared with banks,
-- the provident fund, tax, police and courts "实时共享"). Owned by cn.tongban.sharing.
--
-- sharing_event is the ordered outbox: one row per domain event, written by the sharing module's listeners after
-- the publishing transaction commits (Spring Modulith's event_publication keeps the event until then). Its cursor
-- is taken under one advisory lock and committed before the lock is released, so cursors become visible in
-- increasing order and a reader that pages by cursor never skips one. The payload holds codes and dates only —
-- no personal data: a department fetches details through the real-time interfaces it is granted.
CREATE SEQUENCE sharing_event_cursor_seq;

CREATE TABLE sharing_event
(
    cursor        BIGINT      NOT NULL PRIMARY KEY CHECK (cursor > 0),
    id            UUID        NOT NULL UNIQUE,
    type          TEXT        NOT NULL CHECK (type ~ '^[a-z]+(\.[a-z-]+)+$'),
    occurred_at   TIMESTAMPTZ NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    district_code CHAR(6) CHECK (district_code ~ '^[0-9]{6}$'),
    payload       JSONB       NOT NULL CHECK (jsonb_typeof(payload) = 'object')
);
CREATE INDEX sharing_event_type_cursor_idx ON sharing_event (type, cursor);

-- A department's subscription to event types: pushed to its webhook (HTTPS), or, without one, read through the
-- pull feed only. The HMAC-SM3 secret is sealed with SM4 (keys outside the database) because signing needs it.
CREATE TABLE sharing_subscription
(
    id              UUID        NOT NULL PRIMARY KEY,
    department_code CHAR(18)    NOT NULL CHECK (department_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    name            TEXT        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    event_types     TEXT[]      NOT NULL CHECK (cardinality(event_types) BETWEEN 1 AND 50),
    webhook_url     TEXT CHECK (length(webhook_url) <= 500),
    secret_sealed   TEXT CHECK (secret_sealed ~ '^[a-z0-9-]{1,32}:[A-Za-z0-9+/]+=*$'),
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    disabled_at     TIMESTAMPTZ,
    disabled_by     TEXT,
    CONSTRAINT sharing_subscription_webhook_has_secret CHECK ((webhook_url IS NULL) = (secret_sealed IS NULL)),
    CONSTRAINT sharing_subscription_disabled_by CHECK ((disabled_at IS NULL) = (disabled_by IS NULL))
);
CREATE INDEX sharing_subscription_department_idx ON sharing_subscription (department_code) WHERE disabled_at IS NULL;

-- One row per subscription × event: the delivery's state. A worker claims due rows with FOR UPDATE SKIP LOCKED
-- and leases them (next_attempt_at moves past the HTTP timeouts), so several nodes may run it and a node that dies
-- mid-send only delays the delivery (at least once; consumers de-duplicate by the event id).
CREATE TABLE webhook_delivery
(
    subscription_id UUID        NOT NULL REFERENCES sharing_subscription (id),
    event_cursor    BIGINT      NOT NULL REFERENCES sharing_event (cursor),
    state           TEXT        NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'PARKED')),
    attempts        INT         NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- failures since the last success or replay: the back-off grows with them and N of them park the delivery
    failures        INT         NOT NULL DEFAULT 0 CHECK (failures >= 0),
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_attempt_at TIMESTAMPTZ,
    last_status     INT,
    last_error      TEXT CHECK (length(last_error) <= 500),
    delivered_at    TIMESTAMPTZ,
    parked_at       TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (subscription_id, event_cursor)
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_parked_idx ON webhook_delivery (subscription_id) WHERE state = 'PARKED';

-- Every attempt as sent and answered (cf. X-Road's message log): when, the nonce and signature, the status or the
-- error. Append-only for the platform.
CREATE TABLE webhook_attempt
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id UUID        NOT NULL,
    event_cursor    BIGINT      NOT NULL,
    attempt         INT         NOT NULL CHECK (attempt >= 1),
    sent_at         TIMESTAMPTZ NOT NULL,
    duration_ms     BIGINT      NOT NULL CHECK (duration_ms >= 0),
    nonce           TEXT        NOT NULL,
    signature       CHAR(64) CHECK (signature ~ '^[0-9a-f]{64}$'), -- none if the request could not be built
    status          INT,
    error           TEXT CHECK (length(error) <= 500),
    FOREIGN KEY (subscription_id, event_cursor) REFERENCES webhook_delivery (subscription_id, event_cursor)
);
CREATE INDEX webhook_attempt_delivery_idx ON webhook_attempt (subscription_id, event_cursor, attempt);
REVOKE UPDATE, DELETE, TRUNCATE ON webhook_attempt FROM tongban_app;

-- sharing:subscription:manage — administrators manage every department's subscriptions and replay deliveries;
-- sharing:subscription:own — a department's own system manages its subscriptions and reads the pull feed.
INSERT INTO role_permission (role_code, permission) VALUES
    ('housing-admin', 'sharing:subscription:manage'),
    ('bank-officer', 'sharing:subscription:own'), ('fund-officer', 'sharing:subscription:own'),
    ('tax-officer', 'sharing:subscription:own'), ('police-officer', 'sharing:subscription:own'),
    ('court-officer', 'sharing:subscription:own'), ('registrar', 'sharing:subscription:own');
