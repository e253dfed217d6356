//! Signed webhooks (Standard Webhooks): the settings, the signature, the address checks and
//! the task that delivers the outbox's webhook rows. The rows are written by triggers
//! (src/db/sql/webhooks.sql) and `models::webhook_delivery` in the events' own transactions.

pub mod address;
pub mod client;
pub mod sender;
pub mod settings;
pub mod signature;

pub use settings::WebhookSettings;
