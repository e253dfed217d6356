use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::schema::{person, stage_change};

use crate::common::TestApp;

fn person_count(app: &TestApp) -> anyhow::Result<i64> {
    Ok(person::table.count().get_result(&mut app.conn()?)?)
}

fn history(app: &TestApp, id: i64) -> anyhow::Result<Vec<(Option<String>, String)>> {
    Ok(stage_change::table
        .filter(stage_change::person_id.eq(id))
        .order(stage_change::id)
        .select((stage_change::from_stage, stage_change::to_stage))
        .load(&mut app.conn()?)?)
}

#[test]
fn creating_a_person_shows_them_with_their_companies_and_first_stage() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.create_company("Scale AI");
    app.create_company("Meta");
    let page = app.post_and_follow(
        "/people",
        &[
            ("full_name", "Alexandr Wang"),
            ("title", "Chief AI Officer"),
            ("origin_company", "scale ai"),
            ("hiring_company", "Meta"),
            ("team", "Superintelligence Labs"),
            ("stage", "offer"),
            ("offer_on", "2025-06-01"),
            ("decided_on", "2025-06-12"),
        ],
    );
    assert_eq!(page.status, Status::Ok);
    assert_eq!(page.texts("h1"), vec!["Alexandr Wang"]);
    assert_eq!(page.texts(".flash"), vec!["Saved Alexandr Wang."]);
    let details = page.texts("dd");
    for expected in ["Scale AI", "Meta", "Superintelligence Labs", "2025-06-12"] {
        assert!(
            details.contains(&expected.to_owned()),
            "{expected} missing from {details:?}"
        );
    }
    let id = crate::common::id_from(&app.post(
        "/people",
        &[("full_name", "Nat Friedman"), ("stage", "sourced")],
    ));
    assert_eq!(history(&app, id)?, vec![(None, "sourced".to_owned())]);
    Ok(())
}

#[test]
fn changing_the_stage_keeps_the_history() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = app.create_person(&[("full_name", "Daniel Gross"), ("stage", "contacted")]);
    let edit = app.get(&format!("/people/{id}/edit"));
    assert_eq!(edit.field_value("stage").as_deref(), Some("contacted"));

    app.post_and_follow(
        &format!("/people/{id}/edit"),
        &[("full_name", "Daniel Gross"), ("stage", "offer")],
    );
    // Saving without a stage change adds nothing to the history.
    app.post_and_follow(
        &format!("/people/{id}/edit"),
        &[
            ("full_name", "Daniel Gross"),
            ("stage", "offer"),
            ("title", "Lead"),
        ],
    );
    let page = app.post_and_follow(
        &format!("/people/{id}/edit"),
        &[("full_name", "Daniel Gross"), ("stage", "hired")],
    );

    assert_eq!(
        history(&app, id)?,
        vec![
            (None, "contacted".to_owned()),
            (Some("contacted".to_owned()), "offer".to_owned()),
            (Some("offer".to_owned()), "hired".to_owned()),
        ]
    );
    let shown: Vec<String> = page.texts("table.history tbody td:nth-child(3)");
    assert_eq!(shown, vec!["Contacted", "Offer", "Hired"]);
    Ok(())
}

#[test]
fn a_wrong_person_form_shows_each_error_and_keeps_the_input() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let page = app.post(
        "/people",
        &[
            ("full_name", ""),
            ("title", "Researcher"),
            ("stage", "promoted"),
            ("first_contact_on", "2025-02-30"),
            ("notes", "met at NeurIPS"),
        ],
    );
    assert_eq!(page.status, Status::UnprocessableEntity);
    assert_eq!(
        page.field_errors("full_name"),
        vec!["This field is required."]
    );
    assert!(page.field_errors("stage")[0].starts_with("Choose one of: sourced"));
    assert_eq!(
        page.field_errors("first_contact_on"),
        vec!["Not a real date: use YYYY-MM-DD, e.g. 2025-06-30."]
    );
    assert_eq!(
        page.field_value("first_contact_on").as_deref(),
        Some("2025-02-30")
    );
    assert_eq!(page.field_value("title").as_deref(), Some("Researcher"));
    assert_eq!(page.field_value("notes").as_deref(), Some("met at NeurIPS"));
    assert_eq!(person_count(&app)?, 0);
    Ok(())
}

#[test]
fn a_decision_before_the_offer_and_unknown_companies_are_field_errors() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let page = app.post(
        "/people",
        &[
            ("full_name", "Ada"),
            ("stage", "declined"),
            ("origin_company", "Nowhere Inc"),
            ("offer_on", "2025-06-10"),
            ("decided_on", "2025-06-01"),
        ],
    );
    assert_eq!(page.status, Status::UnprocessableEntity);
    assert_eq!(
        page.field_errors("decided_on"),
        vec!["The decision cannot come before the offer date."]
    );
    assert!(page.field_errors("origin_company")[0].contains("no company called “Nowhere Inc”"));
    assert_eq!(
        page.field_value("decided_on").as_deref(),
        Some("2025-06-01")
    );
    assert_eq!(person_count(&app)?, 0);
    Ok(())
}

#[test]
fn a_failed_edit_changes_nothing() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = app.create_person(&[("full_name", "Mei Lin"), ("stage", "sourced")]);
    let page = app.post(
        &format!("/people/{id}/edit"),
        &[
            ("full_name", "Mei Lin"),
            ("stage", "hired"),
            ("start_on", "2025-13-01"),
        ],
    );
    assert_eq!(page.status, Status::UnprocessableEntity);
    let stage: String = person::table
        .find(id)
        .select(person::stage)
        .first(&mut app.conn()?)?;
    assert_eq!(stage, "sourced");
    assert_eq!(history(&app, id)?.len(), 1);
    Ok(())
}

#[test]
fn the_people_list_searches_filters_sorts_and_pages() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.create_company("OpenAI");
    app.create_company("Meta");
    app.create_person(&[
        ("full_name", "Zoe Park"),
        ("stage", "hired"),
        ("origin_company", "OpenAI"),
        ("hiring_company", "Meta"),
    ]);
    app.create_person(&[
        ("full_name", "Adam Ito"),
        ("stage", "offer"),
        ("origin_company", "OpenAI"),
    ]);
    app.create_person(&[
        ("full_name", "Mia 100% Sure"),
        ("stage", "sourced"),
        ("hiring_company", "Meta"),
    ]);
    let names = |uri: &str| app.get(uri).texts("tbody td:first-child a");

    assert_eq!(
        names("/people"),
        vec!["Adam Ito", "Mia 100% Sure", "Zoe Park"]
    );
    assert_eq!(
        names("/people?sort=name&dir=desc"),
        vec!["Zoe Park", "Mia 100% Sure", "Adam Ito"]
    );
    assert_eq!(names("/people?q=park"), vec!["Zoe Park"]);
    // A % in the search is the character, not a wildcard.
    assert_eq!(names("/people?q=100%25"), vec!["Mia 100% Sure"]);
    assert_eq!(
        names("/people?origin_company=openai"),
        vec!["Adam Ito", "Zoe Park"]
    );
    assert_eq!(
        names("/people?hiring_company=Meta&stage=hired"),
        vec!["Zoe Park"]
    );
    assert_eq!(names("/people?stage=offer"), vec!["Adam Ito"]);
    // Stages sort in pipeline order, not alphabetically.
    assert_eq!(
        names("/people?sort=stage"),
        vec!["Mia 100% Sure", "Adam Ito", "Zoe Park"]
    );

    let filtered = app.get("/people?origin_company=OpenAI&stage=offer");
    assert_eq!(
        filtered.field_value("origin_company").as_deref(),
        Some("OpenAI")
    );
    assert_eq!(filtered.field_value("stage").as_deref(), Some("offer"));
    Ok(())
}

#[test]
fn the_people_list_pages_keep_the_filters() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    for n in 0..30 {
        app.create_person(&[
            ("full_name", &format!("Person {n:02}")),
            ("stage", "sourced"),
        ]);
    }
    app.create_person(&[("full_name", "Someone Else"), ("stage", "hired")]);
    let first = app.get("/people?stage=sourced");
    assert_eq!(first.texts("tbody tr").len(), 25);
    assert!(first.contains("Page 1 of 2"));
    let next = first.attrs("a[rel=next]", "href");
    assert_eq!(next.len(), 1);
    assert!(
        next[0].starts_with("?stage=sourced&page=2&after="),
        "{next:?}"
    );
    let second = app.get(&format!("/people{}", next[0]));
    assert!(second.contains("Page 2 of 2"));
    assert_eq!(
        second.attrs("a[rel=prev]", "href"),
        vec!["?stage=sourced&page=1"]
    );
    assert_eq!(
        second.texts("tbody td:first-child a"),
        app.get("/people?stage=sourced&page=2")
            .texts("tbody td:first-child a"),
        "a page number typed by hand shows the same page"
    );
    assert_eq!(
        second.texts("tbody td:first-child a"),
        vec![
            "Person 25",
            "Person 26",
            "Person 27",
            "Person 28",
            "Person 29"
        ]
    );
    // A page past the end shows the last page rather than nothing.
    assert_eq!(
        app.get("/people?stage=sourced&page=99")
            .texts("tbody tr")
            .len(),
        5
    );
    Ok(())
}

#[test]
fn unknown_list_filters_answer_422_with_the_reason() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    for (uri, reason) in [
        (
            "/people?stage=promoted",
            "There is no stage called “promoted”.",
        ),
        (
            "/people?origin_company=Nowhere",
            "There is no company called “Nowhere”.",
        ),
        ("/people?sort=salary", "cannot be sorted by “salary”"),
        ("/people?dir=sideways", "not a sort direction"),
        ("/people?page=two", "“two” is not a page number."),
        ("/people?after=x", "“x” is not a person id."),
    ] {
        let page = app.get(uri);
        assert_eq!(page.status, Status::UnprocessableEntity, "{uri}");
        assert!(
            page.texts(".form-errors li").concat().contains(reason),
            "{uri} should say {reason} on the list's page:\n{}",
            page.body
        );
        // Still the list's form, so the filter can be fixed where it was typed.
        assert_eq!(page.texts("h1"), vec!["People"], "{uri}");
    }
    let typed = app.get("/people?q=ada&hired_from=2025-13-45");
    assert_eq!(typed.status, Status::UnprocessableEntity);
    assert_eq!(typed.field_value("q").as_deref(), Some("ada"));
    assert_eq!(
        typed.field_value("hired_from").as_deref(),
        Some("2025-13-45")
    );
    Ok(())
}

#[test]
fn deleting_a_person_asks_first_and_takes_their_pay_reports_along() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = app.create_person(&[("full_name", "Clara Duval"), ("stage", "declined")]);
    app.post(
        &format!("/people/{id}/pay"),
        &[
            ("kind", "offered"),
            ("currency", "EUR"),
            ("amount_low", "1"),
            ("amount_high", "2"),
            ("period", "annual"),
            ("as_of", "2025-07-01"),
            ("confidence", "confirmed"),
        ],
    );
    let confirm = app.get(&format!("/people/{id}/delete"));
    assert!(confirm.contains("and their 1 pay report for good"));
    assert_eq!(person_count(&app)?, 1);

    let list = app.post_and_follow(&format!("/people/{id}/delete"), &[]);
    assert_eq!(
        list.texts(".flash"),
        vec!["Deleted Clara Duval and their pay reports."]
    );
    assert_eq!(person_count(&app)?, 0);
    let reports: i64 = talent_tracker::schema::pay_report::table
        .count()
        .get_result(&mut app.conn()?)?;
    assert_eq!(reports, 0);
    Ok(())
}

#[test]
fn the_date_rule_shows_together_with_other_errors() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let page = app.post(
        "/people",
        &[
            ("full_name", ""),
            ("stage", "offer"),
            ("offer_on", "2025-06-10"),
            ("decided_on", "2025-06-01"),
        ],
    );
    assert_eq!(
        page.field_errors("full_name"),
        vec!["This field is required."]
    );
    assert_eq!(
        page.field_errors("decided_on"),
        vec!["The decision cannot come before the offer date."]
    );
    Ok(())
}

/// Walks the list from page to page by its links, forwards then backwards, for every order:
/// each person appears once, in the order of the full export, and going back retraces the pages.
#[test]
fn keyset_pages_follow_every_order_both_ways() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.create_company("Anthropic");
    app.create_company("Meta");
    for n in 0..57 {
        // Repeated names, missing companies and dates: ties and NULLs in every sort key.
        let name = format!("Person {:02}", n % 20);
        let origin = ["Anthropic", "", "Meta"][n % 3];
        let hiring = ["", "Meta"][n % 2];
        let stage = ["sourced", "hired", "offer", "declined"][n % 4];
        let (offer, decided) = match stage {
            "hired" | "declined" if n % 5 != 0 => ("2025-01-01", "2025-02-01"),
            _ => ("", ""),
        };
        app.create_person(&[
            ("full_name", &name),
            ("origin_company", origin),
            ("hiring_company", hiring),
            ("stage", stage),
            ("offer_on", offer),
            ("decided_on", decided),
            // Namesakes at one company, on purpose.
            ("different_person", "yes"),
        ]);
    }
    for sort in [
        "name",
        "stage",
        "origin_company",
        "hiring_company",
        "start",
        "updated",
    ] {
        for dir in ["asc", "desc"] {
            let query = format!("sort={sort}&dir={dir}");
            let expected: Vec<String> = app
                .download(&format!("/people.csv?{query}"))
                .lines()
                .skip(1)
                // The name, after the id.
                .map(|line| line.split(',').nth(1).unwrap_or_default().to_owned())
                .collect();
            assert_eq!(expected.len(), 57);
            let mut pages = vec![app.get(&format!("/people?{query}"))];
            while let Some(next) = pages[pages.len() - 1].attrs("a[rel=next]", "href").pop() {
                pages.push(app.get(&format!("/people{next}")));
                assert!(pages.len() <= 3, "{query}: more pages than people");
            }
            let walked: Vec<String> = pages
                .iter()
                .flat_map(|p| p.texts("tbody td:first-child a"))
                .collect();
            assert_eq!(walked, expected, "{query}");
            let mut back = pages.pop().expect("the first page");
            for earlier in pages.iter().rev() {
                let previous = back.attrs("a[rel=prev]", "href");
                assert_eq!(previous.len(), 1, "{query}");
                back = app.get(&format!("/people{}", previous[0]));
                assert_eq!(
                    back.texts("tbody td:first-child a"),
                    earlier.texts("tbody td:first-child a"),
                    "{query}: back to {}",
                    previous[0]
                );
            }
            assert!(back.attrs("a[rel=prev]", "href").is_empty(), "{query}");
        }
    }
    Ok(())
}

/// Past a few hundred companies the company fields take a typed name instead of listing them
/// all in every page.
#[test]
fn many_companies_are_typed_not_listed() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.create_company("Anthropic");
    app.create_person(&[
        ("full_name", "Ada"),
        ("origin_company", "Anthropic"),
        ("stage", "sourced"),
    ]);
    let few = app.get("/people");
    assert_eq!(few.attrs("select#origin_company", "name").len(), 1);
    diesel::sql_query(
        "INSERT INTO company (name, kind) SELECT 'Company ' || n, 'startup' FROM generate_series(1, 300) n",
    )
    .execute(&mut app.conn()?)?;
    for uri in ["/people", "/people/new", "/reports/talent-flow"] {
        let page = app.get(uri);
        assert!(
            page.attrs("select#origin_company", "name").is_empty(),
            "{uri}"
        );
        assert_eq!(
            page.attrs("input#origin_company", "type"),
            vec!["text"],
            "{uri}"
        );
        assert!(!page.contains("Company 299"), "{uri}");
    }
    let filtered = app.get("/people?origin_company=anthropic");
    assert_eq!(filtered.texts("tbody td:first-child a"), vec!["Ada"]);
    assert_eq!(
        filtered.field_value("origin_company").as_deref(),
        Some("anthropic")
    );
    Ok(())
}
