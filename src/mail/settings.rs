//! The mail settings: where the SMTP server is, whom mails come from, where their links point,
//! and how often a delivery is tried. The server's password never reaches a log.

use std::fmt;
use std::time::Duration;

use lettre::message::Mailbox;

/// `TALENT_TRACKER_SMTP_URL` as lettre reads it: `smtp://host:port` (plain),
/// `smtps://user:password@host` (TLS from the start), `smtp://user:password@host:587?tls=required`
/// (STARTTLS). Debug and Display hide the password.
#[derive(Clone)]
pub struct SmtpUrl(String);

impl SmtpUrl {
    /// Checked as lettre will read it, so a mistyped URL stops the start, not the first mail.
    pub fn parse(text: &str) -> anyhow::Result<SmtpUrl> {
        let text = text.trim();
        lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::from_url(text)
            .map_err(|e| anyhow::anyhow!("TALENT_TRACKER_SMTP_URL {}: {e}", redacted(text)))?;
        Ok(SmtpUrl(text.to_owned()))
    }

    /// The setting as given, checked later by `MailSettings::from_parts` (for the command line,
    /// whose settings may be empty).
    pub fn unchecked(text: &str) -> Result<SmtpUrl, std::convert::Infallible> {
        Ok(SmtpUrl(text.to_owned()))
    }

    /// The URL with its password, for the transport only.
    pub fn secret(&self) -> &str {
        &self.0
    }
}

/// The URL with `***` in place of a password.
fn redacted(text: &str) -> String {
    match url::Url::parse(text) {
        Ok(mut url) if url.password().is_some() => {
            // Only fails for URLs that cannot have a password, which this one has.
            let _ = url.set_password(Some("***"));
            url.to_string()
        }
        Ok(url) => url.to_string(),
        Err(_) => "(not a URL)".to_owned(),
    }
}

impl fmt::Debug for SmtpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SmtpUrl({})", redacted(&self.0))
    }
}

impl fmt::Display for SmtpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&redacted(&self.0))
    }
}

/// Mail is on when these are configured (both SMTP URL and sender).
#[derive(Debug, Clone)]
pub struct MailSettings {
    pub smtp: SmtpUrl,
    /// `TALENT_TRACKER_MAIL_FROM`: `tracker@example.com` or `Talent Tracker <tracker@example.com>`.
    pub from: Mailbox,
    /// `TALENT_TRACKER_SITE_URL`: where mails link to. Without it, the address the server
    /// listens on, as the startup setup link says it; never a request's Host header, which
    /// whoever sends the request chooses.
    pub site_url: Option<String>,
    pub retry: RetryPolicy,
}

impl MailSettings {
    /// From the two settings; `None` (mail off) while either is unset or empty.
    pub fn from_parts(
        smtp: Option<&str>,
        from: Option<&str>,
        site_url: Option<&str>,
    ) -> anyhow::Result<Option<MailSettings>> {
        fn filled(s: Option<&str>) -> Option<&str> {
            s.map(str::trim).filter(|s| !s.is_empty())
        }
        let (smtp, from) = match (filled(smtp), filled(from)) {
            (None, None) => return Ok(None),
            (Some(smtp), Some(from)) => (smtp, from),
            _ => anyhow::bail!(
                "set both TALENT_TRACKER_SMTP_URL and TALENT_TRACKER_MAIL_FROM to send mail, or \
                 neither"
            ),
        };
        let from: Mailbox = from
            .parse()
            .map_err(|e| anyhow::anyhow!("TALENT_TRACKER_MAIL_FROM {from:?}: {e}"))?;
        let site_url = match filled(site_url) {
            Some(site) => {
                let parsed = url::Url::parse(site)
                    .map_err(|e| anyhow::anyhow!("TALENT_TRACKER_SITE_URL {site:?}: {e}"))?;
                anyhow::ensure!(
                    matches!(parsed.scheme(), "http" | "https"),
                    "TALENT_TRACKER_SITE_URL must start with http:// or https://"
                );
                Some(site.trim_end_matches('/').to_owned())
            }
            None => None,
        };
        Ok(Some(MailSettings {
            smtp: SmtpUrl::parse(smtp)?,
            from,
            site_url,
            retry: RetryPolicy::default(),
        }))
    }
}

/// How a failed delivery is tried again: after `first`, then twice as long each time (at most
/// `longest`), until `attempts` were made; then the row is failed, for an admin to send again.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    pub first: Duration,
    pub longest: Duration,
    pub attempts: i32,
    /// How often the sender looks for due rows.
    pub poll: Duration,
}

impl Default for RetryPolicy {
    /// Eight attempts over about two hours: 30 s, 1, 2, 4, 8, 16, 32 and 60 minutes apart.
    fn default() -> Self {
        RetryPolicy {
            first: Duration::from_secs(30),
            longest: Duration::from_secs(3600),
            attempts: 8,
            poll: Duration::from_secs(1),
        }
    }
}

impl RetryPolicy {
    /// The wait after the `attempts`-th failed attempt (counting from 1).
    pub fn backoff(&self, attempts: i32) -> Duration {
        let doublings = u32::try_from(attempts.saturating_sub(1))
            .unwrap_or(0)
            .min(20);
        self.first
            .saturating_mul(1u32 << doublings)
            .min(self.longest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_never_shows() -> anyhow::Result<()> {
        let url = SmtpUrl::parse("smtps://mailer:hunter2@smtp.example.com")?;
        assert!(!format!("{url:?} {url}").contains("hunter2"));
        assert!(format!("{url}").contains("mailer:***@smtp.example.com"));
        Ok(())
    }

    #[test]
    fn backoff_doubles_up_to_the_longest_wait() {
        let retry = RetryPolicy::default();
        assert_eq!(retry.backoff(1), Duration::from_secs(30));
        assert_eq!(retry.backoff(3), Duration::from_secs(120));
        assert_eq!(retry.backoff(30), Duration::from_secs(3600));
    }

    #[test]
    fn mail_is_off_without_settings_and_refused_with_half_of_them() {
        assert!(matches!(
            MailSettings::from_parts(None, None, None),
            Ok(None)
        ));
        assert!(MailSettings::from_parts(Some("smtp://localhost:25"), None, None).is_err());
    }
}
