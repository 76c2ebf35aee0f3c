-- Identity (issue #3): departments and the districts they serve, roles and their permissions, staff users,
-- and the OAuth 2.0 clients of department systems (Spring Authorization Server's schema, timestamps as timestamptz).

CREATE TABLE department
(
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    credit_code   CHAR(18)    NOT NULL UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    name          TEXT        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    type          TEXT        NOT NULL CHECK (type IN ('HOUSING', 'TAX', 'REGISTRATION', 'PROVIDENT_FUND', 'POLICE', 'COURT',
                                                       'CIVIL_AFFAIRS', 'PRICE_ASSESSMENT', 'BIG_DATA', 'MARKET_REGULATION',
                                                       'BANK', 'DEVELOPER', 'BROKERAGE')),
    all_districts BOOLEAN     NOT NULL DEFAULT FALSE,
    version       BIGINT      NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- the county-level districts (GB/T 2260) a department serves: its staff see and change only their data
CREATE TABLE department_district
(
    department_id BIGINT  NOT NULL REFERENCES department (id),
    district_code CHAR(6) NOT NULL CHECK (district_code ~ '^[0-9]{6}$'),
    PRIMARY KEY (department_id, district_code)
);

CREATE TABLE role
(
    code            TEXT        NOT NULL PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{1,49}$'),
    name_zh         TEXT        NOT NULL,
    name_en         TEXT        NOT NULL,
    department_type TEXT        NOT NULL,
    version         BIGINT      NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- permissions are module:resource:action strings defined in code (cn.tongban.identity.Permissions)
CREATE TABLE role_permission
(
    role_code  TEXT NOT NULL REFERENCES role (code),
    permission TEXT NOT NULL CHECK (permission ~ '^[a-z]+:[a-z-]+:[a-z-]+$'),
    PRIMARY KEY (role_code, permission)
);

CREATE TABLE staff_user
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username        TEXT        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    display_name    TEXT        NOT NULL,
    department_id   BIGINT      NOT NULL REFERENCES department (id),
    password_hash   TEXT        NOT NULL,
    enabled         BOOLEAN     NOT NULL DEFAULT TRUE,
    failed_attempts INT         NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until    TIMESTAMPTZ,
    demo            BOOLEAN     NOT NULL DEFAULT FALSE,
    version         BIGINT      NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE staff_user_role
(
    user_id   BIGINT NOT NULL REFERENCES staff_user (id),
    role_code TEXT   NOT NULL REFERENCES role (code),
    PRIMARY KEY (user_id, role_code)
);

CREATE TABLE oauth2_registered_client
(
    id                            VARCHAR(100)  NOT NULL PRIMARY KEY,
    client_id                     VARCHAR(100)  NOT NULL UNIQUE,
    client_id_issued_at           TIMESTAMPTZ   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    client_secret                 VARCHAR(200),
    client_secret_expires_at      TIMESTAMPTZ,
    client_name                   VARCHAR(200)  NOT NULL,
    client_authentication_methods VARCHAR(1000) NOT NULL,
    authorization_grant_types     VARCHAR(1000) NOT NULL,
    redirect_uris                 VARCHAR(1000),
    post_logout_redirect_uris     VARCHAR(1000),
    scopes                        VARCHAR(1000) NOT NULL,
    client_settings               VARCHAR(2000) NOT NULL,
    token_settings                VARCHAR(2000) NOT NULL
);

-- which department a system client acts for, and with which roles
CREATE TABLE system_client
(
    client_id     VARCHAR(100) NOT NULL PRIMARY KEY REFERENCES oauth2_registered_client (client_id),
    department_id BIGINT       NOT NULL REFERENCES department (id),
    demo          BOOLEAN      NOT NULL DEFAULT FALSE
);

CREATE TABLE system_client_role
(
    client_id VARCHAR(100) NOT NULL REFERENCES system_client (client_id),
    role_code TEXT         NOT NULL REFERENCES role (code),
    PRIMARY KEY (client_id, role_code)
);

CREATE TABLE oauth2_authorization
(
    id                            VARCHAR(100) NOT NULL PRIMARY KEY,
    registered_client_id          VARCHAR(100) NOT NULL,
    principal_name                VARCHAR(200) NOT NULL,
    authorization_grant_type      VARCHAR(100) NOT NULL,
    authorized_scopes             VARCHAR(1000),
    attributes                    TEXT,
    state                         VARCHAR(500),
    authorization_code_value      TEXT,
    authorization_code_issued_at  TIMESTAMPTZ,
    authorization_code_expires_at TIMESTAMPTZ,
    authorization_code_metadata   TEXT,
    access_token_value            TEXT,
    access_token_issued_at        TIMESTAMPTZ,
    access_token_expires_at       TIMESTAMPTZ,
    access_token_metadata         TEXT,
    access_token_type             VARCHAR(100),
    access_token_scopes           VARCHAR(1000),
    oidc_id_token_value           TEXT,
    oidc_id_token_issued_at       TIMESTAMPTZ,
    oidc_id_token_expires_at      TIMESTAMPTZ,
    oidc_id_token_metadata        TEXT,
    refresh_token_value           TEXT,
    refresh_token_issued_at       TIMESTAMPTZ,
    refresh_token_expires_at      TIMESTAMPTZ,
    refresh_token_metadata        TEXT,
    user_code_value               TEXT,
    user_code_issued_at           TIMESTAMPTZ,
    user_code_expires_at          TIMESTAMPTZ,
    user_code_metadata            TEXT,
    device_code_value             TEXT,
    device_code_issued_at         TIMESTAMPTZ,
    device_code_expires_at        TIMESTAMPTZ,
    device_code_metadata          TEXT
);
CREATE INDEX oauth2_authorization_expiry_idx ON oauth2_authorization (access_token_expires_at);

-- Citizens (办事群众) who sign in to see their own records and who accessed them. Personal data sealed with SM4
-- like every party's (issue #3 item 4); they sign in with their ID number, found through its blind index.
CREATE TABLE citizen_account
(
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id_number_index  CHAR(64)    NOT NULL UNIQUE CHECK (id_number_index ~ '^[0-9a-f]{64}$'),
    id_number_sealed TEXT        NOT NULL CHECK (id_number_sealed ~ '^[a-z0-9-]{1,32}:[A-Za-z0-9+/]+=*$'),
    name_sealed      TEXT        NOT NULL CHECK (name_sealed ~ '^[a-z0-9-]{1,32}:[A-Za-z0-9+/]+=*$'),
    password_hash    TEXT        NOT NULL,
    failed_attempts  INT         NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until     TIMESTAMPTZ,
    demo             BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- 实名信息: who a 公民身份号码 belongs to, as the police (户籍) and 民政 share it. Only blind indexes are kept:
-- enough to confirm that a name belongs to a number, nothing to read back (issue #4 item 3).
CREATE TABLE real_name_record
(
    id_number_index CHAR(64)    NOT NULL PRIMARY KEY CHECK (id_number_index ~ '^[0-9a-f]{64}$'),
    name_index      CHAR(64)    NOT NULL CHECK (name_index ~ '^[0-9a-f]{64}$'),
    source          TEXT        NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
