-- 数据共享授权 (issue #5 item 4): what a consumer department may receive, for which purposes, which personal fields it
-- sees in full, for how long and on which legal basis (建房〔2020〕61号 一、八: 非因工作需要不得访问共享使用房屋网签备案系统).
-- Owned by cn.tongban.sharing. Never deleted: a revocation keeps the row with who revoked it and why.
CREATE TABLE sharing_grant
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    department_code CHAR(18)    NOT NULL CHECK (department_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    item            TEXT COLLATE "C" NOT NULL CHECK (item ~ '^([A-Z_]{3,40}|catalog:[0-9]{1,4})$'),
    purposes        TEXT[]      NOT NULL CHECK (cardinality(purposes) BETWEEN 1 AND 20),
    full_fields     TEXT[]      NOT NULL DEFAULT '{}',
    valid_from      DATE        NOT NULL,
    valid_to        DATE        NOT NULL,
    legal_basis     TEXT        NOT NULL CHECK (length(btrim(legal_basis)) BETWEEN 1 AND 500),
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at      TIMESTAMPTZ,
    revoked_by      TEXT,
    revoke_reason   TEXT CHECK (length(btrim(revoke_reason)) BETWEEN 1 AND 500),
    version         BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT sharing_grant_period CHECK (valid_to >= valid_from),
    CONSTRAINT sharing_grant_revocation_reasoned CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
);
-- the one lookup of every sharing request: the caller's department and the item asked for, live grants only
CREATE INDEX sharing_grant_lookup_idx ON sharing_grant (department_code, item) WHERE revoked_at IS NULL;

-- 市场租金价格水平 (建房〔2020〕61号 三: 以租赁合同网签备案价款、房屋租赁税票金额、市场租金价格水平等作为依据，综合确定住房
-- 公积金提取金额), per district and 房屋用途 (dictionary house_use), in yuan per m² of building area per month.
CREATE TABLE sharing_market_rent
(
    district_code     CHAR(6)        NOT NULL,
    house_use         TEXT           NOT NULL,
    monthly_per_sqm   NUMERIC(10, 2) NOT NULL CHECK (monthly_per_sqm > 0),
    source            TEXT           NOT NULL,
    updated_by        TEXT           NOT NULL,
    updated_at        TIMESTAMPTZ    NOT NULL DEFAULT now(),
    PRIMARY KEY (district_code, house_use)
);
-- Demo levels for Changzhou's six districts (housing, 成套住宅 11 and 住宅 10), set by the housing department; a real
-- installation replaces them with the published 租金指导价 (PUT /api/v1/sharing/market-rents/{district}/{use}).
INSERT INTO sharing_market_rent (district_code, house_use, monthly_per_sqm, source, updated_by)
SELECT d.code, u.house_use, d.level, '常州市住房租赁市场租金水平（演示）', 'migration'
  FROM (VALUES ('320402', 32.00), ('320404', 30.00), ('320411', 31.00), ('320412', 26.00), ('320413', 18.00),
               ('320481', 17.00)) AS d(code, level),
       (VALUES ('10'), ('11')) AS u(house_use);

-- A lease's term (民法典 第七百零五条), kept with the contract so that the police can tell a live lease
-- (建房〔2020〕61号 五) and the provident fund the rent period (三).
ALTER TABLE contract ADD COLUMN start_on DATE, ADD COLUMN end_on DATE;

INSERT INTO role_permission (role_code, permission) VALUES
    ('housing-admin', 'sharing:grant:manage'), ('housing-admin', 'sharing:grant:query'),
    ('auditor', 'sharing:grant:query'),
    ('bank-officer', 'sharing:interface:call'), ('fund-officer', 'sharing:interface:call'),
    ('tax-officer', 'sharing:interface:call'), ('police-officer', 'sharing:interface:call'),
    ('court-officer', 'sharing:interface:call');
