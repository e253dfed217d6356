//! A new installation in the browser: the printed setup link makes the first admin once and
//! never again, and a user that admin adds sets their password by link and logs in.

use fantoccini::Locator;

use super::Session;

pub(super) async fn set_up(s: &Session) -> anyhow::Result<()> {
    let link = s.setup_link.clone().expect("the app printed a setup link");
    s.visit(&link).await?;
    assert_eq!(s.text("h1").await?, "Set up talent-tracker");
    s.fill("email", "ada@example.com").await?;
    s.fill("display_name", "Ada Lovelace").await?;
    s.fill("new_password", "the analytical engine").await?;
    s.fill("repeat_password", "the analytical engine").await?;
    s.shot("setup").await?;
    s.submit("form.record").await?;
    assert_eq!(
        s.text("h1").await?,
        "Users",
        "the first admin lands on the users"
    );
    assert!(s.text(".who span").await?.starts_with("Ada Lovelace"));

    // A recruiter, added here, gets a one-time link for their password.
    s.fill("email", "grace@example.com").await?;
    s.fill("display_name", "Grace Hopper").await?;
    s.choose("role", "recruiter").await?;
    s.submit("form.record").await?;
    assert_eq!(s.text("h1").await?, "Grace Hopper is added");
    s.shot("user-link").await?;
    let password_link = s
        .element(Locator::Css("input.one-time-link"))
        .await?
        .prop("value")
        .await?
        .unwrap_or_default();
    s.open("/users").await?;
    s.shot("users").await?;
    // The audit says it in words, with the users' names.
    s.open("/audit").await?;
    let audit = s.text("table.audit").await?;
    assert!(
        audit.contains("Ada Lovelace made a password link for user Grace Hopper"),
        "{audit}"
    );
    s.shot("audit-in-words").await?;
    s.log_out().await?;

    // The setup link is spent: it opens nothing, now or after the logout.
    s.visit(&link).await?;
    assert!(s.source().await?.contains("This setup link has been used"));

    s.visit(&password_link).await?;
    assert_eq!(s.text("h1").await?, "Set your password");
    s.fill("new_password", "compilers all the way").await?;
    s.fill("repeat_password", "compilers all the way").await?;
    s.submit("form.record").await?;
    assert_eq!(s.text("h1").await?, "Log in");
    s.log_in_with("grace@example.com", "compilers all the way")
        .await?;
    assert!(s.text(".who span").await?.starts_with("Grace Hopper"));
    s.open("/people").await?;
    assert_eq!(s.text("h1").await?, "People");

    s.visit(&password_link).await?;
    assert!(
        s.source()
            .await?
            .contains("This password link has been used")
    );
    s.visit(&link).await?;
    assert!(
        s.source().await?.contains("This setup link has been used"),
        "never again"
    );
    Ok(())
}
