-- The signed documents of registration (issue #7 items 3, 6, 7; 互联网+不动产登记建设指南 二（一）6 电子证照, 7 查询服务,
-- 三（一）1 受理通知 / 不予受理电子告知书 / 补正材料内容, 5 电子制证). Each is signed with the registration SM2 key over
-- its canonical text and the SM3 of its PDF (cn.tongban.registration.SignedDocuments documents the form); the PDF is
-- kept as issued. Personal data in the canonical text is sealed (SM4) at rest.

-- 电子不动产权证书 and 不动产登记证明: one per register-book entry, verifiable without login by its verification code
CREATE TABLE registration_certificate
(
    certificate_no    TEXT PRIMARY KEY CHECK (length(certificate_no) BETWEEN 10 AND 60),
    verification_code CHAR(16)    NOT NULL UNIQUE CHECK (verification_code ~ '^[2-9A-HJ-NP-Z]{16}$'),
    application_no    TEXT        NOT NULL,
    unit_code         TEXT        NOT NULL CHECK (unit_code ~ '^[0-9]{12}[A-Z]{2}[0-9]{5}[A-Z][0-9]{8}$'),
    entry_seq         INT         NOT NULL CHECK (entry_seq >= 1),
    -- RIGHT: 不动产权证书; PROOF: 不动产登记证明
    kind              TEXT        NOT NULL CHECK (kind IN ('RIGHT', 'PROOF')),
    district_code     CHAR(6)     NOT NULL,
    -- the canonical text, sealed (it names the right holders and obligors)
    content_sealed    TEXT        NOT NULL,
    -- blind indexes of the persons the certificate names: who may download it
    party_indexes     TEXT[]      NOT NULL,
    signature         TEXT        NOT NULL,
    key_id            CHAR(16)    NOT NULL,
    pdf               BYTEA       NOT NULL,
    pdf_sm3           CHAR(64)    NOT NULL CHECK (pdf_sm3 ~ '^[0-9a-f]{64}$'),
    issued_at         TIMESTAMPTZ NOT NULL,
    UNIQUE (unit_code, entry_seq)
);
CREATE INDEX registration_certificate_application_idx ON registration_certificate (application_no);
CREATE INDEX registration_certificate_parties_idx ON registration_certificate USING gin (party_indexes);

-- 无房证明 / 住房信息查询结果: what the register book, the 楼盘表 and the live filings said of a person at an instant
CREATE TABLE registration_housing_record
(
    verification_code CHAR(16) PRIMARY KEY CHECK (verification_code ~ '^[2-9A-HJ-NP-Z]{16}$'),
    subject_index     TEXT        NOT NULL,
    no_home           BOOLEAN     NOT NULL,
    content_sealed    TEXT        NOT NULL,
    signature         TEXT        NOT NULL,
    key_id            CHAR(16)    NOT NULL,
    pdf               BYTEA       NOT NULL,
    pdf_sm3           CHAR(64)    NOT NULL CHECK (pdf_sm3 ~ '^[0-9a-f]{64}$'),
    issued_by         TEXT        NOT NULL,
    issued_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX registration_housing_record_subject_idx ON registration_housing_record (subject_index);

-- 受理通知书, 补正材料通知书 (the missing items, all at once: 不动产登记暂行条例 第十七条), 不予受理通知书 (the reason and
-- the remedy)
CREATE SEQUENCE registration_notice_seq;
CREATE TABLE registration_notice
(
    notice_no      TEXT PRIMARY KEY,
    application_no TEXT        NOT NULL REFERENCES registration_application,
    kind           TEXT        NOT NULL CHECK (kind IN ('ACCEPTANCE', 'SUPPLEMENT', 'REJECTION')),
    items          JSONB       NOT NULL DEFAULT '[]',
    reason         TEXT,
    content        TEXT        NOT NULL,
    signature      TEXT        NOT NULL,
    key_id         CHAR(16)    NOT NULL,
    pdf            BYTEA       NOT NULL,
    pdf_sm3        CHAR(64)    NOT NULL CHECK (pdf_sm3 ~ '^[0-9a-f]{64}$'),
    issued_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX registration_notice_application_idx ON registration_notice (application_no, issued_at);

-- issued documents are never changed or removed, like the register book they certify
CREATE FUNCTION registration_document_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER registration_certificate_no_update
    BEFORE UPDATE OR DELETE ON registration_certificate
    FOR EACH ROW EXECUTE FUNCTION registration_document_is_append_only();
CREATE TRIGGER registration_housing_record_no_update
    BEFORE UPDATE OR DELETE ON registration_housing_record
    FOR EACH ROW EXECUTE FUNCTION registration_document_is_append_only();
CREATE TRIGGER registration_notice_no_update
    BEFORE UPDATE OR DELETE ON registration_notice
    FOR EACH ROW EXECUTE FUNCTION registration_document_is_append_only();

REVOKE ALL ON registration_certificate, registration_housing_record, registration_notice FROM PUBLIC, tongban_app;
GRANT SELECT, INSERT ON registration_certificate, registration_housing_record, registration_notice TO tongban_app;
GRANT USAGE ON SEQUENCE registration_notice_seq TO tongban_app;

INSERT INTO role_permission (role_code, permission) VALUES
    ('registrar', 'registration:certificate:query'), ('registrar', 'registration:housing-record:issue');
