//! Signed webhooks against a real receiver on loopback (`webhooks/receiver.rs`), which verifies
//! every delivery with the Standard Webhooks reference library: which events arrive, that they
//! survive the receiver's outage without loss or repeats, that a rollback sends nothing, that
//! pay stays out for an endpoint not allowed it, and that private addresses and redirects to
//! other hosts are refused.

mod delivery;
mod flow;
mod forms;
mod receiver;
mod rotation;

use std::time::{Duration, Instant};

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::Role;
use talent_tracker::schema::{outbox, webhook_endpoint};
use talent_tracker::webhooks::WebhookSettings;

use crate::common::TestApp;
use receiver::Delivery;

/// Every event's checkbox.
const ALL_EVENTS: [&str; 10] = [
    "person.created",
    "person.stage_changed",
    "person.hired",
    "offer.pending",
    "offer.decided",
    "person.merged",
    "person.unmerged",
    "import.confirmed",
    "import.reverted",
    "person.erased",
];

/// Tried again every second, twenty times; loopback allowed when `allow_private`.
fn settings(allow_private: bool) -> WebhookSettings {
    WebhookSettings {
        allow_private,
        timeout: Duration::from_secs(5),
        retry: vec![Duration::from_secs(1); 20],
        poll: Duration::from_millis(100),
    }
}

/// An admin logged in, with webhooks on these settings.
fn hooked_app(allow_private: bool) -> anyhow::Result<TestApp> {
    let settings = settings(allow_private);
    let app = TestApp::anonymous_with(|config| config.webhooks = settings)?;
    app.add_user("admin@example.com", Role::Admin)?;
    app.log_in("admin@example.com")?;
    Ok(app)
}

/// Registers an endpoint through the form; answers its id and secret.
fn register(
    app: &TestApp,
    url: &str,
    events: &[&str],
    may_receive_pay: bool,
) -> anyhow::Result<(i64, String)> {
    let fields: Vec<String> = events
        .iter()
        .map(|e| format!("event_{}", e.replace('.', "_")))
        .collect();
    let mut form: Vec<(&str, &str)> = vec![("url", url), ("active", "yes")];
    if may_receive_pay {
        form.push(("may_receive_pay", "yes"));
    }
    form.extend(fields.iter().map(|f| (f.as_str(), "yes")));
    let saved = app.post("/webhooks", &form);
    anyhow::ensure!(saved.status == Status::SeeOther, "{}", saved.body);
    let id = crate::common::id_from(&saved);
    let secret = webhook_endpoint::table
        .find(id)
        .select(webhook_endpoint::secret)
        .first(&mut app.conn()?)?;
    Ok((id, secret))
}

/// A webhook row: id, status, attempts, last error, response code.
type Row = (i64, String, i32, Option<String>, Option<i32>);

/// Waits until every webhook row is past `pending` (sent or failed).
fn settled(app: &TestApp) -> anyhow::Result<Vec<Row>> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let rows: Vec<Row> = outbox::table
            .filter(outbox::channel.eq("webhook"))
            .order(outbox::id)
            .select((
                outbox::id,
                outbox::status,
                outbox::attempts,
                outbox::last_error,
                outbox::response_code,
            ))
            .load(&mut app.conn()?)?;
        if rows.iter().all(|r| r.1 != "pending") {
            return Ok(rows);
        }
        anyhow::ensure!(Instant::now() < deadline, "still pending: {rows:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

pub(crate) fn events_of(deliveries: &[Delivery]) -> Vec<String> {
    deliveries.iter().map(|d| d.event().to_owned()).collect()
}
