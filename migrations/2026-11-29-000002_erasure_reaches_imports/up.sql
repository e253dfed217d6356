-- Erasures made before this migration left the import's kept old values of the erased people
-- (import_item.before), which a revert would write back: scrub them as an erasure now does
-- (src/models/person/erase.rs). Files of previews are kept a day at most and hold no record of
-- whom they name, so those are left to expire.
UPDATE import_item
SET before = before - ARRAY['full_name', 'title', 'expertise', 'team', 'location', 'notes', 'source_name', 'source_url']
WHERE before IS NOT NULL
  AND ((record_table = 'person'
        AND record_id IN (SELECT record_id FROM audit_log WHERE record_table = 'person' AND action = 'erase'))
    OR (record_table = 'pay_report'
        AND record_id IN (SELECT pay_report.id FROM pay_report JOIN audit_log
                          ON audit_log.record_table = 'person' AND audit_log.action = 'erase'
                             AND audit_log.record_id = pay_report.person_id)));
