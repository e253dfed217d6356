//! Which mails a user wants, on /account: each kind they may turn off, on or off. The
//! password link always goes.

use rocket::form::Form;
use rocket::{FromForm, Route, State, post, routes};

use super::FormResponse;
use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::AppError;
use crate::models::mail_opt_out::MailOptOut;
use crate::models::outbox::MailKind;

pub fn routes() -> Vec<Route> {
    routes![save]
}

/// A ticked box is a mail wanted; an unticked one is not sent by browsers at all.
#[derive(FromForm)]
struct MailChoices {
    offer_pending: bool,
    offer_decided: bool,
}

#[post("/account/mail", data = "<form>")]
async fn save(
    user: CurrentUser,
    db: &State<Db>,
    form: Form<MailChoices>,
) -> Result<FormResponse, AppError> {
    let off: Vec<MailKind> = [
        (MailKind::OfferPending, form.offer_pending),
        (MailKind::OfferDecided, form.offer_decided),
    ]
    .into_iter()
    .filter(|(_, wanted)| !wanted)
    .map(|(kind, _)| kind)
    .collect();
    let id = user.user.id;
    db.run_as(user.actor(), move |c| Ok(MailOptOut::set(c, id, &off)?))
        .await?;
    Ok(FormResponse::saved(
        "/account",
        user.locale.t("account-mail-saved"),
    ))
}
