//! Delivery: nothing lost while the SMTP server is down, failed mails sent again, nothing sent
//! for a transaction that rolled back, each mail once with two instances sending.

use std::time::{Duration, Instant};

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::Role;
use talent_tracker::models::outbox::{MailKind, Outbox};
use talent_tracker::schema::outbox;

use super::sink::SmtpSink;
use super::{SITE, mailing_app, row_of, wait_for_row};
use crate::common::count;

#[test]
fn mail_waits_in_the_outbox_while_the_server_is_down_and_goes_out_when_it_is_back()
-> anyhow::Result<()> {
    let Some(mut sink) = SmtpSink::start()? else {
        return Ok(());
    };
    let app = mailing_app(&sink)?;
    app.add_user("admin@example.com", Role::Admin)?;
    app.log_in("admin@example.com")?;
    sink.stop();

    // A new user's link while the server is down: tried four times, then failed.
    let created = app.post(
        "/users",
        &[
            ("email", "first@example.com"),
            ("display_name", "First"),
            ("role", "viewer"),
        ],
    );
    assert!(
        created.contains("is mailed to first@example.com"),
        "{}",
        created.body
    );
    assert!(created.texts("input.one-time-link").is_empty());
    let first = row_of(&app, "first@example.com")?;
    let (_, attempts, error) = wait_for_row(&app, first, |(status, ..)| status == "failed")?;
    assert_eq!(attempts, 4);
    assert!(error.is_some_and(|e| !e.is_empty()));
    let page = app.get("/admin/mail");
    assert_eq!(page.texts(".mail-failed .mail-status"), ["failed"]);
    assert!(page.contains("Send again"));

    // Another, still being retried when the server comes back, goes out then.
    app.add_user("second@example.com", Role::Analyst)?;
    let second_user =
        talent_tracker::models::User::find_by_email(&mut app.conn()?, "second@example.com")?
            .ok_or_else(|| anyhow::anyhow!("the second user"))?;
    let reset = app.post(&format!("/users/{}/password-link", second_user.id), &[]);
    assert!(
        reset.contains("is mailed to second@example.com"),
        "{}",
        reset.body
    );
    let second = row_of(&app, "second@example.com")?;
    wait_for_row(&app, second, |(_, attempts, error)| {
        *attempts >= 1 && error.is_some()
    })?;
    sink.resume()?;
    let mail = sink.wait_for("second@example.com", 1)?.remove(0);
    assert_eq!(mail.subject, "A link to set a new talent-tracker password");
    let (status, attempts, _) = wait_for_row(&app, second, |(status, ..)| status == "sent")?;
    assert_eq!(status, "sent");
    assert!(attempts >= 2, "{attempts}");
    // The link works, and the outbox no longer holds its token.
    let path = format!("{SITE}/password-link?token=");
    let start = mail
        .text
        .find(&path)
        .ok_or_else(|| anyhow::anyhow!("a link"))?;
    let link = mail.text[start + SITE.len()..]
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_owned();
    assert!(link.starts_with("/password-link?token="), "{link}");
    assert!(mail.html.contains(&format!("{SITE}{link}")));
    let form = app.get(&link);
    assert_eq!(form.status, Status::Ok);
    assert!(form.contains("second@example.com"));
    let payload: serde_json::Value = outbox::table
        .find(second)
        .select(outbox::payload)
        .first(&mut app.conn()?)?;
    assert_eq!(payload, serde_json::json!({}));

    // The failed one goes when an admin sends it again.
    let again = app.post(&format!("/admin/mail/{first}/send-again"), &[]);
    assert_eq!(again.status, Status::SeeOther);
    let welcome = sink.wait_for("first@example.com", 1)?.remove(0);
    assert_eq!(welcome.subject, "Set your talent-tracker password");
    assert!(welcome.text.contains("An admin added you"));
    wait_for_row(&app, first, |(status, ..)| status == "sent")?;
    Ok(())
}

#[test]
fn a_transaction_that_rolls_back_sends_nothing() -> anyhow::Result<()> {
    let Some(sink) = SmtpSink::start()? else {
        return Ok(());
    };
    let app = mailing_app(&sink)?;
    let user = app.add_user("someone@example.com", Role::Viewer)?;
    let mut conn = app.conn()?;
    // This connection is the app's way in, as the pool's sessions are.
    diesel::sql_query("SELECT set_config('talent_tracker.mail', 'on', false)")
        .execute(&mut conn)?;
    let rolled_back = conn.transaction(|c| -> QueryResult<()> {
        assert!(Outbox::link(
            c,
            MailKind::PasswordLink,
            user.id,
            "rolled-back"
        )?);
        Err(diesel::result::Error::RollbackTransaction)
    });
    assert!(rolled_back.is_err());
    assert_eq!(count(&mut conn, "SELECT count(*) AS n FROM outbox")?, 0);
    // The same write committed arrives: the sender was running all along.
    conn.transaction(|c| Outbox::link(c, MailKind::PasswordLink, user.id, "committed"))?;
    let mails = sink.wait_for("someone@example.com", 1)?;
    assert_eq!(mails.len(), 1);
    assert!(mails[0].text.contains("token=committed"));
    assert!(
        !sink
            .received()?
            .iter()
            .any(|m| m.text.contains("rolled-back"))
    );
    Ok(())
}

#[test]
fn two_instances_deliver_each_mail_once() -> anyhow::Result<()> {
    let Some(sink) = SmtpSink::start()? else {
        return Ok(());
    };
    let app = mailing_app(&sink)?;
    // A second instance over the same database, with its own sender.
    let other = rocket::local::blocking::Client::untracked(talent_tracker::app_with(
        crate::common::quiet(),
        app.config.clone(),
    )?)?;
    let mut conn = app.conn()?;
    diesel::sql_query("SELECT set_config('talent_tracker.mail', 'on', false)")
        .execute(&mut conn)?;
    let links = 40;
    conn.transaction(|c| -> anyhow::Result<()> {
        for n in 0..links {
            let user = app.add_user(&format!("user{n}@example.com"), Role::Viewer)?;
            Outbox::link(c, MailKind::NewUser, user.id, &format!("token{n}"))?;
        }
        Ok(())
    })?;
    let deadline = Instant::now() + Duration::from_secs(60);
    while sink.received()?.len() < links && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    // Both senders were polling: wait a moment for a second copy that should never come.
    std::thread::sleep(Duration::from_secs(2));
    let mut tokens: Vec<String> = sink
        .received()?
        .iter()
        .filter_map(|m| m.text.split("token=").nth(1))
        .filter_map(|rest| rest.split_whitespace().next().map(str::to_owned))
        .collect();
    tokens.sort();
    let mut expected: Vec<String> = (0..links).map(|n| format!("token{n}")).collect();
    expected.sort();
    assert_eq!(tokens, expected);
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) AS n FROM outbox WHERE status = 'sent' AND attempts = 1"
        )?,
        i64::try_from(links)?
    );
    drop(other);
    Ok(())
}
