DROP INDEX import_item_report_person_idx;
DROP INDEX import_item_record_idx;
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
    CHECK (action IN ('create', 'update', 'delete', 'erase', 'merge', 'unmerge'));
ALTER TABLE import_item DROP COLUMN after;
