-- a person's registered homes are found by the blind index of their number inside the entries' owners
CREATE INDEX register_entry_owners_idx ON register_entry USING gin ((content -> 'owners') jsonb_path_ops);
