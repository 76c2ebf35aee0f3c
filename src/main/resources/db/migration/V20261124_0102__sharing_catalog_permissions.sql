-- The catalog, deliveries and their assessment (issue #5 items 1–3; cn.tongban.identity.Permissions):
-- the housing administrator runs the platform's catalog; the tax office, the catalog's consumer and assessor
-- (常经办发〔2023〕19号 三（三）), reads it and the assessment; every provider department with a demo role delivers.
INSERT INTO role_permission (role_code, permission) VALUES
    ('housing-admin', 'sharing:catalog:query'), ('housing-admin', 'sharing:catalog:edit'),
    ('housing-admin', 'sharing:assessment:query'), ('housing-admin', 'sharing:delivery:submit'),
    ('tax-officer', 'sharing:catalog:query'), ('tax-officer', 'sharing:assessment:query'),
    ('tax-officer', 'sharing:delivery:submit'),
    ('auditor', 'sharing:catalog:query'), ('auditor', 'sharing:assessment:query'),
    ('housing-clerk', 'sharing:catalog:query'), ('housing-clerk', 'sharing:delivery:submit'),
    ('registrar', 'sharing:catalog:query'), ('registrar', 'sharing:delivery:submit'),
    ('police-officer', 'sharing:catalog:query'), ('police-officer', 'sharing:delivery:submit'),
    ('civil-affairs-officer', 'sharing:catalog:query'), ('civil-affairs-officer', 'sharing:delivery:submit'),
    ('fund-officer', 'sharing:catalog:query'), ('fund-officer', 'sharing:delivery:submit'),
    ('market-officer', 'sharing:catalog:query'), ('market-officer', 'sharing:delivery:submit'),
    ('price-assessor', 'sharing:catalog:query'), ('price-assessor', 'sharing:delivery:submit');
