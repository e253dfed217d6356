//! Webhook endpoints, for admins: list, register, edit (or disable), delete, and each one's
//! delivery log with "Send again".

use crate::i18n::input::LocalForm;
use rocket::form::Contextual;
use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::{FromForm, Route, State, get, post, routes};

use super::FormResponse;
use crate::auth::{Admin, CurrentUser};
use crate::db::Db;
use crate::domain::{WebUrl, WebhookEvent};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::models::webhook_delivery::WebhookDelivery;
use crate::models::webhook_endpoint::{EndpointChanges, WebhookEndpoint};
use crate::views::webhooks::{
    WebhookDeletePage, WebhookFormPage, WebhookIndexPage, WebhookShowPage, endpoint_form,
};
use crate::views::{FormState, Layout, render};
use crate::webhooks::signature::new_secret;

pub fn routes() -> Vec<Route> {
    routes![
        index,
        new,
        create,
        show,
        edit,
        update,
        confirm_delete,
        delete,
        send_again
    ]
}

/// The latest deliveries an endpoint's page shows.
const LOGGED: i64 = 100;

/// The fields besides the events, whose checkboxes (`WebhookEvent::field`) are read from the
/// form's values.
#[derive(Debug, FromForm)]
pub struct EndpointForm {
    url: String,
    may_receive_pay: bool,
    active: bool,
}

#[get("/webhooks")]
async fn index(
    admin: Admin,
    db: &State<Db>,
    flash: Option<FlashMessage<'_>>,
) -> Result<RawHtml<String>, AppError> {
    let endpoints = db.run(|c| Ok(WebhookEndpoint::all(c)?)).await?;
    render(&WebhookIndexPage::new(
        Layout::new("webhooks", flash, &admin),
        endpoints,
    ))
}

#[get("/webhooks/new")]
fn new(admin: Admin) -> Result<RawHtml<String>, AppError> {
    let form = FormState::with_values([("active", "yes".to_owned())]);
    render(&WebhookFormPage::new(
        Layout::new("webhooks", None, &admin),
        form,
        None,
    ))
}

#[post("/webhooks", data = "<form>")]
async fn create(
    admin: Admin,
    db: &State<Db>,
    form: LocalForm<Contextual<'_, EndpointForm>>,
) -> Result<FormResponse, AppError> {
    let (state, changes) = parsed(form.into_inner(), admin.locale);
    let Some(changes) = changes else {
        return invalid(&admin, state, None);
    };
    let secret = new_secret();
    let saved = db
        .run_as(admin.actor(), move |c| {
            Ok(WebhookEndpoint::insert(c, &changes, &secret)?)
        })
        .await?;
    Ok(FormResponse::saved(
        format!("/webhooks/{}", saved.id),
        admin.locale.t("webhook-registered"),
    ))
}

#[get("/webhooks/<id>")]
async fn show(
    admin: Admin,
    db: &State<Db>,
    flash: Option<FlashMessage<'_>>,
    id: i64,
) -> Result<RawHtml<String>, AppError> {
    let (endpoint, log) = db
        .run(move |c| {
            let endpoint = WebhookEndpoint::find(c, id)?;
            Ok((endpoint, WebhookDelivery::log(c, id, LOGGED)?))
        })
        .await?;
    render(&WebhookShowPage::new(
        Layout::new("webhooks", flash, &admin),
        endpoint,
        log,
    ))
}

#[get("/webhooks/<id>/edit")]
async fn edit(admin: Admin, db: &State<Db>, id: i64) -> Result<RawHtml<String>, AppError> {
    let endpoint = db.run(move |c| Ok(WebhookEndpoint::find(c, id)?)).await?;
    render(&WebhookFormPage::new(
        Layout::new("webhooks", None, &admin),
        endpoint_form(&endpoint),
        Some(id),
    ))
}

#[post("/webhooks/<id>", data = "<form>")]
async fn update(
    admin: Admin,
    db: &State<Db>,
    id: i64,
    form: LocalForm<Contextual<'_, EndpointForm>>,
) -> Result<FormResponse, AppError> {
    let (state, changes) = parsed(form.into_inner(), admin.locale);
    let Some(changes) = changes else {
        return invalid(&admin, state, Some(id));
    };
    db.run_as(admin.actor(), move |c| {
        Ok(WebhookEndpoint::update(c, id, &changes)?)
    })
    .await?;
    Ok(FormResponse::saved(
        format!("/webhooks/{id}"),
        admin.locale.t("webhook-saved"),
    ))
}

#[get("/webhooks/<id>/delete")]
async fn confirm_delete(
    admin: Admin,
    db: &State<Db>,
    id: i64,
) -> Result<RawHtml<String>, AppError> {
    let endpoint = db.run(move |c| Ok(WebhookEndpoint::find(c, id)?)).await?;
    render(&WebhookDeletePage {
        layout: Layout::new("webhooks", None, &admin),
        endpoint,
    })
}

#[post("/webhooks/<id>/delete")]
async fn delete(admin: Admin, db: &State<Db>, id: i64) -> Result<FormResponse, AppError> {
    db.run_as(admin.actor(), move |c| Ok(WebhookEndpoint::delete(c, id)?))
        .await?;
    Ok(FormResponse::saved(
        "/webhooks",
        admin.locale.t("webhook-deleted"),
    ))
}

#[post("/webhooks/<id>/deliveries/<delivery>/send-again")]
async fn send_again(
    admin: Admin,
    db: &State<Db>,
    id: i64,
    delivery: i64,
) -> Result<FormResponse, AppError> {
    let again = db
        .run_as(admin.actor(), move |c| {
            Ok(WebhookDelivery::send_again(c, id, delivery)?)
        })
        .await?;
    let message = if again {
        let id = format!("msg_{delivery}");
        admin.locale.t1("webhook-sent-again", "id", id)
    } else {
        let id = format!("msg_{delivery}");
        admin.locale.t1("webhook-waiting-already", "id", id)
    };
    Ok(FormResponse::saved(format!("/webhooks/{id}"), message))
}

/// The form as sent, and what it sets when it is valid: a web address and at least one event.
fn parsed(
    form: Contextual<'_, EndpointForm>,
    locale: Locale,
) -> (FormState, Option<EndpointChanges>) {
    let mut state = FormState::from_context(&form.context);
    let events: Vec<WebhookEvent> = WebhookEvent::ALL
        .into_iter()
        .filter(|e| state.value(&e.field()) == "yes")
        .collect();
    if events.is_empty() {
        state.add_error("events", locale.t("webhook-events-none"));
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

fn invalid(user: &CurrentUser, form: FormState, id: Option<i64>) -> Result<FormResponse, AppError> {
    Ok(FormResponse::Invalid(render(&WebhookFormPage::new(
        Layout::new("webhooks", None, user),
        form,
        id,
    ))?))
}
