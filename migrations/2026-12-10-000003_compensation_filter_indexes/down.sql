DROP INDEX pay_figure_confidence_title_value_idx;
DROP INDEX pay_figure_confidence_hiring_value_idx;
DROP INDEX pay_figure_kind_title_value_idx;
DROP INDEX pay_figure_kind_hiring_value_idx;
DROP INDEX pay_figure_hiring_title_value_idx;
DROP INDEX pay_figure_hiring_origin_value_idx;
DROP INDEX pay_figure_confidence_kind_value_idx;
DROP INDEX pay_figure_kind_confidence_value_idx;
DROP INDEX pay_figure_confidence_value_groups_idx;
DROP INDEX pay_figure_kind_value_groups_idx;
DROP INDEX pay_figure_hiring_confidence_value_idx;
DROP INDEX pay_figure_hiring_kind_value_idx;
DROP INDEX pay_figure_hiring_value_idx;
CREATE INDEX pay_figure_hiring_value_idx ON pay_figure (hiring_company_id, value)
    WHERE latest AND value IS NOT NULL;
