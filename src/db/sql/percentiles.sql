-- percentile_cont only takes double precision; money must stay exact. This is the same linear
-- interpolation on NUMERIC (DOMAIN.md): r = p·(n−1); x[⌊r⌋] + (r−⌊r⌋)·(x[⌈r⌉] − x[⌊r⌋]).
-- `sorted` must be in ascending order, e.g. array_agg(v ORDER BY v).
CREATE FUNCTION r.exact_percentile(sorted NUMERIC[], p NUMERIC) RETURNS NUMERIC
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN cardinality(sorted) > 0 THEN
        sorted[1 + floor(p * (cardinality(sorted) - 1))::int]
        + (p * (cardinality(sorted) - 1) - floor(p * (cardinality(sorted) - 1)))
          * (sorted[1 + ceil(p * (cardinality(sorted) - 1))::int]
             - sorted[1 + floor(p * (cardinality(sorted) - 1))::int])
    END
$$;
