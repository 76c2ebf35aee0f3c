-- 不动产登记申请 (issue #7 items 2–4): one row per application, from 申请 to 缮证/发证. The workflow engine (Flowable)
-- runs the steps; this table is the platform's own record of where an application is, what it charges and when each
-- step happened, so that progress, statistics and the other modules never read the engine's tables.
CREATE TABLE registration_application
(
    application_no      TEXT PRIMARY KEY CHECK (application_no ~ '^DJ[0-9]{6}[0-9]{8}[0-9]{6}$'),
    business_type       TEXT        NOT NULL CHECK (length(business_type) BETWEEN 1 AND 40),
    unit_code           TEXT        NOT NULL CHECK (unit_code ~ '^[0-9]{12}[A-Z]{2}[0-9]{5}[A-Z][0-9]{8}$'),
    -- the district the unit lies in: whose registrars may work on it (多租户 by district)
    district_code       CHAR(6)     NOT NULL CHECK (district_code ~ '^[0-9]{6}$'),
    -- the filed contract the application rests on (转移、预告、抵押), if any
    filing_code         TEXT,
    -- ONLINE: the parties on the portal; PORT: a bank, developer or brokerage through the extended port
    -- (三（一）6); HALL: at a registration hall window
    channel             TEXT        NOT NULL CHECK (channel IN ('ONLINE', 'PORT', 'HALL')),
    submitted_by        TEXT        NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('SUBMITTED', 'SUPPLEMENT_REQUIRED', 'REJECTED', 'ACCEPTED',
                                                               'REVIEWED', 'WAITING_FOR_TAX', 'REGISTERED', 'COMPLETED',
                                                               'REFUSED', 'WITHDRAWN')),
    -- the engine's process instance
    process_instance_id TEXT,
    -- what the application asks to register (owners' shares, mortgage amount and rank …), personal data sealed
    content             JSONB       NOT NULL DEFAULT '{}',
    housing             BOOLEAN     NOT NULL DEFAULT true,
    certificates        INT         NOT NULL DEFAULT 1 CHECK (certificates BETWEEN 0 AND 99),
    fee                 NUMERIC(12, 2) NOT NULL DEFAULT 0 CHECK (fee >= 0),
    fee_paid_at         TIMESTAMPTZ,
    -- visits to a hall the applicant had to make: 0 is 一次都不跑 (互联网+不动产登记建设指南 一（六）)
    hall_visits         INT         NOT NULL DEFAULT 0 CHECK (hall_visits >= 0),
    submitted_at        TIMESTAMPTZ NOT NULL,
    accepted_at         TIMESTAMPTZ,
    reviewed_at         TIMESTAMPTZ,
    registered_at       TIMESTAMPTZ,
    completed_at        TIMESTAMPTZ,
    -- the register-book entry 登簿 wrote, and the certificate or proof number it carries
    entry_seq           INT,
    certificate_no      TEXT,
    version             INT         NOT NULL DEFAULT 0
);
CREATE INDEX registration_application_district_idx ON registration_application (district_code, status);
CREATE INDEX registration_application_unit_idx ON registration_application (unit_code);
CREATE INDEX registration_application_filing_idx ON registration_application (filing_code) WHERE filing_code IS NOT NULL;
CREATE INDEX registration_application_submitted_idx ON registration_application (submitted_at);

-- 申请人: the parties of an application (权利人, 义务人, 抵押权人 …), sealed, found by the blind index of their number
CREATE TABLE registration_party
(
    application_no   TEXT    NOT NULL REFERENCES registration_application,
    position         INT     NOT NULL,
    -- RIGHT_HOLDER (权利人), OBLIGOR (义务人), APPLICANT (单方申请人, e.g. a court or a developer)
    role             TEXT    NOT NULL CHECK (role IN ('RIGHT_HOLDER', 'OBLIGOR', 'APPLICANT')),
    id_type          TEXT    NOT NULL,
    id_number_sealed TEXT    NOT NULL,
    id_number_index  TEXT    NOT NULL,
    name_sealed      TEXT    NOT NULL,
    phone_sealed     TEXT,
    co_ownership     TEXT,
    share            TEXT,
    PRIMARY KEY (application_no, position)
);
CREATE INDEX registration_party_index_idx ON registration_party (id_number_index);

-- 办理进度: every step an application went through, as the applicant sees it (二（一）5 进度查询)
CREATE TABLE registration_progress
(
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_no TEXT        NOT NULL REFERENCES registration_application,
    step           TEXT        NOT NULL,
    outcome        TEXT        NOT NULL,
    note           TEXT,
    actor          TEXT        NOT NULL,
    at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX registration_progress_application_idx ON registration_progress (application_no, id);

-- 机器核验: the machine checks run at acceptance and again at 登簿, each run kept like the filing module's report
CREATE TABLE registration_check
(
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_no TEXT        NOT NULL REFERENCES registration_application,
    step           TEXT        NOT NULL,
    passed         BOOLEAN     NOT NULL,
    checks         JSONB       NOT NULL,
    at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX registration_check_application_idx ON registration_check (application_no, id);

CREATE SEQUENCE registration_application_seq;

GRANT SELECT, INSERT, UPDATE ON registration_application, registration_party TO tongban_app;
GRANT SELECT, INSERT ON registration_progress, registration_check TO tongban_app;
GRANT USAGE ON SEQUENCE registration_application_seq TO tongban_app;
