ALTER TABLE app_user DROP COLUMN password_link_expires_at;
DROP TABLE password_link;
DROP TRIGGER app_user_voids_setup_links ON app_user;
DROP FUNCTION void_setup_links();
DROP TABLE setup_link;
