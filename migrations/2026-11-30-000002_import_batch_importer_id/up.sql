-- Who may confirm and revert a batch: the web user who uploaded it. `imported_by` is only the
-- name shown; an e-mail address is a user's attribute, not their identity, and the command
-- line's name is free text. NULL for command-line imports, which only admins revert.
ALTER TABLE import_batch ADD COLUMN imported_by_user_id BIGINT REFERENCES app_user (id);

-- Web imports so far recorded their importer's e-mail (compared as logins compare it); the
-- command line's "command line (...)" matches no address.
UPDATE import_batch AS b
   SET imported_by_user_id = u.id
  FROM app_user AS u
 WHERE lower(u.email) = lower(b.imported_by);
