DROP INDEX pay_figure_window_idx;
DROP VIEW pay_figure_source;
CREATE VIEW pay_figure_source AS
SELECT pr.id AS pay_report_id, pr.person_id, p.origin_company_id, p.hiring_company_id, p.title,
       pr.kind, pr.confidence, pr.currency, pr.as_of, v.value, v.rate_on,
       row_number() OVER (PARTITION BY pr.person_id
                          ORDER BY pr.as_of DESC, pr.id DESC) = 1 AS latest,
       row_number() OVER (PARTITION BY pr.person_id, pr.kind
                          ORDER BY pr.as_of DESC, pr.id DESC) = 1 AS latest_of_kind,
       row_number() OVER (PARTITION BY pr.person_id, pr.confidence
                          ORDER BY pr.as_of DESC, pr.id DESC) = 1 AS latest_of_confidence,
       row_number() OVER (PARTITION BY pr.person_id, pr.kind, pr.confidence
                          ORDER BY pr.as_of DESC, pr.id DESC) = 1 AS latest_of_both
FROM pay_report pr
JOIN person p ON p.id = pr.person_id
CROSS JOIN LATERAL pay_value(pr.currency, pr.amount_low, pr.amount_high, pr.period_years, pr.as_of) v;
ALTER TABLE pay_figure
    DROP COLUMN next_as_of,
    DROP COLUMN next_as_of_kind,
    DROP COLUMN next_as_of_confidence,
    DROP COLUMN next_as_of_both;
