-- For each pay figure, the as_of of the figure that follows it (by as_of, then id) among the
-- person's figures, of the same kind, of the same confidence, and of both: the same four
-- choices as the `latest*` flags, which are these being NULL. A report in a date window then
-- picks each person's latest figure inside it with a filter instead of sorting the window's
-- figures by person: a figure in the window is the latest there exactly when the next one is
-- after the window's end (the next one is never before the window's start).
ALTER TABLE pay_figure
    ADD COLUMN next_as_of            DATE,
    ADD COLUMN next_as_of_kind       DATE,
    ADD COLUMN next_as_of_confidence DATE,
    ADD COLUMN next_as_of_both       DATE;

CREATE OR REPLACE VIEW pay_figure_source AS
SELECT pr.id AS pay_report_id, pr.person_id, p.origin_company_id, p.hiring_company_id, p.title,
       pr.kind, pr.confidence, pr.currency, pr.as_of, v.value, v.rate_on,
       row_number() OVER (PARTITION BY pr.person_id
                          ORDER BY pr.as_of DESC, pr.id DESC) = 1 AS latest,
       row_number() OVER (PARTITION BY pr.person_id, pr.kind
                          ORDER BY pr.as_of DESC, pr.id DESC) = 1 AS latest_of_kind,
       row_number() OVER (PARTITION BY pr.person_id, pr.confidence
                          ORDER BY pr.as_of DESC, pr.id DESC) = 1 AS latest_of_confidence,
       row_number() OVER (PARTITION BY pr.person_id, pr.kind, pr.confidence
                          ORDER BY pr.as_of DESC, pr.id DESC) = 1 AS latest_of_both,
       lag(pr.as_of) OVER (PARTITION BY pr.person_id
                           ORDER BY pr.as_of DESC, pr.id DESC) AS next_as_of,
       lag(pr.as_of) OVER (PARTITION BY pr.person_id, pr.kind
                           ORDER BY pr.as_of DESC, pr.id DESC) AS next_as_of_kind,
       lag(pr.as_of) OVER (PARTITION BY pr.person_id, pr.confidence
                           ORDER BY pr.as_of DESC, pr.id DESC) AS next_as_of_confidence,
       lag(pr.as_of) OVER (PARTITION BY pr.person_id, pr.kind, pr.confidence
                           ORDER BY pr.as_of DESC, pr.id DESC) AS next_as_of_both
FROM pay_report pr
JOIN person p ON p.id = pr.person_id
CROSS JOIN LATERAL pay_value(pr.currency, pr.amount_low, pr.amount_high, pr.period_years, pr.as_of) v;

-- What the database already holds, from the kept rows themselves (they carry every column the
-- windows need). Rewritten rather than updated in place, which would leave the table twice its
-- size for every scan until a VACUUM FULL.
CREATE TEMPORARY TABLE pay_figure_before ON COMMIT DROP AS
SELECT f.pay_report_id, f.person_id, f.origin_company_id, f.hiring_company_id, f.title, f.kind,
       f.confidence, f.currency, f.as_of, f.value, f.rate_on, f.latest, f.latest_of_kind,
       f.latest_of_confidence, f.latest_of_both,
       lag(as_of) OVER (PARTITION BY person_id
                        ORDER BY as_of DESC, pay_report_id DESC) AS next_as_of,
       lag(as_of) OVER (PARTITION BY person_id, kind
                        ORDER BY as_of DESC, pay_report_id DESC) AS next_as_of_kind,
       lag(as_of) OVER (PARTITION BY person_id, confidence
                        ORDER BY as_of DESC, pay_report_id DESC) AS next_as_of_confidence,
       lag(as_of) OVER (PARTITION BY person_id, kind, confidence
                        ORDER BY as_of DESC, pay_report_id DESC) AS next_as_of_both
FROM pay_figure f;
TRUNCATE pay_figure;
INSERT INTO pay_figure SELECT * FROM pay_figure_before;

-- A date window's figures in one range of one index, with every column its report reads, so a
-- window is read without visiting the table (a year is a tenth of the figures).
CREATE INDEX pay_figure_window_idx ON pay_figure (as_of)
    INCLUDE (next_as_of, next_as_of_kind, next_as_of_confidence, next_as_of_both, value,
             origin_company_id, hiring_company_id, kind, confidence, title, pay_report_id);
ANALYZE pay_figure;
