//! Reports: each at /reports/<name> as a page and at /reports/<name>.csv as its table in CSV.

pub(crate) mod which;

use rocket::request::FromParam;
use rocket::response::content::RawHtml;
use rocket::{Responder, Route, State, get, routes};

use crate::auth::CurrentUser;
use crate::config::ReportingCurrency;
use crate::csv_format::Dialect;
use crate::db::ReadDb;
use crate::error::AppError;
use crate::i18n::{Lang, Msg};
use crate::models::Company;
use crate::reports::{Report, ReportParams};
use crate::routes::csv_file::CsvFile;
use crate::routes::query_string;
use crate::views::people::company_choices;
use crate::views::reports::{ReportIndexPage, ReportPage};
use crate::views::{FormState, Layout, render};
use which::Which;

pub fn routes() -> Vec<Route> {
    routes![index, report]
}

/// `compensation` for the page, `compensation.csv` for its table as CSV.
struct ReportPath {
    which: Which,
    csv: bool,
}

impl<'a> FromParam<'a> for ReportPath {
    type Error = &'a str;

    fn from_param(param: &'a str) -> Result<Self, Self::Error> {
        let (slug, csv) = match param.strip_suffix(".csv") {
            Some(slug) => (slug, true),
            None => (param, false),
        };
        Which::ALL
            .into_iter()
            .find(|w| w.slug() == slug)
            .map(|which| ReportPath { which, csv })
            .ok_or(param)
    }
}

#[derive(Responder)]
enum ReportResponse {
    Page(RawHtml<String>),
    Csv(CsvFile),
    #[response(status = 422)]
    InvalidPage(RawHtml<String>),
    #[response(status = 422)]
    InvalidCsv(String),
}

#[get("/reports")]
fn index(
    user: CurrentUser,
    currency: &State<ReportingCurrency>,
) -> Result<RawHtml<String>, AppError> {
    render(&ReportIndexPage {
        layout: Layout::new("reports", None, &user),
        reporting_currency: currency.0.clone(),
    })
}

/// What running a report came to: its result, or what is wrong with the filters.
pub(crate) enum Outcome {
    Ran(Report),
    Refused(Vec<String>),
}

#[get("/reports/<path>?<params..>")]
async fn report(
    user: CurrentUser,
    reads: ReadDb,
    currency: &State<ReportingCurrency>,
    path: ReportPath,
    params: ReportParams,
    dialect: Dialect,
) -> Result<ReportResponse, AppError> {
    let which = path.which;
    // Only the pipeline shows no pay: the other reports are not for viewers.
    if which != Which::Pipeline && !user.role().sees_pay() {
        return Err(AppError::Forbidden);
    }
    let lang = user.locale.lang;
    let parsed = params.parse_in(lang);
    let reporting = currency.0.clone();
    let (outcome, names) = reads
        .0
        .run(move |c| {
            let names = Company::names_if_few(c)?;
            Ok((run(c, which, parsed, &reporting, lang)?, names))
        })
        .await?;
    if path.csv {
        return Ok(match outcome {
            Outcome::Ran(report) => ReportResponse::Csv(CsvFile {
                name: which.slug().to_owned(),
                dialect,
                body: report
                    .table
                    .to_csv(dialect)
                    .map_err(|e| AppError::Internal(e.into()))?,
            }),
            Outcome::Refused(problems) => ReportResponse::InvalidCsv(problems.join("\n")),
        });
    }
    let page = page(&user, which, &params, names, &currency.0);
    Ok(match outcome {
        Outcome::Ran(report) => ReportResponse::Page(render(&page.with_report(report))?),
        Outcome::Refused(problems) => {
            ReportResponse::InvalidPage(render(&ReportPage { problems, ..page })?)
        }
    })
}

/// Runs a report over its parsed filters, companies named by name looked up: the pages, the
/// CSV and the API (`routes::api::reports`) all run it here.
pub(crate) fn run(
    c: &mut diesel::PgConnection,
    which: Which,
    parsed: Result<crate::reports::ReportFilter, Vec<String>>,
    reporting: &str,
    lang: Lang,
) -> Result<Outcome, AppError> {
    let mut filter = match parsed {
        Ok(filter) => filter,
        Err(problems) => return Ok(Outcome::Refused(problems)),
    };
    let mut problems = Vec::new();
    for (name, id) in [
        (&filter.origin_company, &mut filter.origin_company_id),
        (&filter.hiring_company, &mut filter.hiring_company_id),
    ] {
        if let Some(name) = name {
            match Company::find_by_name(c, name)? {
                Some(company) => *id = Some(company.id),
                None => problems.push(Msg::new("report-no-company").arg("name", name).text(lang)),
            }
        }
    }
    if !problems.is_empty() {
        return Ok(Outcome::Refused(problems));
    }
    Ok(Outcome::Ran(which.run(c, &filter, reporting)?))
}

fn page(
    user: &CurrentUser,
    which: Which,
    params: &ReportParams,
    company_names: Vec<String>,
    currency: &str,
) -> ReportPage {
    let typed = |v: &Option<String>| v.clone().unwrap_or_default();
    let values = [
        ("from", typed(&params.from)),
        ("to", typed(&params.to)),
        ("origin_company", typed(&params.origin_company)),
        ("hiring_company", typed(&params.hiring_company)),
        ("group_by", typed(&params.group_by)),
        ("kind", typed(&params.kind)),
        ("confidence", typed(&params.confidence)),
        ("interval", typed(&params.interval)),
        ("scale", typed(&params.scale)),
    ];
    ReportPage {
        query: query_string(values.iter().map(|(k, v)| (*k, v.as_str()))),
        filters: FormState::with_values(values),
        window_filters: true,
        companies: company_choices(company_names),
        selects: which.selects(user.locale),
        ..ReportPage::new(
            Layout::new("reports", None, user),
            (which.title_in(user.locale.lang), which.slug()),
            which.explanation(currency, user.locale.lang),
            which.empty_message(user.locale.lang),
        )
    }
}
