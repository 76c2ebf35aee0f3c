-- Paperless declaration, second part (issue #6 item 5): the officer's assessed price (契税法 第四条 第二款), the
-- taxpayer's confirmation, and the tax-paid or exemption record with its 18-digit receipt number (契税法 第十一条:
-- 完税、减免税凭证), which only a reason can void.
ALTER TABLE tax_declaration DROP CONSTRAINT tax_declaration_status_check;
ALTER TABLE tax_declaration ADD CONSTRAINT tax_declaration_status_check
    CHECK (status IN ('DRAFT', 'CONFIRMED', 'PAID', 'EXEMPTED'));
ALTER TABLE tax_declaration
    ADD COLUMN assessed_price      NUMERIC(16, 2) CHECK (assessed_price > 0),
    ADD COLUMN assessment_reason   TEXT,
    ADD COLUMN assessed_by         TEXT,
    ADD COLUMN confirmed_by        TEXT,
    ADD COLUMN confirmed_at        TIMESTAMPTZ,
    ADD CONSTRAINT tax_declaration_assessment_reason CHECK (assessed_price IS NULL OR length(btrim(assessment_reason)) > 0);

CREATE SEQUENCE tax_receipt_seq;

CREATE TABLE tax_receipt (
    receipt_no     CHAR(18) COLLATE "C" PRIMARY KEY CHECK (receipt_no ~ '^[0-9]{18}$'),
    declaration_id BIGINT      NOT NULL REFERENCES tax_declaration (id),
    kind           TEXT        NOT NULL CHECK (kind IN ('PAID', 'EXEMPT')),
    amount         NUMERIC(16, 2) NOT NULL CHECK (amount >= 0),
    issued_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    issued_by      TEXT        NOT NULL,
    voided_at      TIMESTAMPTZ,
    voided_by      TEXT,
    void_reason    TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL))
);
-- at most one receipt in force per declaration
CREATE UNIQUE INDEX tax_receipt_in_force ON tax_receipt (declaration_id) WHERE voided_at IS NULL;

INSERT INTO role_permission (role_code, permission) VALUES
    ('tax-officer', 'tax:declaration:assess'),
    ('tax-officer', 'tax:payment:confirm'), ('bank-officer', 'tax:payment:confirm'),
    ('tax-officer', 'tax:receipt:void');
