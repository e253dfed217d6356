ALTER TABLE app_user DROP COLUMN language;
