//! Stable ids in CSV: a generated tracker exported and imported again, into itself and into
//! an empty one, keeps every record and its id (issue 16).

use diesel::prelude::*;
use talent_tracker::csv_format::Dialect;
use talent_tracker::generate::{self, Options, Progress};
use talent_tracker::import::{self, Importer, Intent};
use talent_tracker::models::{PersonFilter, PersonSort};
use talent_tracker::schema::{company, pay_report, person};

use crate::common::TestApp;

/// The size the issue asks for; generating and moving it takes seconds.
const PEOPLE: u64 = 10_000;

struct Silent;

impl Progress for Silent {
    fn phase(&self, _: &'static str, _: u64) {}
    fn advance(&self, _: u64) {}
}

fn generated(conn: &mut PgConnection) -> anyhow::Result<()> {
    let options = Options {
        people: PEOPLE,
        seed: 7,
        reporting_currency: "USD".into(),
    };
    generate::generate(conn, &options, &Silent)?;
    Ok(())
}

/// The three exports, in the order a tracker is moved: companies first, so that they keep
/// their ids before the people files name them.
fn exports(conn: &mut PgConnection) -> anyhow::Result<Vec<(&'static str, Vec<u8>)>> {
    let (everyone, excel) = (PersonFilter::default(), Dialect::default());
    let mut companies = Vec::new();
    talent_tracker::export::companies(conn, None, None, excel, &mut companies)?;
    let mut reports = Vec::new();
    talent_tracker::export::pay_reports(
        conn,
        &everyone,
        PersonSort::Name,
        false,
        excel,
        &mut reports,
    )?;
    let mut people = Vec::new();
    talent_tracker::export::people(conn, &everyone, PersonSort::Name, false, excel, &mut people)?;
    Ok(vec![
        ("companies.csv", companies),
        ("pay-reports.csv", reports),
        ("people.csv", people),
    ])
}

const CLI: Importer<'static> = Importer {
    name: "test",
    user_id: None,
    role: None,
};

/// Applies a file as the `import` command does; returns its batch.
fn import_file(conn: &mut PgConnection, name: &str, bytes: &[u8]) -> anyhow::Result<i64> {
    let preview = import::preview(conn, name, bytes, CLI, Intent::Apply)?;
    assert!(
        preview.plan.errors.is_empty(),
        "{name}: {:?}",
        &preview.plan.errors[..1]
    );
    let batch = preview
        .batch_id
        .ok_or_else(|| anyhow::anyhow!("{name} kept no batch"))?;
    import::apply(conn, &preview.plan, batch, false, &mut |_| {})?;
    Ok(batch)
}

fn counts(conn: &mut PgConnection) -> anyhow::Result<(i64, i64, i64)> {
    Ok((
        company::table.count().get_result(conn)?,
        person::table.count().get_result(conn)?,
        pay_report::table.count().get_result(conn)?,
    ))
}

#[test]
fn a_generated_tracker_imported_into_itself_is_unchanged() -> anyhow::Result<()> {
    let app = TestApp::with_demo(false)?;
    let conn = &mut app.conn()?;
    generated(conn)?;
    let before = counts(conn)?;
    let files = exports(conn)?;

    for (name, bytes) in &files {
        let preview = import::preview(conn, name, bytes, CLI, Intent::DryRun)?;
        assert!(
            preview.plan.errors.is_empty(),
            "{name}: {:?}",
            &preview.plan.errors[..1]
        );
        let counts = preview.plan.counts();
        assert_eq!(
            (counts.created, counts.updated),
            (0, 0),
            "{name}: {counts:?}"
        );
        assert!(counts.skipped > 0, "{name}");
    }
    // The same-name pairs the data set has at one company stay two people: matched by name
    // alone, the second would have been the first.
    let pairs: i64 = person::table
        .group_by((person::name_key, person::origin_company_id))
        .having(diesel::dsl::count_star().gt(1))
        .select(diesel::dsl::count_star())
        .load::<i64>(conn)?
        .len() as i64;
    assert!(
        pairs > 0,
        "the generated data has same-name pairs at one company"
    );
    assert_eq!(counts(conn)?, before);
    Ok(())
}

#[test]
fn a_generated_tracker_moved_to_an_empty_one_exports_the_same_bytes() -> anyhow::Result<()> {
    let source = TestApp::with_demo(false)?;
    let files = exports(&mut {
        let mut conn = source.conn()?;
        generated(&mut conn)?;
        conn
    })?;
    let target = TestApp::with_demo(false)?;
    let conn = &mut target.conn()?;
    for (name, bytes) in &files {
        import_file(conn, name, bytes)?;
    }

    for ((name, moved), (_, original)) in exports(conn)?.iter().zip(&files) {
        assert!(moved == original, "{name} differs after the move");
    }
    // The ids' sequences moved past the largest imported id: new records do not collide.
    let largest: i64 = person::table
        .select(diesel::dsl::max(person::id))
        .first::<Option<i64>>(conn)?
        .unwrap_or_default();
    let new_id = target.create_person(&[("full_name", "Someone New"), ("stage", "sourced")]);
    assert!(new_id > largest, "{new_id} after {largest}");
    let company_id = target.create_company("A Brand New Company");
    let largest_company: i64 = company::table
        .filter(company::id.ne(company_id))
        .select(diesel::dsl::max(company::id))
        .first::<Option<i64>>(conn)?
        .unwrap_or_default();
    assert!(company_id > largest_company);
    Ok(())
}

fn planned(app: &TestApp, file: &str) -> anyhow::Result<import::Plan> {
    Ok(import::plan(
        &mut app.conn()?,
        import::parse(file.as_bytes())?,
        false,
    )?)
}

#[test]
fn an_id_the_tracker_does_not_hold_creates_the_person_under_it() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let file = "id,full_name,origin_company,stage\n5000,Ada Lovelace,Babbage Co,sourced\n,Bea,Babbage Co,sourced\n";
    app.import("people.csv", file.as_bytes());
    let conn = &mut app.conn()?;
    let batch: i64 = talent_tracker::schema::import_batch::table
        .select(talent_tracker::schema::import_batch::id)
        .first(conn)?;
    let ids: Vec<(i64, String)> = person::table
        .order(person::id)
        .select((person::id, person::full_name))
        .load(conn)?;
    assert_eq!(ids[0], (5000, "Ada Lovelace".to_owned()), "{ids:?}");
    // The row without an id was given one past the file's.
    assert_eq!(ids[1].1, "Bea");
    assert!(ids[1].0 > 5000, "{ids:?}");
    // Reverting removes what was created under the file's id like any other.
    import::revert(conn, batch)?;
    assert_eq!(counts(conn)?, (0, 0, 0));
    Ok(())
}

#[test]
fn an_id_on_another_persons_details_is_refused_naming_the_row_and_the_id() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.create_company("Babbage Co");
    app.create_company("Navy");
    let ada = app.create_person(&[
        ("full_name", "Ada Lovelace"),
        ("origin_company", "Babbage Co"),
        ("stage", "sourced"),
    ]);
    let bea = app.create_person(&[
        ("full_name", "Bea Hopper"),
        ("origin_company", "Navy"),
        ("stage", "sourced"),
    ]);
    // Bea's name and company under Ada's id.
    let file = format!("id,full_name,origin_company,stage\n{ada},Bea Hopper,Navy,offer\n");
    let plan = planned(&app, &file)?;
    assert_eq!(plan.errors.len(), 1, "{:?}", plan.errors);
    let error = &plan.errors[0];
    assert_eq!(
        (error.who.as_str(), error.column.as_str()),
        ("Bea Hopper", "id")
    );
    assert_eq!(error.value, ada.to_string());
    assert!(
        error.message.contains(&format!("the person with id {bea}")),
        "{}",
        error.message
    );
    assert!(plan.people.is_empty());

    // A new name alone (or a new company alone) is the same person renamed: an update.
    let renamed = format!("id,full_name,origin_company,stage\n{ada},Ada King,Babbage Co,sourced\n");
    let plan = planned(&app, &renamed)?;
    assert!(plan.errors.is_empty(), "{:?}", plan.errors);
    assert_eq!(plan.people[0].existing.map(|id| id.get()), Some(ada));
    assert_eq!(plan.people[0].action, import::Action::Update);
    Ok(())
}

#[test]
fn ids_that_are_not_ids_or_name_other_records_are_refused() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let acme = app.create_company("Acme");
    let other = app.create_company("Other Co");
    let plan = planned(
        &app,
        &format!("id,name,kind\nabc,Acme,other\n{other},Acme,other\n"),
    )?;
    let messages: Vec<(&str, &str)> = plan
        .errors
        .iter()
        .map(|e| (e.value.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].0 == "abc" && messages[0].1.contains("not an id"),
        "{messages:?}"
    );
    assert!(
        messages[1]
            .1
            .contains(&format!("“Acme” is the company with id {acme}")),
        "{messages:?}"
    );
    // An id the tracker does not hold on a name it does: the name's company has another id.
    let plan = planned(&app, "id,name,kind\n999,Acme,other\n")?;
    assert_eq!(plan.errors.len(), 1, "{:?}", plan.errors);

    // A pay report's id that is another person's report.
    let ada = app.create_person(&[("full_name", "Ada"), ("stage", "sourced")]);
    let bea = app.create_person(&[("full_name", "Bea"), ("stage", "sourced")]);
    let header =
        "person_id,full_name,stage,kind,currency,amount_low,amount_high,period,as_of,confidence";
    let first =
        format!("{header}\n{ada},Ada,sourced,offered,USD,100,200,annual,2025-01-01,rumor\n");
    app.import("pay-reports.csv", first.as_bytes());
    let report_id: i64 = pay_report::table
        .select(pay_report::id)
        .first(&mut app.conn()?)?;
    let file = format!(
        "id,{header}\n{report_id},{bea},Bea,sourced,offered,USD,100,200,annual,2025-01-01,rumor\n"
    );
    let plan = planned(&app, &file)?;
    assert_eq!(plan.errors.len(), 1, "{:?}", plan.errors);
    assert_eq!(plan.errors[0].who, "Bea");
    assert!(
        plan.errors[0].message.contains("another person's"),
        "{}",
        plan.errors[0].message
    );
    Ok(())
}

#[test]
fn pay_reports_created_under_their_ids_revert_and_are_never_changed_by_a_file() -> anyhow::Result<()>
{
    let app = TestApp::new()?;
    let conn = &mut app.conn()?;
    let header =
        "id,person_id,full_name,stage,kind,currency,amount_low,amount_high,period,as_of,confidence";
    let file = format!(
        "{header}\n70,40,Ada,sourced,offered,USD,100,200,annual,2025-01-01,rumor\n\
         71,40,Ada,sourced,offered,USD,300,400,annual,2025-02-01,rumor\n"
    );
    let batch = import_file(conn, "pay-reports.csv", file.as_bytes())?;
    let stored: Vec<(i64, i64)> = pay_report::table
        .order(pay_report::id)
        .select((pay_report::id, pay_report::person_id))
        .load(conn)?;
    assert_eq!(stored, vec![(70, 40), (71, 40)]);

    // The same report with another amount: refused, naming the row's person and the id.
    let changed = file.replace("300,400", "300,500");
    let plan = planned(&app, &changed)?;
    assert_eq!(plan.errors.len(), 1, "{:?}", plan.errors);
    assert_eq!(
        (plan.errors[0].who.as_str(), plan.errors[0].value.as_str()),
        ("Ada", "71")
    );
    assert!(
        plan.errors[0].message.contains("stored with other values"),
        "{}",
        plan.errors[0].message
    );

    import::revert(conn, batch)?;
    assert_eq!(counts(conn)?, (0, 0, 0));
    Ok(())
}
