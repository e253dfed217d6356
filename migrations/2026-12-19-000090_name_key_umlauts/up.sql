-- The name key (src/domain/name_key.rs) now takes "ae", "oe" and "ue" for "ä", "ö" and "ü"
-- ("Mueller" is "Müller"), hyphens and dots for spaces and apostrophes for nothing. Only the
-- app computes it: every key goes back to '' here and db/name_keys.rs fills them all again at
-- startup, set-wise in batches. This runs with the live schema dropped (no triggers); the fill
-- runs with it, so the kept duplicate pairs are found again, dismissals kept (duplicates.sql).
UPDATE person SET name_key = '' WHERE name_key <> '';
UPDATE company SET name_key = '' WHERE name_key <> '';
