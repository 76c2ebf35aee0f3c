-- 不动产登记信息查询 and 登记统计 (issue #7 items 7–8; cn.tongban.identity.Permissions).
-- Property queries (互联网+不动产登记建设指南 二（一）7): registrars, and the departments that need a unit's rights and
-- restrictions for their own cases (tax, provident fund, court enforcement); each query states its purpose.
-- Statistics (五（二）4 综合监管): registrars of their districts and the housing administrator.
INSERT INTO role_permission (role_code, permission) VALUES
    ('registrar', 'registration:property:query'),
    ('tax-officer', 'registration:property:query'),
    ('fund-officer', 'registration:property:query'),
    ('court-officer', 'registration:property:query'),
    ('registrar', 'registration:statistics:query'),
    ('housing-admin', 'registration:statistics:query');

-- a certificate or proof number finds the entry that carries it (query by 不动产权证书号)
CREATE INDEX register_entry_certificate_idx ON register_entry ((content ->> 'certificateNumber'))
    WHERE content ->> 'certificateNumber' IS NOT NULL;
-- and the owners the 楼盘表 imported with their certificate (historical registrations, BuildingTable.unitWithCertificate)
CREATE INDEX unit_owner_certificate_idx ON unit_owner (certificate_no) WHERE certificate_no IS NOT NULL;
-- statistics read applications by the month they were submitted in, per district
CREATE INDEX registration_application_district_submitted_idx ON registration_application (district_code, submitted_at);
