-- 契税法 第八条: a taxpayer who changes the use of the property, or no longer meets the conditions of an exemption or
-- reduction, pays the tax exempted or reduced. Recorded when the exemption or payment record is issued, so that the
-- amount at stake and its rule are on file for as long as the record is.
CREATE TABLE tax_obligation (
    id             BIGSERIAL PRIMARY KEY,
    declaration_id BIGINT      NOT NULL REFERENCES tax_declaration (id),
    receipt_no     CHAR(18) COLLATE "C" NOT NULL REFERENCES tax_receipt (receipt_no),
    tax            TEXT        NOT NULL,
    relieved       NUMERIC(16, 2) NOT NULL CHECK (relieved > 0),
    relief         TEXT        NOT NULL,
    rule           TEXT        NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX tax_obligation_declaration_idx ON tax_obligation (declaration_id);
