-- Paperless declaration, first part (issue #6 item 5; 建房〔2020〕61号 四 免填单): the tax module's copy of every filed
-- sale contract, kept from the filing module's events in the filing's own transaction, and declarations pre-filled
-- from it. No personal data is copied: the parties are the filing module's.
CREATE TABLE tax_filed_contract (
    filing_code   TEXT COLLATE "C" PRIMARY KEY,
    contract_type TEXT        NOT NULL CHECK (contract_type IN ('NEW_SALE', 'EXISTING_SALE')),
    unit_code     TEXT COLLATE "C" NOT NULL,
    district_code TEXT        NOT NULL,
    price         NUMERIC(16, 2) NOT NULL CHECK (price > 0),
    signed_on     DATE        NOT NULL,
    filed_at      TIMESTAMPTZ NOT NULL,
    cancelled     BOOLEAN     NOT NULL DEFAULT false
);

CREATE TABLE tax_declaration (
    id          BIGSERIAL PRIMARY KEY,
    filing_code TEXT COLLATE "C" NOT NULL REFERENCES tax_filed_contract (filing_code),
    status      TEXT        NOT NULL CHECK (status IN ('DRAFT')),
    request     JSONB       NOT NULL,
    calculation JSONB       NOT NULL,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX tax_declaration_filing_idx ON tax_declaration (filing_code);

INSERT INTO role_permission (role_code, permission) VALUES
    ('tax-officer', 'tax:declaration:create'), ('tax-officer', 'tax:declaration:query'),
    ('housing-clerk', 'tax:declaration:create'), ('housing-clerk', 'tax:declaration:query'),
    ('housing-admin', 'tax:declaration:create'), ('housing-admin', 'tax:declaration:query'),
    ('broker', 'tax:declaration:create'), ('broker', 'tax:declaration:query'),
    ('developer-clerk', 'tax:declaration:create'), ('developer-clerk', 'tax:declaration:query'),
    ('registrar', 'tax:declaration:query');
