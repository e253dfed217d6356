-- Job families and levels compare without case for every letter. lower() follows the
-- database's character type, which is C in the project's own cluster: it folds A–Z only, so
-- "ÉTUDES" and "études" were two families. ICU's root locale folds all of Unicode, whatever
-- locale the cluster was made with. Written once here; the app's queries call it too.
CREATE FUNCTION fold_case(t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT lower(t COLLATE "und-x-icu")
$$;

DROP INDEX pay_band_version_key;
CREATE UNIQUE INDEX pay_band_version_key
    ON pay_band (fold_case(job_family), fold_case(level), zone, effective_on);

CREATE OR REPLACE FUNCTION bands_in_force(family TEXT, lvl TEXT, person_zone TEXT, on_day DATE)
RETURNS TABLE (band_id BIGINT) LANGUAGE sql STABLE AS $$
    SELECT b.id FROM pay_band b
    WHERE fold_case(b.job_family) = fold_case(family) AND fold_case(b.level) = fold_case(lvl)
      AND b.zone IN (coalesce(person_zone, ''), '') AND b.effective_on <= on_day
    ORDER BY b.zone = '', b.effective_on DESC
    LIMIT 1
$$;
