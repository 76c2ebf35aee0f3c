-- 涉税费信息共享目录 (常经办发〔2023〕19号 二（一）3 “涉税费信息共享内容实行目录管理，目录详见附件1”): the catalog of
-- what each provider department shares, how and how often. “谁主管，谁提供，谁负责” (二（一）1): every item names its
-- provider (责任单位). The seed is Annex 1 as published (src/main/resources/sharing/changzhou-catalog.csv), loaded
-- on the first start by cn.tongban.sharing.CatalogSeed; every later change adds a version.

-- 责任单位, numbered as in Annex 1; department_code binds the platform department that delivers for it.
CREATE TABLE catalog_provider
(
    no              INT PRIMARY KEY CHECK (no > 0),
    name            TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
    department_code TEXT CHECK (department_code ~ '^[0-9A-Z]{18}$'),
    changed_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    changed_by      TEXT NOT NULL
);

CREATE TABLE catalog_item
(
    no                INT PRIMARY KEY CHECK (no > 0),
    provider_no       INT         NOT NULL REFERENCES catalog_provider (no),
    name              TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    -- 共享方式: 实时共享 / 按需提供 / 定期共享
    mode              TEXT        NOT NULL CHECK (mode IN ('REAL_TIME', 'ON_DEMAND', 'PERIODIC')),
    -- 共享方式及交换频率 as written in the document, never rewritten
    frequency_text    TEXT        NOT NULL CHECK (length(frequency_text) BETWEEN 1 AND 100),
    -- a person's reading of a text the platform will not guess (e.g. 每年终了后20日内 for “每年终了后”)
    schedule_decision TEXT CHECK (length(schedule_decision) BETWEEN 1 AND 100),
    -- 是否区县级共享
    district_level    BOOLEAN     NOT NULL,
    fields            TEXT[]      NOT NULL DEFAULT '{}',
    legal_basis       TEXT CHECK (length(legal_basis) <= 500),
    -- deliveries are expected (and assessed) for periods due on or after this day
    tracked_from      DATE        NOT NULL,
    version           INT         NOT NULL CHECK (version > 0),
    changed_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    changed_by        TEXT        NOT NULL
);
CREATE INDEX catalog_item_by_provider ON catalog_item (provider_no);

-- Every version of every item, append-only: what it said, who changed it, when and how (seed, import, edit).
CREATE TABLE catalog_item_version
(
    item_no           INT         NOT NULL REFERENCES catalog_item (no),
    version           INT         NOT NULL,
    provider_no       INT         NOT NULL,
    provider_name     TEXT        NOT NULL,
    name              TEXT        NOT NULL,
    mode              TEXT        NOT NULL,
    frequency_text    TEXT        NOT NULL,
    schedule_decision TEXT,
    district_level    BOOLEAN     NOT NULL,
    fields            TEXT[]      NOT NULL,
    legal_basis       TEXT,
    tracked_from      DATE        NOT NULL,
    change            TEXT        NOT NULL CHECK (change IN ('seed', 'import', 'edit')),
    changed_at        TIMESTAMPTZ NOT NULL,
    changed_by        TEXT        NOT NULL,
    PRIMARY KEY (item_no, version)
);
REVOKE UPDATE, DELETE, TRUNCATE ON catalog_item_version FROM tongban_app;
