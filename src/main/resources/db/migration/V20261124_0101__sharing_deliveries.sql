-- 定期共享 deliveries (常经办发〔2023〕19号 附件1) and their timeliness, the figure of 三（三）严格目标考核.
-- The file itself is kept outside the database (tongban.sharing.deliveries-dir); this row is its manifest as
-- verified: record count and SM3 computed while the body streamed in, equal to what the provider declared.
CREATE TABLE delivery
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_no         INT         NOT NULL REFERENCES catalog_item (no),
    -- 2026-Q3, 2026-07, 2026-W27, 2026-H1, 2026, or the event date of an event-triggered item
    period          TEXT        NOT NULL,
    due_on          DATE        NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL,
    -- the Asia/Shanghai day of received_at, what timeliness is decided on
    received_on     DATE        NOT NULL,
    department_code TEXT        NOT NULL,
    submitted_by    TEXT        NOT NULL,
    format          TEXT        NOT NULL CHECK (format IN ('CSV', 'JSON_LINES')),
    record_count    BIGINT      NOT NULL CHECK (record_count >= 0),
    byte_count      BIGINT      NOT NULL CHECK (byte_count >= 0),
    sm3             TEXT        NOT NULL CHECK (sm3 ~ '^[0-9a-f]{64}$'),
    storage_path    TEXT        NOT NULL,
    receipt_text    TEXT        NOT NULL,
    receipt_signature TEXT      NOT NULL,
    UNIQUE (item_no, period)
);
REVOKE UPDATE, DELETE, TRUNCATE ON delivery FROM tongban_app;

-- One reminder per overdue (item, period): the daily check inserts here and publishes DeliveryOverdue only for
-- rows it inserted, so running it twice reminds once.
CREATE TABLE delivery_overdue_notice
(
    item_no     INT         NOT NULL REFERENCES catalog_item (no),
    period      TEXT        NOT NULL,
    due_on      DATE        NOT NULL,
    noticed_on  DATE        NOT NULL,
    reminded_at TIMESTAMPTZ,
    PRIMARY KEY (item_no, period)
);
