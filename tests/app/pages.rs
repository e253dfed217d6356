use rocket::http::{ContentType, Status};

use crate::common::TestApp;

#[test]
fn every_page_renders_for_a_populated_tracker() -> anyhow::Result<()> {
    let app = TestApp::with_demo(true)?;
    let company = app
        .get("/companies?q=Scale")
        .texts("tbody td:first-child a");
    assert_eq!(company, vec!["Scale AI"]);
    for uri in [
        "/",
        "/companies",
        "/companies/new",
        "/companies/1",
        "/companies/1/edit",
        "/companies/1/delete",
        "/people",
        "/people/new",
        "/people/1",
        "/people/1/edit",
        "/people/1/delete",
        "/people/1/pay/new",
        "/people/1/pay/1/edit",
        "/people/1/pay/1/delete",
    ] {
        let page = app.get(uri);
        assert_eq!(page.status, Status::Ok, "{uri}");
        assert_eq!(
            page.content_type.as_deref(),
            Some("text/html; charset=utf-8"),
            "{uri}"
        );
        assert_eq!(page.texts("h1").len(), 1, "{uri} has one heading");
    }
    Ok(())
}

#[test]
fn the_dashboard_shows_stages_latest_hires_and_largest_packages() -> anyhow::Result<()> {
    let app = TestApp::with_demo(true)?;
    let page = app.get("/");
    let stages = page.texts("#by-stage + .table-scroll table tbody td:first-child");
    assert_eq!(
        stages,
        vec![
            "Sourced",
            "Contacted",
            "Interviewing",
            "Offer",
            "Hired",
            "Declined",
            "Withdrawn"
        ]
    );
    assert_eq!(
        page.texts("#by-stage + .table-scroll table tbody tr:nth-child(5) td.num"),
        vec!["3"]
    );
    assert_eq!(
        page.texts("#latest-hires + ul li a"),
        vec!["Daniel Gross", "Nat Friedman", "Alexandr Wang"]
    );
    let largest = page.texts("#largest ~ .table-scroll table tbody td:first-child a");
    assert_eq!(largest.first().map(String::as_str), Some("Alexandr Wang"));
    Ok(())
}

#[test]
fn missing_records_and_unknown_paths_get_a_styled_404() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    for uri in [
        "/companies/42",
        "/people/42",
        "/people/42/edit",
        "/people/42/pay/new",
        "/people/42/pay/1/edit",
        "/people/abc",
        "/companies/99999999999999999999999",
        "/no/such/page",
    ] {
        let page = app.get(uri);
        assert_eq!(page.status, Status::NotFound, "{uri}");
        assert!(
            page.contains("/static/style.css"),
            "{uri} uses the styled layout"
        );
        assert_eq!(page.texts("h1"), vec!["Not Found"], "{uri}");
    }
    assert_eq!(
        app.post("/companies/42/edit", &[("name", "X"), ("kind", "other")])
            .status,
        Status::NotFound
    );
    assert_eq!(app.post("/people/42/delete", &[]).status, Status::NotFound);
    Ok(())
}

#[test]
fn malformed_requests_never_cause_a_server_error() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let huge = "x".repeat(100_000);
    let odd_queries = [
        "/people?page=-3",
        "/people?page=99999999999999999999",
        "/people?q=%00%ff",
        "/people?q=%27%3B%20DROP%20TABLE%20person%3B--",
        "/people?stage=&sort=&dir=",
        "/people?%zz=1",
        "/companies?page=abc",
    ];
    for uri in odd_queries {
        let status = app.get(uri).status;
        assert!(status.code < 500, "{uri} answered {status}");
    }
    let long_query = format!("/people?q={huge}");
    assert!(app.get(&long_query).status.code < 500);

    let posts = [
        app.post("/companies", &[("name", &huge), ("kind", "other")]),
        app.post(
            "/people",
            &[("full_name", "x"), ("stage", "sourced"), ("notes", &huge)],
        ),
        app.post("/people", &[]),
    ];
    for page in posts {
        assert!(
            page.status.code < 500,
            "answered {}: {}",
            page.status,
            page.body
        );
        assert!(
            matches!(page.status.code, 413 | 422),
            "answered {}",
            page.status
        );
    }
    let repeated = app.post(
        "/companies",
        &[("name", "A"), ("name", "B"), ("kind", "other")],
    );
    assert!(repeated.status.code < 500);
    let raw = app
        .client
        .post("/people")
        .header(ContentType::JSON)
        .body("{\"full_name\": 1}")
        .dispatch();
    assert!(raw.status().code < 500);
    let binary = app
        .client
        .post("/companies")
        .header(ContentType::Form)
        .body(vec![0xff, 0xfe, 0x00, 0x26])
        .dispatch();
    assert!(binary.status().code < 500);
    Ok(())
}

#[test]
fn user_text_is_escaped_in_pages() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let script = "<script>alert(1)</script>";
    app.create_company(script);
    let page = app.get("/companies");
    assert!(!page.contains(script));
    assert!(page.texts("script").is_empty());
    assert_eq!(page.texts("tbody td:first-child a"), vec![script]);
    Ok(())
}

#[test]
fn the_stylesheet_is_served() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let page = app.get("/static/style.css");
    assert_eq!(page.status, Status::Ok);
    assert_eq!(
        page.content_type.as_deref(),
        Some("text/css; charset=utf-8")
    );
    Ok(())
}

#[test]
fn health_checks_answer_without_a_login() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let health = app.get("/healthz");
    assert_eq!((health.status, health.body.as_str()), (Status::Ok, "ok"));
    let ready = app.get("/readyz");
    assert_eq!((ready.status, ready.body.as_str()), (Status::Ok, "ready"));
    Ok(())
}
