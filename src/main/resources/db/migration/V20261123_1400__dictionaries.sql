-- Code tables (数据字典) of the national filing data standard 建办房〔2020〕14号, stored as data so that an
-- administrator can correct and extend them. Items are never deleted: filed data keeps referring to old codes,
-- so an item is retired by setting valid_to.
CREATE TABLE dictionary_type
(
    code          TEXT        NOT NULL PRIMARY KEY
        CONSTRAINT dictionary_type_code_format CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
    name_zh       TEXT        NOT NULL CONSTRAINT dictionary_type_name_zh_present CHECK (btrim(name_zh) <> ''),
    name_en       TEXT        NOT NULL CONSTRAINT dictionary_type_name_en_present CHECK (btrim(name_en) <> ''),
    source        TEXT        NOT NULL CONSTRAINT dictionary_type_source_present CHECK (btrim(source) <> ''),
    standard_size INTEGER CONSTRAINT dictionary_type_standard_size_positive CHECK (standard_size > 0),
    version       BIGINT      NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
COMMENT ON TABLE dictionary_type IS '数据字典 code table of 建办房〔2020〕14号, e.g. house_use 房屋用途';
COMMENT ON COLUMN dictionary_type.source IS 'where the items come from (standard, public source, or provisional local table)';
COMMENT ON COLUMN dictionary_type.standard_size IS 'number of items the 2020 national standard gives the table, NULL if unknown';

CREATE TABLE dictionary_item
(
    type_code   TEXT        NOT NULL REFERENCES dictionary_type (code),
    code        TEXT        NOT NULL
        CONSTRAINT dictionary_item_code_format CHECK (code ~ '^[0-9A-Za-z][0-9A-Za-z._-]{0,19}$'),
    label_zh    TEXT        NOT NULL
        CONSTRAINT dictionary_item_label_zh_present CHECK (btrim(label_zh) <> '' AND length(label_zh) <= 200),
    label_en    TEXT        NOT NULL
        CONSTRAINT dictionary_item_label_en_present CHECK (btrim(label_en) <> '' AND length(label_en) <= 200),
    parent_code TEXT,
    sort_order  INTEGER     NOT NULL DEFAULT 0 CONSTRAINT dictionary_item_sort_order_not_negative CHECK (sort_order >= 0),
    valid_from  DATE,
    valid_to    DATE,
    version     BIGINT      NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT dictionary_item_type_code_unique PRIMARY KEY (type_code, code),
    CONSTRAINT dictionary_item_parent FOREIGN KEY (type_code, parent_code) REFERENCES dictionary_item (type_code, code),
    CONSTRAINT dictionary_item_not_own_parent CHECK (parent_code IS NULL OR parent_code <> code),
    CONSTRAINT dictionary_item_validity_order CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);
COMMENT ON TABLE dictionary_item IS 'one code of a 数据字典 table; retired by valid_to, never deleted';
COMMENT ON COLUMN dictionary_item.valid_from IS 'first day the code may be used (inclusive), NULL: always';
COMMENT ON COLUMN dictionary_item.valid_to IS 'last day the code may be used (inclusive), NULL: no end';
