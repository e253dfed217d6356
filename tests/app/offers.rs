//! Offers checked against pay bands, and the decisions on those outside them. Figures by hand:
//! band base EUR 200,000 / 250,000 / 300,000 from 2025-01-01, EUR at 1.1 USD (the reporting
//! currency) from 2025-01-01.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::Role;
use talent_tracker::schema::{audit_log, pay_report};

use crate::common::{Page, TestApp};
use crate::pay_bands::{band, with};

/// The app with the EUR rate and the Research Scientist L7 band for the EU.
pub(crate) fn with_band(role: Role) -> anyhow::Result<TestApp> {
    let app = TestApp::logged_in(false, role)?;
    if role != Role::Admin {
        app.switch_to(Role::Admin)?;
    }
    let rate = [
        ("currency", "EUR"),
        ("rate_on", "2025-01-01"),
        ("rate", "1.1"),
    ];
    assert_eq!(app.post("/exchange-rates", &rate).status, Status::SeeOther);
    let created = app.post(
        "/pay-bands",
        &band("Research Scientist", "L7", "EU", "2025-01-01"),
    );
    assert_eq!(created.status, Status::SeeOther);
    Ok(app)
}

pub(crate) fn person(app: &TestApp, name: &str, zone: &str) -> i64 {
    app.create_person(&[
        ("full_name", name),
        ("stage", "offer"),
        ("job_family", "Research Scientist"),
        ("level", "L7"),
        ("zone", zone),
    ])
}

/// Adds an annual offer with this base (and the same as its amount) and returns its id.
pub(crate) fn offer(app: &TestApp, person: i64, currency: &str, base: &str, as_of: &str) -> i64 {
    let posted = app.post(
        &format!("/people/{person}/pay"),
        &[
            ("kind", "offered"),
            ("currency", currency),
            ("amount_low", base),
            ("amount_high", base),
            ("period", "annual"),
            ("base", base),
            ("as_of", as_of),
            ("confidence", "confirmed"),
            ("source_name", "offer letter"),
        ],
    );
    assert_eq!(posted.status, Status::SeeOther, "{}", posted.body);
    newest_report(app)
}

pub(crate) fn newest_report(app: &TestApp) -> i64 {
    pay_report::table
        .select(diesel::dsl::max(pay_report::id))
        .first::<Option<i64>>(&mut app.conn().expect("a connection"))
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// The check of one offer on its approval page: (compa-ratio, penetration, standing, status).
fn check_of(page: &Page) -> (Vec<String>, Vec<String>, Vec<String>, Vec<String>) {
    (
        page.texts(".offer-compa"),
        page.texts(".offer-penetration"),
        page.texts(".offer-standing"),
        page.texts(".badge[class*=approval-]"),
    )
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn an_offer_is_converted_into_the_band_currency_and_placed_in_it() -> anyhow::Result<()> {
    let app = with_band(Role::Admin)?;
    let ada = person(&app, "Ada", "EU");
    let inside = offer(&app, ada, "USD", "330000", "2025-06-01");
    let page = app.get(&format!("/pay-reports/{inside}/approval"));
    assert_eq!(page.status, Status::Ok);
    assert_eq!(page.texts(".offer-base"), strings(&["EUR 300,000.00"]));
    assert_eq!(
        check_of(&page),
        (
            strings(&["1.20"]),
            strings(&["100 %"]),
            strings(&["inside the band"]),
            strings(&["Not needed"])
        )
    );
    let from = page.texts(".offer-from").concat();
    assert!(
        from.contains("band Research Scientist L7 (EU) from 2025-01-01"),
        "{from}"
    );
    assert!(
        from.contains("band rate 1.1 USD per unit, of 2025-01-01"),
        "{from}"
    );
    assert!(
        from.contains("offer currency is USD, the reporting currency"),
        "{from}"
    );

    let outside = offer(&app, ada, "USD", "363000", "2025-06-01");
    let page = app.get(&format!("/pay-reports/{outside}/approval"));
    assert_eq!(page.texts(".offer-base"), strings(&["EUR 330,000.00"]));
    assert_eq!(
        check_of(&page),
        (
            strings(&["1.32"]),
            strings(&["130 %"]),
            strings(&["outside the band"]),
            strings(&["Pending"])
        )
    );
    // The person's page shows both, newest first.
    let person_page = app.get(&format!("/people/{ada}"));
    assert_eq!(
        person_page.texts(".offer-compa"),
        strings(&["1.32", "1.20"])
    );
    Ok(())
}

#[test]
fn a_total_over_years_is_annualised_and_checked_against_the_total_range() -> anyhow::Result<()> {
    let app = with_band(Role::Admin)?;
    app.post(
        "/pay-bands",
        &with(
            band("Research Scientist", "L7", "EU", "2025-03-01"),
            &[
                ("total_min", "300000"),
                ("total_mid", "400000"),
                ("total_max", "500000"),
            ],
        ),
    );
    let ada = person(&app, "Ada", "EU");
    // EUR 2,400,000 over 4 years with a base of EUR 1,000,000: EUR 250,000 a year of base,
    // and a midpoint of EUR 600,000 a year, above the total range.
    app.post(
        &format!("/people/{ada}/pay"),
        &[
            ("kind", "offered"),
            ("currency", "EUR"),
            ("amount_low", "2400000"),
            ("amount_high", "2400000"),
            ("period", "total"),
            ("period_years", "4"),
            ("base", "1000000"),
            ("as_of", "2025-06-01"),
            ("confidence", "confirmed"),
        ],
    );
    let page = app.get(&format!("/pay-reports/{}/approval", newest_report(&app)));
    assert_eq!(page.texts(".offer-base"), strings(&["EUR 250,000.00"]));
    assert_eq!(page.texts(".offer-compa"), strings(&["1.00"]));
    assert_eq!(page.texts(".offer-penetration"), strings(&["50 %"]));
    assert_eq!(
        page.texts(".offer-total"),
        strings(&[
            "annualised midpoint EUR 600,000.00: compa-ratio 1.50, penetration 150 %, outside the total range"
        ])
    );
    assert_eq!(
        page.texts(".badge[class*=approval-]"),
        strings(&["Pending"])
    );
    assert!(
        page.texts(".offer-from")
            .concat()
            .contains("offer in EUR, no conversion")
    );
    Ok(())
}

#[test]
fn an_offer_is_checked_against_the_band_version_of_its_day_and_the_zone_falls_back()
-> anyhow::Result<()> {
    let app = with_band(Role::Admin)?;
    // An earlier EU version, and one for every zone.
    app.post(
        "/pay-bands",
        &with(
            band("Research Scientist", "L7", "EU", "2024-01-01"),
            &[
                ("base_min", "100000"),
                ("base_mid", "150000"),
                ("base_max", "200000"),
            ],
        ),
    );
    app.post(
        "/pay-bands",
        &with(
            band("Research Scientist", "L7", "", "2024-01-01"),
            &[
                ("base_min", "100000"),
                ("base_mid", "125000"),
                ("base_max", "150000"),
            ],
        ),
    );
    let ada = person(&app, "Ada", "EU");
    let old = offer(&app, ada, "EUR", "150000", "2024-06-01");
    let new = offer(&app, ada, "EUR", "150000", "2025-06-01");
    let us = person(&app, "Grace", "US");
    let elsewhere = offer(&app, us, "EUR", "150000", "2025-06-01");
    let cases = [
        (
            old,
            "Research Scientist L7 (EU) from 2024-01-01",
            "1.00",
            "50 %",
        ),
        (
            new,
            "Research Scientist L7 (EU) from 2025-01-01",
            "0.60",
            "-50 %",
        ),
        (
            elsewhere,
            "Research Scientist L7 (every zone) from 2024-01-01",
            "1.20",
            "100 %",
        ),
    ];
    for (id, band, compa, penetration) in cases {
        let page = app.get(&format!("/pay-reports/{id}/approval"));
        assert_eq!(page.texts(".offer-band"), strings(&[band]), "{id}");
        assert_eq!(page.texts(".offer-compa"), strings(&[compa]), "{id}");
        assert_eq!(
            page.texts(".offer-penetration"),
            strings(&[penetration]),
            "{id}"
        );
    }
    Ok(())
}

#[test]
fn an_offer_without_band_base_or_rate_says_which_and_shows_no_figure() -> anyhow::Result<()> {
    let app = with_band(Role::Admin)?;
    let early = person(&app, "Ada", "EU");
    let before_band = offer(&app, early, "EUR", "250000", "2023-06-01");
    let no_rate = offer(&app, early, "GBP", "250000", "2025-06-01");
    let no_family = app.create_person(&[("full_name", "Grace"), ("stage", "offer")]);
    let unplaced = offer(&app, no_family, "EUR", "250000", "2025-06-01");
    app.post(
        &format!("/people/{early}/pay"),
        &[
            ("kind", "offered"),
            ("currency", "EUR"),
            ("amount_low", "250000"),
            ("amount_high", "250000"),
            ("period", "annual"),
            ("as_of", "2025-06-01"),
            ("confidence", "confirmed"),
        ],
    );
    let no_base = newest_report(&app);
    let cases = [
        (
            before_band,
            "not checked: no pay band for Research Scientist L7 (EU, or every zone) in force on 2023-06-01",
        ),
        (
            no_rate,
            "not checked: no GBP exchange rate on or before 2025-06-01",
        ),
        (
            unplaced,
            "not checked: the person has no job family or level",
        ),
    ];
    for (id, message) in cases {
        let page = app.get(&format!("/pay-reports/{id}/approval"));
        assert_eq!(page.texts(".offer-problem"), strings(&[message]));
        assert!(page.texts(".offer-compa").is_empty());
        assert_eq!(
            page.texts(".badge[class*=approval-]"),
            strings(&["Cannot be checked"])
        );
    }
    let page = app.get(&format!("/pay-reports/{no_base}/approval"));
    assert_eq!(page.texts(".offer-base"), strings(&["no base given"]));
    assert!(page.texts(".offer-compa").is_empty());
    Ok(())
}

pub(crate) fn decide(app: &TestApp, id: i64, decision: &str, reason: &str) -> Page {
    app.post(
        &format!("/pay-reports/{id}/approval"),
        &[("decision", decision), ("reason", reason)],
    )
}

#[test]
fn only_compensation_and_admins_decide_and_never_on_their_own_offers() -> anyhow::Result<()> {
    let app = with_band(Role::Recruiter)?;
    app.switch_to(Role::Recruiter)?;
    let ada = person(&app, "Ada", "EU");
    let id = offer(&app, ada, "EUR", "330000", "2025-06-01");
    for role in [Role::Recruiter, Role::Analyst, Role::Viewer] {
        app.switch_to(role)?;
        let page = decide(&app, id, "approve", "Market");
        assert_eq!(page.status, Status::Forbidden, "{role:?}");
    }
    assert_eq!(
        app.get(&format!("/pay-reports/{id}/approval")).status,
        Status::Forbidden,
        "viewers see no pay"
    );
    // The admin edits the offer, so the admin is its last editor.
    app.switch_to(Role::Admin)?;
    let edit = format!("/people/{ada}/pay/{id}/edit");
    let edited = app.post(
        &edit,
        &[
            ("kind", "offered"),
            ("currency", "EUR"),
            ("amount_low", "330000"),
            ("amount_high", "330000"),
            ("period", "annual"),
            ("base", "330000"),
            ("as_of", "2025-06-01"),
            ("confidence", "confirmed"),
            ("notes", "countered"),
        ],
    );
    assert_eq!(edited.status, Status::SeeOther);
    let own = decide(&app, id, "approve", "Market");
    assert_eq!(own.status, Status::Forbidden);
    assert!(own.contains("You created or last edited this offer"));
    app.switch_to(Role::Compensation)?;
    let missing = decide(&app, id, "approve", "  ");
    assert_eq!(missing.status, Status::UnprocessableEntity);
    assert_eq!(
        missing.field_errors("reason"),
        strings(&["This field is required."])
    );
    assert_eq!(missing.field_value("decision").as_deref(), Some("approve"));
    let page = app.post_and_follow(
        &format!("/pay-reports/{id}/approval"),
        &[
            ("decision", "approve"),
            ("reason", "Competing offer from OpenAI"),
        ],
    );
    assert_eq!(
        page.texts(".flash"),
        strings(&["Approved the offer for Ada."])
    );
    assert_eq!(
        page.texts(".badge[class*=approval-]"),
        strings(&["Approved"])
    );
    assert_eq!(
        page.texts(".offer-decision"),
        vec![format!(
            "Approved by compensation@example.com on {}: Competing offer from OpenAI",
            page.texts("tbody td:first-child")[0]
        )]
    );
    let entries: Vec<(String, Option<serde_json::Value>)> = audit_log::table
        .filter(audit_log::record_table.eq("pay_decision"))
        .select((audit_log::actor, audit_log::after))
        .load(&mut app.conn()?)?;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].0, "compensation@example.com");
    let after = entries[0].1.clone().unwrap_or_default();
    assert_eq!(after["reason"], "Competing offer from OpenAI");
    assert_eq!(after["figures"]["base"], "330000.00");
    assert_eq!(after["figures"]["band_base"][2], "300000.00");
    app.switch_to(Role::Admin)?;
    let audit = app.get("/audit?record_table=pay_decision");
    assert_eq!(audit.status, Status::Ok);
    let said = audit.texts("table.audit tbody td:nth-child(2)");
    assert_eq!(said.len(), 1);
    for words in [
        "compensation@example.com approved offer 1",
        "the reason: Competing offer from OpenAI",
        "against the band EUR 200,000.00 – 300,000.00 (midpoint 250,000.00) from 2025-01-01",
    ] {
        assert!(said[0].contains(words), "{words} not in {}", said[0]);
    }
    Ok(())
}

#[test]
fn an_offer_inside_its_band_needs_no_decision() -> anyhow::Result<()> {
    let app = with_band(Role::Admin)?;
    let ada = person(&app, "Ada", "EU");
    let id = offer(&app, ada, "EUR", "250000", "2025-06-01");
    app.switch_to(Role::Compensation)?;
    let page = decide(&app, id, "approve", "fine");
    assert_eq!(page.status, Status::UnprocessableEntity);
    assert!(page.contains("it needs no decision"));
    Ok(())
}

#[test]
fn changing_a_decided_offer_or_its_person_makes_it_pending_and_keeps_the_history()
-> anyhow::Result<()> {
    let app = with_band(Role::Admin)?;
    let ada = person(&app, "Ada", "EU");
    let id = offer(&app, ada, "EUR", "330000", "2025-06-01");
    app.switch_to(Role::Compensation)?;
    assert_eq!(
        decide(&app, id, "reject", "Too far above").status,
        Status::SeeOther
    );
    let status = |app: &TestApp| {
        app.get(&format!("/pay-reports/{id}/approval"))
            .texts(".badge[class*=approval-]")
    };
    assert_eq!(status(&app), strings(&["Rejected"]));
    app.switch_to(Role::Admin)?;
    let fields = [
        ("kind", "offered"),
        ("currency", "EUR"),
        ("amount_low", "320000"),
        ("amount_high", "320000"),
        ("period", "annual"),
        ("base", "320000"),
        ("as_of", "2025-06-01"),
        ("confidence", "confirmed"),
    ];
    app.post(&format!("/people/{ada}/pay/{id}/edit"), &fields);
    assert_eq!(status(&app), strings(&["Pending"]));
    let page = app.get(&format!("/pay-reports/{id}/approval"));
    assert_eq!(page.texts("tbody td:nth-child(3)"), strings(&["Rejected"]));
    assert!(page.texts(".offer-decision").is_empty());
    // Decided again, then the person's level changes: checked against the L8 band, the
    // figures decided on are no longer the offer's.
    app.switch_to(Role::Compensation)?;
    assert_eq!(
        decide(&app, id, "approve", "Agreed").status,
        Status::SeeOther
    );
    assert_eq!(status(&app), strings(&["Approved"]));
    app.switch_to(Role::Admin)?;
    app.post(
        "/pay-bands",
        &band("Research Scientist", "L8", "EU", "2025-01-01"),
    );
    app.post(
        &format!("/people/{ada}/edit"),
        &[
            ("full_name", "Ada"),
            ("stage", "offer"),
            ("job_family", "Research Scientist"),
            ("level", "L8"),
            ("zone", "EU"),
        ],
    );
    assert_eq!(status(&app), strings(&["Pending"]));
    let page = app.get(&format!("/pay-reports/{id}/approval"));
    assert_eq!(
        page.texts("tbody td:nth-child(3)"),
        strings(&["Approved", "Rejected"])
    );
    Ok(())
}

/// A figure of `kind` for a new person of Research Scientist at `level`.
fn market_figure(app: &TestApp, name: &str, level: &str, fields: &[(&str, &str)]) -> i64 {
    let id = app.create_person(&[
        ("full_name", name),
        ("stage", "hired"),
        ("job_family", "Research Scientist"),
        ("level", level),
    ]);
    let defaults = [
        ("currency", "USD"),
        ("period", "annual"),
        ("as_of", "2025-02-01"),
        ("confidence", "reported"),
    ];
    let mut all = fields.to_vec();
    for (name, value) in defaults {
        if !fields.iter().any(|(n, _)| *n == name) {
            all.push((name, value));
        }
    }
    let posted = app.post(&format!("/people/{id}/pay"), &all);
    assert_eq!(posted.status, Status::SeeOther, "{}", posted.body);
    id
}

#[test]
fn an_offer_shows_the_market_of_its_family_and_level_with_enough_figures() -> anyhow::Result<()> {
    let app = with_band(Role::Admin)?;
    let ada = person(&app, "Ada", "EU");
    let id = offer(&app, ada, "USD", "330000", "2025-06-01");
    let amount = |a: &'static str| [("amount_low", a), ("amount_high", a)];
    let first = market_figure(
        &app,
        "P1",
        "L7",
        &[&amount("200000")[..], &[("kind", "reported")]].concat(),
    );
    // An older figure of the same person does not count: only their latest.
    app.post(
        &format!("/people/{first}/pay"),
        &[
            ("kind", "reported"),
            ("currency", "USD"),
            ("amount_low", "900000"),
            ("amount_high", "900000"),
            ("period", "annual"),
            ("as_of", "2024-02-01"),
            ("confidence", "rumor"),
        ],
    );
    market_figure(
        &app,
        "P2",
        "L7",
        &[&amount("300000")[..], &[("kind", "agreed")]].concat(),
    );
    let spread = |app: &TestApp| {
        app.get(&format!("/pay-reports/{id}/approval"))
            .texts(".market-spread")
    };
    assert_eq!(spread(&app), strings(&["too few comparable figures (2)"]));
    assert!(
        app.get(&format!("/pay-reports/{id}/approval"))
            .texts(".market-rank")
            .is_empty()
    );
    // A total over 4 years counts a year of it; EUR converts at 1.1; offers and other levels
    // are not the market.
    market_figure(
        &app,
        "P3",
        "L7",
        &[
            ("kind", "reported"),
            ("amount_low", "1600000"),
            ("amount_high", "1600000"),
            ("period", "total"),
            ("period_years", "4"),
        ],
    );
    market_figure(
        &app,
        "P4",
        "L7",
        &[
            &amount("500000")[..],
            &[("kind", "reported"), ("currency", "EUR")],
        ]
        .concat(),
    );
    market_figure(
        &app,
        "P5",
        "L7",
        &[&amount("990000")[..], &[("kind", "offered")]].concat(),
    );
    market_figure(
        &app,
        "P6",
        "L8",
        &[&amount("990000")[..], &[("kind", "reported")]].concat(),
    );
    // 200,000, 300,000, 400,000, 550,000: P25 at rank 0.75, median at 1.5, P75 at 2.25.
    let page = app.get(&format!("/pay-reports/{id}/approval"));
    assert_eq!(
        page.texts(".market-spread"),
        strings(&["n = 4: P25 USD 275,000.00, median USD 350,000.00, P75 USD 437,500.00"])
    );
    assert_eq!(
        page.texts(".market-rank"),
        strings(&["this offer's annualised midpoint, USD 330,000.00, is at percentile rank 50.0"])
    );
    let band_page = app.get("/pay-bands/1");
    assert_eq!(
        band_page.texts(".market-spread"),
        page.texts(".market-spread")
    );
    Ok(())
}

#[test]
fn the_demo_has_bands_and_the_meta_offers_against_them() -> anyhow::Result<()> {
    let app = TestApp::demo_as(Role::Analyst)?;
    let csv = app.download("/reports/offers.csv");
    let rows: Vec<Vec<String>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect();
    let status_of = |name: &str| {
        rows.iter()
            .find(|r| r[1] == name)
            .map(|r| (r[8].clone(), r[10].clone()))
            .unwrap_or_default()
    };
    assert_eq!(
        status_of("Alexandr Wang"),
        ("2.00".into(), "Pending".into())
    );
    assert_eq!(
        status_of("Nat Friedman"),
        ("1.33".into(), "Approved".into())
    );
    assert_eq!(
        status_of("Daniel Gross"),
        ("1.07".into(), "Not needed".into())
    );
    let bands = app.download("/pay-bands.csv");
    assert_eq!(bands.lines().count(), 11, "L5–L9 in the US and the EU");
    let people = app.get("/people?q=Nat+Friedman");
    let href = people.attrs("tbody td:first-child a", "href");
    let page = app.get(&href[0]);
    assert!(
        page.texts(".offer-decision")[0].starts_with("Approved by the demo data on"),
        "{:?}",
        page.texts(".offer-decision")
    );
    // Press figures of USD 100–300M and 100–200M over 4 years: 37.5M, 37.5M and 50M a year.
    assert_eq!(
        page.texts(".market-spread"),
        strings(&["n = 3: P25 USD 37,500,000.00, median USD 37,500,000.00, P75 USD 43,750,000.00"])
    );
    Ok(())
}

#[test]
fn an_admin_decides_on_another_users_offer_and_only_with_the_csrf_token() -> anyhow::Result<()> {
    let app = with_band(Role::Admin)?;
    app.switch_to(Role::Recruiter)?;
    let ada = person(&app, "Ada", "EU");
    let id = offer(&app, ada, "EUR", "180000", "2025-06-01");
    app.switch_to(Role::Admin)?;
    let uri = format!("/pay-reports/{id}/approval");
    let forged = app.post_raw(
        &uri,
        &[("decision", "reject"), ("reason", "Below the band")],
    );
    assert_eq!(forged.status, Status::Forbidden);
    assert!(
        app.get(&uri).texts("tbody tr").is_empty(),
        "nothing decided"
    );
    let page = app.post_and_follow(
        &uri,
        &[("decision", "reject"), ("reason", "Below the band")],
    );
    assert_eq!(
        page.texts(".badge[class*=approval-]"),
        strings(&["Rejected"])
    );
    assert_eq!(page.texts(".offer-compa"), strings(&["0.72"]));
    assert_eq!(page.texts(".offer-penetration"), strings(&["-20 %"]));
    Ok(())
}
