-- 不动产权证书号 and 不动产登记证明号 (issue #7 item 6): a sequence per registration authority, year and kind, taken by
-- an atomic upsert, so two certificates never share a number and numbers run without gaps in committed work.
CREATE TABLE certificate_number_sequence
(
    authority  TEXT   NOT NULL CHECK (length(btrim(authority)) BETWEEN 1 AND 50),
    year       INT    NOT NULL CHECK (year BETWEEN 2000 AND 2200),
    kind       TEXT   NOT NULL CHECK (kind IN ('RIGHT', 'PROOF')),
    last_value BIGINT NOT NULL CHECK (last_value >= 1),
    PRIMARY KEY (authority, year, kind)
);
GRANT SELECT, INSERT, UPDATE ON certificate_number_sequence TO tongban_app;
