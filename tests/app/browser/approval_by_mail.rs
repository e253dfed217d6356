//! An approval as the people in it live it: a recruiter's offer above its band reaches the
//! approver by mail (checked against the SMTP server by the test that runs this walk); the
//! approver, on a phone, opens the queue from the dashboard's notice, decides from it, and the
//! queue and the notice are empty afterwards.

use rocket::http::Status;
use talent_tracker::domain::Role;

use super::Session;
use crate::common::TestApp;
use crate::offers::{offer, person};
use crate::pay_bands::band;

pub(crate) const APPROVER: &str = "compensation@example.com";
pub(crate) const RECRUITER: &str = "recruiter@example.com";

/// A band, a rate, and Ada's offer of USD 363,000 (EUR 330,000, above the band's 300,000)
/// made by the recruiter; its id.
pub(crate) fn an_offer_outside_its_band(app: &TestApp) -> anyhow::Result<i64> {
    app.add_user("admin@example.com", Role::Admin)?;
    app.add_user(APPROVER, Role::Compensation)?;
    app.add_user(RECRUITER, Role::Recruiter)?;
    app.log_in("admin@example.com")?;
    let rate = [
        ("currency", "EUR"),
        ("rate_on", "2025-01-01"),
        ("rate", "1.1"),
    ];
    anyhow::ensure!(app.post("/exchange-rates", &rate).status == Status::SeeOther);
    let band = band("Research Scientist", "L7", "EU", "2025-01-01");
    anyhow::ensure!(app.post("/pay-bands", &band).status == Status::SeeOther);
    let ada = person(app, "Ada", "EU");
    app.post("/logout", &[]);
    app.log_in(RECRUITER)?;
    let id = offer(app, ada, "USD", "363000", "2025-06-01");
    app.post("/logout", &[]);
    Ok(id)
}

/// A common phone.
const PHONE: (u32, u32) = (390, 844);

pub(super) async fn decided_from_the_queue(s: &Session) -> anyhow::Result<()> {
    s.resize(PHONE.0, PHONE.1).await?;
    s.log_in(APPROVER).await?;
    s.open("/").await?;
    s.shot("approval-dashboard-390").await?;
    s.follow("1 offer waits for your decision").await?;
    assert_eq!(s.text(".queue-total").await?, "1");
    s.shot("approval-queue-390").await?;
    s.follow("Decide").await?;
    s.choose("decision", "approve").await?;
    s.fill("reason", "Competing offer from OpenAI").await?;
    s.submit("form.record").await?;
    let page = s.source().await?;
    assert!(page.contains("Approved"), "the decision is shown: {page}");
    s.open("/approvals").await?;
    assert!(s.source().await?.contains("No offer waits for a decision."));
    s.open("/").await?;
    assert!(!s.source().await?.contains("waits for your decision"));
    Ok(())
}
