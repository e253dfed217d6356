-- The name order carries the matching key, so a search matching thousands of people walks
-- the names in order without reading the table (Person::list_common_name) and stops at the
-- page's last match, instead of fetching every match to sort them. It replaces the plain
-- (full_name, id) index, which it serves for every other use.
CREATE INDEX person_name_order_idx ON person (full_name, id) INCLUDE (name_key);
DROP INDEX person_full_name_id_idx;
