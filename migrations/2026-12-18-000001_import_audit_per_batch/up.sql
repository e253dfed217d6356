-- An import's audit is one entry per batch plus its items: the batch already keeps each
-- record's old values (`before`), and now also its values as the import left them (`after`,
-- with the audit's hidden fields left out), so the history reads a batch's changes from its
-- items instead of 100,000 audit rows written while the file is confirmed. Items of batches
-- applied before keep `after` empty: their records' history stays in their own audit entries.
ALTER TABLE import_item ADD COLUMN after JSONB;

-- The audit's entries of a batch as a whole: 'import' when it is applied, 'revert' when it
-- is reverted (src/db/sql/audit.sql).
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
    CHECK (action IN ('create', 'update', 'delete', 'erase', 'merge', 'unmerge', 'import',
                      'revert'));

-- A record's history finds its items as it finds its audit entries, and a person's the items
-- of their pay reports (also those a revert deleted) by the person the item names.
CREATE INDEX import_item_record_idx ON import_item (record_table, record_id);
CREATE INDEX import_item_report_person_idx ON import_item ((after ->> 'person_id'))
    WHERE record_table = 'pay_report';
