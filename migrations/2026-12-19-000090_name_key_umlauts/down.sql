-- The earlier key is computed by the earlier app, at its startup, from '' as well.
UPDATE person SET name_key = '' WHERE name_key <> '';
UPDATE company SET name_key = '' WHERE name_key <> '';
