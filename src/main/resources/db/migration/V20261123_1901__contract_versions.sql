-- The versions of a contract (建房规〔2020〕4号 三（十）: 变更、注销): filing, each amendment and the cancellation
-- each add one; none is ever edited or removed, so every earlier version stays readable.
CREATE TABLE contract_version
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contract_id BIGINT      NOT NULL REFERENCES contract (id),
    version_no  INT         NOT NULL CHECK (version_no >= 1),
    change      TEXT        NOT NULL CHECK (change IN ('FILED', 'AMENDED', 'CANCELLED')),
    reason      TEXT,
    basis       TEXT,
    terms       JSONB       NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    changed_by  TEXT        NOT NULL,
    UNIQUE (contract_id, version_no)
);

CREATE FUNCTION contract_version_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'contract_version is append-only: % refused', TG_OP USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER contract_version_no_update
    BEFORE UPDATE OR DELETE ON contract_version
    FOR EACH ROW EXECUTE FUNCTION contract_version_is_append_only();
CREATE TRIGGER contract_version_no_truncate
    BEFORE TRUNCATE ON contract_version
    FOR EACH STATEMENT EXECUTE FUNCTION contract_version_is_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON contract_version FROM tongban_app;

INSERT INTO role_permission (role_code, permission) VALUES
    ('developer-clerk', 'filing:contract:change'), ('broker', 'filing:contract:change'),
    ('housing-clerk', 'filing:contract:change'), ('housing-admin', 'filing:contract:change'),
    ('court-officer', 'filing:contract:change'),
    ('housing-admin', 'filing:housing-count:query'), ('housing-clerk', 'filing:housing-count:query'),
    ('bank-officer', 'filing:housing-count:query'), ('fund-officer', 'filing:housing-count:query'),
    ('tax-officer', 'filing:housing-count:query');
