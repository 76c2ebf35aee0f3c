-- The audit log (issue #3 item 6; 互联网+不动产登记建设指南 五: 日志保存时长不小于1年; 建房〔2020〕61号 八): every read of
-- personal data and every change, appended in the same transaction as the work, hash-chained with SM3, kept in
-- monthly partitions for at least one year.
--
-- Append-only twice over: a trigger refuses UPDATE, DELETE and TRUNCATE whoever asks, and the application's
-- database role tongban_app is granted only SELECT and INSERT on audit_event. Production connects as tongban_app;
-- this migration runs as the schema owner. Removing a partition goes only through audit_archive_partition(),
-- which refuses any month younger than one year.
--
-- The chain: rows are chained in seq order; each row holds prev_hash (the previous row's hash, 64 zeros for the
-- first row) and hash = SM3(prev_hash || canonical content) in lowercase hex, computed by the application
-- (cn.tongban.audit.AuditHash documents the canonical form). occurred_at is taken while the chain is locked and
-- never goes back, so each month's partition is one unbroken run of seq.

DO
$$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tongban_app') THEN
        CREATE ROLE tongban_app NOLOGIN;
    END IF;
END
$$;

CREATE SEQUENCE audit_event_seq AS BIGINT;

CREATE TABLE audit_event
(
    seq             BIGINT      NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    actor_id        TEXT        NOT NULL,
    actor_kind      TEXT        NOT NULL CHECK (actor_kind IN ('STAFF', 'SYSTEM', 'CITIZEN', 'ANONYMOUS')),
    department_code TEXT,
    department_name TEXT,
    roles           TEXT[]      NOT NULL DEFAULT '{}',
    action          TEXT        NOT NULL CHECK (length(btrim(action)) BETWEEN 1 AND 100),
    resource_type   TEXT        NOT NULL CHECK (length(btrim(resource_type)) BETWEEN 1 AND 100),
    resource_id     TEXT,
    subject_index   TEXT CHECK (subject_index ~ '^[0-9a-f]{64}$'),
    outcome         TEXT        NOT NULL CHECK (outcome IN ('SUCCESS', 'DENIED', 'FAILED')),
    purpose         TEXT,
    case_number     TEXT,
    withheld        BOOLEAN     NOT NULL DEFAULT FALSE,
    source_address  TEXT,
    trace_id        TEXT,
    prev_hash       CHAR(64)    NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    hash            CHAR(64)    NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (seq, occurred_at)
) PARTITION BY RANGE (occurred_at);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, occurred_at);
CREATE INDEX audit_event_subject_idx ON audit_event (subject_index, occurred_at) WHERE subject_index IS NOT NULL;
CREATE INDEX audit_event_action_idx ON audit_event (action, occurred_at);

-- The last chained row: read and updated under the chain lock, so the chain stays linear. Only a cache of the
-- last row of audit_event, which verification compares it with.
CREATE TABLE audit_chain_head
(
    id          BOOLEAN     NOT NULL PRIMARY KEY DEFAULT TRUE CHECK (id),
    seq         BIGINT      NOT NULL,
    hash        CHAR(64)    NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL
);
INSERT INTO audit_chain_head (seq, hash, occurred_at) VALUES (0, repeat('0', 64), to_timestamp(0));

-- Partitions archived to a file and removed: what verification bridges the missing rows with.
CREATE TABLE audit_archive
(
    month           DATE        NOT NULL PRIMARY KEY CHECK (extract(DAY FROM month) = 1),
    row_count       BIGINT      NOT NULL CHECK (row_count > 0),
    first_seq       BIGINT      NOT NULL,
    last_seq        BIGINT      NOT NULL CHECK (last_seq >= first_seq),
    first_prev_hash CHAR(64)    NOT NULL,
    last_hash       CHAR(64)    NOT NULL,
    file_name       TEXT        NOT NULL,
    file_sm3        CHAR(64)    NOT NULL CHECK (file_sm3 ~ '^[0-9a-f]{64}$'),
    archived_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE FUNCTION audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'integrity_constraint_violation';
END
$$;
-- Row triggers of a partitioned table are cloned to every partition; TRUNCATE triggers are not, so each partition
-- gets its own (audit_create_partition).
CREATE TRIGGER audit_event_no_update
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only();
CREATE TRIGGER audit_archive_no_update
    BEFORE UPDATE OR DELETE ON audit_archive
    FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
CREATE TRIGGER audit_archive_no_truncate
    BEFORE TRUNCATE ON audit_archive
    FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only();

-- The partition of one calendar month in China Standard Time, e.g. audit_event_2026_11; created if missing.
CREATE FUNCTION audit_create_partition(month DATE) RETURNS TEXT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS
$$
DECLARE
    first_day DATE := date_trunc('month', month)::date;
    name      TEXT := 'audit_event_' || to_char(first_day, 'YYYY_MM');
BEGIN
    IF to_regclass(name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF audit_event FOR VALUES FROM (%L) TO (%L)', name,
                       (first_day::timestamp AT TIME ZONE 'Asia/Shanghai'),
                       ((first_day + INTERVAL '1 month')::timestamp AT TIME ZONE 'Asia/Shanghai'));
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only()',
                       name || '_no_truncate', name);
        -- the default privileges of tongban_app (V20261123_1250) do not apply to the log: read it, append through the parent
        EXECUTE format('REVOKE ALL ON %I FROM PUBLIC, tongban_app', name);
        EXECUTE format('GRANT SELECT ON %I TO tongban_app', name);
    END IF;
    RETURN name;
END
$$;

-- The partitions of this month and the next months_ahead months: run at start-up and daily.
CREATE FUNCTION audit_ensure_partitions(months_ahead INT) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS
$$
DECLARE
    this_month DATE := date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date;
BEGIN
    IF months_ahead < 0 OR months_ahead > 24 THEN
        RAISE EXCEPTION 'months_ahead must be between 0 and 24, not %', months_ahead;
    END IF;
    FOR i IN 0..months_ahead LOOP
        PERFORM audit_create_partition((this_month + make_interval(months => i))::date);
    END LOOP;
END
$$;

-- Removes one month's partition after the application has written it to an archive file: records the archive,
-- then detaches and drops the partition. Refuses a month that ended less than one year ago (日志保存时长不小于1年),
-- and a partition whose rows are not those the file was written from (expected_rows, expected_last_hash).
CREATE FUNCTION audit_archive_partition(month DATE, expected_rows BIGINT, expected_last_hash TEXT, file_name TEXT,
                                        file_sm3 TEXT) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS
$$
DECLARE
    first_day  DATE        := date_trunc('month', month)::date;
    name       TEXT        := 'audit_event_' || to_char(first_day, 'YYYY_MM');
    month_end  TIMESTAMPTZ := (first_day + INTERVAL '1 month')::timestamp AT TIME ZONE 'Asia/Shanghai';
    n          BIGINT;
    first_row  RECORD;
    last_row   RECORD;
BEGIN
    IF month_end > now() - INTERVAL '1 year' THEN
        RAISE EXCEPTION 'audit partition % is younger than one year (the month ended %): it cannot be removed', name, month_end
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF to_regclass(name) IS NULL THEN
        RAISE EXCEPTION 'no audit partition %', name USING ERRCODE = 'undefined_table';
    END IF;
    -- no one may add rows while the partition is checked and removed
    EXECUTE format('LOCK TABLE %I IN EXCLUSIVE MODE', name);
    EXECUTE format('SELECT count(*) FROM %I', name) INTO n;
    EXECUTE format('SELECT seq, prev_hash FROM %I ORDER BY seq LIMIT 1', name) INTO first_row;
    EXECUTE format('SELECT seq, hash FROM %I ORDER BY seq DESC LIMIT 1', name) INTO last_row;
    IF n = 0 AND expected_rows = 0 THEN
        -- nothing to keep
        EXECUTE format('ALTER TABLE audit_event DETACH PARTITION %I', name);
        EXECUTE format('DROP TABLE %I', name);
        RETURN;
    END IF;
    IF n <> expected_rows OR last_row.hash <> expected_last_hash THEN
        RAISE EXCEPTION 'audit partition % has % rows ending in %, the archive % rows ending in %', name, n,
            last_row.hash, expected_rows, expected_last_hash USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    INSERT INTO audit_archive (month, row_count, first_seq, last_seq, first_prev_hash, last_hash, file_name, file_sm3)
    VALUES (first_day, n, first_row.seq, last_row.seq, first_row.prev_hash, last_row.hash, file_name, file_sm3);
    EXECUTE format('ALTER TABLE audit_event DETACH PARTITION %I', name);
    EXECUTE format('DROP TABLE %I', name);
END
$$;

SELECT audit_ensure_partitions(2);

-- The application's role: append and read the log, nothing more.
REVOKE ALL ON audit_event, audit_chain_head, audit_archive FROM PUBLIC, tongban_app;
REVOKE ALL ON FUNCTION audit_create_partition(DATE), audit_ensure_partitions(INT),
    audit_archive_partition(DATE, BIGINT, TEXT, TEXT, TEXT) FROM PUBLIC;
GRANT SELECT, INSERT ON audit_event TO tongban_app;
GRANT SELECT, UPDATE ON audit_chain_head TO tongban_app;
GRANT SELECT ON audit_archive TO tongban_app;
GRANT USAGE ON SEQUENCE audit_event_seq TO tongban_app;
GRANT EXECUTE ON FUNCTION audit_ensure_partitions(INT), audit_archive_partition(DATE, BIGINT, TEXT, TEXT, TEXT) TO tongban_app;
