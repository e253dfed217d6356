//! The pay band reports: offers against their bands, and EU pay transparency. Each at
//! /reports/<name> as a page and /reports/<name>.csv as its table; static paths, so they
//! take precedence over the general reports' `/reports/<path>`.

use diesel::prelude::*;
use rocket::response::content::RawHtml;
use rocket::{Responder, Route, State, get, routes};

use super::csv_file::CsvFile;
use super::{given, query_string};
use crate::auth::PayReader;
use crate::config::ReportingCurrency;
use crate::csv_format::Dialect;
use crate::db::ReadDb;
use crate::domain::ApprovalStatus;
use crate::error::AppError;
use crate::models::offer_list::OfferFilter;
use crate::reports::{Report, offers, transparency};
use crate::schema::pay_band;
use crate::views::reports::{ReportPage, SelectFilter};
use crate::views::{Choice, FormState, Layout, render};

pub fn routes() -> Vec<Route> {
    routes![offers_page, offers_csv, transparency_page, transparency_csv]
}

#[derive(Responder)]
enum BandReportResponse {
    Page(RawHtml<String>),
    #[response(status = 422)]
    Invalid(RawHtml<String>),
}

const OFFERS_EXPLANATION: &str = "Every offer checked against the pay band in force on its \
    date for its person's job family, level and zone (the person's zone preferred over bands \
    for every zone), converted into the band's currency through the reporting currency at the \
    rates of its date or the nearest earlier one. Compa-ratio: annual base ÷ band midpoint; \
    range penetration: (annual base − minimum) ÷ (maximum − minimum). An offer outside its \
    band waits for a compensation decision.";

/// The status filter, checked: an unknown status is named in the answer.
fn status_filter(status: &Option<String>) -> Result<Option<ApprovalStatus>, String> {
    given(status)
        .map(|s| {
            ApprovalStatus::parse(&s).ok_or_else(|| format!("There is no approval status “{s}”."))
        })
        .transpose()
}

#[get("/reports/offers?<status>&<job_family>")]
async fn offers_page(
    user: PayReader,
    reads: ReadDb,
    reporting: &State<ReportingCurrency>,
    status: Option<String>,
    job_family: Option<String>,
) -> Result<BandReportResponse, AppError> {
    let parsed = status_filter(&status);
    let family = given(&job_family);
    let reporting = reporting.0.clone();
    let (families, report) = reads
        .0
        .run(move |c| {
            let families: Vec<String> = pay_band::table
                .select(pay_band::job_family)
                .distinct()
                .order(pay_band::job_family)
                .load(c)?;
            let report = match parsed {
                Ok(status) => {
                    let filter = OfferFilter {
                        status,
                        job_family: family,
                    };
                    Ok(offers::run(c, &reporting, &filter, offers::Rows::Shown)?)
                }
                Err(problem) => Err(problem),
            };
            Ok((families, report))
        })
        .await?;
    let values = [
        ("status", status.unwrap_or_default()),
        ("job_family", job_family.unwrap_or_default()),
    ];
    let page = ReportPage {
        query: query_string(values.iter().map(|(k, v)| (*k, v.as_str()))),
        filters: FormState::with_values(values),
        selects: vec![
            SelectFilter {
                name: "status",
                label: "Approval",
                choices: Choice::all_of::<ApprovalStatus>(),
                blank: "Any",
            },
            SelectFilter {
                name: "job_family",
                label: "Job family",
                choices: families.iter().map(|f| Choice::new(f, f)).collect(),
                blank: "Any",
            },
        ],
        ..ReportPage::new(
            Layout::new("reports", None, &user),
            ("Offers against pay bands", "offers"),
            OFFERS_EXPLANATION.to_owned(),
            "No offers match these filters.",
        )
    };
    Ok(match report {
        Ok((report, not_shown)) => {
            let page = page.with_report(report);
            BandReportResponse::Page(render(&ReportPage {
                rows_not_shown: not_shown,
                ..page
            })?)
        }
        Err(problem) => BandReportResponse::Invalid(render(&ReportPage {
            problems: vec![problem],
            ..page
        })?),
    })
}

#[derive(Responder)]
enum CsvResponse {
    File(CsvFile),
    #[response(status = 422)]
    Invalid(String),
}

#[get("/reports/offers.csv?<status>&<job_family>")]
async fn offers_csv(
    _user: PayReader,
    reads: ReadDb,
    reporting: &State<ReportingCurrency>,
    status: Option<String>,
    job_family: Option<String>,
    dialect: Dialect,
) -> Result<CsvResponse, AppError> {
    let status = match status_filter(&status) {
        Ok(status) => status,
        Err(problem) => return Ok(CsvResponse::Invalid(problem)),
    };
    let family = given(&job_family);
    let reporting = reporting.0.clone();
    let filter = OfferFilter {
        status,
        job_family: family,
    };
    let (report, _) = reads
        .0
        .run(move |c| offers::run(c, &reporting, &filter, offers::Rows::All))
        .await?;
    Ok(CsvResponse::File(csv_file("offers", &report, dialect)?))
}

fn csv_file(name: &str, report: &Report, dialect: Dialect) -> Result<CsvFile, AppError> {
    Ok(CsvFile {
        name: name.to_owned(),
        dialect,
        body: report
            .table
            .to_csv(dialect)
            .map_err(|e| AppError::Internal(e.into()))?,
    })
}

const TRANSPARENCY_EXPLANATION: &str = "Directive (EU) 2023/970, art. 5(1): a candidate is \
    told the starting pay or its range before the interview. Listed: people in zone EU who \
    reached interviewing (or a later stage) by the stage history before the day their range \
    was disclosed, or without a disclosure date. A disclosure on the day interviewing began \
    counts as in time.";

#[get("/reports/pay-transparency")]
async fn transparency_page(user: PayReader, reads: ReadDb) -> Result<RawHtml<String>, AppError> {
    let report = reads.0.run(|c| Ok(transparency::run(c)?)).await?;
    render(
        &ReportPage::new(
            Layout::new("reports", None, &user),
            ("EU pay transparency", "pay-transparency"),
            TRANSPARENCY_EXPLANATION.to_owned(),
            "Every EU candidate who reached interviewing had their range disclosed in time.",
        )
        .with_report(report),
    )
}

#[get("/reports/pay-transparency.csv")]
async fn transparency_csv(
    _user: PayReader,
    reads: ReadDb,
    dialect: Dialect,
) -> Result<CsvFile, AppError> {
    let report = reads.0.run(|c| Ok(transparency::run(c)?)).await?;
    csv_file("pay-transparency", &report, dialect)
}
