-- 完税结果信息 as registration received it from the tax bureau (TaxPaid; 互联网+不动产登记建设指南 三（一）3 "接收完税结果
-- 信息开展不动产登记"; 契税法 第十一条): what 先税后证 checks before a transfer reaches 登簿. Kept by registration, so
-- that it never reads the tax module's tables; the first record of a contract is enough.
CREATE TABLE registration_tax_paid
(
    filing_code    TEXT PRIMARY KEY,
    declaration_id BIGINT         NOT NULL,
    receipt_no     TEXT           NOT NULL,
    exemption      BOOLEAN        NOT NULL,
    amount         NUMERIC(14, 2) NOT NULL,
    issued_at      TIMESTAMPTZ    NOT NULL,
    received_at    TIMESTAMPTZ    NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT ON registration_tax_paid TO tongban_app;

INSERT INTO role_permission (role_code, permission) VALUES
    ('registrar', 'registration:application:submit'), ('registrar', 'registration:application:handle'),
    ('registrar', 'registration:application:query'), ('registrar', 'registration:fee:confirm'),
    ('bank-officer', 'registration:application:submit'), ('developer-clerk', 'registration:application:submit'),
    ('broker', 'registration:application:submit');
