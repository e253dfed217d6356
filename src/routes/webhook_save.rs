//! The one path that decides a webhook endpoint's changes, for the /webhooks pages and the API
//! (`routes::api::webhooks`), which only translate to and from it: the form's fields and what
//! makes them valid, the save, the delete, the secret's rotation.

use rocket::FromForm;
use rocket::form::Contextual;

use crate::db::Db;
use crate::domain::{WebUrl, WebhookEvent};
use crate::error::AppError;
use crate::models::webhook_endpoint::{EndpointChanges, WebhookEndpoint};
use crate::views::FormState;
use crate::webhooks::signature::new_secret;

/// The fields besides the events, whose checkboxes (`WebhookEvent::field`) are read from the
/// form's values.
#[derive(Debug, FromForm)]
pub struct EndpointForm {
    url: String,
    may_receive_pay: bool,
    active: bool,
}

/// What became of a write.
pub enum Saved<T> {
    Saved(T),
    /// The form again, with what is wrong beside each field.
    Invalid(FormState),
    /// The endpoint is at another version than the one the write names.
    Stale,
}

/// Registers an endpoint with a new secret (the saved row holds it, to show once); the form
/// again when it is not valid.
pub async fn create(
    db: &Db,
    actor: &str,
    form: Contextual<'_, EndpointForm>,
) -> Result<Result<WebhookEndpoint, FormState>, AppError> {
    let (state, changes) = parsed(form);
    let Some(changes) = changes else {
        return Ok(Err(state));
    };
    let secret = new_secret();
    let saved = db
        .run_as(actor, move |c| {
            Ok(WebhookEndpoint::insert(c, &changes, &secret)?)
        })
        .await?;
    Ok(Ok(saved))
}

/// Saves an endpoint's fields; with `version`, only over that version.
pub async fn update(
    db: &Db,
    actor: &str,
    id: i64,
    form: Contextual<'_, EndpointForm>,
    version: Option<i32>,
) -> Result<Saved<WebhookEndpoint>, AppError> {
    let (state, changes) = parsed(form);
    let Some(changes) = changes else {
        return Ok(Saved::Invalid(state));
    };
    let saved = db
        .run_as(actor, move |c| {
            Ok(WebhookEndpoint::update(c, id, &changes, version)?)
        })
        .await?;
    Ok(saved.map_or(Saved::Stale, Saved::Saved))
}

/// Deletes an endpoint with its deliveries; with `version`, only that version.
pub async fn delete(
    db: &Db,
    actor: &str,
    id: i64,
    version: Option<i32>,
) -> Result<Saved<()>, AppError> {
    let deleted = db
        .run_as(actor, move |c| Ok(WebhookEndpoint::delete(c, id, version)?))
        .await?;
    Ok(deleted.map_or(Saved::Stale, Saved::Saved))
}

/// Gives an endpoint a new secret; the old one signs beside it for the grace period.
pub async fn rotate_secret(db: &Db, actor: &str, id: i64) -> Result<WebhookEndpoint, AppError> {
    let secret = new_secret();
    db.run_as(actor, move |c| {
        Ok(WebhookEndpoint::rotate_secret(c, id, &secret)?)
    })
    .await
}

/// The form as sent, and what it sets when it is valid: a web address and at least one event.
fn parsed(form: Contextual<'_, EndpointForm>) -> (FormState, Option<EndpointChanges>) {
    let mut state = FormState::from_context(&form.context);
    let events: Vec<WebhookEvent> = WebhookEvent::ALL
        .into_iter()
        .filter(|e| state.value(&e.field()) == "yes")
        .collect();
    if events.is_empty() {
        state.add_error(
            "events",
            crate::i18n::Msg::new("webhook-events-none").for_input(),
        );
    }
    let Some(fields) = form.value else {
        return (state, None);
    };
    let url = match WebUrl::parse(&fields.url) {
        Ok(url) => url.into_inner(),
        Err(message) => {
            state.add_error("url", message);
            return (state, None);
        }
    };
    if events.is_empty() {
        return (state, None);
    }
    let changes = EndpointChanges::new(url, &events, fields.may_receive_pay, fields.active);
    (state, Some(changes))
}
