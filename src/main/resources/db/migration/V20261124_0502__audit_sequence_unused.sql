-- The audit chain numbers its entries after its head's sequence number, under the chain lock (no gaps); the
-- sequence the first version drew them from is no longer used.
DROP SEQUENCE audit_event_seq;
