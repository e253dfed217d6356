CREATE INDEX person_full_name_id_idx ON person (full_name, id);
DROP INDEX person_name_order_idx;
