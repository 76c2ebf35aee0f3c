-- 收件材料 (互联网+不动产登记建设指南 二（一）3 资料配置; issue #7 item 3): the files an applicant uploads for the items
-- of the business type's checklist. The bytes live on disk (tongban.registration.materials-dir), the row says what
-- they are: item, name, type, size and SM3 as received. Uploading an item again replaces it; the replaced row stays,
-- marked superseded, for the record of what the registrar was shown.
CREATE TABLE registration_material
(
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_no TEXT        NOT NULL REFERENCES registration_application,
    item           TEXT        NOT NULL CHECK (length(item) BETWEEN 1 AND 100),
    file_name      TEXT CHECK (length(file_name) BETWEEN 1 AND 255),
    -- the type judged from the file's first bytes (pdf, jpg, png, ofd), and the media type it is served as
    format         TEXT        NOT NULL CHECK (format IN ('pdf', 'jpg', 'png', 'ofd')),
    content_type   TEXT        NOT NULL,
    byte_count     BIGINT      NOT NULL CHECK (byte_count > 0),
    sm3            CHAR(64)    NOT NULL CHECK (sm3 ~ '^[0-9a-f]{64}$'),
    -- relative to the materials directory
    storage_path   TEXT        NOT NULL UNIQUE,
    uploaded_by    TEXT        NOT NULL,
    uploaded_at    TIMESTAMPTZ NOT NULL,
    superseded_at  TIMESTAMPTZ,
    -- the upload that replaced it (written in the same transaction, before the new row)
    superseded_by  BIGINT REFERENCES registration_material DEFERRABLE INITIALLY DEFERRED
);
-- one current file per item of an application
CREATE UNIQUE INDEX registration_material_current_idx ON registration_material (application_no, item)
    WHERE superseded_at IS NULL;
CREATE INDEX registration_material_application_idx ON registration_material (application_no, id);

GRANT SELECT, INSERT ON registration_material TO tongban_app;
GRANT UPDATE (superseded_at, superseded_by) ON registration_material TO tongban_app;

-- who may upload for an application besides its own citizens: registrars at the window and the systems that submit
-- through the extended port (banks, developers, brokerages; 三（一）6) — which applications, ApplicationAccess decides
INSERT INTO role_permission (role_code, permission) VALUES
    ('registrar', 'registration:material:upload'), ('bank-officer', 'registration:material:upload'),
    ('developer-clerk', 'registration:material:upload'), ('broker', 'registration:material:upload'),
    ('registrar', 'registration:appointment:book'), ('bank-officer', 'registration:appointment:book'),
    ('developer-clerk', 'registration:appointment:book'), ('broker', 'registration:appointment:book'),
    ('registrar', 'registration:appointment:attend');
