-- Tax calculation (issue #6): a stateless estimate, nothing stored. Granted to the tax office, which assesses, and to
-- the roles that quote the taxes of a transaction to the parties before they sign or register: housing transaction
-- staff (建房〔2020〕61号 四, 免填单), registrars (先税后证: 契税法 第十一条), developers and brokers, banks and the
-- provident fund (the buyer's total cost). Citizens signed in to the portal may call it through their role "citizen"
-- (checked in the controller), for their own estimate.
INSERT INTO role_permission (role_code, permission) VALUES
    ('tax-officer', 'tax:calculation:run'),
    ('housing-admin', 'tax:calculation:run'),
    ('housing-clerk', 'tax:calculation:run'),
    ('registrar', 'tax:calculation:run'),
    ('developer-clerk', 'tax:calculation:run'),
    ('broker', 'tax:calculation:run'),
    ('bank-officer', 'tax:calculation:run'),
    ('fund-officer', 'tax:calculation:run');
