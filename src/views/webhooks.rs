//! Webhook endpoint pages: the list, the form, an endpoint with its delivery log, the delete
//! question.

use askama::Template;

use super::{FormState, Layout};
use crate::domain::WebhookEvent;
use crate::i18n::Locale;
use crate::models::webhook_delivery::DeliveryEntry;
use crate::models::webhook_endpoint::WebhookEndpoint;

/// An event in words; its machine name (`person.created`) stays as it is wherever it is
/// shown as what the receiver gets.
pub fn event_label(event: WebhookEvent, locale: Locale) -> String {
    locale.t(match event {
        WebhookEvent::PersonCreated => "webhook-event-person-created",
        WebhookEvent::StageChanged => "webhook-event-stage-changed",
        WebhookEvent::Hired => "webhook-event-hired",
        WebhookEvent::OfferPending => "webhook-event-offer-pending",
        WebhookEvent::OfferDecided => "webhook-event-offer-decided",
        WebhookEvent::Merged => "webhook-event-merged",
        WebhookEvent::Unmerged => "webhook-event-unmerged",
        WebhookEvent::ImportConfirmed => "webhook-event-import-confirmed",
        WebhookEvent::ImportReverted => "webhook-event-import-reverted",
        WebhookEvent::Erased => "webhook-event-erased",
    })
}

fn labels(endpoint: &WebhookEndpoint) -> Vec<&'static str> {
    endpoint
        .wants()
        .into_iter()
        .map(WebhookEvent::as_str)
        .collect()
}

pub struct EndpointRow {
    pub id: i64,
    pub url: String,
    pub events: String,
    pub may_receive_pay: bool,
    pub active: bool,
}

#[derive(Template)]
#[template(path = "webhooks/index.html")]
pub struct WebhookIndexPage {
    pub layout: Layout,
    pub endpoints: Vec<EndpointRow>,
}

impl WebhookIndexPage {
    pub fn new(layout: Layout, endpoints: Vec<WebhookEndpoint>) -> Self {
        let endpoints = endpoints
            .into_iter()
            .map(|e| EndpointRow {
                id: e.id,
                events: labels(&e).join(", "),
                url: e.url,
                may_receive_pay: e.may_receive_pay,
                active: e.active,
            })
            .collect();
        WebhookIndexPage { layout, endpoints }
    }
}

/// An event's checkbox.
pub struct EventChoice {
    pub field: String,
    pub name: &'static str,
    pub label: String,
}

#[derive(Template)]
#[template(path = "webhooks/form.html")]
pub struct WebhookFormPage {
    pub layout: Layout,
    pub form: FormState,
    pub events: Vec<EventChoice>,
    /// The endpoint edited; `None` for a new one.
    pub id: Option<i64>,
}

impl WebhookFormPage {
    pub fn new(layout: Layout, form: FormState, id: Option<i64>) -> Self {
        let events = WebhookEvent::ALL
            .into_iter()
            .map(|e| EventChoice {
                field: e.field(),
                name: e.as_str(),
                label: event_label(e, layout.locale),
            })
            .collect();
        WebhookFormPage {
            layout,
            form,
            events,
            id,
        }
    }

    pub fn action(&self) -> String {
        self.id
            .map_or_else(|| "/webhooks".to_owned(), |id| format!("/webhooks/{id}"))
    }
}

/// A stored endpoint's form, for editing it.
pub fn endpoint_form(endpoint: &WebhookEndpoint) -> FormState {
    let yes = |on: bool| if on { "yes" } else { "" }.to_owned();
    let mut form = FormState::with_values([
        ("url", endpoint.url.clone()),
        ("may_receive_pay", yes(endpoint.may_receive_pay)),
        ("active", yes(endpoint.active)),
    ]);
    for event in endpoint.wants() {
        form.set(&event.field(), "yes".to_owned());
    }
    form
}

pub struct DeliveryRow {
    pub id: i64,
    /// The `webhook-id` header the receiver sees, `msg_<id>`.
    pub webhook_id: String,
    pub event: String,
    pub status: String,
    pub attempts: i32,
    pub created: String,
    /// When it was sent, or when it is tried next.
    pub when: String,
    pub response_code: String,
    pub last_error: String,
    /// Not waiting: "Send again" puts it back in line.
    pub may_send_again: bool,
}

#[derive(Template)]
#[template(path = "webhooks/show.html")]
pub struct WebhookShowPage {
    pub layout: Layout,
    pub endpoint: WebhookEndpoint,
    pub events: Vec<&'static str>,
    pub deliveries: Vec<DeliveryRow>,
    /// Until when a rotated-out secret still signs beside the current one, if it does.
    pub old_secret_until: Option<String>,
}

impl WebhookShowPage {
    pub fn new(layout: Layout, endpoint: WebhookEndpoint, log: Vec<DeliveryEntry>) -> Self {
        let locale = layout.locale;
        let time = |at| locale.timestamp(at);
        let deliveries = log
            .into_iter()
            .map(|d| DeliveryRow {
                id: d.id,
                webhook_id: format!("msg_{}", d.id),
                event: d.kind,
                when: match (d.status.as_str(), d.sent_at) {
                    ("sent", Some(at)) => locale.t1("webhook-when-sent", "at", time(at)),
                    ("pending", _) => {
                        locale.t1("webhook-when-next-try", "at", time(d.next_attempt_at))
                    }
                    _ => String::new(),
                },
                may_send_again: d.status != "pending",
                status: d.status,
                attempts: d.attempts,
                created: time(d.created_at),
                response_code: d.response_code.map_or_else(String::new, |c| c.to_string()),
                last_error: d.last_error.unwrap_or_default(),
            })
            .collect();
        let old_secret_until = endpoint
            .old_secret_expires_at
            .filter(|until| *until > chrono::Utc::now())
            .map(time);
        WebhookShowPage {
            events: labels(&endpoint),
            old_secret_until,
            layout,
            endpoint,
            deliveries,
        }
    }
}

#[derive(Template)]
#[template(path = "webhooks/delete.html")]
pub struct WebhookDeletePage {
    pub layout: Layout,
    pub endpoint: WebhookEndpoint,
}
