-- Every verification of the audit chain run in the application (the auditors' page and
-- GET /api/v1/audit/verification), so that the page shows when the chain was last verified and with what result
-- (互联网+不动产登记建设指南 五: 日志防篡改; 建房〔2020〕61号 八). Append-only like the log itself.
CREATE TABLE audit_verification_run (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    verified_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor_id         TEXT NOT NULL,
    range_from       TIMESTAMPTZ,
    range_to         TIMESTAMPTZ,
    verified         BOOLEAN NOT NULL,
    rows_checked     BIGINT NOT NULL,
    first_broken_seq BIGINT,
    reason           TEXT
);
CREATE INDEX audit_verification_run_recent ON audit_verification_run (verified_at DESC, id DESC);

REVOKE ALL ON audit_verification_run FROM PUBLIC, tongban_app;
GRANT SELECT, INSERT ON audit_verification_run TO tongban_app;
