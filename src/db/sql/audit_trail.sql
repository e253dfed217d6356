-- Every audit entry as the app reads it: the entries of audit_log, and the items of each batch
-- that was applied (or reverted) with one entry for the whole batch (audit.sql), each read as
-- an entry of its record under the batch entry's time, actor and id. Every reader (/audit, a
-- person's history, the four-eyes rule on offers) reads this one source.
--
-- `batch_action` is 'import' or 'revert' for an item's entry, and `batch_id` its batch; the
-- item's `action` reads as the audit's own: an import created or updated the record, its
-- revert deleted what it created and updated back what it updated. Items without `after`
-- come from batches applied before, whose records have entries of their own in audit_log.
-- `item_entry` tells the two apart as a constant, so that a reader who wants audit_log's
-- entries alone (the unfiltered /audit, where a batch's one entry stands for its items) filters
-- on it and the planner drops the items' branch before running it.
-- `report_person` is the person a pay report's entry is about (only pay reports' rows have a
-- `person_id`), written as import_item_report_person_idx indexes it.
CREATE VIEW r.audit_trail AS
SELECT a.id, a.at, a.actor, a.record_table, a.record_id, a.action, a.before, a.after,
       NULL::bigint AS batch_id, NULL::text AS batch_action, NULL::bigint AS item_id,
       coalesce(a.after, a.before) ->> 'person_id' AS report_person,
       false AS item_entry
FROM audit_log a
UNION ALL
SELECT b.id, b.at, b.actor, i.record_table, i.record_id,
       CASE WHEN b.action = 'import' THEN CASE i.action WHEN 'created' THEN 'create' ELSE 'update' END
            ELSE CASE i.action WHEN 'created' THEN 'delete' ELSE 'update' END END,
       CASE WHEN b.action = 'import' THEN i.before ELSE i.after END,
       CASE WHEN b.action = 'import' THEN i.after ELSE i.before END,
       i.batch_id, b.action, i.id,
       i.after ->> 'person_id',
       true
FROM import_item i
JOIN audit_log b ON b.record_table = 'import_batch' AND b.record_id = i.batch_id
                AND b.action IN ('import', 'revert')
WHERE i.after IS NOT NULL;
