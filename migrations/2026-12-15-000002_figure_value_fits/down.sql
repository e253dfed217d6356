CREATE OR REPLACE FUNCTION pay_value(cur TEXT, low NUMERIC, high NUMERIC, years SMALLINT, on_day DATE)
RETURNS TABLE (value NUMERIC, rate_on DATE) LANGUAGE sql STABLE AS $$
    SELECT round((low + high) / 2 / coalesce(years, 1)
                 * CASE WHEN cur = s.reporting_currency THEN 1 ELSE r.rate END, 2),
           CASE WHEN cur <> s.reporting_currency THEN r.rate_on END
    FROM report_setting s
    LEFT JOIN LATERAL (
        SELECT er.rate, er.rate_on FROM exchange_rate er
        WHERE er.currency = cur AND er.rate_on <= on_day AND cur <> s.reporting_currency
        ORDER BY er.rate_on DESC LIMIT 1
    ) r ON true
$$;
DROP FUNCTION refuse_figure_too_large(NUMERIC, TEXT);
