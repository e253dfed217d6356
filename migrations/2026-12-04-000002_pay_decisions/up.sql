-- Decisions on offers outside their band (DOMAIN.md: "an offer outside its band needs a
-- written reason and an approver; keep which band version was used"). Every decision is kept:
-- an offer's status comes from its latest decision while the figures decided on (`figures`)
-- are still the offer's, so changing the offer, its person's family, level or zone, or the
-- band puts it back to pending without losing the history. The audit trigger records who,
-- when, the reason and those figures.
CREATE TABLE pay_decision (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pay_report_id BIGINT NOT NULL REFERENCES pay_report (id) ON DELETE CASCADE,
    pay_band_id   BIGINT NOT NULL REFERENCES pay_band (id),
    -- NULL only for the demo's decision: the demo is seeded before anyone has an account.
    decided_by    BIGINT REFERENCES app_user (id),
    decision      TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
    reason        TEXT NOT NULL CHECK (btrim(reason) <> '' AND length(reason) <= 2000),
    figures       JSONB NOT NULL,
    decided_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    is_demo       BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT pay_decision_decided_by_someone CHECK (decided_by IS NOT NULL OR is_demo)
);

CREATE INDEX pay_decision_report_idx ON pay_decision (pay_report_id, id DESC);
CREATE INDEX pay_decision_band_idx ON pay_decision (pay_band_id);

CREATE TRIGGER pay_decision_audit AFTER UPDATE OR DELETE ON pay_decision
    FOR EACH ROW EXECUTE FUNCTION write_audit_entry();
CREATE TRIGGER pay_decision_audit_create AFTER INSERT ON pay_decision
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION write_audit_creations();
