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

    let plan = import::plan(&mut app.conn()?, import::parse(file.as_bytes())?)?;

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
        batch.texts(".flash")[0].starts_with(&format!("Imported: {created} created")),
        "{:?}",
        batch.texts(".flash")
    );
    let companies: i64 = company::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(companies, NEW_COMPANIES as i64 + 1);
    Ok(())
}
