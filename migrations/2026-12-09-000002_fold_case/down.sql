CREATE OR REPLACE FUNCTION bands_in_force(family TEXT, lvl TEXT, person_zone TEXT, on_day DATE)
RETURNS TABLE (band_id BIGINT) LANGUAGE sql STABLE AS $$
    SELECT b.id FROM pay_band b
    WHERE lower(b.job_family) = lower(family) AND lower(b.level) = lower(lvl)
      AND b.zone IN (coalesce(person_zone, ''), '') AND b.effective_on <= on_day
    ORDER BY b.zone = '', b.effective_on DESC
    LIMIT 1
$$;

DROP INDEX pay_band_version_key;
CREATE UNIQUE INDEX pay_band_version_key
    ON pay_band (lower(job_family), lower(level), zone, effective_on);

DROP FUNCTION fold_case(TEXT);
