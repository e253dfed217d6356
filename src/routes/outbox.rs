//! What the outbox sent and what failed, for admins, with "send again" for failed mails.

use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::{Route, State, get, post, routes};

use super::FormResponse;
use crate::auth::Admin;
use crate::db::Db;
use crate::error::AppError;
use crate::models::outbox::Outbox;
use crate::views::outbox::OutboxPage;
use crate::views::{Layout, render};

pub fn routes() -> Vec<Route> {
    routes![index, send_again]
}

/// The newest rows: enough to see what happened lately, without paging.
const SHOWN: i64 = 200;

#[get("/admin/mail")]
async fn index(
    admin: Admin,
    db: &State<Db>,
    flash: Option<FlashMessage<'_>>,
) -> Result<RawHtml<String>, AppError> {
    let rows = db.run(|c| Ok(Outbox::newest(c, SHOWN)?)).await?;
    render(&OutboxPage::new(Layout::new("mail", flash, &admin), rows))
}

#[post("/admin/mail/<id>/send-again")]
async fn send_again(admin: Admin, db: &State<Db>, id: i64) -> Result<FormResponse, AppError> {
    let again = db
        .run_as(admin.actor(), move |c| Ok(Outbox::send_again(c, id)?))
        .await?;
    let message = if again {
        admin.locale.t("outbox-sent-again")
    } else {
        admin.locale.t("outbox-nothing-to-send")
    };
    Ok(FormResponse::saved("/admin/mail", message))
}
