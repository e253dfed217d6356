-- Each offer checked against its band in one place, so the offers report can filter by
-- approval status, count, order and page in SQL at any size, and the offer pages read the
-- very same figures (src/offers reads them; it keeps no second copy of the rule).

-- The band in force for a family, level and zone on a day: the zone's own band before the
-- one for every zone (''), the latest that took effect by then. Families and levels match
-- without case (`fold_case`). As rows rather than a scalar: PostgreSQL inlines a SQL function
-- that returns a set into the query that calls it, where a scalar function with a query in it
-- runs as a separate plan per offer (1.4 s of 3 over 100,000 offers).
CREATE FUNCTION r.bands_in_force(family TEXT, lvl TEXT, person_zone TEXT, on_day DATE)
RETURNS TABLE (band_id BIGINT) LANGUAGE sql STABLE AS $$
    SELECT b.id FROM pay_band b
    WHERE fold_case(b.job_family) = fold_case(family) AND fold_case(b.level) = fold_case(lvl)
      AND b.zone IN (coalesce(person_zone, ''), '') AND b.effective_on <= on_day
    ORDER BY b.zone = '', b.effective_on DESC
    LIMIT 1
$$;

-- The same as a scalar, for the pay band pages (models/pay_band.rs).
CREATE FUNCTION r.band_in_force(family TEXT, lvl TEXT, person_zone TEXT, on_day DATE)
RETURNS BIGINT LANGUAGE sql STABLE AS $$
    SELECT band_id FROM r.bands_in_force(family, lvl, person_zone, on_day)
$$;

-- For every offer: the band in force, the exchange rates used (NULL for the reporting
-- currency itself or where there is none), its annual base and its annualised midpoint
-- converted into the band's currency (× the offer currency's rate, ÷ the band currency's, to
-- the cent), compa-ratio and range penetration of each (two decimals), whether each lies in
-- its range, the figures a decision is made on, and the status: unchecked without a family,
-- level, band, rate or (with no breached total range) base; not_needed inside; else the
-- latest decision while its figures are still the offer's, or pending.
-- LANGUAGE sql and a single SELECT: PostgreSQL inlines it, so a caller's filters reach the
-- tables underneath.
CREATE FUNCTION r.offer_review(reporting TEXT)
RETURNS TABLE (
    id BIGINT, band_id BIGINT,
    offer_rate NUMERIC, offer_rate_on DATE, band_rate NUMERIC, band_rate_on DATE,
    base_value NUMERIC, base_compa NUMERIC, base_penetration NUMERIC, base_inside BOOLEAN,
    total_value NUMERIC, total_compa NUMERIC, total_penetration NUMERIC, total_inside BOOLEAN,
    figures JSONB, status TEXT
) LANGUAGE sql STABLE AS $$
    SELECT r.id, b.id,
           ro.rate, ro.rate_on, rb.rate, rb.rate_on,
           bv.value, round(bv.value / b.base_mid, 2),
           round((bv.value - b.base_min) / nullif(b.base_max - b.base_min, 0), 2),
           bv.value BETWEEN b.base_min AND b.base_max,
           tv.value, round(tv.value / b.total_mid, 2),
           round((tv.value - b.total_min) / nullif(b.total_max - b.total_min, 0), 2),
           tv.value BETWEEN b.total_min AND b.total_max,
           fig.figures,
           CASE
               WHEN o.outside IS NULL THEN 'unchecked'
               WHEN NOT o.outside THEN 'not_needed'
               WHEN d.figures = fig.figures THEN d.decision
               ELSE 'pending'
           END
    FROM pay_report r
    JOIN person p ON p.id = r.person_id
    LEFT JOIN LATERAL r.bands_in_force(p.job_family, p.level, p.zone, r.as_of) bif ON TRUE
    LEFT JOIN pay_band b ON b.id = bif.band_id
    LEFT JOIN LATERAL (
        SELECT er.rate, er.rate_on FROM exchange_rate er
        WHERE er.currency = r.currency AND er.rate_on <= r.as_of
        ORDER BY er.rate_on DESC LIMIT 1) ro ON r.currency <> reporting
    LEFT JOIN LATERAL (
        SELECT er.rate, er.rate_on FROM exchange_rate er
        WHERE er.currency = b.currency AND er.rate_on <= r.as_of
        ORDER BY er.rate_on DESC LIMIT 1) rb ON b.currency <> reporting
    -- The factors into the band's currency: NULL where a rate is missing.
    CROSS JOIN LATERAL (SELECT
        CASE WHEN r.currency = b.currency THEN 1
             WHEN r.currency = reporting THEN 1 ELSE ro.rate END AS times,
        CASE WHEN r.currency = b.currency THEN 1
             WHEN b.currency = reporting THEN 1 ELSE rb.rate END AS by) f
    CROSS JOIN LATERAL (SELECT coalesce(r.period_years, 1) AS years) y
    CROSS JOIN LATERAL (SELECT round(r.base / y.years * f.times / f.by, 2) AS value) bv
    CROSS JOIN LATERAL (SELECT CASE WHEN b.total_mid IS NOT NULL THEN
        round(r.annual_midpoint(r.amount_low, r.amount_high, r.period_years) * f.times / f.by, 2)
        END AS value) tv
    CROSS JOIN LATERAL (SELECT
        CASE WHEN tv.value NOT BETWEEN b.total_min AND b.total_max THEN TRUE
             WHEN bv.value IS NOT NULL THEN NOT (bv.value BETWEEN b.base_min AND b.base_max)
        END AS outside) o
    -- What a decision is made on (see README "Pay bands, offers and approvals"): any change
    -- to it asks for a new decision.
    CROSS JOIN LATERAL (SELECT CASE WHEN b.id IS NOT NULL THEN jsonb_build_object(
        'currency', r.currency,
        'amount_low', r.amount_low::text,
        'amount_high', r.amount_high::text,
        'period_years', r.period_years,
        'base', r.base::text,
        'as_of', to_char(r.as_of, 'YYYY-MM-DD'),
        'job_family', p.job_family,
        'level', p.level,
        'zone', p.zone,
        'band_id', b.id,
        'band_currency', b.currency,
        'band_base', jsonb_build_array(b.base_min::text, b.base_mid::text, b.base_max::text),
        'band_total', jsonb_build_array(b.total_min::text, b.total_mid::text, b.total_max::text),
        'band_effective_on', to_char(b.effective_on, 'YYYY-MM-DD')) END AS figures) fig
    LEFT JOIN LATERAL (
        SELECT pd.decision, pd.figures FROM pay_decision pd
        WHERE pd.pay_report_id = r.id ORDER BY pd.id DESC LIMIT 1) d ON o.outside
    WHERE r.kind = 'offered'
$$;
