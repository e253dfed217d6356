//! E-mail through the outbox, against a real SMTP server on loopback (`mail/sink.rs`): who
//! gets which mail, what it says, and that nothing is lost while the server is down and nothing
//! sent for a transaction that rolled back.

mod delivery;
pub(crate) mod sink;

use std::time::{Duration, Instant};

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::Role;
use talent_tracker::mail::{MailSettings, RetryPolicy};
use talent_tracker::schema::outbox;

use crate::common::{TestApp, count};
use crate::offers::{decide, offer, person};
use crate::pay_bands::band;
use sink::SmtpSink;

pub(crate) const SITE: &str = "https://talent.example.com";

/// The app sending through `sink`, retrying after 1 s, then 2 s, and giving up after four
/// attempts; nobody logged in.
pub(crate) fn mailing_app(sink: &SmtpSink) -> anyhow::Result<TestApp> {
    let settings = mail_settings(sink)?;
    TestApp::anonymous_with(|config| config.mail = Some(settings))
}

/// Sending through `sink`, as `mailing_app` does.
pub(crate) fn mail_settings(sink: &SmtpSink) -> anyhow::Result<MailSettings> {
    let mut settings = MailSettings::from_parts(
        Some(&sink.url()),
        Some("Talent Tracker <tracker@example.com>"),
        Some(SITE),
    )?
    .ok_or_else(|| anyhow::anyhow!("mail settings"))?;
    settings.retry = RetryPolicy {
        first: Duration::from_secs(1),
        longest: Duration::from_secs(2),
        attempts: 4,
        poll: Duration::from_millis(100),
    };
    Ok(settings)
}

/// Waits until `check` holds for the outbox row of `id` (status, attempts, last error).
pub(crate) fn wait_for_row(
    app: &TestApp,
    id: i64,
    check: impl Fn(&(String, i32, Option<String>)) -> bool,
) -> anyhow::Result<(String, i32, Option<String>)> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let row: (String, i32, Option<String>) = outbox::table
            .find(id)
            .select((outbox::status, outbox::attempts, outbox::last_error))
            .first(&mut app.conn()?)?;
        if check(&row) {
            return Ok(row);
        }
        anyhow::ensure!(Instant::now() < deadline, "outbox row {id} stayed {row:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

pub(crate) fn row_of(app: &TestApp, to: &str) -> anyhow::Result<i64> {
    Ok(outbox::table
        .filter(outbox::recipient.eq(to))
        .select(outbox::id)
        .order(outbox::id.desc())
        .first(&mut app.conn()?)?)
}

#[test]
fn an_offer_outside_its_band_is_mailed_to_approvers_and_its_decision_to_its_maker()
-> anyhow::Result<()> {
    let Some(sink) = SmtpSink::start()? else {
        return Ok(());
    };
    let app = mailing_app(&sink)?;
    for (email, role) in [
        ("admin@example.com", Role::Admin),
        ("compensation@example.com", Role::Compensation),
        ("quiet@example.com", Role::Compensation),
        ("recruiter@example.com", Role::Recruiter),
        ("analyst@example.com", Role::Analyst),
    ] {
        app.add_user(email, role)?;
    }
    // A compensation user who turned waiting offers off on /account gets none.
    app.log_in("quiet@example.com")?;
    let account = app.get("/account");
    assert!(account.contains("An offer outside its band waits for a decision"));
    let title = account.texts("title").join("");
    assert!(
        title.starts_with("Your account") && !title.contains('<'),
        "{title}"
    );
    assert!(
        !account.contains("name=\"password_link\""),
        "{}",
        account.body
    );
    let saved = app.post("/account/mail", &[("offer_decided", "true")]);
    assert_eq!(saved.status, Status::SeeOther);
    app.post("/logout", &[]);

    app.log_in("admin@example.com")?;
    let rate = [
        ("currency", "EUR"),
        ("rate_on", "2025-01-01"),
        ("rate", "1.1"),
    ];
    assert_eq!(app.post("/exchange-rates", &rate).status, Status::SeeOther);
    let band = band("Research Scientist", "L7", "EU", "2025-01-01");
    assert_eq!(app.post("/pay-bands", &band).status, Status::SeeOther);
    let ada = person(&app, "Ada", "EU");
    app.post("/logout", &[]);

    // USD 363,000 is EUR 330,000: above the band's 300,000, so it waits for a decision.
    app.log_in("recruiter@example.com")?;
    let id = offer(&app, ada, "USD", "363000", "2025-06-01");
    let approver = sink.wait_for("compensation@example.com", 1)?.remove(0);
    let admin = sink.wait_for("admin@example.com", 1)?.remove(0);
    assert_eq!(approver.subject, "An offer for Ada waits for your decision");
    assert_eq!(approver.from, "Talent Tracker <tracker@example.com>");
    assert_eq!(approver.content_type, "multipart/alternative");
    let link = format!("{SITE}/pay-reports/{id}/approval");
    for part in [&approver.text, &approver.html, &admin.text] {
        assert!(part.contains(&link), "{part}");
        assert!(part.contains("USD 363,000.00"), "{part}");
        assert!(part.contains("1.32"), "the compa-ratio: {part}");
        assert!(
            part.contains("recruiter@example.com made an offer"),
            "{part}"
        );
    }
    assert!(approver.html.contains(&format!("href=\"{link}\"")));

    // Saving it again with the same figures announces nothing new.
    let edited = app.post(
        &format!("/people/{ada}/pay/{id}/edit"),
        &[
            ("kind", "offered"),
            ("currency", "USD"),
            ("amount_low", "363000"),
            ("amount_high", "363000"),
            ("period", "annual"),
            ("base", "363000"),
            ("as_of", "2025-06-01"),
            ("confidence", "confirmed"),
            ("source_name", "offer letter"),
            ("notes", "signed copy"),
            ("version", "1"),
        ],
    );
    assert_eq!(edited.status, Status::SeeOther, "{}", edited.body);
    app.post("/logout", &[]);

    // The recruiter becomes a viewer before the decision: its mail has no pay in it.
    app.log_in("admin@example.com")?;
    let recruiter =
        talent_tracker::models::User::find_by_email(&mut app.conn()?, "recruiter@example.com")?
            .ok_or_else(|| anyhow::anyhow!("the recruiter"))?;
    let demoted = app.post(
        &format!("/users/{}/role", recruiter.id),
        &[("role", "viewer")],
    );
    assert_eq!(demoted.status, Status::SeeOther);
    app.post("/logout", &[]);
    app.log_in("compensation@example.com")?;
    let decided = decide(
        &app,
        id,
        "approve",
        "Competing offer from OpenAI at USD 370,000",
    );
    assert_eq!(decided.status, Status::SeeOther, "{}", decided.body);

    let told = sink.wait_for("recruiter@example.com", 1)?.remove(0);
    assert_eq!(told.subject, "The offer for Ada is approved");
    for part in [&told.text, &told.html] {
        assert!(part.contains("approved the offer for"), "{part}");
        assert!(part.contains(&format!("{SITE}/people/{ada}")), "{part}");
        for pay in ["USD", "EUR", "363", "370", "Compa", "Reason"] {
            assert!(!part.contains(pay), "a viewer's mail shows {pay:?}: {part}");
        }
    }
    // Everyone has what they should and no more: the edit announced nothing again, the
    // quiet user and the analyst got nothing.
    std::thread::sleep(Duration::from_secs(1));
    let all = sink.received()?;
    assert_eq!(all.len(), 3, "{all:?}");
    assert!(
        !all.iter()
            .any(|m| m.rcpt_tos.contains(&"quiet@example.com".to_owned()))
    );
    Ok(())
}

#[test]
fn without_smtp_settings_the_page_shows_the_link_and_nothing_is_queued() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let created = app.post(
        "/users",
        &[
            ("email", "new@example.com"),
            ("display_name", "New"),
            ("role", "viewer"),
        ],
    );
    assert_eq!(created.texts("input.one-time-link").len(), 1);
    assert_eq!(
        count(&mut app.conn()?, "SELECT count(*) AS n FROM outbox")?,
        0
    );
    Ok(())
}

#[test]
fn a_new_level_or_an_imported_offer_outside_its_band_is_mailed_once() -> anyhow::Result<()> {
    let Some(sink) = SmtpSink::start()? else {
        return Ok(());
    };
    let app = mailing_app(&sink)?;
    app.add_user("admin@example.com", Role::Admin)?;
    app.add_user("compensation@example.com", Role::Compensation)?;
    app.log_in("admin@example.com")?;
    let rate = [
        ("currency", "EUR"),
        ("rate_on", "2025-01-01"),
        ("rate", "1.1"),
    ];
    assert_eq!(app.post("/exchange-rates", &rate).status, Status::SeeOther);
    let band = band("Research Scientist", "L7", "EU", "2025-01-01");
    assert_eq!(app.post("/pay-bands", &band).status, Status::SeeOther);
    // At L6 there is no band: the offer cannot be checked and waits for nobody.
    let mut ada_fields = vec![
        ("full_name", "Ada"),
        ("stage", "offer"),
        ("job_family", "Research Scientist"),
        ("level", "L6"),
        ("zone", "EU"),
    ];
    let ada = app.create_person(&ada_fields);
    offer(&app, ada, "USD", "363000", "2025-06-01");
    // At L7 it is above the band.
    ada_fields[3] = ("level", "L7");
    ada_fields.push(("version", "1"));
    let moved = app.post(&format!("/people/{ada}/edit"), &ada_fields);
    assert_eq!(moved.status, Status::SeeOther, "{}", moved.body);
    let told = sink.wait_for("compensation@example.com", 1)?;
    assert_eq!(told[0].subject, "An offer for Ada waits for your decision");

    app.import(
        "offers.csv",
        b"full_name,origin_company,stage,job_family,level,zone,kind,currency,amount_low,\
          amount_high,period,base,as_of,confidence\n\
          Grace,,offer,Research Scientist,L7,EU,offered,EUR,350000,350000,annual,350000,\
          2025-06-01,confirmed\n",
    );
    let told = sink.wait_for("compensation@example.com", 2)?;
    assert!(
        told.iter()
            .any(|m| m.subject == "An offer for Grace waits for your decision"),
        "{told:?}"
    );
    // Nothing twice, and nothing to the admin who made both changes.
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(sink.received()?.len(), 2);
    Ok(())
}
