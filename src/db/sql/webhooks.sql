-- Webhook deliveries of the events that are row changes, queued in the transaction that makes
-- the change (so a rollback queues nothing, and every way in, forms, imports, the command line,
-- emits them): one outbox row per active endpoint that wants the event, sent after commit by
-- src/webhooks/sender.rs. The offer events are queued beside their mails (models/outbox.rs).
-- Payloads carry ids and facts, never a name or other personal field, so an erasure has
-- nothing to take back out of them; a receiver reads the rest through the app.

-- The body every delivery of `event` carries, as the Standard Webhooks spec shapes it; pay
-- figures (`pay`, merged into `data`) only for an endpoint an admin allowed them.
CREATE FUNCTION r.webhook_body(event TEXT, data JSONB, pay JSONB, may_receive_pay BOOLEAN)
RETURNS JSONB LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'type', event,
        'timestamp', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        'data', CASE WHEN may_receive_pay AND pay IS NOT NULL THEN data || pay ELSE data END)
$$;

-- Whether any active endpoint wants `event`: without one the triggers build nothing.
CREATE FUNCTION r.webhook_wanted(event TEXT) RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM webhook_endpoint e WHERE e.active AND event = ANY (e.events))
$$;

-- Queues `event` for each of `items` (a JSON array of {"data": {...}, "pay": {...}}), in their
-- order, to every active endpoint that wants it.
CREATE FUNCTION r.queue_webhooks(event TEXT, items JSONB) RETURNS void LANGUAGE sql AS $$
    INSERT INTO outbox (channel, kind, webhook_endpoint_id, recipient, payload)
    SELECT 'webhook', event, e.id, e.url,
           r.webhook_body(event, i.item -> 'data', i.item -> 'pay', e.may_receive_pay)
    FROM jsonb_array_elements(coalesce(items, '[]')) WITH ORDINALITY AS i(item, n)
    JOIN webhook_endpoint e ON e.active AND event = ANY (e.events)
    ORDER BY i.n, e.id
$$;

-- person.created. A person put back by a merge's undo is no new person (person.unmerged).
-- The bulk events insert straight from the transition table, not through `queue_webhooks`'s
-- JSON array: 20,000 people to one endpoint took 0.7 to 1.1 s that way, 0.35 to 0.65 s so
-- (beside 0.3 to 0.7 s of the audit's trigger in the same runs; 0.4 ms without endpoints).
CREATE FUNCTION r.webhook_people_created() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('talent_tracker.merging', true), '') = ''
       AND r.webhook_wanted('person.created') THEN
        INSERT INTO outbox (channel, kind, webhook_endpoint_id, recipient, payload)
        SELECT 'webhook', 'person.created', e.id, e.url,
               r.webhook_body('person.created',
                              jsonb_build_object('person_id', n.id, 'stage', n.stage,
                                                 'origin_company_id', n.origin_company_id,
                                                 'hiring_company_id', n.hiring_company_id),
                              NULL, e.may_receive_pay)
        FROM new_rows n
        JOIN webhook_endpoint e ON e.active AND 'person.created' = ANY (e.events)
        ORDER BY n.id, e.id;
    END IF;
    RETURN NULL;
END
$$;

SELECT r.statement_trigger('person_webhook_insert', 'person', 'INSERT',
                           'r.webhook_people_created');

-- person.stage_changed for every move (not a person's first stage, which person.created
-- carries), and person.hired for every move to hired, the first stage included.
CREATE FUNCTION r.webhook_stage_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('talent_tracker.merging', true), '') <> ''
       OR NOT (r.webhook_wanted('person.stage_changed') OR r.webhook_wanted('person.hired')) THEN
        RETURN NULL;
    END IF;
    INSERT INTO outbox (channel, kind, webhook_endpoint_id, recipient, payload)
    SELECT 'webhook', ev.event, e.id, e.url,
           r.webhook_body(ev.event,
                          jsonb_build_object('person_id', n.person_id, 'stage_change_id', n.id,
                                             'from_stage', n.from_stage, 'to_stage', n.to_stage,
                                             'changed_at', n.changed_at),
                          NULL, e.may_receive_pay)
    FROM new_rows n
    CROSS JOIN LATERAL (
        SELECT 'person.stage_changed' AS event, 1 AS rank WHERE n.from_stage IS NOT NULL
        UNION ALL
        SELECT 'person.hired', 2
        WHERE n.to_stage = 'hired' AND n.from_stage IS DISTINCT FROM 'hired') ev
    JOIN webhook_endpoint e ON e.active AND ev.event = ANY (e.events)
    ORDER BY n.id, ev.rank, e.id;
    RETURN NULL;
END
$$;

SELECT r.statement_trigger('stage_change_webhook_insert', 'stage_change', 'INSERT',
                           'r.webhook_stage_changes');

-- person.merged and person.unmerged.
CREATE FUNCTION r.webhook_merge() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    event TEXT := CASE WHEN TG_OP = 'INSERT' THEN 'person.merged' ELSE 'person.unmerged' END;
BEGIN
    IF r.webhook_wanted(event) THEN
        PERFORM r.queue_webhooks(event, jsonb_build_array(jsonb_build_object(
            'data', jsonb_build_object('merge_id', NEW.id, 'survivor_id', NEW.survivor_id,
                                       'removed_id', NEW.removed_id))));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER person_merge_webhook_insert
    AFTER INSERT ON person_merge
    FOR EACH ROW
    EXECUTE FUNCTION r.webhook_merge();

CREATE TRIGGER person_merge_webhook_undo
    AFTER UPDATE OF undone_at ON person_merge
    FOR EACH ROW
    WHEN (OLD.undone_at IS NULL AND NEW.undone_at IS NOT NULL)
    EXECUTE FUNCTION r.webhook_merge();

-- import.confirmed and import.reverted, with the batch's counts.
CREATE FUNCTION r.webhook_import() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    event TEXT := CASE WHEN NEW.status = 'applied' THEN 'import.confirmed'
                       ELSE 'import.reverted' END;
BEGIN
    IF r.webhook_wanted(event) THEN
        PERFORM r.queue_webhooks(event, jsonb_build_array(jsonb_build_object(
            'data', jsonb_build_object('batch_id', NEW.id, 'kind', NEW.kind,
                                       'rows', NEW.rows_total, 'created', NEW.created_count,
                                       'updated', NEW.updated_count,
                                       'skipped', NEW.skipped_count))));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER import_batch_webhook_update
    AFTER UPDATE OF status ON import_batch
    FOR EACH ROW
    WHEN ((OLD.status = 'previewed' AND NEW.status = 'applied')
          OR (OLD.status = 'applied' AND NEW.status = 'reverted'))
    EXECUTE FUNCTION r.webhook_import();

-- person.erased: the id alone.
CREATE FUNCTION r.webhook_erasure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF r.webhook_wanted('person.erased') THEN
        PERFORM r.queue_webhooks('person.erased', jsonb_build_array(jsonb_build_object(
            'data', jsonb_build_object('person_id', NEW.id))));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER person_webhook_erasure
    AFTER UPDATE OF erased_at ON person
    FOR EACH ROW
    WHEN (OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL)
    EXECUTE FUNCTION r.webhook_erasure();
