-- The dashboard's two rankings, answered from an index instead of sorting every row
-- (at a million people: 3 s before, a few ms after; see BENCHMARKS.md).

-- Largest packages: the annualised midpoint, exactly as the query orders by it.
CREATE INDEX pay_report_annual_midpoint_idx
    ON pay_report ((round((amount_low + amount_high) / 2 / coalesce(period_years, 1), 2)) DESC, id);

-- Latest hires: by start date, else decision date, newest first.
CREATE INDEX person_latest_hires_idx
    ON person ((coalesce(start_on, decided_on)) DESC NULLS LAST, id DESC)
    WHERE stage = 'hired';
