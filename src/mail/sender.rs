//! The background task that delivers the outbox, started at liftoff when mail is on. It looks
//! for due rows every `RetryPolicy::poll` (1 s): a poll rather than LISTEN/NOTIFY, because it
//! goes through the pool and its outage gate like every request (a listening connection would
//! be one more to hold open outside the pool and to re-establish after an outage), serves
//! rows other instances wrote and retries that fell due with the same query, and costs one
//! index probe of due rows a second. Several instances may run: each claims with
//! `FOR UPDATE SKIP LOCKED` (`Outbox::claim`).

use std::time::Duration;

use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use rocket::fairing::AdHoc;
use rocket::tokio;

use super::messages::{Composed, Mail, compose};
use super::settings::MailSettings;
use crate::db::{Db, DbError};
use crate::models::outbox::{Claimed, Outbox};

/// How long a claimed row stays with its sender: longer than a delivery may take
/// (`SMTP_TIMEOUT` for each of a few SMTP round trips).
const LEASE_SECONDS: f64 = 300.0;
const SMTP_TIMEOUT: Duration = Duration::from_secs(20);
/// Rows claimed at once: a few, so that another instance gets its share of a burst.
const BATCH: i64 = 10;

/// Starts the sender at liftoff, when mail is configured; stops with the server.
pub fn stage(settings: Option<MailSettings>) -> AdHoc {
    AdHoc::on_liftoff("Mail outbox", move |rocket| {
        Box::pin(async move {
            let (Some(settings), Some(db)) = (settings, rocket.state::<Db>().cloned()) else {
                return;
            };
            let site = settings
                .site_url
                .clone()
                .unwrap_or_else(|| crate::auth::first_run::site_of(rocket.config()));
            let transport =
                match AsyncSmtpTransport::<Tokio1Executor>::from_url(settings.smtp.secret()) {
                    Ok(builder) => builder.timeout(Some(SMTP_TIMEOUT)).build(),
                    Err(e) => {
                        log::error!("mail is off: {}: {e}", settings.smtp);
                        return;
                    }
                };
            log::info!(
                "mail goes out through {} as {}",
                settings.smtp,
                settings.from
            );
            let shutdown = rocket.shutdown();
            let languages = rocket
                .state::<crate::i18n::LanguageSettings>()
                .copied()
                .unwrap_or_default();
            let sender = Sender {
                db,
                transport,
                settings,
                site,
                languages,
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
    transport: AsyncSmtpTransport<Tokio1Executor>,
    settings: MailSettings,
    site: String,
    /// The installation's language, for recipients who chose none.
    languages: crate::i18n::LanguageSettings,
}

impl Sender {
    async fn run(&self) {
        loop {
            let claimed = self
                .db
                .work(|c| Ok::<_, DbError>(Outbox::claim(c, "mail", BATCH, LEASE_SECONDS)?))
                .await;
            match claimed {
                Ok(rows) if rows.is_empty() => tokio::time::sleep(self.settings.retry.poll).await,
                Ok(rows) => {
                    for row in rows {
                        self.deliver(row).await;
                    }
                }
                Err(e) => {
                    // The database is down or busy: the rows wait there, nothing is lost.
                    log::warn!("the mail outbox cannot be read: {e}");
                    tokio::time::sleep(self.settings.retry.poll.max(Duration::from_secs(5))).await;
                }
            }
        }
    }

    async fn deliver(&self, row: Claimed) {
        let (site, languages) = (self.site.clone(), self.languages);
        let for_compose = row.clone();
        let composed = self
            .db
            .work(move |c| Ok::<_, DbError>(compose(c, &site, &languages, &for_compose)))
            .await;
        let outcome = match composed {
            Ok(Ok(Composed::Mail(mail))) => self.send(&row, mail).await,
            Ok(Ok(Composed::Dropped(why))) => Err((why, false)),
            Ok(Err(e)) => Err((format!("{e:#}"), true)),
            Err(e) => Err((e.to_string(), true)),
        };
        let id = row.id;
        let recorded = match outcome {
            Ok(()) => {
                self.db
                    .work(move |c| Ok::<_, DbError>(Outbox::sent(c, &row)?))
                    .await
            }
            Err((error, transient)) => {
                let retry = &self.settings.retry;
                let again = (transient && row.attempts < retry.attempts)
                    .then(|| retry.backoff(row.attempts).as_secs_f64());
                log::warn!("mail {id} to {} not sent: {error}", row.recipient);
                self.db
                    .work(move |c| Ok::<_, DbError>(Outbox::not_sent(c, id, &error, again)?))
                    .await
            }
        };
        if let Err(e) = recorded {
            // The claim's lease runs out and the row is tried again: at worst sent twice.
            log::warn!("mail {id}: recording the delivery failed: {e}");
        }
    }

    /// Sends one mail; the error says whether trying again may help (not for a 5xx reply or
    /// an address that cannot be one).
    async fn send(&self, row: &Claimed, mail: Mail) -> Result<(), (String, bool)> {
        let to: Mailbox = row
            .recipient
            .parse()
            .map_err(|e| (format!("the address {:?}: {e}", row.recipient), false))?;
        let message = Message::builder()
            .from(self.settings.from.clone())
            .to(to)
            .subject(mail.subject)
            .multipart(MultiPart::alternative_plain_html(mail.text, mail.html))
            .map_err(|e| (format!("building the mail: {e}"), false))?;
        self.transport
            .send(message)
            .await
            .map(drop)
            .map_err(|e| (e.to_string(), !e.is_permanent()))
    }
}
