DROP INDEX pay_report_offers_idx;
DROP FUNCTION offer_review(TEXT);
CREATE OR REPLACE FUNCTION band_in_force(family TEXT, lvl TEXT, person_zone TEXT, on_day DATE)
RETURNS BIGINT LANGUAGE sql STABLE AS $$
    SELECT b.id FROM pay_band b
    WHERE lower(b.job_family) = lower(family) AND lower(b.level) = lower(lvl)
      AND b.zone IN (coalesce(person_zone, ''), '') AND b.effective_on <= on_day
    ORDER BY b.zone = '', b.effective_on DESC
    LIMIT 1
$$;
DROP FUNCTION bands_in_force(TEXT, TEXT, TEXT, DATE);
