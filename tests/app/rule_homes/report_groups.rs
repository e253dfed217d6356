//! The compensation report's group names: their home is `GroupBy` (reports/filter.rs), which
//! the query string and the report's SQL use; the database's `r.pay_count_keys` keys the kept
//! counts by a copy of them, which must name the same groups with the same values.

use diesel::prelude::*;
use diesel::sql_types::{Nullable, Text};
use talent_tracker::reports::GroupBy;

use crate::common::TestApp;

#[derive(QueryableByName, Debug, PartialEq)]
struct Key {
    #[diesel(sql_type = Text)]
    grouped_by: String,
    #[diesel(sql_type = Nullable<Text>)]
    grp: Option<String>,
}

#[test]
fn the_kept_counts_name_each_group_as_the_report_does() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    // A figure that is each kind of latest, with a value for every grouping.
    let mut keys: Vec<Key> = diesel::sql_query(
        "SELECT grouped_by, grp
         FROM r.pay_count_keys(true, true, true, 11, 22, 'Researcher', 'offered', 'rumor', 1)",
    )
    .load(&mut app.conn()?)?;
    keys.sort_by(|a, b| a.grouped_by.cmp(&b.grouped_by));
    let value = |by: GroupBy| match by {
        GroupBy::OriginCompany => "11",
        GroupBy::HiringCompany => "22",
        GroupBy::Title => "Researcher",
        GroupBy::Kind => "offered",
        GroupBy::Confidence => "rumor",
    };
    let mut expected: Vec<Key> = GroupBy::ALL
        .iter()
        .map(|&by| Key {
            grouped_by: by.as_str().to_owned(),
            grp: Some(value(by).to_owned()),
        })
        .chain([Key {
            grouped_by: GroupBy::EVERY_FIGURE.to_owned(),
            grp: None,
        }])
        .collect();
    expected.sort_by(|a, b| a.grouped_by.cmp(&b.grouped_by));
    assert_eq!(keys, expected);
    Ok(())
}
