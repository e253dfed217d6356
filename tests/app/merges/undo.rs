//! Undoing a merge: every row back exactly as it was, refused while later changes depend on
//! the merge, and rows added since staying with the survivor.

use diesel::prelude::*;
use diesel::sql_types::Text;
use rocket::http::Status;
use talent_tracker::schema::{audit_log, pay_report, person};

use super::{Pair, add_pay, audit_entries, merge, merge_page, pair};
use crate::common::TestApp;

/// Every column of every row the merge touches, and the kept report tables, as JSON text.
pub(super) fn snapshot(app: &TestApp, pair: &Pair) -> anyhow::Result<String> {
    let ids = format!("ARRAY[{}, {}]::bigint[]", pair.left, pair.right);
    let rows = |table: &str, filter: &str| {
        format!(
            "'{table}', (SELECT jsonb_agg(to_jsonb(t) ORDER BY to_jsonb(t)::text) FROM {table} t WHERE {filter})"
        )
    };
    // The counts are striped by connection: what they say is each key's stripes added up.
    let summed = |table: &str, key: &str| {
        format!(
            "'{table}', (SELECT jsonb_agg(to_jsonb(t) ORDER BY to_jsonb(t)::text) FROM \
             (SELECT {key}, sum(n) AS n FROM {table} GROUP BY {key} HAVING sum(n) <> 0) t)"
        )
    };
    let sql = format!(
        "(SELECT jsonb_build_object({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {})::text)",
        rows("person", &format!("id = ANY({ids})")),
        rows("pay_report", &format!("person_id = ANY({ids})")),
        rows("stage_change", &format!("person_id = ANY({ids})")),
        rows(
            "import_item",
            &format!("record_table = 'person' AND record_id = ANY({ids})")
        ),
        rows(
            "duplicate_dismissal",
            &format!("low_id = ANY({ids}) OR high_id = ANY({ids})")
        ),
        rows("duplicate_pair", "true"),
        rows("pay_figure", "true"),
        rows("person_fact", "true"),
        rows("stage_stay", "true"),
        summed("pipeline_count", "stage, entered"),
        summed("stage_stay_count", "stage, whole_days"),
    );
    Ok(diesel::select(diesel::dsl::sql::<Text>(&sql)).get_result(&mut app.conn()?)?)
}

fn last_merge(app: &TestApp) -> anyhow::Result<i64> {
    Ok(
        diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
            "(SELECT max(id) FROM person_merge)",
        ))
        .get_result(&mut app.conn()?)?,
    )
}

fn merged(app: &TestApp, pair: &Pair) -> anyhow::Result<i64> {
    let page = merge_page(app, pair);
    let posted = merge(app, &page, &[("full_name", "right"), ("stage", "right")]);
    assert_eq!(posted.status, Status::SeeOther, "{}", posted.body);
    last_merge(app)
}

#[test]
fn undo_puts_back_every_column_of_every_affected_row() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let pair = pair(&app)?;
    let before = snapshot(&app, &pair)?;
    assert!(before.contains("\"duplicate_dismissal\": [{"), "{before}");
    let id = merged(&app, &pair)?;
    // The survivor's name changed: its dismissal lapsed, and the removed one's went with it.
    assert_ne!(snapshot(&app, &pair)?, before);

    let confirm = app.get(&format!("/people/merges/{id}/undo"));
    assert_eq!(confirm.status, Status::Ok, "{}", confirm.body);
    assert!(
        confirm.contains("added to Alex Wang after the merge stay with Alex Wang"),
        "{}",
        confirm.body
    );
    let entries = audit_entries(&app)?;
    let undone = app.post(&format!("/people/merges/{id}/undo"), &[]);
    assert_eq!(undone.status, Status::SeeOther, "{}", undone.body);
    assert_eq!(snapshot(&app, &pair)?, before);
    // One entry for the undo, in words on the survivor's page.
    assert_eq!(audit_entries(&app)?, entries + 1);
    let action: String = audit_log::table
        .order(audit_log::id.desc())
        .select(audit_log::action)
        .first(&mut app.conn()?)?;
    assert_eq!(action, "unmerge");
    let history = app
        .get(&format!("/people/{}", pair.left))
        .texts("table.audit td")
        .join(" ");
    assert!(
        history.contains(&format!(
            "undid the merge of Alex Wang (person {}) into",
            pair.right
        )),
        "{history}"
    );
    // Undone once only; the list says so.
    let again = app.post(&format!("/people/merges/{id}/undo"), &[]);
    assert_eq!(again.status, Status::Conflict);
    assert!(again.contains("already undone"), "{}", again.body);
    assert!(app.get("/people/merges").contains("undone"));

    // The same with the newer record surviving.
    let page = merge_page(&app, &pair);
    let posted = merge(&app, &page, &[("survivor", "right"), ("location", "left")]);
    assert_eq!(posted.status, Status::SeeOther, "{}", posted.body);
    let id = last_merge(&app)?;
    let undone = app.post(&format!("/people/merges/{id}/undo"), &[]);
    assert_eq!(undone.status, Status::SeeOther, "{}", undone.body);
    assert_eq!(snapshot(&app, &pair)?, before);
    Ok(())
}

#[test]
fn undo_is_refused_with_the_reason_while_later_changes_depend_on_the_merge() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let pair = pair(&app)?;
    let id = merged(&app, &pair)?;
    let moved: i64 = pay_report::table
        .filter(pay_report::source_name.eq("Recruiter"))
        .select(pay_report::id)
        .first(&mut app.conn()?)?;
    let fields = super::pay("Recruiter, confirmed");
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let edited = app.post(&format!("/people/{}/pay/{moved}/edit", pair.left), &fields);
    assert_eq!(edited.status, Status::SeeOther, "{}", edited.body);
    let refused = app.post(&format!("/people/merges/{id}/undo"), &[]);
    assert_eq!(refused.status, Status::Conflict, "{}", refused.body);
    assert!(
        refused.contains(&format!(
            "Pay report {moved}, moved by the merge, was edited since"
        )),
        "{}",
        refused.body
    );
    let gone: i64 = person::table
        .find(pair.right)
        .count()
        .get_result(&mut app.conn()?)?;
    assert_eq!(gone, 0, "nothing undone");

    // The survivor's own edit is named by its field.
    let saved = app.post(
        &format!("/people/{}/edit", pair.left),
        &[
            ("full_name", "Alex Wang"),
            ("origin_company", "Scale AI"),
            ("stage", "offer"),
            ("title", "Chief AI Officer"),
            ("location", "San Francisco"),
            ("notes", "Met at NeurIPS"),
            ("team", "Superintelligence"),
        ],
    );
    assert_eq!(saved.status, Status::SeeOther, "{}", saved.body);
    let page = app.get(&format!("/people/merges/{id}/undo"));
    let reasons = page.texts(".blockers li").join(" ");
    assert!(
        reasons.contains("edited since the merge (team)"),
        "{reasons}"
    );
    assert!(page.attrs("form[action$='/undo']", "action").is_empty());

    // A later merge into the survivor is undone first.
    let third = app.create_person(&[("full_name", "A. Wang"), ("stage", "sourced")]);
    let later = merged(
        &app,
        &Pair {
            left: pair.left,
            right: third,
            other: 0,
        },
    )?;
    let reasons = app
        .get(&format!("/people/merges/{id}/undo"))
        .texts(".blockers li")
        .join(" ");
    assert!(
        reasons.contains(&format!("A later merge (#{later}) involves these people")),
        "{reasons}"
    );
    Ok(())
}

#[test]
fn rows_added_to_the_survivor_after_the_merge_stay_with_it_on_undo() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let pair = pair(&app)?;
    let id = merged(&app, &pair)?;
    add_pay(&app, pair.left, "Added after the merge");
    let undone = app.post(&format!("/people/merges/{id}/undo"), &[]);
    assert_eq!(undone.status, Status::SeeOther, "{}", undone.body);
    let owner: i64 = pay_report::table
        .filter(pay_report::source_name.eq("Added after the merge"))
        .select(pay_report::person_id)
        .first(&mut app.conn()?)?;
    assert_eq!(owner, pair.left);
    let back: Vec<String> = pay_report::table
        .filter(pay_report::person_id.eq(pair.right))
        .order(pay_report::id)
        .select(diesel::dsl::sql::<Text>("coalesce(source_name, '')"))
        .load(&mut app.conn()?)?;
    assert_eq!(back, vec!["Recruiter", "Offer letter"]);
    Ok(())
}

#[test]
fn undo_is_refused_when_a_company_the_saved_records_name_was_deleted() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let old = app.create_company("Old Lab");
    app.create_company("Scale AI");
    let left = app.create_person(&[
        ("full_name", "Daniel Gross"),
        ("origin_company", "Old Lab"),
        ("stage", "hired"),
    ]);
    let right = app.create_person(&[
        ("full_name", "Daniel Gross"),
        ("origin_company", "Scale AI"),
        ("stage", "hired"),
        ("different_person", "yes"),
    ]);
    let pair = Pair {
        left,
        right,
        other: 0,
    };
    let page = merge_page(&app, &pair);
    let posted = merge(&app, &page, &[("origin_company_id", "right")]);
    assert_eq!(posted.status, Status::SeeOther, "{}", posted.body);
    let deleted = app.post(&format!("/companies/{old}/delete"), &[]);
    assert_eq!(deleted.status, Status::SeeOther, "{}", deleted.body);
    let refused = app.post(&format!("/people/merges/{}/undo", last_merge(&app)?), &[]);
    assert_eq!(refused.status, Status::Conflict, "{}", refused.body);
    assert!(
        refused.contains(&format!(
            "Company {old}, which a record before the merge named"
        )),
        "{}",
        refused.body
    );
    Ok(())
}

#[test]
fn undo_gives_the_people_it_restores_the_name_key_as_it_is_now() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let pair = pair(&app)?;
    let id = merged(&app, &pair)?;
    // A merge kept before the key changed holds the keys of then in its copies (the guard
    // refuses any edit of a merge, hence the replica role).
    app.conn()?.transaction(|conn| {
        diesel::sql_query("SET LOCAL session_replication_role = replica").execute(conn)?;
        diesel::sql_query(
            "UPDATE person_merge SET removed_before = removed_before || '{\"name_key\": \"then\"}',
                                     survivor_before = survivor_before || '{\"name_key\": \"then\"}'
             WHERE id = $1",
        )
        .bind::<diesel::sql_types::BigInt, _>(id)
        .execute(conn)
    })?;

    let undone = app.post(&format!("/people/merges/{id}/undo"), &[]);

    assert_eq!(undone.status, Status::SeeOther, "{}", undone.body);
    let keys: Vec<(String, String)> = person::table
        .filter(person::id.eq_any([pair.left, pair.right]))
        .select((person::full_name, person::name_key))
        .load(&mut app.conn()?)?;
    assert_eq!(keys.len(), 2);
    for (name, key) in keys {
        assert_eq!(key, talent_tracker::domain::name_key(&name), "{name}");
    }
    Ok(())
}
