//! The page confirming the removal of the demo data.

use askama::Template;

use super::Layout;
use crate::demo::removal::DemoCounts;

#[derive(Template)]
#[template(path = "demo_data.html")]
pub struct DemoDataPage {
    pub layout: Layout,
    pub counts: DemoCounts,
}
