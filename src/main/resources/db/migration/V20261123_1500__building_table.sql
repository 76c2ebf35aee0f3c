-- 楼盘表 (building-unit table): 建房规〔2020〕4号 一（一）—（四）. Projects, buildings (幢), presale permits and
-- 现售备案, units (户) with their 交易状况 and 权利状况, and the append-only history through which those change.

-- 项目
CREATE TABLE project
(
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                  TEXT        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    developer_credit_code CHAR(18)    NOT NULL CHECK (developer_credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    district_code         CHAR(6)     NOT NULL CHECK (district_code ~ '^[0-9]{6}$'),
    parcel_code           CHAR(19)    NOT NULL CHECK (parcel_code ~ '^[0-9]{12}[GJZ][ABSXCDEFHGWY][0-9]{5}$'),
    land_use              TEXT        NOT NULL CHECK (length(btrim(land_use)) BETWEEN 1 AND 50),
    land_term_start       DATE,
    land_term_end         DATE,
    version               BIGINT      NOT NULL DEFAULT 0,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT project_name_unique_in_district UNIQUE (district_code, name),
    CONSTRAINT project_land_term_order CHECK (land_term_end IS NULL OR land_term_start IS NULL OR land_term_end > land_term_start)
);
CREATE INDEX project_developer_idx ON project (developer_credit_code);

-- 幢: identified by its 24-character prefix of the 不动产单元代码 (宗地代码 + 'F' + 4-digit 幢号, GB/T 37346-2019)
CREATE TABLE building
(
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id         BIGINT      NOT NULL REFERENCES project (id),
    building_code      TEXT COLLATE "C" NOT NULL UNIQUE CHECK (building_code ~ '^[0-9]{12}[GJZ][ABSXCDEFHGWY][0-9]{5}F[0-9]{4}$'),
    name               TEXT        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    floors_above       INT         NOT NULL CHECK (floors_above BETWEEN 1 AND 200),
    floors_below       INT         NOT NULL DEFAULT 0 CHECK (floors_below BETWEEN 0 AND 20),
    structure          TEXT        NOT NULL,
    planned_completion DATE,
    actual_completion  DATE,
    version            BIGINT      NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX building_project_idx ON building (project_id);

-- 户. Keyed by its 不动产单元代码 (GB/T 37346-2019): the code every department uses for the same unit. Codes
-- compare bytewise (COLLATE "C"): they are identifiers, and a building's units are then one key range.
CREATE TABLE unit
(
    unit_code             TEXT COLLATE "C" NOT NULL PRIMARY KEY CHECK (unit_code ~ '^[0-9]{12}[GJZ][ABSXCDEFHGWY][0-9]{5}F[0-9]{8}$'),
    house_code            TEXT COLLATE "C" CHECK (house_code ~ '^[0-9A-Za-z-]{1,40}$'),
    building_id           BIGINT        NOT NULL REFERENCES building (id),
    location              TEXT          NOT NULL CHECK (length(btrim(location)) BETWEEN 1 AND 200),
    floor                 INT           NOT NULL CHECK (floor <> 0 AND floor BETWEEN -20 AND 200),
    room_no               TEXT          NOT NULL CHECK (length(btrim(room_no)) BETWEEN 1 AND 20),
    building_area         NUMERIC(12, 2) NOT NULL CHECK (building_area > 0),
    inner_area            NUMERIC(12, 2) NOT NULL CHECK (inner_area > 0),
    shared_area           NUMERIC(12, 2) NOT NULL CHECK (shared_area >= 0),
    house_use             TEXT          NOT NULL,
    land_use              TEXT          NOT NULL CHECK (length(btrim(land_use)) BETWEEN 1 AND 50),
    house_nature          TEXT          NOT NULL,
    house_type            TEXT          NOT NULL,
    room_layout           TEXT,
    layout_structure      TEXT,
    orientation           TEXT,
    house_state           TEXT          NOT NULL,
    -- 交易状况
    trade_status          TEXT          NOT NULL DEFAULT 'UNAVAILABLE'
        CHECK (trade_status IN ('UNAVAILABLE', 'AVAILABLE', 'FILED', 'REGISTERED')),
    -- 权利状况: 预告, 查封, 抵押, 异议, 锁定, 在建工程抵押
    advance_notice        BOOLEAN       NOT NULL DEFAULT FALSE,
    seized                BOOLEAN       NOT NULL DEFAULT FALSE,
    mortgaged             BOOLEAN       NOT NULL DEFAULT FALSE,
    objection             BOOLEAN       NOT NULL DEFAULT FALSE,
    locked                BOOLEAN       NOT NULL DEFAULT FALSE,
    construction_mortgage BOOLEAN       NOT NULL DEFAULT FALSE,
    version               BIGINT        NOT NULL DEFAULT 0,
    created_at            TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ   NOT NULL DEFAULT now(),
    -- the surveyed areas must add up: 套内建筑面积 + 分摊面积 = 建筑面积 (GB/T 17986.1-2000 房产测量规范), to the 0.01 m²
    CONSTRAINT unit_areas_add_up CHECK (abs(inner_area + shared_area - building_area) <= 0.01)
);
CREATE UNIQUE INDEX unit_house_code_unique ON unit (house_code) WHERE house_code IS NOT NULL;
-- Units arrive building by building (imports, filings per building), so a BRIN index finds a building's units at
-- almost no cost to the bulk import, unlike a B-tree (issue #2 benchmark).
CREATE INDEX unit_building_brin ON unit USING brin (building_id);

-- 预售许可 / 现售备案 per building, and the units each covers
CREATE TABLE sale_permit
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    building_id BIGINT      NOT NULL REFERENCES building (id),
    kind        TEXT        NOT NULL CHECK (kind IN ('PRESALE', 'SPOT_SALE')),
    permit_no   TEXT        NOT NULL UNIQUE CHECK (length(btrim(permit_no)) BETWEEN 1 AND 60),
    issued_on   DATE        NOT NULL,
    valid_from  DATE        NOT NULL,
    valid_to    DATE,
    version     BIGINT      NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT sale_permit_validity_order CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX sale_permit_building_idx ON sale_permit (building_id);

CREATE TABLE sale_permit_unit
(
    permit_id BIGINT   NOT NULL REFERENCES sale_permit (id),
    unit_code TEXT COLLATE "C" NOT NULL REFERENCES unit (unit_code),
    PRIMARY KEY (permit_id, unit_code)
);
CREATE INDEX sale_permit_unit_unit_idx ON sale_permit_unit (unit_code);

-- 房屋所有权人 as registered. Names, ID numbers and phones are personal data: stored only SM4-sealed
-- ("<keyId>:<base64>", cn.tongban.kernel.crypto.PersonalDataCipher), the ID number also as an HMAC-SM3 blind index
-- for lookups (互联网+不动产登记建设指南 五: 加密存储; issue #3 item 4). The checks refuse anything not sealed.
CREATE TABLE unit_owner
(
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_code        TEXT COLLATE "C" NOT NULL REFERENCES unit (unit_code),
    name_sealed      TEXT        NOT NULL CHECK (name_sealed ~ '^[a-z0-9-]{1,32}:[A-Za-z0-9+/]+=*$'),
    id_type          TEXT        NOT NULL,
    id_number_sealed TEXT        NOT NULL CHECK (id_number_sealed ~ '^[a-z0-9-]{1,32}:[A-Za-z0-9+/]+=*$'),
    id_number_index  CHAR(64)    NOT NULL CHECK (id_number_index ~ '^[0-9a-f]{64}$'),
    phone_sealed     TEXT CHECK (phone_sealed ~ '^[a-z0-9-]{1,32}:[A-Za-z0-9+/]+=*$'),
    co_ownership     TEXT        NOT NULL,
    share            TEXT,
    certificate_no   TEXT,
    registered_on    DATE,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX unit_owner_id_number_idx ON unit_owner (id_number_index);
CREATE INDEX unit_owner_unit_idx ON unit_owner (unit_code);

-- The append-only history of 交易状况 and 权利状况 (建房规〔2020〕4号 一（四）: 动态更新楼盘表信息).
-- A unit's status columns are a projection of this table: inserting a change applies it to the unit; nothing
-- else may change them, and no change may be edited or deleted afterwards.
CREATE TABLE unit_status_change
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_code       TEXT COLLATE "C" NOT NULL REFERENCES unit (unit_code),
    aspect          TEXT        NOT NULL CHECK (aspect IN ('TRADE_STATUS', 'ADVANCE_NOTICE', 'SEIZED', 'MORTGAGED',
                                                          'OBJECTION', 'LOCKED', 'CONSTRUCTION_MORTGAGE')),
    old_value       TEXT        NOT NULL,
    new_value       TEXT        NOT NULL,
    reason          TEXT        NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
    source_document TEXT        NOT NULL CHECK (length(btrim(source_document)) BETWEEN 1 AND 200),
    recorded_by     TEXT        NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT unit_status_change_is_a_change CHECK (old_value <> new_value)
);
CREATE INDEX unit_status_change_unit_idx ON unit_status_change (unit_code, id);
-- append-only for the application's role too, not only by trigger
REVOKE UPDATE, DELETE, TRUNCATE ON unit_status_change FROM tongban_app;

CREATE FUNCTION unit_status_change_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'unit_status_change is append-only: % refused', TG_OP USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER unit_status_change_no_update
    BEFORE UPDATE OR DELETE ON unit_status_change
    FOR EACH ROW EXECUTE FUNCTION unit_status_change_is_append_only();
CREATE TRIGGER unit_status_change_no_truncate
    BEFORE TRUNCATE ON unit_status_change
    FOR EACH STATEMENT EXECUTE FUNCTION unit_status_change_is_append_only();

-- Applies a recorded change to the unit, provided the unit still has the old value the change was based on.
CREATE FUNCTION unit_status_change_apply() RETURNS trigger LANGUAGE plpgsql AS
$$
DECLARE
    applied INT;
BEGIN
    EXECUTE format('UPDATE unit SET %I = $1::%s, version = version + 1, updated_at = now()
                     WHERE unit_code = $2 AND %I::text = $3',
                   lower(NEW.aspect), CASE WHEN NEW.aspect = 'TRADE_STATUS' THEN 'text' ELSE 'boolean' END, lower(NEW.aspect))
        USING NEW.new_value, NEW.unit_code, NEW.old_value;
    GET DIAGNOSTICS applied = ROW_COUNT;
    IF applied <> 1 THEN
        RAISE EXCEPTION 'unit % no longer has % = %', NEW.unit_code, NEW.aspect, NEW.old_value
            USING ERRCODE = 'serialization_failure';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER unit_status_change_applies
    AFTER INSERT ON unit_status_change
    FOR EACH ROW EXECUTE FUNCTION unit_status_change_apply();

-- Refuses any change of a unit's status columns that does not come from unit_status_change_apply().
CREATE FUNCTION unit_status_only_through_history() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF pg_trigger_depth() < 2 AND (NEW.trade_status, NEW.advance_notice, NEW.seized, NEW.mortgaged, NEW.objection,
                                   NEW.locked, NEW.construction_mortgage)
        IS DISTINCT FROM (OLD.trade_status, OLD.advance_notice, OLD.seized, OLD.mortgaged, OLD.objection,
                          OLD.locked, OLD.construction_mortgage) THEN
        RAISE EXCEPTION 'the status of unit % changes only through unit_status_change', OLD.unit_code
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER unit_status_guard
    BEFORE UPDATE ON unit
    FOR EACH ROW EXECUTE FUNCTION unit_status_only_through_history();

-- Bulk imports of units and their row-error reports
CREATE TABLE unit_import
(
    id          UUID        NOT NULL PRIMARY KEY,
    file_name   TEXT,
    -- who imported: reports are visible to the importing department (or to city-wide staff)
    actor_id        TEXT    NOT NULL,
    department_code TEXT,
    total_rows  BIGINT      NOT NULL CHECK (total_rows >= 0),
    inserted    BIGINT      NOT NULL CHECK (inserted >= 0),
    updated     BIGINT      NOT NULL CHECK (updated >= 0),
    unchanged   BIGINT      NOT NULL CHECK (unchanged >= 0),
    rejected    BIGINT      NOT NULL CHECK (rejected >= 0),
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT unit_import_counts_add_up CHECK (inserted + updated + unchanged + rejected = total_rows)
);

CREATE TABLE unit_import_error
(
    import_id UUID   NOT NULL REFERENCES unit_import (id),
    line_no   BIGINT NOT NULL,
    field     TEXT,
    code      TEXT   NOT NULL,
    args      TEXT[] NOT NULL DEFAULT '{}'
);
CREATE INDEX unit_import_error_import_idx ON unit_import_error (import_id, line_no);
