//! Webhook endpoints, for admins: list, register, edit (or disable), delete, rotate the
//! secret, and each one's delivery log with "Send again". What a change does is decided in
//! `webhook_save`, which the API shares.

use crate::i18n::input::LocalForm;
use rocket::form::Contextual;
use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::{Route, State, get, post, routes};

use super::FormResponse;
use super::webhook_save::{self, EndpointForm, Saved};
use crate::auth::{Admin, CurrentUser};
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::input::reading_async;
use crate::models::webhook_delivery::WebhookDelivery;
use crate::models::webhook_endpoint::WebhookEndpoint;
use crate::views::webhooks::{
    WebhookDeletePage, WebhookFormPage, WebhookIndexPage, WebhookShowPage, endpoint_form,
};
use crate::views::{FormState, Layout, render};

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
        rotate_secret,
        send_again
    ]
}

/// The latest deliveries an endpoint's page shows.
const LOGGED: i64 = 100;

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
    let saved = match reading_async(
        admin.locale.lang,
        webhook_save::create(db, admin.actor(), form.into_inner()),
    )
    .await?
    {
        Ok(saved) => saved,
        Err(state) => return invalid(&admin, state, None),
    };
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
    // The page names no version: the last save wins, as before the API came.
    match reading_async(
        admin.locale.lang,
        webhook_save::update(db, admin.actor(), id, form.into_inner(), None),
    )
    .await?
    {
        Saved::Saved(_) | Saved::Stale => {}
        Saved::Invalid(state) => return invalid(&admin, state, Some(id)),
    }
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
    webhook_save::delete(db, admin.actor(), id, None).await?;
    Ok(FormResponse::saved(
        "/webhooks",
        admin.locale.t("webhook-deleted"),
    ))
}

#[post("/webhooks/<id>/rotate-secret")]
async fn rotate_secret(admin: Admin, db: &State<Db>, id: i64) -> Result<FormResponse, AppError> {
    let rotated = webhook_save::rotate_secret(db, admin.actor(), id).await?;
    let until = rotated
        .old_secret_expires_at
        .map(|t| admin.locale.timestamp(t))
        .unwrap_or_default();
    Ok(FormResponse::saved(
        format!("/webhooks/{id}"),
        admin.locale.t1("webhook-rotated", "until", until),
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

fn invalid(user: &CurrentUser, form: FormState, id: Option<i64>) -> Result<FormResponse, AppError> {
    Ok(FormResponse::Invalid(render(&WebhookFormPage::new(
        Layout::new("webhooks", None, user),
        form,
        id,
    ))?))
}
