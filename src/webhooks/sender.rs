//! The background task that delivers the outbox's webhook rows, started at liftoff. As the
//! mail's sender (src/mail/sender.rs): a poll every `WebhookSettings::poll` through the pool,
//! claims with `FOR UPDATE SKIP LOCKED`, so several instances share the rows, and a lease, so
//! a row whose sender died is tried again (delivery is at least once; receivers tell repeats
//! apart by `webhook-id`). A claimed batch is posted concurrently, so one slow endpoint holds
//! up the others by at most its timeout.

use rocket::fairing::AdHoc;
use rocket::futures::future::join_all;
use rocket::tokio;

use super::client::{self, Outcome};
use super::settings::WebhookSettings;
use super::signature::sign_with_each;
use crate::db::{Db, DbError};
use crate::models::webhook_delivery::{ClaimedDelivery, WebhookDelivery};
use crate::models::webhook_endpoint::WebhookEndpoint;

/// Rows claimed at once.
const BATCH: i64 = 10;

/// Starts the sender at liftoff; it stops with the server.
pub fn stage(settings: WebhookSettings) -> AdHoc {
    AdHoc::on_liftoff("Webhook outbox", move |rocket| {
        Box::pin(async move {
            let Some(db) = rocket.state::<Db>().cloned() else {
                return;
            };
            let client = match client::build(&settings) {
                Ok(client) => client,
                Err(e) => {
                    log::error!("webhooks are off: the HTTP client: {e}");
                    return;
                }
            };
            let shutdown = rocket.shutdown();
            let sender = Sender {
                db,
                client,
                settings,
            };
            tokio::spawn(async move {
                tokio::select! {
                    () = sender.run() => {}
                    _ = shutdown => {}
                }
            });
        })
    })
}

struct Sender {
    db: Db,
    client: reqwest::Client,
    settings: WebhookSettings,
}

impl Sender {
    /// How long a claimed row stays with this sender: longer than its request may take.
    fn lease_seconds(&self) -> f64 {
        self.settings.timeout.as_secs_f64() * 2.0 + 30.0
    }

    async fn run(&self) {
        loop {
            let lease = self.lease_seconds();
            let claimed = self
                .db
                .work(move |c| Ok::<_, DbError>(WebhookDelivery::claim(c, BATCH, lease)?))
                .await;
            match claimed {
                Ok(rows) if rows.is_empty() => {
                    self.drop_expired_secrets().await;
                    tokio::time::sleep(self.settings.poll).await;
                }
                Ok(rows) => {
                    join_all(rows.into_iter().map(|row| self.deliver(row))).await;
                }
                Err(e) => {
                    // The database is down or busy: the rows wait there, nothing is lost.
                    log::warn!("the webhook outbox cannot be read: {e}");
                    let pause = self.settings.poll.max(std::time::Duration::from_secs(5));
                    tokio::time::sleep(pause).await;
                }
            }
        }
    }

    /// Rotated-out secrets past their grace period are dropped (they sign nothing already: the
    /// claim reads none that expired), so the database does not keep them for ever.
    async fn drop_expired_secrets(&self) {
        let dropped = self
            .db
            .work(|c| Ok::<_, DbError>(WebhookEndpoint::drop_expired_secrets(c)?))
            .await;
        if let Err(e) = dropped {
            log::warn!("dropping expired webhook secrets failed: {e}");
        }
    }

    async fn deliver(&self, row: ClaimedDelivery) {
        let id = row.id;
        let outcome = self.attempt(&row).await;
        let recorded = match outcome {
            Outcome::Delivered(code) => {
                self.db
                    .work(move |c| Ok::<_, DbError>(WebhookDelivery::delivered(c, id, code)?))
                    .await
            }
            Outcome::Failed { error, code, retry } => {
                let again = retry
                    .then(|| self.settings.backoff(row.attempts))
                    .flatten()
                    .map(|wait| wait.as_secs_f64());
                // The host only: an endpoint's path or query may hold a token of its own.
                let host = reqwest::Url::parse(&row.url)
                    .ok()
                    .and_then(|u| u.host_str().map(str::to_owned))
                    .unwrap_or_default();
                log::warn!(
                    "webhook {} to {host} not delivered: {error}",
                    row.message_id()
                );
                self.db
                    .work(move |c| {
                        Ok::<_, DbError>(WebhookDelivery::not_delivered(
                            c, id, &error, code, again,
                        )?)
                    })
                    .await
            }
        };
        if let Err(e) = recorded {
            // The lease runs out and the row is tried again, under the same webhook-id.
            log::warn!("webhook msg_{id}: recording the delivery failed: {e}");
        }
    }

    async fn attempt(&self, row: &ClaimedDelivery) -> Outcome {
        if !row.active {
            return Outcome::Failed {
                error: "the endpoint is disabled".to_owned(),
                code: None,
                retry: false,
            };
        }
        let id = row.message_id();
        let timestamp = chrono::Utc::now().timestamp();
        let body = row.payload.to_string();
        let secrets: Vec<&str> = std::iter::once(row.secret.as_str())
            .chain(row.old_secret.as_deref())
            .collect();
        let signature = match sign_with_each(&secrets, &id, timestamp, &body) {
            Ok(signature) => signature,
            Err(e) => {
                return Outcome::Failed {
                    error: format!("signing: {e}"),
                    code: None,
                    retry: false,
                };
            }
        };
        let headers = [
            ("webhook-id", id),
            ("webhook-timestamp", timestamp.to_string()),
            ("webhook-signature", signature),
        ];
        client::post(
            &self.client,
            self.settings.allow_private,
            &row.url,
            headers,
            body,
        )
        .await
    }
}
