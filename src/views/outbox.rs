//! The admins' list of mails: what was sent, what waits, what failed and why.

use askama::Template;

use super::Layout;
use crate::models::outbox::{MailKind, OutboxEntry};

pub struct OutboxRow {
    pub id: i64,
    pub what: &'static str,
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

impl OutboxPage {
    pub fn new(layout: Layout, entries: Vec<OutboxEntry>) -> Self {
        let time = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d %H:%M:%S UTC").to_string();
        let rows = entries
            .into_iter()
            .map(|e| OutboxRow {
                id: e.id,
                what: MailKind::parse(&e.kind).map_or("Another kind", MailKind::label),
                recipient: e.recipient,
                when: match (e.status.as_str(), e.sent_at) {
                    ("sent", Some(at)) => format!("sent {}", time(at)),
                    ("pending", _) => format!("next try {}", time(e.next_attempt_at)),
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
