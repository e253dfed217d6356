-- The language a user reads the app in; NULL follows their browser. Which tags exist is the
-- app's catalogue list (a new language is a folder of files, not a migration), so the check
-- holds the shape of a BCP 47 primary language tag only.
ALTER TABLE app_user
    ADD COLUMN language TEXT CHECK (language ~ '^[a-z]{2,3}$');
