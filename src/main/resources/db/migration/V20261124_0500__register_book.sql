-- 不动产登记簿 (issue #7 item 5): per unit, an append-only ledger of what is registered — ownership with owners, shares
-- and 共有方式, mortgages, pre-notices, seizures, objections and their releases — each entry with its application,
-- time and registrar. Entries are hash-chained per unit: hash = SM3 over the previous entry's hash and this entry's
-- canonical content (cn.tongban.registration.RegisterEntry documents the form; owners' ID numbers and names are
-- hashed in clear and stored sealed), so an edit of any stored entry breaks the chain from there on.
CREATE TABLE register_entry
(
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_code      TEXT        NOT NULL CHECK (unit_code ~ '^[0-9]{12}[A-Z]{2}[0-9]{5}[A-Z][0-9]{8}$'),
    seq            INT         NOT NULL CHECK (seq >= 1),
    kind           TEXT        NOT NULL CHECK (kind IN ('OWNERSHIP', 'MORTGAGE', 'MORTGAGE_RELEASE', 'PRE_NOTICE',
                                                        'PRE_NOTICE_RELEASE', 'SEIZURE', 'SEIZURE_RELEASE', 'OBJECTION',
                                                        'OBJECTION_RELEASE', 'CORRECTION')),
    content        JSONB       NOT NULL,
    application_no TEXT        NOT NULL CHECK (length(btrim(application_no)) BETWEEN 1 AND 64),
    registrar      TEXT        NOT NULL CHECK (length(btrim(registrar)) BETWEEN 1 AND 100),
    recorded_at    TIMESTAMPTZ NOT NULL,
    prev_hash      CHAR(64)    NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    hash           CHAR(64)    NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    UNIQUE (unit_code, seq)
);
CREATE INDEX register_entry_application_idx ON register_entry (application_no);

CREATE FUNCTION register_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'register_entry is append-only: % refused', TG_OP USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER register_entry_no_update
    BEFORE UPDATE OR DELETE ON register_entry
    FOR EACH ROW EXECUTE FUNCTION register_entry_is_append_only();
CREATE TRIGGER register_entry_no_truncate
    BEFORE TRUNCATE ON register_entry
    FOR EACH STATEMENT EXECUTE FUNCTION register_entry_is_append_only();
REVOKE ALL ON register_entry FROM PUBLIC, tongban_app;
GRANT SELECT, INSERT ON register_entry TO tongban_app;
