-- One rule for web addresses (company websites, pay report sources), said here and in Rust
-- (`domain::WebUrl::is_web_url`) alike: tests/app/seams_inputs/web_addresses.rs runs tricky and
-- random addresses through both. The older CHECK (`^https?://[^\s]+$`) let the form's parser pass
-- `HTTP://x` and `https:x` on to a refusal here, a 500.
--
-- `http://` or `https://` in lower case; a host: labels of letters, digits, `-`, `_` or any
-- non-ASCII character, between single dots and optionally ending in one, or an IPv6 address in
-- brackets; an optional port up to 65535; then a path, query or fragment. Nowhere a control
-- character, a Unicode space or a backslash (the ranges below are Rust's `char::is_control`
-- and `char::is_whitespace`). At most 2000 characters.
CREATE FUNCTION is_web_url(url TEXT) RETURNS BOOLEAN
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT length(url) <= 2000
       AND url ~ ('^https?://'
           || '(?:[^\u0001-\u002c\u002e-\u002f\u003a-\u0040\u005b-\u005e\u0060\u007b-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+'
           || '(?:\.[^\u0001-\u002c\u002e-\u002f\u003a-\u0040\u005b-\u005e\u0060\u007b-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+)*\.?'
           || '|\[[0-9A-Fa-f.:]+\])'
           || '(?::[0-9]{1,5})?'
           || '(?:[/?#][^\u0001-\u0020\u005c\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*)?$')
       AND coalesce(substring(url FROM '^https?://[^/?#]*:([0-9]{1,5})(?:[/?#]|$)')::int <= 65535,
                    true)
$$;

ALTER TABLE company
    DROP CONSTRAINT company_website_check,
    ADD CONSTRAINT company_website_check CHECK (is_web_url(website)) NOT VALID;
ALTER TABLE pay_report
    DROP CONSTRAINT pay_report_source_url_check,
    ADD CONSTRAINT pay_report_source_url_check CHECK (is_web_url(source_url)) NOT VALID;

-- An address stored under the older rule that this one refuses (a user name before @, a
-- backslash in the path) stays, and its form names the field when the record is next saved;
-- where there is none, the constraints are validated now.
DO $$
DECLARE
    checked TEXT[];
BEGIN
    FOREACH checked SLICE 1 IN ARRAY ARRAY[['company', 'company_website_check'],
                                          ['pay_report', 'pay_report_source_url_check']] LOOP
        BEGIN
            EXECUTE format('ALTER TABLE %I VALIDATE CONSTRAINT %I', checked[1], checked[2]);
        EXCEPTION WHEN check_violation THEN
            RAISE NOTICE '% holds web addresses the new rule refuses; they stay until edited',
                checked[1];
        END;
    END LOOP;
END
$$;
