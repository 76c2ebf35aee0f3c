-- 房地产市场监测 (建房规〔2020〕4号 五（十三）: 建立以房屋网签备案数据为基础的房地产市场监测体系): the housing
-- department reads the market figures, each in its districts. No tables: the monitoring module reads the filing,
-- registration and tax modules' public figures.
INSERT INTO role_permission (role_code, permission) VALUES
    ('housing-admin', 'monitoring:market:query'), ('housing-clerk', 'monitoring:market:query');
