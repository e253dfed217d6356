//! What the people list says about its size when more people match than it counts exactly:
//! the exact number where the pipeline's kept counts answer its filter (so "Sourced 6100" on
//! the dashboard opens a list of 6100), else the planner's estimate, said as "about".

use diesel::PgConnection;

use crate::error::AppError;
use crate::models::person::KeptQuestion;
use crate::models::{Person, PersonFilter};
use crate::reports::{ReportFilter, pipeline};
use crate::views::people::{ListCount, PeoplePager};

pub(super) fn beyond_the_count(
    c: &mut PgConnection,
    filter: &PersonFilter,
) -> Result<ListCount, AppError> {
    if let Some(question) = filter.kept_question() {
        // The unfiltered pipeline report's own figures, read from the kept counts: the one
        // home of what "reached" means, and the numbers the dashboard and the report show.
        let rows = pipeline::stages(c, &ReportFilter::default())?;
        let row = |stage: crate::domain::Stage| rows.iter().find(|r| r.stage == stage.as_str());
        let n = match question {
            KeptQuestion::Everyone => rows.iter().map(|r| r.now).sum(),
            KeptQuestion::Now(stage) => row(stage).map_or(0, |r| r.now),
            KeptQuestion::Reached(stage) => row(stage).map_or(0, |r| r.reached),
        };
        return Ok(ListCount::Exact(n));
    }
    // An estimate below what was just counted past is wrong, and "more than" is what we know.
    Ok(match Person::estimated_count(c, filter)? {
        Some(n) if n > PeoplePager::COUNT_LIMIT => ListCount::About(n),
        _ => ListCount::MoreThan(PeoplePager::COUNT_LIMIT),
    })
}
