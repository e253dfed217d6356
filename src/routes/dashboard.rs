//! The dashboard: the pipeline at a glance, latest hires, largest packages.

use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::{Route, State, get, routes};

use crate::auth::CurrentUser;
use crate::config::ReportingCurrency;
use crate::db::Db;
use crate::error::AppError;
use crate::models::offer_queue::PendingOffer;
use crate::models::{PayReport, Person};
use crate::views::dashboard::{DashboardPage, LargestPackages, StageCount};
use crate::views::{Layout, render};

pub fn routes() -> Vec<Route> {
    routes![dashboard]
}

#[get("/")]
async fn dashboard(
    user: CurrentUser,
    db: &State<Db>,
    reporting: &State<ReportingCurrency>,
    flash: Option<FlashMessage<'_>>,
) -> Result<RawHtml<String>, AppError> {
    const SHOWN: i64 = 5;
    // A viewer sees no pay: the packages are not even loaded for them.
    let sees_pay = user.role().sees_pay();
    let currency = reporting.0.clone();
    let ranked_in = currency.clone();
    let admin = user.role() == crate::domain::Role::Admin;
    let decides = user.role().manages_bands();
    let (stages, latest_hires, largest, has_demo, waiting) = db
        .run(move |c| {
            Ok((
                Person::count_by_stage(c)?,
                Person::latest_hires(c, SHOWN)?,
                if sees_pay {
                    PayReport::largest(c, &ranked_in, SHOWN)?
                } else {
                    Vec::new()
                },
                admin && crate::demo::removal::any(c)?,
                // Only those who decide are told, and only their page pays for the count.
                if decides {
                    Some(PendingOffer::count(c)?)
                } else {
                    None
                },
            ))
        })
        .await?;
    let most = stages.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    render(&DashboardPage {
        layout: Layout::new("dashboard", flash, &user),
        total: stages.iter().map(|(_, n)| n).sum(),
        stages: stages
            .into_iter()
            .map(|(stage, count)| StageCount {
                stage,
                count,
                percent_of_most: count * 100 / most,
            })
            .collect(),
        latest_hires,
        largest: LargestPackages::new(currency, largest, user.locale.lang),
        has_demo,
        waiting,
    })
}
