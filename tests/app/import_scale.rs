//! Large imports: planning and applying stay linear in the file's size.

use diesel::prelude::*;
use talent_tracker::import;
use talent_tracker::schema::company;

use crate::common::TestApp;

const NEW_COMPANIES: usize = 20_000;

/// One person a row, each from a company of their own, and the first company named twice more
/// in other spellings.
fn people_from_distinct_companies() -> String {
    let mut file = String::from("full_name,origin_company,stage\n");
    for n in 0..NEW_COMPANIES {
        file.push_str(&format!("Person {n:05},Lab {n:05},sourced\n"));
    }
    file.push_str("Someone,LAB 00000,sourced\nSomeone Else,Known Co,sourced\n");
    file
}

#[test]
fn a_file_naming_twenty_thousand_new_companies_plans_each_once() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.create_company("Known Co");
    let file = people_from_distinct_companies();

    let plan = import::plan(&mut app.conn()?, import::parse(file.as_bytes())?, true)?;

    assert!(plan.errors.is_empty(), "{:?}", &plan.errors[..1]);
    assert_eq!(plan.new_companies.len(), NEW_COMPANIES);
    assert_eq!(plan.new_companies[0], "Lab 00000", "as first spelled");
    assert_eq!(plan.new_companies[NEW_COMPANIES - 1], "Lab 19999");
    Ok(())
}

#[test]
fn a_file_naming_twenty_thousand_new_companies_imports_them_all() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.create_company("Known Co");
    let file = people_from_distinct_companies();

    let batch = app.import("people.csv", file.as_bytes());

    let created = 2 * NEW_COMPANIES + 2;
    assert!(
        batch.texts(".flash")[0].eq(&format!(
            "Imported {} new people; {NEW_COMPANIES} new companies.",
            created - NEW_COMPANIES
        )),
        "{:?}",
        batch.texts(".flash")
    );
    let companies: i64 = company::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(companies, NEW_COMPANIES as i64 + 1);
    Ok(())
}

/// The counts a table of the figures the reports read has (kept by triggers).
fn figures(conn: &mut PgConnection) -> anyhow::Result<(i64, i64)> {
    use diesel::dsl::sql;
    use diesel::sql_types::BigInt;
    Ok(diesel::select((
        sql::<BigInt>("(SELECT count(*) FROM pay_figure)"),
        sql::<BigInt>("(SELECT count(*) FROM person_fact WHERE entered_on IS NOT NULL)"),
    ))
    .get_result(conn)?)
}

#[test]
fn a_second_file_updates_the_people_it_knows_and_reverting_it_restores_them() -> anyhow::Result<()>
{
    use talent_tracker::models::audit_entry::audit_trail;
    use talent_tracker::schema::{import_batch, import_item, pay_report, person, stage_change};
    let app = TestApp::new()?;
    let header = "full_name,origin_company,title,stage,kind,currency,amount_low,amount_high,period,as_of,confidence\n";
    let first = format!(
        "{header}Ada,Lab A,Engineer,sourced,offered,USD,100,200,annual,2025-01-01,rumor\n\
         Bea,Lab A,Engineer,sourced,offered,USD,100,200,annual,2025-01-01,rumor\n\
         Cy,Lab B,Lead,sourced,,,,,,,\n"
    );
    app.import("first.csv", first.as_bytes());
    let second = format!(
        "{header}Ada,Lab A,Staff Engineer,offer,offered,USD,300,400,annual,2025-06-01,confirmed\n\
         Bea,Lab A,Engineer,sourced,offered,USD,100,200,annual,2025-01-01,rumor\n\
         Cy,Lab B,Director,hired,agreed,EUR,500,600,annual,2025-07-01,confirmed\n\
         Dee,Lab B,,sourced,,,,,,,\n"
    );
    let batch = app.import("second.csv", second.as_bytes());
    assert_eq!(
        batch.texts(".flash"),
        vec![
            "Imported 4 people: 1 new, 2 updated, 1 unchanged; 3 pay reports: 2 new, 1 unchanged."
        ]
    );
    let mut conn = app.conn()?;
    let people: Vec<(String, Option<String>, String, i32)> = person::table
        .order(person::full_name)
        .select((
            person::full_name,
            person::title,
            person::stage,
            person::version,
        ))
        .load(&mut conn)?;
    assert_eq!(
        people,
        vec![
            (
                "Ada".into(),
                Some("Staff Engineer".into()),
                "offer".into(),
                2
            ),
            ("Bea".into(), Some("Engineer".into()), "sourced".into(), 1),
            ("Cy".into(), Some("Director".into()), "hired".into(), 2),
            ("Dee".into(), None, "sourced".into(), 1),
        ]
    );
    let moves: Vec<(String, Option<String>, String)> = stage_change::table
        .inner_join(person::table)
        .filter(stage_change::from_stage.is_not_null())
        .order(person::full_name)
        .select((
            person::full_name,
            stage_change::from_stage,
            stage_change::to_stage,
        ))
        .load(&mut conn)?;
    assert_eq!(
        moves,
        vec![
            ("Ada".into(), Some("sourced".into()), "offer".into()),
            ("Cy".into(), Some("sourced".into()), "hired".into()),
        ]
    );
    // Read from the batch's items, as every reader of the audit does.
    let updates: i64 = audit_trail::table
        .filter(audit_trail::record_table.eq("person"))
        .filter(audit_trail::action.eq("update"))
        .count()
        .get_result(&mut conn)?;
    assert_eq!(updates, 2, "each changed person is audited");
    assert_eq!(figures(&mut conn)?, (4, 4), "the reports' figures follow");
    let second_batch: i64 = import_batch::table
        .select(diesel::dsl::max(import_batch::id))
        .first::<Option<i64>>(&mut conn)?
        .unwrap_or_default();
    let items: Vec<(String, String)> = import_item::table
        .order(import_item::id)
        .filter(import_item::batch_id.eq(second_batch))
        .select((import_item::record_table, import_item::action))
        .load(&mut conn)?;
    let expected: Vec<(String, String)> = [
        ("person", "updated"),
        ("person", "updated"),
        ("person", "created"),
        ("pay_report", "created"),
        ("pay_report", "created"),
    ]
    .iter()
    .map(|(t, a)| (t.to_string(), a.to_string()))
    .collect();
    assert_eq!(items, expected);

    let reverted = app.post_and_follow(&format!("/import/batches/{second_batch}/revert"), &[]);
    assert_eq!(reverted.texts(".flash"), vec!["Reverted the import."]);
    let people: Vec<(String, Option<String>, String)> = person::table
        .order(person::full_name)
        .select((person::full_name, person::title, person::stage))
        .load(&mut conn)?;
    assert_eq!(
        people,
        vec![
            ("Ada".into(), Some("Engineer".into()), "sourced".into()),
            ("Bea".into(), Some("Engineer".into()), "sourced".into()),
            ("Cy".into(), Some("Lead".into()), "sourced".into()),
        ]
    );
    let reports: i64 = pay_report::table.count().get_result(&mut conn)?;
    assert_eq!(reports, 2);
    assert_eq!(figures(&mut conn)?, (2, 3));
    Ok(())
}

/// A file that updates a person the database knows writes every column it carries: the
/// person exported after the import is the person the file describes, column for column. Any
/// column the import's bulk UPDATE forgot would differ here.
#[test]
fn an_update_by_import_writes_every_column_of_the_person() -> anyhow::Result<()> {
    let source = TestApp::new()?;
    source.create_company("Lab A");
    source.create_company("Lab B");
    source.create_person(&[
        ("full_name", "Ann Example"),
        ("title", "Research Scientist"),
        ("expertise", "Reinforcement learning"),
        ("origin_company", "Lab A"),
        ("hiring_company", "Lab B"),
        ("team", "Superintelligence"),
        ("stage", "hired"),
        ("first_contact_on", "2025-01-02"),
        ("offer_on", "2025-02-03"),
        ("decided_on", "2025-03-04"),
        ("start_on", "2025-04-05"),
        ("location", "Menlo Park"),
        ("notes", "Moved with her team."),
    ]);
    let file = source.download("/people.csv");

    let target = TestApp::new()?;
    target.create_company("Lab A");
    target.create_person(&[
        ("full_name", "Ann Example"),
        ("origin_company", "Lab A"),
        ("stage", "sourced"),
    ]);
    let batch = target.import("people.csv", file.as_bytes());
    assert!(batch.contains("1 updated"), "{}", batch.body);
    assert_eq!(target.download("/people.csv"), file);
    Ok(())
}
