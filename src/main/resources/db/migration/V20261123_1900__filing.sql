-- 网签备案 (建房规〔2020〕4号 二、三): contracts signed online and filed at once with a filing code, their parties
-- (personal data sealed, issue #3) and the verification report of every attempt.

-- Filing codes carry district, year, contract type and this sequence: unique forever, gaps allowed.
CREATE SEQUENCE filing_code_seq;

CREATE TABLE contract
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    filing_code     TEXT COLLATE "C" NOT NULL UNIQUE CHECK (filing_code ~ '^[0-9]{6}-[0-9]{4}-[A-Z]{2}-[0-9]{8}$'),
    type            TEXT        NOT NULL CHECK (type IN ('NEW_SALE', 'EXISTING_SALE', 'LEASE', 'MORTGAGE')),
    status          TEXT        NOT NULL CHECK (status IN ('FILED', 'CANCELLED')),
    unit_code       TEXT COLLATE "C" NOT NULL,
    district_code   CHAR(6)     NOT NULL,
    project_id      BIGINT      NOT NULL,
    price           NUMERIC(16, 2) NOT NULL CHECK (price > 0 AND price < 1e10),
    payment_type    TEXT,
    loan_type       TEXT,
    signed_on       DATE        NOT NULL,
    unit_snapshot   JSONB       NOT NULL,
    terms           JSONB       NOT NULL DEFAULT '{}',
    filed_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    filed_by        TEXT        NOT NULL,
    department_code TEXT,
    idempotency_key TEXT,
    request_digest  CHAR(64),
    version         BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT contract_idempotency UNIQUE (filed_by, idempotency_key)
);
-- 建房规〔2020〕4号 三（十一）: 在变更、注销网签备案前，不得重复办理同一套房屋的交易合同网签备案 — enforced here,
-- so that of two filings at the same moment exactly one commits.
CREATE UNIQUE INDEX contract_one_live_sale_per_unit ON contract (unit_code)
    WHERE status = 'FILED' AND type IN ('NEW_SALE', 'EXISTING_SALE');
CREATE INDEX contract_unit_idx ON contract (unit_code);
CREATE INDEX contract_project_idx ON contract (project_id, filed_at);

CREATE TABLE contract_party
(
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contract_id       BIGINT      NOT NULL REFERENCES contract (id),
    role              TEXT        NOT NULL CHECK (role IN ('SELLER', 'BUYER', 'LANDLORD', 'TENANT', 'MORTGAGOR', 'MORTGAGEE')),
    position          INT         NOT NULL CHECK (position >= 0),
    id_type           TEXT        NOT NULL,
    id_number_sealed  TEXT        NOT NULL CHECK (id_number_sealed ~ '^[a-z0-9-]{1,32}:[A-Za-z0-9+/]+=*$'),
    id_number_index   CHAR(64)    NOT NULL CHECK (id_number_index ~ '^[0-9a-f]{64}$'),
    name_sealed       TEXT        NOT NULL CHECK (name_sealed ~ '^[a-z0-9-]{1,32}:[A-Za-z0-9+/]+=*$'),
    phone_sealed      TEXT CHECK (phone_sealed ~ '^[a-z0-9-]{1,32}:[A-Za-z0-9+/]+=*$'),
    co_ownership      TEXT,
    share_numerator   INT CHECK (share_numerator > 0),
    share_denominator INT CHECK (share_denominator > 0),
    UNIQUE (contract_id, role, position)
);
CREATE INDEX contract_party_subject_idx ON contract_party (id_number_index);

-- One report per attempt, refused or filed: every check with its rule, result, reason and source.
CREATE TABLE contract_verification
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contract_id  BIGINT REFERENCES contract (id),
    unit_code    TEXT COLLATE "C" NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    attempted_by TEXT        NOT NULL,
    outcome      TEXT        NOT NULL CHECK (outcome IN ('FILED', 'REFUSED')),
    checks       JSONB       NOT NULL
);
CREATE INDEX contract_verification_unit_idx ON contract_verification (unit_code, attempted_at);

INSERT INTO role_permission (role_code, permission) VALUES
    ('developer-clerk', 'filing:contract:create'), ('developer-clerk', 'filing:contract:query'),
    ('broker', 'filing:contract:create'), ('broker', 'filing:contract:query'),
    ('housing-clerk', 'filing:contract:create'), ('housing-clerk', 'filing:contract:query'),
    ('housing-admin', 'filing:contract:create'), ('housing-admin', 'filing:contract:query'),
    ('bank-officer', 'filing:contract:query'), ('tax-officer', 'filing:contract:query'),
    ('fund-officer', 'filing:contract:query'), ('registrar', 'filing:contract:query'),
    ('court-officer', 'filing:contract:query'), ('police-officer', 'filing:contract:query');
