//! Removing the demo data: a confirmation page with what will go, then one POST (admins).

use rocket::response::content::RawHtml;
use rocket::response::{Flash, Redirect};
use rocket::{Route, State, get, post, routes};

use crate::auth::Admin;
use crate::db::Db;
use crate::demo::removal;
use crate::error::AppError;
use crate::i18n::Msg;
use crate::views::demo_data::DemoDataPage;
use crate::views::{Layout, render};

pub fn routes() -> Vec<Route> {
    routes![confirm, remove]
}

#[get("/demo-data")]
async fn confirm(user: Admin, db: &State<Db>) -> Result<RawHtml<String>, AppError> {
    let counts = db.run(|c| Ok(removal::count(c)?)).await?;
    render(&DemoDataPage {
        layout: Layout::new("dashboard", None, &user),
        counts,
    })
}

#[post("/demo-data/remove")]
async fn remove(user: Admin, db: &State<Db>) -> Result<Flash<Redirect>, AppError> {
    let removed = db.run_as(user.actor(), |c| Ok(removal::remove(c)?)).await?;
    let message = if removed.any() {
        user.locale.say(
            &Msg::new("demo-removed")
                .arg("people", removed.people)
                .arg("pay-reports", removed.pay_reports)
                .arg("companies", removed.companies)
                .arg("exchange-rates", removed.exchange_rates),
        )
    } else {
        user.locale.t("demo-nothing-removed")
    };
    Ok(Flash::success(Redirect::to("/"), message))
}
