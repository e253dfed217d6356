//! Reports: each at /reports/<name> as a page and at /reports/<name>.csv as its table in CSV.

use rocket::request::FromParam;
use rocket::response::content::RawHtml;
use rocket::{Responder, Route, State, get, routes};

use super::csv_file::CsvFile;
use super::query_string;
use crate::auth::CurrentUser;
use crate::config::ReportingCurrency;
use crate::csv_format::Dialect;
use crate::db::ReadDb;
use crate::domain::{Confidence, PayKind};
use crate::error::AppError;
use crate::models::Company;
use crate::reports::{
    GroupBy, PayScale, Report, ReportFilter, ReportParams, compensation, pipeline, talent_flow,
    timeline,
};
use crate::views::people::company_choices;
use crate::views::reports::{ReportIndexPage, ReportPage, SelectFilter};
use crate::views::{Choice, FormState, Layout, render};

pub fn routes() -> Vec<Route> {
    routes![index, report]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    TalentFlow,
    Compensation,
    Pipeline,
    Timeline,
}

impl Which {
    const ALL: [Which; 4] = [
        Which::TalentFlow,
        Which::Compensation,
        Which::Pipeline,
        Which::Timeline,
    ];

    fn slug(self) -> &'static str {
        match self {
            Which::TalentFlow => "talent-flow",
            Which::Compensation => "compensation",
            Which::Pipeline => "pipeline",
            Which::Timeline => "timeline",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Which::TalentFlow => "Talent flow",
            Which::Compensation => "Compensation",
            Which::Pipeline => "Pipeline",
            Which::Timeline => "Hiring timeline",
        }
    }

    fn explanation(self, currency: &str) -> String {
        let pay = format!(
            "Pay is each person's latest figure by as-of date, annualised (a total divided by its \
             years), at the midpoint of its band, converted to {currency} at the rate of its as-of \
             date or the nearest earlier one."
        );
        let hired = "A hire counts on its decision date, else its start date, else the day the \
                     person was moved to Hired.";
        match self {
            Which::TalentFlow => format!("Hired people from each origin company to each hiring company. {hired} {pay}"),
            Which::Compensation => format!(
                "The spread of annualised pay midpoints per group, percentiles interpolated linearly. \
                 A person counts once per group, with their latest figure in it. Dates filter the \
                 figures' as-of dates. {pay}"
            ),
            Which::Pipeline => "How many people reached each stage (someone who skipped a stage \
                passed it), how many are there now, the share who went on to the next stage, and the \
                median days spent in each stage before moving on, from the stage history. Dates \
                filter the day people entered the tracker."
                .to_owned(),
            Which::Timeline => format!("Hires per period and the annual pay they commit, added up over time. {hired} {pay}"),
        }
    }

    fn empty_message(self) -> &'static str {
        match self {
            Which::TalentFlow | Which::Timeline => "No hires match these filters.",
            Which::Compensation => "No pay figures match these filters.",
            Which::Pipeline => "No people match these filters.",
        }
    }

    fn selects(self) -> Vec<SelectFilter> {
        match self {
            Which::Compensation => vec![
                SelectFilter {
                    name: "group_by",
                    label: "Group by",
                    choices: GroupBy::ALL
                        .iter()
                        .map(|g| Choice::new(g.as_str(), g.label()))
                        .collect(),
                    blank: "",
                },
                SelectFilter {
                    name: "kind",
                    label: "Kind",
                    choices: Choice::all_of::<PayKind>(),
                    blank: "Any kind",
                },
                SelectFilter {
                    name: "confidence",
                    label: "Confidence",
                    choices: Choice::all_of::<Confidence>(),
                    blank: "Any confidence",
                },
                SelectFilter {
                    name: "scale",
                    label: "Pay scale",
                    choices: PayScale::CHOICES
                        .iter()
                        .map(|(value, label)| Choice::new(*value, *label))
                        .collect(),
                    blank: "Automatic",
                },
            ],
            Which::Timeline => vec![SelectFilter {
                name: "interval",
                label: "Per",
                choices: vec![
                    Choice::new("month", "Month"),
                    Choice::new("quarter", "Quarter"),
                ],
                blank: "",
            }],
            Which::TalentFlow | Which::Pipeline => Vec::new(),
        }
    }

    fn run(
        self,
        conn: &mut diesel::PgConnection,
        filter: &ReportFilter,
        currency: &str,
    ) -> Result<Report, AppError> {
        match self {
            Which::TalentFlow => talent_flow::run(conn, filter, currency),
            Which::Compensation => compensation::run(conn, filter, currency),
            Which::Pipeline => pipeline::run(conn, filter),
            Which::Timeline => timeline::run(conn, filter, currency),
        }
    }
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
enum Outcome {
    Ran(Report),
    Refused(Vec<String>),
}

#[get("/reports/<path>?<params..>")]
async fn report(
    user: CurrentUser,
    reads: &State<ReadDb>,
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
    let parsed = params.parse();
    let reporting = currency.0.clone();
    let (outcome, names) = reads
        .0
        .run(move |c| {
            let names = Company::names_if_few(c)?;
            let mut filter = match parsed {
                Ok(filter) => filter,
                Err(problems) => return Ok((Outcome::Refused(problems), names)),
            };
            let mut problems = Vec::new();
            for (name, id) in [
                (&filter.origin_company, &mut filter.origin_company_id),
                (&filter.hiring_company, &mut filter.hiring_company_id),
            ] {
                if let Some(name) = name {
                    match Company::find_by_name(c, name)? {
                        Some(company) => *id = Some(company.id),
                        None => problems.push(format!("There is no company called “{name}”.")),
                    }
                }
            }
            if !problems.is_empty() {
                return Ok((Outcome::Refused(problems), names));
            }
            Ok((Outcome::Ran(which.run(c, &filter, &reporting)?), names))
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
        selects: which.selects(),
        ..ReportPage::new(
            Layout::new("reports", None, user),
            (which.title(), which.slug()),
            which.explanation(currency),
            which.empty_message(),
        )
    }
}
