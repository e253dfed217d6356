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
use crate::i18n::{Lang, Msg};
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

/// The status filter, checked: an unknown status is named in the answer.
fn status_filter(status: &Option<String>, lang: Lang) -> Result<Option<ApprovalStatus>, String> {
    given(status)
        .map(|s| {
            ApprovalStatus::parse(&s)
                .ok_or_else(|| Msg::new("report-no-status").arg("name", s).text(lang))
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
    let locale = user.locale;
    let parsed = status_filter(&status, locale.lang);
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
                label: locale.t("report-approval"),
                choices: Choice::all_in::<ApprovalStatus>(locale),
                blank: locale.t("report-any"),
            },
            SelectFilter {
                name: "job_family",
                label: locale.t("band-job-family"),
                choices: families.iter().map(|f| Choice::new(f, f)).collect(),
                blank: locale.t("report-any"),
            },
        ],
        ..ReportPage::new(
            Layout::new("reports", None, &user),
            (locale.t("report-offers-title"), "offers"),
            locale.t("report-explain-offers"),
            locale.t("report-empty-offers"),
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
    let status = match status_filter(&status, Lang::En) {
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

#[get("/reports/pay-transparency")]
async fn transparency_page(user: PayReader, reads: ReadDb) -> Result<RawHtml<String>, AppError> {
    let report = reads.0.run(|c| Ok(transparency::run(c)?)).await?;
    render(
        &ReportPage::new(
            Layout::new("reports", None, &user),
            (
                user.locale.t("report-transparency-title"),
                "pay-transparency",
            ),
            user.locale.t("report-explain-transparency"),
            user.locale.t("report-empty-transparency"),
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
