//! E-mail through the outbox: the settings, the mails and the task that sends them. The events
//! write their rows with `models::outbox::Outbox` in their own transactions.

pub mod messages;
pub mod sender;
pub mod settings;

pub use settings::{MailSettings, RetryPolicy, SmtpUrl};
