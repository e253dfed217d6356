//! The dashboard page.

use askama::Template;

use super::Layout;
use super::pay_reports::PayReportRow;
use crate::domain::Stage;
use crate::models::PersonListItem;

#[derive(Template)]
#[template(path = "dashboard.html")]
pub struct DashboardPage {
    pub layout: Layout,
    pub total: i64,
    pub stages: Vec<StageCount>,
    pub latest_hires: Vec<PersonListItem>,
    /// Whose package it is, and the package.
    pub largest: Vec<(String, PayReportRow)>,
}

pub struct StageCount {
    pub stage: Stage,
    pub count: i64,
    /// The bar's length, relative to the fullest stage.
    pub percent_of_most: i64,
}
