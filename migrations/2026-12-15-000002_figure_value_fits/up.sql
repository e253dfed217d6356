-- A pay figure's value is kept as NUMERIC(16, 2) (`pay_figure.value`, `person_fact.value`):
-- below 10^14 in the reporting currency. A large amount in a currency whose rate is large
-- converts to more than that, and PostgreSQL refused the write with a bare "numeric field
-- overflow" (SQLSTATE 22003, and only the message's text, in the server's language, tells it
-- from any other overflow): a 500. The conversion now refuses such a figure itself, with the
-- same SQLSTATE and the name `pay_figure_value_fits`, which the app reads as it reads a CHECK's
-- (`models::pay_valuation::FIGURE_VALUE_FITS`) to show the reason beside the rate or the
-- amount. Whatever writes refused, a rate, a pay report or the reporting currency, nothing of
-- it is kept.
CREATE FUNCTION refuse_figure_too_large(value NUMERIC, currency TEXT) RETURNS NUMERIC
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
    RAISE EXCEPTION 'a pay figure in % converts to %, more than a kept figure holds',
        currency, value
        USING ERRCODE = 'numeric_value_out_of_range', CONSTRAINT = 'pay_figure_value_fits';
END
$$;

-- As in migration `report_figures`, with the bound. Still one SQL statement, so the planner
-- still inlines it; the refusal is only called for a figure that does not fit (STABLE, so it is
-- never evaluated ahead, while planning).
CREATE OR REPLACE FUNCTION pay_value(cur TEXT, low NUMERIC, high NUMERIC, years SMALLINT, on_day DATE)
RETURNS TABLE (value NUMERIC, rate_on DATE) LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN v.value >= 1e14 THEN refuse_figure_too_large(v.value, cur) ELSE v.value END,
           v.rate_on
    FROM (
        SELECT round((low + high) / 2 / coalesce(years, 1)
                     * CASE WHEN cur = s.reporting_currency THEN 1 ELSE r.rate END, 2) AS value,
               CASE WHEN cur <> s.reporting_currency THEN r.rate_on END AS rate_on
        FROM report_setting s
        LEFT JOIN LATERAL (
            SELECT er.rate, er.rate_on FROM exchange_rate er
            WHERE er.currency = cur AND er.rate_on <= on_day AND cur <> s.reporting_currency
            ORDER BY er.rate_on DESC LIMIT 1
        ) r ON true
    ) v
$$;
