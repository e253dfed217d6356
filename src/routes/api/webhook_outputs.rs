//! What /api/v1/webhooks answers and takes: endpoints without their secret (it is given once,
//! when made or rotated), their deliveries without payloads, and the endpoint body.

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::models::webhook_delivery::DeliveryEntry;
use crate::models::webhook_endpoint::WebhookEndpoint;

#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookOut {
    pub id: i64,
    pub url: String,
    /// The Standard Webhooks `type`s it receives (person.created, offer.decided, …).
    pub events: Vec<String>,
    /// Whether its payloads carry pay figures.
    pub may_receive_pay: bool,
    pub active: bool,
    /// While a rotated-out secret still signs beside the current one: until when.
    pub old_secret_expires_at: Option<DateTime<Utc>>,
    /// Also the `ETag`: send it as `If-Match` to change or delete the endpoint.
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<WebhookEndpoint> for WebhookOut {
    fn from(e: WebhookEndpoint) -> Self {
        WebhookOut {
            events: e
                .wants()
                .into_iter()
                .map(|w| w.as_str().to_owned())
                .collect(),
            old_secret_expires_at: e.old_secret_expires_at.filter(|t| *t > Utc::now()),
            id: e.id,
            url: e.url,
            may_receive_pay: e.may_receive_pay,
            active: e.active,
            version: e.version,
            created_at: e.created_at,
            updated_at: e.updated_at,
        }
    }
}

/// A new endpoint, with its signing secret: the only answer that holds it.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookCreatedOut {
    #[serde(flatten)]
    pub endpoint: WebhookOut,
    /// `whsec_…`, for the receiver's Standard Webhooks library. Never shown again.
    pub secret: String,
}

impl From<WebhookEndpoint> for WebhookCreatedOut {
    fn from(e: WebhookEndpoint) -> Self {
        WebhookCreatedOut {
            secret: e.secret.clone(),
            endpoint: e.into(),
        }
    }
}

/// A rotated secret: the new one, shown this once, and until when the old one signs too.
#[derive(Debug, Serialize, ToSchema)]
pub struct RotatedSecretOut {
    pub secret: String,
    pub old_secret_expires_at: Option<DateTime<Utc>>,
    /// The endpoint's version now (also the `ETag`).
    pub version: i32,
}

impl From<WebhookEndpoint> for RotatedSecretOut {
    fn from(e: WebhookEndpoint) -> Self {
        RotatedSecretOut {
            secret: e.secret,
            old_secret_expires_at: e.old_secret_expires_at,
            version: e.version,
        }
    }
}

/// A delivery of the endpoint's log (the payload stays out: it may hold pay figures).
#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryOut {
    pub id: i64,
    /// The `webhook-id` header it goes with, the same on every attempt.
    pub webhook_id: String,
    pub event: String,
    /// pending, sent or failed.
    pub status: String,
    pub attempts: i32,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    /// When a pending delivery is tried next.
    pub next_attempt_at: DateTime<Utc>,
    pub response_code: Option<i32>,
    pub last_error: Option<String>,
}

impl From<DeliveryEntry> for DeliveryOut {
    fn from(d: DeliveryEntry) -> Self {
        DeliveryOut {
            webhook_id: format!("msg_{}", d.id),
            id: d.id,
            event: d.kind,
            status: d.status,
            attempts: d.attempts,
            created_at: d.created_at,
            sent_at: d.sent_at,
            next_attempt_at: d.next_attempt_at,
            response_code: d.response_code,
            last_error: d.last_error,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookPage {
    pub items: Vec<WebhookOut>,
    /// Pass as `cursor` for the next page; null on the last one.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryPage {
    pub items: Vec<DeliveryOut>,
    /// Pass as `cursor` for the next page; null on the last one.
    pub next_cursor: Option<String>,
}

/// An endpoint as a write gives it (the /webhooks form's fields, the events as a list). A
/// PUT replaces every field: `may_receive_pay` and `active` left out are false, as unticked
/// boxes; a new endpoint is active unless `active` says otherwise.
#[derive(Debug, ToSchema)]
#[expect(
    dead_code,
    reason = "documents the body; `routes::api::webhooks` reads it as the form does"
)]
pub struct WebhookBody {
    url: String,
    #[schema(inline)]
    events: Vec<EventName>,
    may_receive_pay: Option<bool>,
    active: Option<bool>,
}

/// An event's Standard Webhooks `type`.
#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum EventName {
    #[schema(rename = "person.created")]
    PersonCreated,
    #[schema(rename = "person.stage_changed")]
    PersonStageChanged,
    #[schema(rename = "person.hired")]
    PersonHired,
    #[schema(rename = "offer.pending")]
    OfferPending,
    #[schema(rename = "offer.decided")]
    OfferDecided,
    #[schema(rename = "person.merged")]
    PersonMerged,
    #[schema(rename = "person.unmerged")]
    PersonUnmerged,
    #[schema(rename = "import.confirmed")]
    ImportConfirmed,
    #[schema(rename = "import.reverted")]
    ImportReverted,
    #[schema(rename = "person.erased")]
    PersonErased,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::WebhookEvent;

    /// The documented event names are the events the app sends, no more, no fewer.
    #[test]
    fn the_documented_event_names_are_the_events() {
        let schema = serde_json::to_value(<EventName as utoipa::PartialSchema>::schema())
            .unwrap_or_default();
        let documented: Vec<String> = schema["enum"]
            .as_array()
            .map(|names| {
                names
                    .iter()
                    .filter_map(|n| n.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        let events: Vec<String> = WebhookEvent::ALL
            .iter()
            .map(|e| e.as_str().to_owned())
            .collect();
        assert_eq!(documented, events);
    }
}
