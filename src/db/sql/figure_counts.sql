-- How many figures each compensation group holds per range of values, kept in each write's
-- transaction, so a percentile is found by its rank without walking the values below it: add
-- up the ranges to the one holding the rank, then read within that range through the group's
-- ordered index. Kept for what the unfiltered report reads: each person's latest figure
-- ('all', and by origin company, hiring company and title) and their latest of each kind and
-- of each confidence. A range ("bucket") is a value cut to three significant digits, so there
-- are at most 900 per power of ten, and every value in it is at least the bucket itself.
CREATE FUNCTION r.pay_bucket(v NUMERIC) RETURNS NUMERIC LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN v < 1 THEN floor(v) ELSE trunc(v, 3 - length(trunc(v)::text)) END
$$;

-- The counted groups of one figure (none when it has no value). The names are the reports'
-- (`GroupBy::as_str` and `GroupBy::EVERY_FIGURE` in reports/filter.rs, their home, which the
-- query string uses too); this copy is here because the triggers key the counts without Rust,
-- and tests/app/rule_homes/report_groups.rs holds it to them.
CREATE FUNCTION r.pay_count_keys(
    latest BOOLEAN, latest_of_kind BOOLEAN, latest_of_confidence BOOLEAN,
    origin_company_id BIGINT, hiring_company_id BIGINT, title TEXT, kind TEXT, confidence TEXT,
    value NUMERIC
) RETURNS TABLE (grouped_by TEXT, grp TEXT) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT k.grouped_by, k.grp
    FROM (VALUES ('all', NULL, latest),
                 ('origin_company', origin_company_id::text, latest),
                 ('hiring_company', hiring_company_id::text, latest),
                 ('title', title, latest),
                 ('kind', kind, latest_of_kind),
                 ('confidence', confidence, latest_of_confidence)) AS k(grouped_by, grp, counted)
    WHERE k.counted AND value IS NOT NULL
$$;

-- `grp` NULL is the group "(not recorded)"; `n` may fall to 0 (such rows are skipped by reads).
-- A count is striped over 16 rows (`shard`), each writer adding to its own connection's stripe:
-- a single row per range would be taken by every write of a figure in that range (the group
-- "all" by nearly every write) and held until its commit, so concurrent saves would queue on
-- it. Readers add up a range's stripes.
CREATE FUNCTION r.pay_count_shard() RETURNS SMALLINT LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT (pg_backend_pid() % 16)::smallint
$$;
