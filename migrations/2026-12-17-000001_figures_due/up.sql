-- The people whose kept figures a transaction must refresh before it commits (src/db/sql/
-- figure_triggers.sql): statements add to it, and one deferred trigger refreshes each person
-- once, at commit, still inside the transaction. Rows live only while their transaction runs,
-- so the tables are unlogged: nothing in them survives a crash that would need it, and writing
-- them costs no WAL (a standby never sees them).
CREATE UNLOGGED TABLE figures_due (
    tx xid8 NOT NULL,
    person_id BIGINT NOT NULL,
    PRIMARY KEY (tx, person_id)
);

-- One row per transaction that has people due: the deferred trigger sits on this table, so it
-- fires once per transaction, not once per person.
CREATE UNLOGGED TABLE figures_due_tx (
    tx xid8 PRIMARY KEY
);
