//! Erasing a person reaches the decisions on their offers: the free-text reasons go, from
//! the decisions and from their audit entries; the decisions and their figures stay.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::Role;
use talent_tracker::schema::{audit_log, pay_decision};

use crate::offers::{decide, offer, person, with_band};

#[test]
fn erasing_a_person_erases_the_reasons_of_decisions_on_their_offers() -> anyhow::Result<()> {
    let app = with_band(Role::Admin)?;
    let ada = person(&app, "Ada", "EU");
    let grace = person(&app, "Grace", "EU");
    // EUR 330,000 is above the band's 300,000: both offers wait for a decision.
    let ada_offer = offer(&app, ada, "EUR", "330000", "2025-06-01");
    let grace_offer = offer(&app, grace, "EUR", "330000", "2025-06-01");
    app.switch_to(Role::Compensation)?;
    let reason = "Ada told us about her sick child, agreed above band";
    assert_eq!(
        decide(&app, ada_offer, "approve", reason).status,
        Status::SeeOther
    );
    assert_eq!(
        decide(&app, grace_offer, "reject", "Grace's own reason").status,
        Status::SeeOther
    );
    app.switch_to(Role::Admin)?;
    let erased = app.post(&format!("/people/{ada}/erase"), &[]);
    assert_eq!(erased.status, Status::SeeOther);

    let mut conn = app.conn()?;
    let decisions: Vec<(i64, String, String, serde_json::Value)> = pay_decision::table
        .order(pay_decision::id)
        .select((
            pay_decision::pay_report_id,
            pay_decision::reason,
            pay_decision::decision,
            pay_decision::figures,
        ))
        .load(&mut conn)?;
    assert_eq!(decisions.len(), 2, "the decisions stay");
    assert_eq!(decisions[0].0, ada_offer);
    assert_eq!(decisions[0].1, "erased");
    assert_eq!(decisions[0].2, "approved");
    assert_eq!(decisions[0].3["base"], "330000.00", "the figures stay");
    assert_eq!(
        decisions[1].1, "Grace's own reason",
        "another person's stays"
    );

    let audit: Vec<(String, Option<serde_json::Value>, Option<serde_json::Value>)> =
        audit_log::table
            .filter(audit_log::record_table.eq("pay_decision"))
            .select((audit_log::action, audit_log::before, audit_log::after))
            .load(&mut conn)?;
    let text = format!("{audit:?}");
    assert!(
        !text.contains("sick child"),
        "the audit still holds the reason: {text}"
    );
    assert!(text.contains("Grace's own reason"));
    // The erasure is not an edit of the decision: it leaves no entry of its own.
    assert!(
        audit.iter().all(|(action, _, _)| action == "create"),
        "{text}"
    );
    // The offer's page shows the decision with its erased reason, still counting.
    let page = app.get(&format!("/pay-reports/{ada_offer}/approval"));
    assert!(!page.contains("sick child"));
    assert_eq!(page.texts(".badge[class*=approval-]"), vec!["Approved"]);
    Ok(())
}
