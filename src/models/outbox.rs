//! The outbox: messages written in the transaction of the event they announce and delivered
//! after it commits (src/mail/sender.rs). Rows are only written while the session says mail is
//! on (`talent_tracker.mail`, set on every pooled connection when SMTP is configured), so the
//! hooks need not know the settings.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Double, Integer, Jsonb, Nullable, Text};

pub use super::mail_kind::MailKind;
use super::webhook_delivery::WebhookDelivery;
use crate::domain::{PayKind, PayReportId, PersonId};
use crate::schema::{outbox, pay_report, report_setting};

/// The session setting that turns the hooks on (see `db::Db::with_settings`).
pub const MAIL_SETTING: &str = "talent_tracker.mail";

/// A row as the admins' list shows it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox, check_for_backend(diesel::pg::Pg))]
pub struct OutboxEntry {
    pub id: i64,
    pub kind: String,
    pub recipient: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// A row the sender claimed, to deliver now.
#[derive(Debug, Clone, QueryableByName)]
pub struct Claimed {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Text)]
    pub kind: String,
    #[diesel(sql_type = Nullable<BigInt>)]
    pub recipient_user_id: Option<i64>,
    #[diesel(sql_type = Text)]
    pub recipient: String,
    #[diesel(sql_type = Jsonb)]
    pub payload: serde_json::Value,
    #[diesel(sql_type = Integer)]
    pub attempts: i32,
}

/// Only while the session says mail is on; an opted-out user is left out.
const RECIPIENT_WANTS: &str = "current_setting('talent_tracker.mail', true) = 'on'
    AND u.active
    AND NOT EXISTS (SELECT 1 FROM mail_opt_out x WHERE x.user_id = u.id AND x.kind = $2)";

/// The offer waits for a decision on its current figures, announced once per figures: saving
/// it again unchanged, or with other notes, announces nothing. The user saving it is left out
/// (they cannot decide on it).
const OFFER_PENDING: &str = "
    INSERT INTO outbox (channel, kind, event_key, recipient_user_id, recipient, payload)
    SELECT 'mail', $2, o.key, u.id, u.email, jsonb_build_object('pay_report_id', o.id)
    FROM (SELECT v.id, 'offer_pending:' || v.id || ':' || md5(v.figures::text) AS key
          FROM r.offer_review($3) v
          WHERE v.id = ANY($1) AND v.status = 'pending') o
    CROSS JOIN app_user u
    WHERE u.role IN ('admin', 'compensation')
      AND lower(u.email) <> lower(coalesce(current_setting('talent_tracker.actor', true), ''))
      AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.event_key = o.key)
      AND ";

const OFFER_DECIDED: &str = "
    INSERT INTO outbox (channel, kind, event_key, recipient_user_id, recipient, payload)
    SELECT 'mail', $2, 'offer_decided:' || $3, u.id, u.email,
           jsonb_build_object('pay_report_id', $1, 'decision_id', $3)
    FROM app_user u
    WHERE lower(u.email) = ANY($4)
      AND ";

const LINK: &str = "
    INSERT INTO outbox (channel, kind, recipient_user_id, recipient, payload)
    SELECT 'mail', $2, u.id, u.email, jsonb_build_object('token', $3::text)
    FROM app_user u
    WHERE u.id = $1
      AND ";

/// Due rows, oldest due first, claimed for `lease_seconds`: each gets an attempt counted and
/// is not due again until then, so a sender that dies mid-delivery leaves it to be claimed
/// again. Rows another sender is claiming at this moment are skipped, not waited for.
const CLAIM: &str = "
    UPDATE outbox o
    SET attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => $3)
    WHERE o.id IN (SELECT id FROM outbox
                   WHERE status = 'pending' AND channel = $1 AND next_attempt_at <= now()
                   ORDER BY next_attempt_at, id
                   LIMIT $2
                   FOR UPDATE SKIP LOCKED)
    RETURNING o.id, o.kind, o.recipient_user_id, o.recipient, o.payload, o.attempts";

pub struct Outbox;

impl Outbox {
    /// Announces each of `offers` that waits for a decision to the compensation staff and
    /// admins, unless its figures were announced already; answers how many mails were queued.
    /// Any pay report may be named: those that are no offer, or need no decision, are left out.
    pub fn offers_pending(conn: &mut PgConnection, offers: &[PayReportId]) -> QueryResult<usize> {
        if offers.is_empty() {
            return Ok(0);
        }
        let webhooks = WebhookDelivery::wanted(conn, "offer.pending")?;
        let mail = Outbox::mail_on(conn)?;
        if !webhooks && !mail {
            return Ok(0);
        }
        // Bound, not a subquery: PostgreSQL inlines `offer_review` (and reviews these offers
        // by their index) only when no argument is a subquery; with one it reviewed every offer.
        let reporting: String = report_setting::table
            .select(report_setting::reporting_currency)
            .first(conn)?;
        if webhooks {
            WebhookDelivery::offers_pending(conn, offers, &reporting)?;
        }
        if !mail {
            return Ok(0);
        }
        let ids: Vec<i64> = offers.iter().map(|id| id.get()).collect();
        diesel::sql_query(format!("{OFFER_PENDING}{RECIPIENT_WANTS}"))
            .bind::<Array<BigInt>, _>(ids)
            .bind::<Text, _>(MailKind::OfferPending.as_str())
            .bind::<Text, _>(reporting)
            .execute(conn)
    }

    /// The offers of these people, announced as `offers_pending` does: a change to a person's
    /// family, level or zone can put their offers outside a band.
    pub fn offers_pending_of(conn: &mut PgConnection, people: &[PersonId]) -> QueryResult<usize> {
        if people.is_empty()
            || !(Outbox::mail_on(conn)? || WebhookDelivery::wanted(conn, "offer.pending")?)
        {
            return Ok(0);
        }
        let offers: Vec<PayReportId> = pay_report::table
            .filter(pay_report::person_id.eq_any(people))
            .filter(pay_report::kind.eq(PayKind::Offered))
            .select(pay_report::id)
            .load(conn)?;
        Outbox::offers_pending(conn, &offers)
    }

    /// Whether this session queues mail (see `MAIL_SETTING`): without it, the hooks skip
    /// their queries altogether.
    fn mail_on(conn: &mut PgConnection) -> QueryResult<bool> {
        diesel::select(diesel::dsl::sql::<diesel::sql_types::Bool>(
            "coalesce(current_setting('talent_tracker.mail', true) = 'on', false)",
        ))
        .get_result(conn)
    }

    /// Tells `makers` (e-mails, as the audit names them) of a decision on their offer, and
    /// the webhooks that want decisions.
    pub fn offer_decided(
        conn: &mut PgConnection,
        offer: PayReportId,
        decision: i64,
        makers: &[String],
    ) -> QueryResult<usize> {
        WebhookDelivery::offer_decided(conn, decision)?;
        let makers: Vec<String> = makers.iter().map(|m| m.to_lowercase()).collect();
        diesel::sql_query(format!("{OFFER_DECIDED}{RECIPIENT_WANTS}"))
            .bind::<BigInt, _>(offer.get())
            .bind::<Text, _>(MailKind::OfferDecided.as_str())
            .bind::<BigInt, _>(decision)
            .bind::<Array<Text>, _>(makers)
            .execute(conn)
    }

    /// Mails a password link to its user; `false` when mail is off (the page shows it then).
    pub fn link(
        conn: &mut PgConnection,
        kind: MailKind,
        user: i64,
        token: &str,
    ) -> QueryResult<bool> {
        let queued = diesel::sql_query(format!("{LINK}{RECIPIENT_WANTS}"))
            .bind::<BigInt, _>(user)
            .bind::<Text, _>(kind.as_str())
            .bind::<Text, _>(token)
            .execute(conn)?;
        Ok(queued > 0)
    }

    pub fn claim(
        conn: &mut PgConnection,
        channel: &str,
        limit: i64,
        lease_seconds: f64,
    ) -> QueryResult<Vec<Claimed>> {
        diesel::sql_query(CLAIM)
            .bind::<Text, _>(channel)
            .bind::<BigInt, _>(limit)
            .bind::<Double, _>(lease_seconds)
            .load(conn)
    }

    /// Delivered: a link's token goes from the table, since the mail now carries it.
    pub fn sent(conn: &mut PgConnection, row: &Claimed) -> QueryResult<()> {
        let secret = MailKind::parse(&row.kind).is_some_and(MailKind::secret);
        let payload = if secret {
            serde_json::json!({})
        } else {
            row.payload.clone()
        };
        diesel::update(outbox::table.find(row.id))
            .set((
                outbox::status.eq("sent"),
                outbox::sent_at.eq(diesel::dsl::now),
                outbox::last_error.eq(None::<String>),
                outbox::payload.eq(payload),
            ))
            .execute(conn)
            .map(drop)
    }

    /// Not delivered: due again after `retry_in` seconds, or failed for good with `None`.
    pub fn not_sent(
        conn: &mut PgConnection,
        id: i64,
        error: &str,
        retry_in: Option<f64>,
    ) -> QueryResult<()> {
        diesel::sql_query(
            "UPDATE outbox
             SET last_error = $2,
                 status = CASE WHEN $3::float8 IS NULL THEN 'failed' ELSE 'pending' END,
                 next_attempt_at = now() + make_interval(secs => coalesce($3, 0))
             WHERE id = $1",
        )
        .bind::<BigInt, _>(id)
        .bind::<Text, _>(error)
        .bind::<Nullable<Double>, _>(retry_in)
        .execute(conn)
        .map(drop)
    }

    /// The newest mails first (webhook deliveries have their endpoints' logs).
    pub fn newest(conn: &mut PgConnection, limit: i64) -> QueryResult<Vec<OutboxEntry>> {
        outbox::table
            .filter(outbox::channel.eq("mail"))
            .order(outbox::id.desc())
            .limit(limit)
            .select(OutboxEntry::as_select())
            .load(conn)
    }

    /// A failed row due again now, its attempts counted afresh; `false` when it is not failed.
    pub fn send_again(conn: &mut PgConnection, id: i64) -> QueryResult<bool> {
        diesel::update(
            outbox::table
                .find(id)
                .filter(outbox::channel.eq("mail"))
                .filter(outbox::status.eq("failed")),
        )
        .set((
            outbox::status.eq("pending"),
            outbox::attempts.eq(0),
            outbox::next_attempt_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .map(|n| n > 0)
    }
}
