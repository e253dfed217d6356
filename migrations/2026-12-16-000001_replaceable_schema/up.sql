-- Every function, trigger and view of the app now lives once, in src/db/sql/, in schema `r`,
-- which the app re-creates at startup after the migrations whenever those files changed
-- (src/db/sql/mod.rs). Their definitions in `public` go; fold_case and is_web_url stay, as an
-- index and CHECKs depend on them (src/db/sql/schema.sql says why).
--
-- Between this migration and the startup's apply (the same startup, under the same lock) the
-- tables have no triggers; an instance of the previous version still running then would write
-- without its audit entries and kept figures. Stop the old instances before starting this one.

DROP TRIGGER app_user_audit ON app_user;
DROP TRIGGER app_user_audit_create ON app_user;
DROP TRIGGER app_user_voids_setup_links ON app_user;
DROP TRIGGER audit_log_append_only ON audit_log;
DROP TRIGGER audit_log_no_truncate ON audit_log;
DROP TRIGGER company_audit ON company;
DROP TRIGGER company_audit_create ON company;
DROP TRIGGER company_version ON company;
DROP TRIGGER exchange_rate_audit ON exchange_rate;
DROP TRIGGER exchange_rate_audit_create ON exchange_rate;
DROP TRIGGER exchange_rate_figures_delete ON exchange_rate;
DROP TRIGGER exchange_rate_figures_insert ON exchange_rate;
DROP TRIGGER exchange_rate_figures_update ON exchange_rate;
DROP TRIGGER import_batch_audit ON import_batch;
DROP TRIGGER import_batch_audit_create ON import_batch;
DROP TRIGGER pay_band_audit ON pay_band;
DROP TRIGGER pay_band_audit_create ON pay_band;
DROP TRIGGER pay_band_version ON pay_band;
DROP TRIGGER pay_decision_audit ON pay_decision;
DROP TRIGGER pay_decision_audit_create ON pay_decision;
DROP TRIGGER pay_report_audit ON pay_report;
DROP TRIGGER pay_report_audit_create ON pay_report;
DROP TRIGGER pay_report_duplicate_pairs_delete ON pay_report;
DROP TRIGGER pay_report_duplicate_pairs_insert ON pay_report;
DROP TRIGGER pay_report_duplicate_pairs_update ON pay_report;
DROP TRIGGER pay_report_figures_delete ON pay_report;
DROP TRIGGER pay_report_figures_insert ON pay_report;
DROP TRIGGER pay_report_figures_update ON pay_report;
DROP TRIGGER pay_report_pay_history ON pay_report;
DROP TRIGGER pay_report_version ON pay_report;
DROP TRIGGER person_audit ON person;
DROP TRIGGER person_audit_create ON person;
DROP TRIGGER person_duplicate_pairs_insert ON person;
DROP TRIGGER person_duplicate_pairs_update ON person;
DROP TRIGGER person_figures_delete ON person;
DROP TRIGGER person_figures_insert ON person;
DROP TRIGGER person_figures_update ON person;
DROP TRIGGER person_merge_audit ON person_merge;
DROP TRIGGER person_merge_guard ON person_merge;
DROP TRIGGER person_pay_history ON person;
DROP TRIGGER person_version ON person;
DROP TRIGGER report_setting_revalue ON report_setting;
DROP TRIGGER stage_change_figures_delete ON stage_change;
DROP TRIGGER stage_change_figures_insert ON stage_change;
DROP TRIGGER stage_change_figures_update ON stage_change;

DROP VIEW pay_figure_source, person_fact_source, stage_stay_source;

DROP FUNCTION band_in_force(family text, lvl text, person_zone text, on_day date);
DROP FUNCTION bands_in_force(family text, lvl text, person_zone text, on_day date);
DROP FUNCTION bump_version();
DROP FUNCTION duplicate_pairs_of(people bigint[]);
DROP FUNCTION duplicate_pairs_of_changed_people();
DROP FUNCTION duplicate_pairs_of_changed_sources();
DROP FUNCTION duplicate_pairs_of_new_people();
DROP FUNCTION duplicate_pairs_of_new_sources();
DROP FUNCTION duplicate_pairs_of_old_sources();
DROP FUNCTION exact_percentile(sorted numeric[], p numeric);
DROP FUNCTION guard_person_merge();
DROP FUNCTION is_pay_history(source_name text);
DROP FUNCTION offer_review(reporting text);
DROP FUNCTION pay_bucket(v numeric);
DROP FUNCTION pay_count_keys(latest boolean, latest_of_kind boolean, latest_of_confidence boolean, origin_company_id bigint, hiring_company_id bigint, title text, kind text, confidence text, value numeric);
DROP FUNCTION pay_count_shard();
DROP FUNCTION pay_value(cur text, low numeric, high numeric, years smallint, on_day date);
DROP FUNCTION people_merged_into(survivor bigint);
DROP FUNCTION refresh_all_figures();
DROP FUNCTION refresh_duplicate_pairs(people bigint[]);
DROP FUNCTION refresh_figures_of_changed_people();
DROP FUNCTION refresh_figures_of_changed_rows();
DROP FUNCTION refresh_figures_of_new_people();
DROP FUNCTION refresh_figures_of_new_rows();
DROP FUNCTION refresh_figures_of_old_people();
DROP FUNCTION refresh_figures_of_old_rows();
DROP FUNCTION refresh_person_figures(people bigint[]);
DROP FUNCTION refuse_audit_change();
DROP FUNCTION refuse_figure_too_large(value numeric, currency text);
DROP FUNCTION refuse_pay_history();
DROP FUNCTION restore_person(saved jsonb);
DROP FUNCTION revalue_all_figures();
DROP FUNCTION revalue_figures(currencies text[], since date);
DROP FUNCTION revalue_figures_of_rates();
DROP FUNCTION scrub_merge_copy(copy jsonb, people text[], keys text[]);
DROP FUNCTION stage_bit(stage text);
DROP FUNCTION void_setup_links();
DROP FUNCTION write_audit_creations();
DROP FUNCTION write_audit_entry();
DROP FUNCTION write_merge_audit_entry();

-- What the app last applied of src/db/sql/: the SHA-256 of its files, and whether kept
-- figures are to be recomputed after the next apply. A migration whose change (or the change
-- to src/db/sql/ that comes with it) alters what the figures hold sets `refresh_figures`; the
-- app then runs r.refresh_all_figures() in the apply's transaction, with the new formulas.
CREATE TABLE live_schema (
    only_row BOOLEAN PRIMARY KEY DEFAULT true CHECK (only_row),
    hash TEXT NOT NULL,
    refresh_figures BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO live_schema (hash) VALUES ('');
