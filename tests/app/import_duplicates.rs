//! The import preview marks new people who may be someone stored already, or each other, by
//! the person form's rule, without blocking the import (issue 16).

use talent_tracker::import;

use crate::common::TestApp;

#[test]
fn a_new_person_close_to_a_stored_one_at_the_same_company_is_marked_with_a_link()
-> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.create_company("Scale AI");
    let wang = app.create_person(&[
        ("full_name", "Alexandr Wang"),
        ("origin_company", "Scale AI"),
        ("stage", "hired"),
    ]);
    let file = "full_name,origin_company,stage\n\
                Alexander Wang,Scale AI,sourced\n\
                Alexander Wang,Other Lab,sourced\n\
                Li Chen,Scale AI,sourced\n";

    let page = app.upload("people.csv", file.as_bytes());

    assert_eq!(
        page.attrs(".duplicates a", "href"),
        vec![format!("/people/{wang}")]
    );
    let listed = page.texts(".duplicates li").join(" ");
    assert!(listed.contains("Line 2, Alexander Wang"), "{listed}");
    assert!(
        listed.contains("a very similar name and the same origin company"),
        "{listed}"
    );
    assert!(
        !listed.contains("Line 3") && !listed.contains("Li Chen"),
        "{listed}"
    );
    assert!(
        page.contains("review these before importing"),
        "{}",
        page.body
    );
    // Marking does not block: the file imports as it is.
    assert_eq!(page.attrs("form[action$='/confirm']", "action").len(), 1);
    Ok(())
}

#[test]
fn a_shared_pay_source_and_two_rows_of_the_same_file_are_marked() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let header = "full_name,origin_company,stage,kind,currency,amount_low,amount_high,period,as_of,confidence,source_url";
    let stored = format!(
        "{header}\nNat Friedman,,hired,offered,USD,100,200,annual,2025-01-01,rumor,https://news.example/nat\n"
    );
    app.import("pay-reports.csv", stored.as_bytes());
    let file = format!(
        "id,{header}\n\
         ,Nathaniel Friedman,GitHub,sourced,offered,USD,100,200,annual,2025-01-01,rumor,https://news.example/nat\n\
         900,Ada Lovelace,Babbage Co,sourced,,,,,,,,\n\
         901,Ada Lovelace,Babbage Co,sourced,,,,,,,,\n"
    );
    // The file's `id` is a pay report's where it has pay columns: give person ids instead.
    let file = file.replacen("id,", "person_id,", 1);

    let plan = import::plan(&mut app.conn()?, import::parse(file.as_bytes())?, true)?;

    assert!(plan.errors.is_empty(), "{:?}", plan.errors);
    let marks: Vec<(u64, &str, usize, &[u64])> = plan
        .duplicates
        .iter()
        .map(|d| {
            (
                d.line,
                d.full_name.as_str(),
                d.stored.len(),
                d.in_file.as_slice(),
            )
        })
        .collect();
    assert_eq!(
        marks,
        vec![
            (2, "Nathaniel Friedman", 1, &[][..]),
            (3, "Ada Lovelace", 0, &[4][..]),
            (4, "Ada Lovelace", 0, &[3][..]),
        ]
    );
    assert_eq!(
        plan.duplicates[0].stored[0].reason(),
        "a very similar name and a pay source in common"
    );
    assert_eq!(plan.duplicates_unchecked, 0);
    Ok(())
}

#[test]
fn only_the_first_new_people_are_checked_and_the_preview_says_so() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let mut file = String::from("full_name,origin_company,stage\n");
    for n in 0..import::CHECKED_NEW_PEOPLE + 5 {
        file.push_str(&format!("Person {n:05},Lab,sourced\n"));
    }
    let page = app.upload("people.csv", file.as_bytes());
    assert!(
        page.contains(&format!(
            "Only the first {} new people were checked against the people already there; the other 5 were not.",
            import::CHECKED_NEW_PEOPLE
        )),
        "{}",
        page.body
    );
    Ok(())
}
