//! How webhooks are delivered: whether private addresses may be called, how long a request may
//! take and when a failed delivery is tried again.

use std::time::Duration;

#[derive(Debug, Clone)]
pub struct WebhookSettings {
    /// `TALENT_TRACKER_WEBHOOKS_ALLOW_PRIVATE=true`: endpoints on loopback, private and
    /// link-local addresses may be called (a receiver beside the app); off, an endpoint whose
    /// name resolves only to such addresses is refused, so a webhook cannot reach into the
    /// network the app runs in.
    pub allow_private: bool,
    /// The whole request, connection to answer.
    pub timeout: Duration,
    /// The waits after each failed attempt; after the last one the row is failed, for an
    /// admin to send again.
    pub retry: Vec<Duration>,
    /// How often the sender looks for due rows.
    pub poll: Duration,
}

impl Default for WebhookSettings {
    /// Eight attempts over a day and four hours: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h
    /// apart (the schedule Standard Webhooks suggests), 15 s each.
    fn default() -> Self {
        let minutes = |m: u64| Duration::from_secs(m * 60);
        WebhookSettings {
            allow_private: false,
            timeout: Duration::from_secs(15),
            retry: vec![
                Duration::from_secs(5),
                minutes(5),
                minutes(30),
                minutes(120),
                minutes(300),
                minutes(600),
                minutes(600),
            ],
            poll: Duration::from_secs(1),
        }
    }
}

impl WebhookSettings {
    /// The wait after the `attempts`-th failed attempt (counting from 1); `None` when that
    /// was the last.
    pub fn backoff(&self, attempts: i32) -> Option<Duration> {
        let index = usize::try_from(attempts.checked_sub(1)?).ok()?;
        self.retry.get(index).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_schedule_retries_for_more_than_a_day_then_stops() {
        let settings = WebhookSettings::default();
        let total: Duration = (1..=7).filter_map(|n| settings.backoff(n)).sum();
        assert!(total > Duration::from_secs(24 * 3600));
        assert_eq!(settings.backoff(1), Some(Duration::from_secs(5)));
        assert_eq!(settings.backoff(8), None);
        assert_eq!(settings.backoff(0), None);
    }
}
