-- Indexes for the people list at a million people, each chosen with EXPLAIN (ANALYZE) on the
-- generated data set (see BENCHMARKS.md).

-- Name search is a substring match (ILIKE '%wang%'): only trigrams can index that.
-- pg_trgm ships with PostgreSQL and is a trusted extension, so the database owner may add it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX person_full_name_trgm_idx ON person USING gin (full_name gin_trgm_ops);

-- The list's default order, and its keyset pagination: (full_name, id) is the page cursor.
CREATE INDEX person_full_name_id_idx ON person (full_name, id);

-- A filter plus the default order: each walks one index in list order and stops at a page.
-- They also serve the foreign keys and the per-company counts the single-column ones did.
DROP INDEX person_origin_company_id_idx;
DROP INDEX person_hiring_company_id_idx;
DROP INDEX person_stage_idx;
CREATE INDEX person_origin_company_name_idx ON person (origin_company_id, full_name, id);
CREATE INDEX person_hiring_company_name_idx ON person (hiring_company_id, full_name, id);
CREATE INDEX person_stage_name_idx ON person (stage, full_name, id);
