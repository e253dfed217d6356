DROP FUNCTION exact_percentile(NUMERIC[], NUMERIC);
