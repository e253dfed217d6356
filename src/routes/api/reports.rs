//! /api/v1/reports/{report}: a report's table, the same rows as its CSV, run by the reports'
//! own code (`routes::reports::run`) with the same filters; only the pipeline is for viewers,
//! as on the pages.

use rocket::serde::json::Json;
use rocket::{State, get};
use serde::Serialize;
use utoipa::ToSchema;

use super::allow;
use crate::api::problem::Problem;
use crate::auth::bearer::ApiCaller;
use crate::auth::events::EventSource;
use crate::config::ReportingCurrency;
use crate::db::ReadDb;
use crate::input::FieldErrors;
use crate::reports::ReportParams;
use crate::routes::reports::which::Which;
use crate::routes::reports::{Outcome, run};

#[derive(Debug, Serialize, ToSchema)]
pub struct ColumnOut {
    pub label: String,
    pub numeric: bool,
}

/// A report's table. Cells are text, whole counts, decimal strings (amounts are in the
/// reporting currency) or null where there is nothing to measure.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportOut {
    pub report: String,
    pub title: String,
    pub reporting_currency: String,
    pub columns: Vec<ColumnOut>,
    pub rows: Vec<Vec<serde_json::Value>>,
}

/// Declares one report's operation: a fixed path each, so the document names every report.
macro_rules! report_route {
    ($name:ident, $which:expr, $path:literal, $api_path:literal) => {
        #[utoipa::path(
            get, path = $api_path, tag = "reports",
            params(
                ("from" = Option<String>, Query, description = "YYYY-MM-DD"),
                ("to" = Option<String>, Query, description = "YYYY-MM-DD"),
                ("origin_company" = Option<String>, Query),
                ("hiring_company" = Option<String>, Query),
                ("group_by" = Option<String>, Query, description = "compensation: origin_company, hiring_company, title, kind or confidence"),
                ("kind" = Option<String>, Query),
                ("confidence" = Option<String>, Query),
                ("interval" = Option<String>, Query, description = "timeline: month, quarter or year"),
                ("scale" = Option<String>, Query),
            ),
            responses(
                (status = 200, body = ReportOut),
                (status = 401, body = Problem, content_type = "application/problem+json"),
                (status = 403, body = Problem, content_type = "application/problem+json"),
                (status = 422, body = Problem, content_type = "application/problem+json"),
            ),
        )]
        #[get($path)]
        pub async fn $name(
            caller: ApiCaller,
            events: EventSource,
            reads: ReadDb,
            currency: &State<ReportingCurrency>,
            params: ReportParams,
        ) -> Result<Json<ReportOut>, Problem> {
            answer($which, &caller, &events, reads, &currency.0, params).await
        }
    };
}

report_route!(
    talent_flow,
    Which::TalentFlow,
    "/v1/reports/talent-flow?<params..>",
    "/api/v1/reports/talent-flow"
);
report_route!(
    compensation,
    Which::Compensation,
    "/v1/reports/compensation?<params..>",
    "/api/v1/reports/compensation"
);
report_route!(
    pipeline,
    Which::Pipeline,
    "/v1/reports/pipeline?<params..>",
    "/api/v1/reports/pipeline"
);
report_route!(
    timeline,
    Which::Timeline,
    "/v1/reports/timeline?<params..>",
    "/api/v1/reports/timeline"
);

async fn answer(
    which: Which,
    caller: &ApiCaller,
    events: &EventSource,
    reads: ReadDb,
    reporting_currency: &str,
    params: ReportParams,
) -> Result<Json<ReportOut>, Problem> {
    // Only the pipeline shows no pay: the other reports are not for viewers.
    if which != Which::Pipeline {
        allow(caller, events, crate::domain::Role::sees_pay)?;
    }
    let parsed = params.parse();
    let reporting = reporting_currency.to_owned();
    let outcome = reads
        .0
        .run(move |c| run(c, which, parsed, &reporting, super::API_LANG))
        .await?;
    match outcome {
        Outcome::Ran(ran) => Ok(Json(ReportOut {
            report: which.slug().to_owned(),
            title: which.title().to_owned(),
            reporting_currency: reporting_currency.to_owned(),
            columns: ran
                .table
                .columns
                .iter()
                .map(|c| ColumnOut {
                    label: c.label.clone(),
                    numeric: c.numeric,
                })
                .collect(),
            rows: ran
                .table
                .rows
                .iter()
                .map(|row| row.iter().map(|cell| cell.json()).collect())
                .collect(),
        })),
        Outcome::Refused(problems) => {
            let mut errors = FieldErrors::default();
            for problem in problems {
                errors.add("", problem);
            }
            Err(Problem::invalid(&errors))
        }
    }
}
