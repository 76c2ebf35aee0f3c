-- Family records (issue #4 item 6): who is married to whom (民政 婚姻登记) and whose child is whose (公安 户籍), as the
-- civil-affairs and police departments share them (建房规〔2020〕4号 二（五）: 通过信息共享…自动核验交易主体的身份、婚姻状况;
-- 常经办发〔2023〕19号 附件1: 当事人在民政部门办理婚姻登记的基本信息, 涉税个人身份及户籍人口信息). Owned by
-- cn.tongban.identity (FamilyRegistry); 住房套数 counts a family's homes by them.
-- ID numbers are sealed with SM4 and found by their HMAC-SM3 blind index, never stored in clear (issue #3 item 4).
-- Versioned after every migration before it, so that a database already migrated to V20261123_1902 takes it in order.

-- One marriage: the two parties in the order of their blind indexes (a pair is stored one way only), the day it was
-- registered and the day it was dissolved (离婚登记 or judgment), NULL while it lasts. That no one is married twice at
-- once is checked by the registry under a lock on each party (two columns cannot carry one unique index).
CREATE TABLE marriage_record
(
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    party_a_index      CHAR(64)    NOT NULL CHECK (party_a_index ~ '^[0-9a-f]{64}$'),
    party_a_sealed     TEXT        NOT NULL CHECK (party_a_sealed ~ '^[a-z0-9-]{1,32}:[A-Za-z0-9+/]+=*$'),
    party_b_index      CHAR(64)    NOT NULL CHECK (party_b_index ~ '^[0-9a-f]{64}$'),
    party_b_sealed     TEXT        NOT NULL CHECK (party_b_sealed ~ '^[a-z0-9-]{1,32}:[A-Za-z0-9+/]+=*$'),
    registered_on      DATE        NOT NULL,
    dissolved_on       DATE,
    source             TEXT        NOT NULL CHECK (length(btrim(source)) BETWEEN 1 AND 200),
    dissolution_source TEXT CHECK (length(btrim(dissolution_source)) BETWEEN 1 AND 200),
    recorded_by        TEXT        NOT NULL,
    department_code    TEXT,
    recorded_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT marriage_parties_ordered CHECK (party_a_index < party_b_index),
    CONSTRAINT marriage_dissolved_after_registered CHECK (dissolved_on IS NULL OR dissolved_on >= registered_on),
    CONSTRAINT marriage_once UNIQUE (party_a_index, party_b_index, registered_on)
);
CREATE INDEX marriage_record_party_b_idx ON marriage_record (party_b_index);

-- 户籍 parent → child. The child's birth date is read from the child's 18-digit number when needed, not stored.
CREATE TABLE household_child
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_index    CHAR(64)    NOT NULL CHECK (parent_index ~ '^[0-9a-f]{64}$'),
    parent_sealed   TEXT        NOT NULL CHECK (parent_sealed ~ '^[a-z0-9-]{1,32}:[A-Za-z0-9+/]+=*$'),
    child_index     CHAR(64)    NOT NULL CHECK (child_index ~ '^[0-9a-f]{64}$'),
    child_sealed    TEXT        NOT NULL CHECK (child_sealed ~ '^[a-z0-9-]{1,32}:[A-Za-z0-9+/]+=*$'),
    source          TEXT        NOT NULL CHECK (length(btrim(source)) BETWEEN 1 AND 200),
    recorded_by     TEXT        NOT NULL,
    department_code TEXT,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT household_child_not_self CHECK (parent_index <> child_index),
    CONSTRAINT household_child_once UNIQUE (parent_index, child_index)
);
CREATE INDEX household_child_child_idx ON household_child (child_index);

-- tongban_app has SELECT, INSERT, UPDATE, DELETE on these tables by the default privileges of V20261123_1250.

-- The departments that keep the records feed them: 民政 (marriages) and 公安 (户籍).
INSERT INTO role_permission (role_code, permission) VALUES
    ('civil-affairs-officer', 'identity:family:record'), ('police-officer', 'identity:family:record');
