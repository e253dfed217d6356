//! Removing the demo data: a confirmation page with what will go, then one POST (admins).

use rocket::response::content::RawHtml;
use rocket::response::{Flash, Redirect};
use rocket::{Route, State, get, post, routes};

use crate::auth::Admin;
use crate::db::Db;
use crate::demo::removal;
use crate::error::AppError;
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
        format!(
            "The demo data is removed: {} people, {} pay reports, {} companies and {} exchange rates.",
            removed.people, removed.pay_reports, removed.companies, removed.exchange_rates
        )
    } else {
        "There was no demo data to remove.".to_owned()
    };
    Ok(Flash::success(Redirect::to("/"), message))
}
