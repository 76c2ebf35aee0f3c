-- Restrictions on property and people (建房规〔2020〕4号 二（五）、（六）: 查封、抵押、按政策未满足上市交易条件;
-- 建房〔2020〕61号 六: courts push seizures and the list of dishonest debtors). Owned by cn.tongban.restriction.
-- unit_code and project_id name 楼盘表 rows without a foreign key: modules talk through their APIs, and the
-- restriction module checks the unit through cn.tongban.building.BuildingTable before it records anything.
-- Not append-only: a release or removal updates the row, always with the document that ordered it.

-- 查封 and 预查封. Several may stack on one unit (轮候查封); the unit's 查封 flag says whether any is in force.
CREATE TABLE seizure
(
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_code           TEXT COLLATE "C" NOT NULL CHECK (length(unit_code) = 28),
    kind                TEXT        NOT NULL CHECK (kind IN ('SEIZURE', 'PRE_SEIZURE')),
    court               TEXT        NOT NULL CHECK (length(btrim(court)) BETWEEN 1 AND 100),
    document_no         TEXT        NOT NULL CHECK (length(btrim(document_no)) BETWEEN 1 AND 100),
    valid_from          DATE        NOT NULL,
    valid_to            DATE,
    released_at         TIMESTAMPTZ,
    release_document_no TEXT CHECK (length(btrim(release_document_no)) BETWEEN 1 AND 100),
    released_by         TEXT,
    recorded_by         TEXT        NOT NULL,
    department_code     TEXT,
    version             BIGINT      NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT seizure_period CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CONSTRAINT seizure_release_documented CHECK ((released_at IS NULL) = (release_document_no IS NULL)),
    CONSTRAINT seizure_document_once_per_unit UNIQUE (unit_code, document_no)
);
CREATE INDEX seizure_unit_idx ON seizure (unit_code, id);

-- 抵押权 of a bank (or other mortgagee); 顺位 (rank) unique among the mortgages not released.
CREATE TABLE mortgage
(
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_code           TEXT COLLATE "C" NOT NULL CHECK (length(unit_code) = 28),
    mortgagee           TEXT        NOT NULL CHECK (length(btrim(mortgagee)) BETWEEN 1 AND 200),
    mortgagee_code      CHAR(18)    NOT NULL CHECK (mortgagee_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    document_no         TEXT        NOT NULL CHECK (length(btrim(document_no)) BETWEEN 1 AND 100),
    amount              NUMERIC(16, 2) NOT NULL CHECK (amount > 0),
    rank                INT         NOT NULL CHECK (rank >= 1),
    registered_on       DATE        NOT NULL,
    released_at         TIMESTAMPTZ,
    release_document_no TEXT CHECK (length(btrim(release_document_no)) BETWEEN 1 AND 100),
    released_by         TEXT,
    recorded_by         TEXT        NOT NULL,
    department_code     TEXT,
    version             BIGINT      NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT mortgage_release_documented CHECK ((released_at IS NULL) = (release_document_no IS NULL)),
    CONSTRAINT mortgage_document_once_per_unit UNIQUE (unit_code, document_no)
);
CREATE INDEX mortgage_unit_idx ON mortgage (unit_code, id);
CREATE UNIQUE INDEX mortgage_rank_in_force ON mortgage (unit_code, rank) WHERE released_at IS NULL;

-- 限售 and other policy locks of the housing department, on one unit or on every unit of a project.
CREATE TABLE policy_lock
(
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_code           TEXT COLLATE "C" CHECK (length(unit_code) = 28),
    project_id          BIGINT,
    until               DATE        NOT NULL,
    reason              TEXT        NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
    document_no         TEXT        NOT NULL CHECK (length(btrim(document_no)) BETWEEN 1 AND 100),
    set_by              TEXT        NOT NULL,
    department_code     TEXT,
    released_at         TIMESTAMPTZ,
    release_document_no TEXT CHECK (length(btrim(release_document_no)) BETWEEN 1 AND 100),
    released_by         TEXT,
    version             BIGINT      NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT policy_lock_one_target CHECK (num_nonnulls(unit_code, project_id) = 1),
    CONSTRAINT policy_lock_release_documented CHECK ((released_at IS NULL) = (release_document_no IS NULL))
);
CREATE INDEX policy_lock_unit_idx ON policy_lock (unit_code) WHERE unit_code IS NOT NULL;
CREATE INDEX policy_lock_project_idx ON policy_lock (project_id) WHERE project_id IS NOT NULL;

-- 失信被执行人, pushed by the courts: the person (or company) only by the blind index (HMAC-SM3) of the normalised
-- 公民身份号码 or 统一社会信用代码, the name sealed with SM4 — neither is ever stored in clear.
CREATE TABLE dishonest_debtor
(
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id_number_index     CHAR(64)    NOT NULL CHECK (id_number_index ~ '^[0-9a-f]{64}$'),
    name_sealed         TEXT        NOT NULL CHECK (name_sealed ~ '^[a-z0-9-]{1,32}:[A-Za-z0-9+/]+=*$'),
    case_no             TEXT        NOT NULL CHECK (length(btrim(case_no)) BETWEEN 1 AND 100),
    court               TEXT        NOT NULL CHECK (length(btrim(court)) BETWEEN 1 AND 100),
    published_on        DATE        NOT NULL,
    removed_on          DATE,
    removal_document_no TEXT CHECK (length(btrim(removal_document_no)) BETWEEN 1 AND 100),
    recorded_by         TEXT        NOT NULL,
    department_code     TEXT,
    version             BIGINT      NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT dishonest_debtor_removal_documented CHECK ((removed_on IS NULL) = (removal_document_no IS NULL)),
    CONSTRAINT dishonest_debtor_removal_after_publication CHECK (removed_on IS NULL OR removed_on >= published_on),
    CONSTRAINT dishonest_debtor_case_once UNIQUE (id_number_index, case_no)
);

-- tongban_app has SELECT, INSERT, UPDATE, DELETE on these tables by the default privileges of V20261123_1250.

INSERT INTO role_permission (role_code, permission) VALUES
    ('housing-admin', 'restriction:seizure:create'), ('housing-admin', 'restriction:seizure:release'),
    ('housing-admin', 'restriction:seizure:query'),
    ('housing-admin', 'restriction:mortgage:create'), ('housing-admin', 'restriction:mortgage:release'),
    ('housing-admin', 'restriction:mortgage:query'),
    ('housing-admin', 'restriction:lock:create'), ('housing-admin', 'restriction:lock:release'),
    ('housing-admin', 'restriction:lock:query'),
    ('housing-admin', 'restriction:debtor:create'), ('housing-admin', 'restriction:debtor:remove'),
    ('housing-admin', 'restriction:debtor:query'),
    ('court-officer', 'restriction:seizure:create'), ('court-officer', 'restriction:seizure:release'),
    ('court-officer', 'restriction:seizure:query'), ('court-officer', 'restriction:mortgage:query'),
    ('court-officer', 'restriction:debtor:create'), ('court-officer', 'restriction:debtor:remove'),
    ('court-officer', 'restriction:debtor:query'),
    ('registrar', 'restriction:seizure:query'), ('registrar', 'restriction:mortgage:create'),
    ('registrar', 'restriction:mortgage:release'), ('registrar', 'restriction:mortgage:query'),
    ('registrar', 'restriction:debtor:query'),
    ('housing-clerk', 'restriction:seizure:query'), ('housing-clerk', 'restriction:mortgage:query'),
    ('housing-clerk', 'restriction:lock:query'), ('housing-clerk', 'restriction:debtor:query'),
    ('bank-officer', 'restriction:seizure:query'), ('bank-officer', 'restriction:mortgage:create'),
    ('bank-officer', 'restriction:mortgage:release'), ('bank-officer', 'restriction:mortgage:query'),
    ('bank-officer', 'restriction:debtor:query');
