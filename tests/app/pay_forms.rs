//! Pay figures entered as people say them: a single amount once (stored as low = high), a
//! range only when ticked; and a company's site and country as typed (`aleph-alpha.com`,
//! "Germany") instead of refused.

use bigdecimal::BigDecimal;
use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::schema::{company, pay_report};

use crate::common::{TestApp, id_from};

fn report(amounts: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    let mut fields = vec![
        ("kind", "reported"),
        ("currency", "USD"),
        ("period", "annual"),
        ("as_of", "2025-06-30"),
        ("confidence", "reported"),
    ];
    fields.extend_from_slice(amounts);
    fields
}

fn amounts(app: &TestApp) -> anyhow::Result<Vec<(BigDecimal, BigDecimal)>> {
    Ok(pay_report::table
        .order(pay_report::id)
        .select((pay_report::amount_low, pay_report::amount_high))
        .load(&mut app.conn()?)?)
}

#[test]
fn a_single_figure_is_entered_once_and_a_range_when_ticked() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = app.create_person(&[("full_name", "Ada"), ("stage", "offer")]);
    let form = app.get(&format!("/people/{id}/pay/new"));
    assert!(form.contains("Amount, or the low end of a range"));
    assert_eq!(form.attrs("#is_range[checked]", "id").len(), 0);

    let single = app.post(
        &format!("/people/{id}/pay"),
        &report(&[("amount_low", "250000"), ("amount_high", "")]),
    );
    assert_eq!(single.status, Status::SeeOther);
    let range = app.post(
        &format!("/people/{id}/pay"),
        &report(&[("amount_low", "200000"), ("amount_high", "300000")]),
    );
    assert_eq!(range.status, Status::SeeOther);
    let n = |s: &str| s.parse::<BigDecimal>();
    assert_eq!(
        amounts(&app)?,
        [(n("250000")?, n("250000")?), (n("200000")?, n("300000")?)]
    );

    // Edited again, the single figure shows once and the range ticked with both ends.
    let ids: Vec<i64> = pay_report::table
        .order(pay_report::id)
        .select(pay_report::id)
        .load(&mut app.conn()?)?;
    let edit = app.get(&format!("/people/{id}/pay/{}/edit", ids[0]));
    assert_eq!(edit.field_value("amount_low").as_deref(), Some("250000.00"));
    assert_eq!(edit.field_value("amount_high").as_deref(), Some(""));
    assert!(edit.attrs("#is_range[checked]", "id").is_empty());
    let edit = app.get(&format!("/people/{id}/pay/{}/edit", ids[1]));
    assert_eq!(
        edit.field_value("amount_high").as_deref(),
        Some("300000.00")
    );
    assert_eq!(edit.attrs("#is_range[checked]", "id"), ["is_range"]);

    // The person's page calls the column by what it holds, not "Band" (pay bands are another thing).
    let page = app.get(&format!("/people/{id}"));
    assert!(
        page.texts("#pay ~ .table-scroll th")
            .contains(&"Amount or range".to_owned())
    );
    assert!(
        !page
            .texts("#pay ~ .table-scroll th")
            .contains(&"Band".to_owned())
    );
    Ok(())
}

#[test]
fn a_company_site_without_scheme_and_a_country_by_name_are_taken() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let saved = app.post(
        "/companies",
        &[
            ("name", "Aleph Alpha"),
            ("kind", "ai_lab"),
            ("website", "aleph-alpha.com"),
            ("country", "Germany"),
        ],
    );
    assert_eq!(saved.status, Status::SeeOther, "{}", saved.body);
    id_from(&saved);
    let (website, country): (Option<String>, Option<String>) = company::table
        .select((company::website, company::country))
        .first(&mut app.conn()?)?;
    assert_eq!(website.as_deref(), Some("https://aleph-alpha.com"));
    assert_eq!(country.as_deref(), Some("DE"));
    let refused = app.post(
        "/companies",
        &[
            ("name", "Nowhere"),
            ("kind", "other"),
            ("website", "javascript:alert(1)"),
            ("country", "Atlantis"),
        ],
    );
    assert_eq!(refused.status, Status::UnprocessableEntity);
    assert_eq!(refused.field_errors("website").len(), 1);
    assert_eq!(refused.field_errors("country").len(), 1);
    Ok(())
}

#[test]
fn the_person_form_suggests_the_bands_job_families_and_levels() -> anyhow::Result<()> {
    use talent_tracker::schema::pay_band;
    let app = TestApp::demo_as(talent_tracker::domain::Role::Recruiter)?;
    let mut families: Vec<String> = pay_band::table
        .select(pay_band::job_family)
        .distinct()
        .load(&mut app.conn()?)?;
    families.sort();
    assert!(!families.is_empty(), "the demo has bands");
    let form = app.get("/people/new");
    assert_eq!(form.attrs("input#job_family", "list"), ["band-families"]);
    assert_eq!(form.attrs("#band-families option", "value"), families);
    assert_eq!(form.attrs("input#level", "list"), ["band-levels"]);
    assert!(!form.attrs("#band-levels option", "value").is_empty());
    Ok(())
}

#[test]
fn an_old_rate_and_components_above_the_band_warn_but_save() -> anyhow::Result<()> {
    use talent_tracker::domain::Role;
    let app = TestApp::logged_in(false, Role::Admin)?;
    let rate = [
        ("currency", "EUR"),
        ("rate_on", "2025-01-01"),
        ("rate", "1.1"),
    ];
    assert_eq!(app.post("/exchange-rates", &rate).status, Status::SeeOther);
    let band = crate::pay_bands::with(
        crate::pay_bands::band("Research Scientist", "L7", "EU", "2025-01-01"),
        &[
            ("total_min", "300000"),
            ("total_mid", "400000"),
            ("total_max", "500000"),
        ],
    );
    assert_eq!(app.post("/pay-bands", &band).status, Status::SeeOther);
    let ada = crate::offers::person(&app, "Ada", "EU");
    let offer = |currency, as_of, equity| {
        app.post_and_follow(
            &format!("/people/{ada}/pay"),
            &[
                ("kind", "offered"),
                ("currency", currency),
                ("amount_low", "250000"),
                ("period", "annual"),
                ("base", "250000"),
                ("bonus", "100000"),
                ("equity", equity),
                ("sign_on", "50000"),
                ("as_of", as_of),
                ("confidence", "confirmed"),
                ("source_name", "offer letter"),
            ],
        )
    };
    // 250,000 + 100,000 + 200,000 + 50,000 = 600,000 EUR, above the total range's 500,000;
    // at a rate of 2025-01-01 for a figure of 2025-06-30.
    let page = offer("EUR", "2025-06-30", "200000");
    let flash = page.texts(".flash").concat();
    assert!(
        flash.starts_with("Saved the pay report for Ada."),
        "{flash}"
    );
    assert!(
        flash.contains("The EUR exchange rate used is of 2025-01-01, more than 45 days before"),
        "{flash}"
    );
    assert!(
        flash.contains("come to EUR 600,000.00 a year, above the top of the band's total range (EUR 500,000.00)"),
        "{flash}"
    );
    assert_eq!(count_reports(&app)?, 1, "saved all the same");
    // A recent rate and components inside the range: no warning.
    let page = offer("EUR", "2025-02-01", "0");
    assert!(!page.texts(".flash").concat().contains("Warning"));
    assert_eq!(count_reports(&app)?, 2);
    Ok(())
}

fn count_reports(app: &TestApp) -> anyhow::Result<i64> {
    Ok(pay_report::table.count().get_result(&mut app.conn()?)?)
}

#[test]
fn a_new_pay_report_starts_in_euros_for_the_eu_zone_else_in_the_reporting_currency()
-> anyhow::Result<()> {
    let app = TestApp::anonymous_with(|config| config.reporting_currency = "GBP".into())?;
    app.add_user(
        "recruiter@example.com",
        talent_tracker::domain::Role::Recruiter,
    )?;
    app.log_in("recruiter@example.com")?;
    for (zone, currency) in [("EU", "EUR"), ("US", "GBP"), ("", "GBP")] {
        let person = app.create_person(&[
            ("full_name", &format!("Someone in {zone:?}")),
            ("stage", "contacted"),
            ("zone", zone),
        ]);
        let form = app.get(&format!("/people/{person}/pay/new"));
        assert_eq!(
            form.attrs("input#currency", "value"),
            vec![currency.to_owned()],
            "zone {zone:?}"
        );
    }
    Ok(())
}
