-- Setup links are valid until used; any user (from the setup page, the command line or SQL)
-- makes every one of them void, so the setup page can never make a second first admin.
CREATE FUNCTION r.void_setup_links() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM setup_link;
    RETURN NULL;
END
$$;

CREATE TRIGGER app_user_voids_setup_links
    AFTER INSERT ON app_user
    FOR EACH STATEMENT
    EXECUTE FUNCTION r.void_setup_links();
