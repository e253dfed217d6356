//! The admins' list of mails: what was sent, what waits, what failed and why.

use askama::Template;

use super::Layout;
use crate::models::outbox::{MailKind, OutboxEntry};

pub struct OutboxRow {
    pub id: i64,
    pub what: String,
    pub recipient: String,
    pub status: String,
    pub attempts: i32,
    pub created: String,
    /// When it was sent, or when it is tried next.
    pub when: String,
    pub last_error: String,
    pub failed: bool,
}

#[derive(Template)]
#[template(path = "outbox/index.html")]
pub struct OutboxPage {
    pub layout: Layout,
    pub rows: Vec<OutboxRow>,
}

impl OutboxRow {
    /// The status's words; the stored value stays the row's class.
    pub fn status_key(&self) -> &'static str {
        match self.status.as_str() {
            "sent" => "outbox-status-sent",
            "pending" => "outbox-status-pending",
            _ => "outbox-status-failed",
        }
    }
}

/// A kind of mail as the list names it.
fn kind_key(kind: Option<MailKind>) -> &'static str {
    match kind {
        Some(MailKind::OfferPending) => "outbox-kind-offer-pending",
        Some(MailKind::OfferDecided) => "outbox-kind-offer-decided",
        Some(MailKind::NewUser) => "outbox-kind-new-user",
        Some(MailKind::PasswordLink) => "outbox-kind-password-link",
        None => "outbox-kind-other",
    }
}

impl OutboxPage {
    pub fn new(layout: Layout, entries: Vec<OutboxEntry>) -> Self {
        let locale = layout.locale;
        let time = |t: chrono::DateTime<chrono::Utc>| locale.timestamp(t);
        let rows = entries
            .into_iter()
            .map(|e| OutboxRow {
                id: e.id,
                what: locale.t(kind_key(MailKind::parse(&e.kind))),
                recipient: e.recipient,
                when: match (e.status.as_str(), e.sent_at) {
                    ("sent", Some(at)) => locale.t1("outbox-sent-at", "at", time(at)),
                    ("pending", _) => locale.t1("outbox-next-try", "at", time(e.next_attempt_at)),
                    _ => String::new(),
                },
                failed: e.status == "failed",
                status: e.status,
                attempts: e.attempts,
                created: time(e.created_at),
                last_error: e.last_error.unwrap_or_default(),
            })
            .collect();
        OutboxPage { layout, rows }
    }
}
