//! The offers report reads each offer's check from `offer_check`, kept up by the database
//! (src/db/sql/offer_checks.sql). After each kind of change a check depends on, the report
//! lists the offer under the status its own page computes live, and the kept rows equal what
//! they are recomputed from. Figures as in `offers`: band base EUR 200,000 / 250,000 /
//! 300,000 from 2025-01-01, EUR at 1.1 USD (the reporting currency) from 2025-01-01.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::Role;

use crate::common::TestApp;
use crate::offers::{decide, offer, person, with_band};
use crate::pay_bands::{band, with};
use crate::report_consistency::kept_rows;

/// The status each offer's approval page shows (from its badge's class, the machine value),
/// after checking that the report filtered by that status lists the offer's person and that
/// every kept row equals its recount.
fn statuses(app: &TestApp, offers: &[(i64, &str)]) -> anyhow::Result<Vec<String>> {
    let mut found = Vec::new();
    for (id, name) in offers {
        let page = app.get(&format!("/pay-reports/{id}/approval"));
        assert_eq!(page.status, Status::Ok, "{}", page.body);
        let class = page.attrs(".badge[class*=approval-]", "class").join(" ");
        let status = class
            .split_whitespace()
            .find_map(|c| c.strip_prefix("approval-"))
            .unwrap_or_default()
            .to_owned();
        let report = app.get(&format!("/reports/offers?status={status}"));
        assert!(
            report
                .texts("tbody tr")
                .iter()
                .any(|row| row.contains(name)),
            "the report under {status:?} does not list {name}'s offer: {:?}",
            report.texts("tbody tr")
        );
        found.push(status);
    }
    assert_eq!(kept_rows::differing(&mut app.conn()?)?, Vec::new());
    Ok(found)
}

#[test]
fn the_offers_report_follows_decisions_bands_people_rates_and_the_reporting_currency()
-> anyhow::Result<()> {
    let app = with_band(Role::Admin)?;
    let ada = person(&app, "Ada", "EU");
    let ada_offer = offer(&app, ada, "EUR", "330000", "2025-06-01");
    // USD 330,000 at 1.1 is EUR 300,000: at the top of the band.
    let bob = person(&app, "Bob", "EU");
    let bob_offer = offer(&app, bob, "USD", "330000", "2025-06-01");
    let both = [(ada_offer, "Ada"), (bob_offer, "Bob")];
    assert_eq!(statuses(&app, &both)?, ["pending", "not_needed"]);

    // A decision.
    app.switch_to(Role::Compensation)?;
    assert_eq!(
        decide(&app, ada_offer, "approve", "Agreed").status,
        Status::SeeOther
    );
    app.switch_to(Role::Admin)?;
    assert_eq!(statuses(&app, &both)?, ["approved", "not_needed"]);

    // A new band version from March with a higher maximum: Ada's offer is inside it.
    let wider = with(
        band("Research Scientist", "L7", "EU", "2025-03-01"),
        &[("base_max", "400000")],
    );
    assert_eq!(app.post("/pay-bands", &wider).status, Status::SeeOther);
    assert_eq!(statuses(&app, &both)?, ["not_needed", "not_needed"]);

    // The same band narrowed again in place (an update, not a new version): a decision on
    // other figures does not count.
    diesel::sql_query("UPDATE pay_band SET base_max = 310000 WHERE effective_on = '2025-03-01'")
        .execute(&mut app.conn()?)?;
    assert_eq!(statuses(&app, &both)?, ["pending", "not_needed"]);

    // Ada's level has no band: her offer cannot be checked.
    let ada_fields = |level| {
        vec![
            ("full_name", "Ada"),
            ("stage", "offer"),
            ("job_family", "Research Scientist"),
            ("level", level),
            ("zone", "EU"),
        ]
    };
    app.post(&format!("/people/{ada}/edit"), &ada_fields("L8"));
    assert_eq!(statuses(&app, &both)?, ["unchecked", "not_needed"]);
    app.post(&format!("/people/{ada}/edit"), &ada_fields("L7"));
    assert_eq!(statuses(&app, &both)?, ["pending", "not_needed"]);

    // EUR at 1.0 USD from May: Bob's USD 330,000 is EUR 330,000, above the band.
    let rate = [
        ("currency", "EUR"),
        ("rate_on", "2025-05-01"),
        ("rate", "1.0"),
    ];
    assert_eq!(app.post("/exchange-rates", &rate).status, Status::SeeOther);
    assert_eq!(statuses(&app, &both)?, ["pending", "pending"]);

    // Reports in EUR, as a restart with another reporting currency makes them (this app
    // keeps its own setting, so its offer pages still check in USD): Bob's USD offer has no
    // USD rate to convert with.
    talent_tracker::models::report_setting::use_reporting_currency(&mut app.conn()?, "EUR")?;
    assert_eq!(kept_rows::differing(&mut app.conn()?)?, Vec::new());
    let unchecked = app
        .get("/reports/offers?status=unchecked")
        .texts("tbody tr");
    assert!(
        unchecked.iter().any(|row| row.contains("Bob")),
        "{unchecked:?}"
    );
    talent_tracker::models::report_setting::use_reporting_currency(&mut app.conn()?, "USD")?;
    assert_eq!(statuses(&app, &both)?, ["pending", "pending"]);

    // A removed offer leaves the report.
    diesel::sql_query("DELETE FROM pay_report WHERE id = $1")
        .bind::<diesel::sql_types::BigInt, _>(bob_offer)
        .execute(&mut app.conn()?)?;
    assert_eq!(statuses(&app, &both[..1])?, ["pending"]);
    let every = app.get("/reports/offers");
    assert_eq!(
        every.texts("tbody tr").len(),
        1,
        "{:?}",
        every.texts("tbody tr")
    );
    Ok(())
}
