-- The compensation report filtered by hiring company, kind or confidence, grouped by something
-- else: each reads its figures from one index range holding every column it needs (no visit to
-- the table), in value order for the chart's pooled "Other". Where the group is the index's
-- second column the groups come out sorted too; otherwise only the filter's figures are sorted.
DROP INDEX pay_figure_hiring_value_idx;
CREATE INDEX pay_figure_hiring_value_idx ON pay_figure (hiring_company_id, value)
    INCLUDE (origin_company_id, title) WHERE latest AND value IS NOT NULL;
CREATE INDEX pay_figure_hiring_kind_value_idx ON pay_figure (hiring_company_id, kind, value)
    WHERE latest_of_kind AND value IS NOT NULL;
CREATE INDEX pay_figure_hiring_confidence_value_idx
    ON pay_figure (hiring_company_id, confidence, value)
    WHERE latest_of_confidence AND value IS NOT NULL;
-- Beside the narrow (kind, value) and (confidence, value) indexes, which the unfiltered report
-- walks by rank and which would be slower to walk with these columns in them.
CREATE INDEX pay_figure_kind_value_groups_idx ON pay_figure (kind, value)
    INCLUDE (hiring_company_id, title) WHERE latest_of_kind AND value IS NOT NULL;
CREATE INDEX pay_figure_confidence_value_groups_idx ON pay_figure (confidence, value)
    INCLUDE (hiring_company_id, title) WHERE latest_of_confidence AND value IS NOT NULL;
CREATE INDEX pay_figure_kind_confidence_value_idx ON pay_figure (kind, confidence, value)
    WHERE latest_of_both AND value IS NOT NULL;
CREATE INDEX pay_figure_confidence_kind_value_idx ON pay_figure (confidence, kind, value)
    WHERE latest_of_both AND value IS NOT NULL;
