-- The contract as a PDF (建房规〔2020〕4号 三（九）; issue #4 item 2), rendered from the kept text with the filing code
-- on every page and an embedded font, after the filing commits, and kept with its SM3 digest. Documents rendered
-- before this migration have no PDF yet; it is made from their kept text on first request.
ALTER TABLE contract_document
    ADD COLUMN pdf     BYTEA,
    ADD COLUMN pdf_sm3 CHAR(64) CHECK (pdf_sm3 ~ '^[0-9a-f]{64}$'),
    ADD CONSTRAINT contract_document_pdf_with_digest CHECK ((pdf IS NULL) = (pdf_sm3 IS NULL));
