-- 标准房基准价格 (benchmark prices of standard homes): per district, per use and per quarter, proposed by the price
-- assessment body each quarter (常经办发〔2023〕19号 二（三）1, 附件2 （一）2). A declared price below a configurable
-- share of the benchmark value is flagged for a tax officer (契税法 第四条 第二款).
CREATE TABLE tax_benchmark_price (
    district_code TEXT        NOT NULL CHECK (district_code ~ '^[0-9]{6}$'),
    house_use     TEXT        NOT NULL CHECK (house_use ~ '^[0-9]0$'),
    quarter_start DATE        NOT NULL CHECK (extract(day FROM quarter_start) = 1 AND extract(month FROM quarter_start) IN (1, 4, 7, 10)),
    unit_price    NUMERIC(12, 2) NOT NULL CHECK (unit_price > 0),
    document      TEXT        NOT NULL CHECK (length(btrim(document)) > 0),
    set_by        TEXT        NOT NULL,
    set_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (district_code, house_use, quarter_start)
);

-- the check made when the declaration was created, shown to the officer
ALTER TABLE tax_declaration ADD COLUMN price_check JSONB;

INSERT INTO role_permission (role_code, permission) VALUES
    ('price-assessor', 'tax:benchmark-price:edit'), ('price-assessor', 'tax:benchmark-price:query'),
    ('tax-officer', 'tax:benchmark-price:query');
