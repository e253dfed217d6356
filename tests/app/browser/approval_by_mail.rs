//! An approval as the people in it live it: a recruiter, on a laptop, records an offer above its
//! band through the pay form; it reaches the approver by mail (checked against the SMTP server
//! by the test that runs these walks); the approver, on a phone, opens the queue from the
//! dashboard's notice, decides from it, and the queue and the notice are empty afterwards.

use rocket::http::Status;
use talent_tracker::domain::Role;

use super::Session;
use crate::common::TestApp;
use crate::offers::person;
use crate::pay_bands::band;

pub(crate) const APPROVER: &str = "compensation@example.com";
pub(crate) const RECRUITER: &str = "recruiter@example.com";

/// A band with its rate, and Ada, whom it covers.
pub(crate) fn a_band_for_ada(app: &TestApp) -> anyhow::Result<()> {
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
    person(app, "Ada", "EU");
    app.post("/logout", &[]);
    Ok(())
}

/// A common laptop.
const LAPTOP: (u32, u32) = (1366, 900);

/// The recruiter records Ada's offer of USD 363,000 (EUR 330,000, above the band's 300,000)
/// from her page, and sees it pending, with the way to its approval page.
pub(super) async fn offered_by_the_recruiter(s: &Session) -> anyhow::Result<()> {
    s.resize(LAPTOP.0, LAPTOP.1).await?;
    s.log_in(RECRUITER).await?;
    s.open("/people?q=Ada").await?;
    s.follow("Ada").await?;
    s.follow("Add pay report").await?;
    s.choose("kind", "offered").await?;
    s.choose("confidence", "confirmed").await?;
    // A date field's typing follows the browser's locale: its value is set as the form sends it.
    s.browser
        .execute(
            "document.getElementById('as_of').value = '2025-06-01'",
            vec![],
        )
        .await?;
    s.fill("currency", "USD").await?;
    s.fill("amount_low", "363000").await?;
    s.choose("period", "annual").await?;
    s.fill("base", "363000").await?;
    s.fill("source_name", "offer letter").await?;
    s.shot("offer-form-1366").await?;
    s.submit("form.record").await?;
    s.shot("offer-saved-1366").await?;
    let page = s.source().await?;
    assert!(
        page.contains(">Pending<") && page.contains("Approval page"),
        "{page}"
    );
    s.log_out().await
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
