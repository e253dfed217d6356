//! Merging two records of one person: the side-by-side page, the chosen fields, every moved
//! row, the one audit entry, lost updates on either side, and who may merge at all.

mod attached;
mod erasure;
mod imports;
mod input;
mod roles;
mod undo;

use diesel::prelude::*;
use diesel::sql_types::Text;
use rocket::http::Status;
use talent_tracker::schema::{audit_log, import_item, pay_report, person, stage_change};

use crate::common::{Page, TestApp};

/// Two records of one person and a third person they were each told apart from: the older
/// `left` made by hand with one pay report, the newer `right` imported, moved on a stage and
/// given two pay reports.
pub struct Pair {
    pub left: i64,
    pub right: i64,
    pub other: i64,
}

pub fn pay(source: &str) -> Vec<(&'static str, String)> {
    [
        ("kind", "reported"),
        ("currency", "USD"),
        ("amount_low", "100000000"),
        ("amount_high", "300000000"),
        ("period", "total"),
        ("period_years", "4"),
        ("as_of", "2025-06-30"),
        ("confidence", "reported"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .chain([("source_name", source.to_owned())])
    .collect()
}

pub fn add_pay(app: &TestApp, person: i64, source: &str) {
    let fields = pay(source);
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let posted = app.post(&format!("/people/{person}/pay"), &fields);
    assert_eq!(posted.status, Status::SeeOther, "{}", posted.body);
}

pub fn pair(app: &TestApp) -> anyhow::Result<Pair> {
    app.create_company("Scale AI");
    let left = app.create_person(&[
        ("full_name", "Alexandr Wang"),
        ("origin_company", "Scale AI"),
        ("stage", "hired"),
        ("location", "San Francisco"),
    ]);
    app.import(
        "people.csv",
        b"full_name,origin_company,stage,title,notes\nAlex Wang,Scale AI,contacted,Chief AI Officer,Met at NeurIPS\n",
    );
    let right: i64 = person::table
        .filter(person::full_name.eq("Alex Wang"))
        .select(person::id)
        .first(&mut app.conn()?)?;
    let moved = app.post(
        &format!("/people/{right}/edit"),
        &[
            ("full_name", "Alex Wang"),
            ("origin_company", "Scale AI"),
            ("stage", "offer"),
            ("title", "Chief AI Officer"),
            ("notes", "Met at NeurIPS"),
        ],
    );
    assert_eq!(moved.status, Status::SeeOther, "{}", moved.body);
    add_pay(app, left, "Press");
    add_pay(app, right, "Recruiter");
    add_pay(app, right, "Offer letter");
    let other = app.create_person(&[("full_name", "Alexander Wang"), ("stage", "sourced")]);
    diesel::sql_query(format!(
        "INSERT INTO duplicate_dismissal (low_id, high_id) VALUES ({left}, {other}), ({right}, {other})"
    ))
    .execute(&mut app.conn()?)?;
    Ok(Pair { left, right, other })
}

/// Sends the merge page's form as shown, with `choices` (field → "left"/"right") changed.
pub fn merge(app: &TestApp, page: &Page, choices: &[(&str, &str)]) -> Page {
    let hidden = |name: &str| {
        page.attrs(&format!("input[name={name}]"), "value")
            .pop()
            .unwrap_or_default()
    };
    let mut fields: Vec<(String, String)> = ["left", "right", "left_version", "right_version"]
        .iter()
        .map(|name| (name.to_string(), hidden(name)))
        .collect();
    for name in page.attrs("input[type=radio][checked]", "name") {
        let chosen = choices.iter().find(|(field, _)| {
            name == format!("take[{field}]") || (name == "survivor" && *field == "survivor")
        });
        let value = match chosen {
            Some((_, side)) => side.to_string(),
            None => page
                .attrs(&format!("input[name='{name}'][checked]"), "value")
                .pop()
                .unwrap_or_default(),
        };
        fields.push((name, value));
    }
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.post("/people/merge", &fields)
}

pub fn merge_page(app: &TestApp, pair: &Pair) -> Page {
    let page = app.get(&format!(
        "/people/merge?left={}&right={}",
        pair.left, pair.right
    ));
    assert_eq!(page.status, Status::Ok, "{}", page.body);
    page
}

pub fn audit_entries(app: &TestApp) -> anyhow::Result<i64> {
    Ok(audit_log::table.count().get_result(&mut app.conn()?)?)
}

#[test]
fn merging_gives_the_survivor_the_chosen_fields_and_moves_every_row() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let pair = pair(&app)?;
    let mut conn = app.conn()?;
    let moved_items: Vec<i64> = import_item::table
        .filter(import_item::record_table.eq("person"))
        .filter(import_item::record_id.eq(pair.right))
        .select(import_item::id)
        .load(&mut conn)?;
    assert_eq!(moved_items.len(), 1);
    let page = merge_page(&app, &pair);
    // The older record survives by default; a field only the other has filled comes from it.
    assert_eq!(
        page.attrs("input[name=survivor][checked]", "value"),
        vec!["left"]
    );
    assert_eq!(
        page.attrs("input[name='take[title]'][checked]", "value"),
        vec!["right"]
    );
    assert_eq!(
        page.attrs("input[name='take[full_name]'][checked]", "value"),
        vec!["left"]
    );
    assert!(
        page.contains("2 pay reports, 2 stage changes"),
        "{}",
        page.body
    );
    let entries = audit_entries(&app)?;

    let merged = merge(&app, &page, &[("full_name", "right"), ("stage", "left")]);
    assert_eq!(merged.status, Status::SeeOther, "{}", merged.body);
    assert_eq!(
        merged.location.as_deref(),
        Some(format!("/people/{}", pair.left).as_str())
    );
    let (name, title, stage, location): (String, Option<String>, String, Option<String>) =
        person::table
            .find(pair.left)
            .select((
                person::full_name,
                person::title,
                person::stage,
                person::location,
            ))
            .first(&mut conn)?;
    assert_eq!(name, "Alex Wang");
    assert_eq!(title.as_deref(), Some("Chief AI Officer"));
    assert_eq!(stage, "hired");
    assert_eq!(location.as_deref(), Some("San Francisco"));
    let gone: i64 = person::table
        .find(pair.right)
        .count()
        .get_result(&mut conn)?;
    assert_eq!(gone, 0);
    let reports: i64 = pay_report::table
        .filter(pay_report::person_id.eq(pair.left))
        .count()
        .get_result(&mut conn)?;
    assert_eq!(reports, 3);
    let stages: i64 = stage_change::table
        .filter(stage_change::person_id.eq(pair.left))
        .count()
        .get_result(&mut conn)?;
    assert_eq!(stages, 3);
    let items: Vec<i64> = import_item::table
        .filter(import_item::id.eq_any(&moved_items))
        .select(import_item::record_id)
        .load(&mut conn)?;
    assert_eq!(items, vec![pair.left]);

    // One audit entry, on the survivor, with both records as they were.
    assert_eq!(audit_entries(&app)?, entries + 1);
    let (action, record, removed): (String, i64, String) = audit_log::table
        .order(audit_log::id.desc())
        .select((
            audit_log::action,
            audit_log::record_id,
            diesel::dsl::sql::<Text>("before -> 'removed' ->> 'notes'"),
        ))
        .first(&mut conn)?;
    assert_eq!((action.as_str(), record), ("merge", pair.left));
    assert_eq!(removed, "Met at NeurIPS");

    // The survivor's history now holds the merged record's, and the merge in words.
    let shown = app.get(&format!("/people/{}", pair.left));
    let history = shown.texts("table.audit td").join(" ");
    assert!(
        history.contains(&format!("merged Alex Wang (person {}) into", pair.right)),
        "{history}"
    );
    // The merged record's own entries (its import, its stage move, its pay reports), linked
    // to the page that holds them now.
    let linked = shown.attrs("table.audit a", "href");
    assert!(
        !linked.contains(&format!("/people/{}", pair.right)),
        "{linked:?}"
    );
    assert!(history.contains("Alex Wang's pay report"), "{history}");
    assert!(history.contains("Offer letter"), "{history}");
    let audit = app.get(&format!(
        "/audit?record_table=person&record_id={}",
        pair.left
    ));
    assert!(
        audit
            .texts("table.audit td")
            .join(" ")
            .contains("the stage of Alex Wang"),
        "the audit filtered on the survivor shows the merged record's entries: {:?}",
        audit.texts("table.audit td")
    );
    assert_eq!(
        shown.attrs(".merged-from a", "href").len(),
        1,
        "the undo link on the survivor's page"
    );

    // The kept report tables count the survivor once, with all three figures.
    let facts: i64 = diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(&format!(
        "(SELECT count(*) FROM person_fact WHERE person_id IN ({}, {}))",
        pair.left, pair.right
    )))
    .get_result(&mut conn)?;
    assert_eq!(facts, 1);
    let counted: i64 = diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
        "(SELECT sum(n)::bigint FROM pipeline_count)",
    ))
    .get_result(&mut conn)?;
    let people: i64 = person::table.count().get_result(&mut conn)?;
    assert_eq!(counted, people);
    let figures: i64 = diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(&format!(
        "(SELECT count(*) FROM pay_figure WHERE person_id = {})",
        pair.left
    )))
    .get_result(&mut conn)?;
    assert_eq!(figures, 3);
    Ok(())
}

#[test]
fn a_merge_over_either_record_changed_meanwhile_answers_409_and_merges_nothing()
-> anyhow::Result<()> {
    let app = TestApp::new()?;
    let pair = pair(&app)?;
    for (changed, name) in [(pair.left, "Alexandr Wang"), (pair.right, "Alex Wang")] {
        let page = merge_page(&app, &pair);
        let saved = app.post(
            &format!("/people/{changed}/edit"),
            &[
                ("full_name", name),
                ("origin_company", "Scale AI"),
                ("stage", "offer"),
                ("team", "Superintelligence"),
            ],
        );
        assert_eq!(saved.status, Status::SeeOther, "{}", saved.body);
        let late = merge(&app, &page, &[]);
        assert_eq!(late.status, Status::Conflict, "{}", late.body);
        assert!(late.contains("Someone else saved"), "{}", late.body);
        assert!(late.contains(name), "{}", late.body);
        let both: i64 = person::table
            .filter(person::id.eq_any([pair.left, pair.right]))
            .count()
            .get_result(&mut app.conn()?)?;
        assert_eq!(both, 2, "nothing merged");
        // The page shown again carries the new versions: sent as it is, it merges.
        if changed == pair.right {
            assert_eq!(merge(&app, &late, &[]).status, Status::SeeOther);
        }
    }
    Ok(())
}
