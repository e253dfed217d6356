//! A NUL character where text enters: a query string's filters, a form's fields.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::schema::company;

use crate::common::TestApp;

/// Every filter of every list and report, by the page that takes it.
const FILTERS: &[(&str, &[&str])] = &[
    (
        "/people",
        &[
            "q",
            "origin_company",
            "hiring_company",
            "stage",
            "job_family",
            "level",
            "zone",
            "sort",
            "dir",
            "page",
            "after",
            "before",
            "hired_from",
            "hired_to",
            "entered_from",
            "entered_to",
            "reached",
            "title",
            "without",
            "with_pay",
            "pay_kind",
            "pay_confidence",
            "pay_from",
            "pay_to",
        ],
    ),
    (
        "/people.csv",
        &["q", "origin_company", "stage", "title", "pay_kind"],
    ),
    (
        "/pay-reports.csv",
        &["q", "origin_company", "stage", "title", "pay_kind"],
    ),
    (
        "/pipeline",
        &["q", "origin_company", "stage", "title", "reached", "zone"],
    ),
    ("/companies", &["q", "kind", "page", "sort", "dir"]),
    ("/companies.csv", &["q", "kind"]),
    ("/exchange-rates", &["currency", "page"]),
    (
        "/audit",
        &["record_table", "record_id", "actor", "from", "to", "page"],
    ),
    ("/pay-bands", &["job_family", "level", "zone"]),
    ("/pay-bands.csv", &["job_family", "level", "zone"]),
    ("/reports/offers", &["status", "job_family"]),
    ("/reports/offers.csv", &["status", "job_family"]),
    ("/import/batches", &["page"]),
    ("/people/duplicates", &["after", "page"]),
    ("/people/merges", &["page"]),
];

const REPORT_FILTERS: &[&str] = &[
    "from",
    "to",
    "origin_company",
    "hiring_company",
    "group_by",
    "kind",
    "confidence",
    "interval",
    "scale",
];

#[test]
fn a_nul_in_any_filter_is_refused_as_unusable() -> anyhow::Result<()> {
    let app = TestApp::with_demo(true)?;
    let reports = ["compensation", "talent-flow", "pipeline", "timeline"];
    let mut pages: Vec<(String, &str)> = FILTERS
        .iter()
        .flat_map(|(path, names)| names.iter().map(|name| (path.to_string(), *name)))
        .collect();
    for report in reports {
        for suffix in ["", ".csv"] {
            pages.extend(
                REPORT_FILTERS
                    .iter()
                    .map(|name| (format!("/reports/{report}{suffix}"), *name)),
            );
        }
    }
    // Ignored (a 200 for a filter with its NUL dropped) is not refused either.
    let mut not_refused = Vec::new();
    for (path, name) in pages {
        for value in ["%00", "a%00b", "Alpha%00"] {
            let uri = format!("{path}?{name}={value}");
            let page = app.get(&uri);
            if page.status != Status::UnprocessableEntity || !page.contains("NUL character") {
                not_refused.push(format!("{uri}: {}", page.status));
            }
        }
    }
    assert!(not_refused.is_empty(), "{not_refused:#?}");

    // A form posted to an address with one is refused before it does anything.
    let page = app.post(
        "/companies?from=%00",
        &[("name", "Nul Labs"), ("kind", "other")],
    );
    assert_eq!(page.status, Status::UnprocessableEntity);
    let named: i64 = company::table
        .filter(company::name.eq("Nul Labs"))
        .count()
        .get_result(&mut app.conn()?)?;
    assert_eq!(named, 0);
    Ok(())
}

#[test]
fn a_nul_in_a_form_field_is_refused_beside_it() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    for field in [
        "full_name",
        "title",
        "origin_company",
        "team",
        "notes",
        "level",
    ] {
        let mut fields = vec![("full_name", "Ada"), ("stage", "sourced")];
        fields.retain(|(name, _)| *name != field);
        fields.push((field, "Ada\0Lovelace"));
        let page = app.post("/people", &fields);
        assert_eq!(page.status, Status::UnprocessableEntity, "{field}");
        assert_eq!(page.field_errors(field).len(), 1, "{field}: {}", page.body);
    }
    let page = app.post("/companies", &[("name", "A\0B"), ("kind", "other")]);
    assert_eq!(page.field_errors("name").len(), 1, "{}", page.body);
    Ok(())
}
