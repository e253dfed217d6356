-- The compensation report filtered by hiring company, kind or confidence, grouped by something
-- else: each reads its groups' values from one index range already in (group, value) order, and
-- the chart's pooled "Other" from one range in value order with the group beside each value (no
-- visit to the table, nothing sorted). The largest such filters hold a fifth to two thirds of
-- everyone's figures.
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
    INCLUDE (origin_company_id, hiring_company_id, title)
    WHERE latest_of_kind AND value IS NOT NULL;
CREATE INDEX pay_figure_confidence_value_groups_idx ON pay_figure (confidence, value)
    INCLUDE (origin_company_id, hiring_company_id, title)
    WHERE latest_of_confidence AND value IS NOT NULL;
CREATE INDEX pay_figure_kind_confidence_value_idx ON pay_figure (kind, confidence, value)
    WHERE latest_of_both AND value IS NOT NULL;
CREATE INDEX pay_figure_confidence_kind_value_idx ON pay_figure (confidence, kind, value)
    WHERE latest_of_both AND value IS NOT NULL;
CREATE INDEX pay_figure_hiring_origin_value_idx
    ON pay_figure (hiring_company_id, origin_company_id, value)
    WHERE latest AND value IS NOT NULL;
CREATE INDEX pay_figure_hiring_title_value_idx ON pay_figure (hiring_company_id, title, value)
    WHERE latest AND value IS NOT NULL;
CREATE INDEX pay_figure_kind_hiring_value_idx ON pay_figure (kind, hiring_company_id, value)
    WHERE latest_of_kind AND value IS NOT NULL;
CREATE INDEX pay_figure_kind_title_value_idx ON pay_figure (kind, title, value)
    WHERE latest_of_kind AND value IS NOT NULL;
CREATE INDEX pay_figure_confidence_hiring_value_idx
    ON pay_figure (confidence, hiring_company_id, value)
    WHERE latest_of_confidence AND value IS NOT NULL;
CREATE INDEX pay_figure_confidence_title_value_idx ON pay_figure (confidence, title, value)
    WHERE latest_of_confidence AND value IS NOT NULL;
