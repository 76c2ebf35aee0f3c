-- The buyer's facts a declaration was pre-filled with from the platform (issue #6 item 5, 免填单): kind from the filed
-- contract's parties, homes owned before the purchase from 住房套数 where the family is known; each with its source.
ALTER TABLE tax_declaration ADD COLUMN buyer_prefilled JSONB;
