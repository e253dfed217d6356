ALTER TABLE import_batch DROP COLUMN imported_by_user_id;
