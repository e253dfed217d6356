use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::schema::company;

use crate::common::{TestApp, id_from};

fn company_count(app: &TestApp) -> anyhow::Result<i64> {
    Ok(company::table.count().get_result(&mut app.conn()?)?)
}

#[test]
fn creating_a_company_shows_its_page_with_a_message() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let fields = [
        ("name", "Scale AI"),
        ("kind", "startup"),
        ("website", "https://scale.com"),
        ("country", "us"),
        ("notes", "Data labelling"),
    ];
    let posted = app.post("/companies", &fields);
    assert_eq!(posted.status, Status::SeeOther);
    let page = app.get(posted.location.as_deref().unwrap_or_default());
    assert_eq!(page.status, Status::Ok);
    assert_eq!(page.texts("h1"), vec!["Scale AI"]);
    assert_eq!(page.texts(".flash"), vec!["Saved Scale AI."]);
    assert!(page.contains("https://scale.com"));
    // The country code is stored in its canonical upper case.
    assert!(page.texts("dd").contains(&"US".to_owned()));
    Ok(())
}

#[test]
fn a_company_without_a_name_comes_back_with_the_error_and_the_input() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let page = app.post(
        "/companies",
        &[
            ("name", "  "),
            ("kind", "startup"),
            ("website", "https://x.org"),
        ],
    );
    assert_eq!(page.status, Status::UnprocessableEntity);
    assert_eq!(page.field_errors("name"), vec!["This field is required."]);
    assert_eq!(
        page.field_value("website").as_deref(),
        Some("https://x.org")
    );
    assert_eq!(page.field_value("kind").as_deref(), Some("startup"));
    assert_eq!(company_count(&app)?, 0);
    Ok(())
}

#[test]
fn each_wrong_company_field_gets_its_own_message() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let long_name = "x".repeat(201);
    let page = app.post(
        "/companies",
        &[
            ("name", &long_name),
            ("kind", "bank"),
            ("website", "javascript:alert(1)"),
            ("country", "XX"),
        ],
    );
    assert_eq!(page.status, Status::UnprocessableEntity);
    assert_eq!(
        page.field_errors("name"),
        vec!["At most 200 characters, please (this has 201)."]
    );
    assert!(page.field_errors("kind")[0].starts_with("Choose one of: ai_lab"));
    assert!(page.field_errors("website")[0].contains("http:// or https://"));
    assert!(page.field_errors("country")[0].contains("ISO 3166-1"));
    assert_eq!(
        page.field_value("website").as_deref(),
        Some("javascript:alert(1)")
    );
    assert_eq!(company_count(&app)?, 0);
    Ok(())
}

#[test]
fn a_name_taken_in_another_case_is_a_field_error_not_a_crash() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.create_company("OpenAI");
    let page = app.post("/companies", &[("name", "openai"), ("kind", "ai_lab")]);
    assert_eq!(page.status, Status::UnprocessableEntity);
    assert_eq!(
        page.field_errors("name"),
        vec!["A company called “openai” exists already (names ignore case)."]
    );
    assert_eq!(page.field_value("name").as_deref(), Some("openai"));
    assert_eq!(company_count(&app)?, 1);
    Ok(())
}

#[test]
fn editing_a_company_saves_the_change_and_refuses_a_taken_name() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = app.create_company("Deepmind");
    app.create_company("Anthropic");
    let edit = app.get(&format!("/companies/{id}/edit"));
    assert_eq!(edit.field_value("name").as_deref(), Some("Deepmind"));

    let page = app.post_and_follow(
        &format!("/companies/{id}/edit"),
        &[
            ("name", "Google DeepMind"),
            ("kind", "ai_lab"),
            ("country", "GB"),
        ],
    );
    assert_eq!(page.texts("h1"), vec!["Google DeepMind"]);

    let taken = app.post(
        &format!("/companies/{id}/edit"),
        &[("name", "ANTHROPIC"), ("kind", "ai_lab")],
    );
    assert_eq!(taken.status, Status::UnprocessableEntity);
    assert_eq!(taken.field_errors("name").len(), 1);
    let name: String = company::table
        .find(id)
        .select(company::name)
        .first(&mut app.conn()?)?;
    assert_eq!(name, "Google DeepMind");
    Ok(())
}

#[test]
fn deleting_a_company_asks_first_then_removes_it() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = app.create_company("Short-lived Labs");
    let confirm = app.get(&format!("/companies/{id}/delete"));
    assert_eq!(confirm.status, Status::Ok);
    assert_eq!(confirm.texts("button.danger"), vec!["Delete company"]);
    assert_eq!(company_count(&app)?, 1);

    let page = app.post_and_follow(&format!("/companies/{id}/delete"), &[]);
    assert_eq!(page.texts(".flash"), vec!["Deleted Short-lived Labs."]);
    assert_eq!(company_count(&app)?, 0);
    assert_eq!(
        app.get(&format!("/companies/{id}")).status,
        Status::NotFound
    );
    Ok(())
}

#[test]
fn a_company_that_people_reference_cannot_be_deleted() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = app.create_company("Scale AI");
    app.create_person(&[
        ("full_name", "Alexandr Wang"),
        ("stage", "hired"),
        ("origin_company", "Scale AI"),
    ]);

    let confirm = app.get(&format!("/companies/{id}/delete"));
    assert!(confirm.contains("cannot be deleted: 1 person names it"));
    assert!(confirm.texts("button.danger").is_empty());

    let refused = app.post(&format!("/companies/{id}/delete"), &[]);
    assert_eq!(refused.status, Status::Conflict);
    assert!(refused.contains("cannot be deleted"));
    assert_eq!(company_count(&app)?, 1);
    Ok(())
}

#[test]
fn the_company_list_searches_by_name_and_filters_by_kind() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.create_company("OpenAI");
    app.create_company("Anthropic");
    id_from(&app.post("/companies", &[("name", "Meta"), ("kind", "big_tech")]));

    let all = app.get("/companies");
    assert_eq!(
        all.texts("tbody td:first-child a"),
        vec!["Anthropic", "Meta", "OpenAI"]
    );
    let search = app.get("/companies?q=open");
    assert_eq!(search.texts("tbody td:first-child a"), vec!["OpenAI"]);
    let kind = app.get("/companies?kind=big_tech");
    assert_eq!(kind.texts("tbody td:first-child a"), vec!["Meta"]);
    assert_eq!(
        app.get("/companies?kind=bank").status,
        Status::UnprocessableEntity
    );
    Ok(())
}

#[test]
fn the_database_refuses_what_the_forms_refuse() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let mut conn = app.conn()?;
    let insert = |conn: &mut PgConnection, sql: &str| diesel::sql_query(sql).execute(conn);
    assert!(
        insert(
            &mut conn,
            "INSERT INTO company (name, kind) VALUES ('Meta', 'big_tech')"
        )
        .is_ok()
    );
    for bad in [
        "INSERT INTO company (name, kind) VALUES ('META', 'big_tech')",
        "INSERT INTO company (name, kind) VALUES ('', 'big_tech')",
        "INSERT INTO company (name, kind) VALUES ('X', 'bank')",
        "INSERT INTO company (name, kind, website) VALUES ('Y', 'other', 'javascript:alert(1)')",
        "INSERT INTO company (name, kind, country) VALUES ('Z', 'other', 'usa')",
    ] {
        assert!(
            insert(&mut conn, bad).is_err(),
            "the database accepted: {bad}"
        );
    }
    Ok(())
}
