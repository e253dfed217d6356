//! Accounts, logins, users, webhooks, errors and mails in the reader's language: the language
//! setting on /account, German pages with German formats, and each mail in its recipient's
//! language.

use diesel::prelude::*;
use rocket::http::{ContentType, Header, Status};
use talent_tracker::domain::Role;
use talent_tracker::i18n::LanguageSettings;

use crate::common::{Page, TestApp};
use crate::mail::sink::SmtpSink;
use crate::mail::{mail_settings, mailing_app};

/// Posts a form as `post` does, with the browser asking for `accept_language`.
fn post_asking(app: &TestApp, uri: &str, fields: &[(&str, &str)], accept_language: &str) -> Page {
    let token = app.csrf_token();
    let mut all = vec![("csrf_token", token.as_str())];
    all.extend_from_slice(fields);
    post_raw_asking(app, uri, &all, accept_language)
}

/// Exactly these fields, with the browser asking for `accept_language`.
fn post_raw_asking(
    app: &TestApp,
    uri: &str,
    fields: &[(&str, &str)],
    accept_language: &str,
) -> Page {
    let body: String = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish();
    Page::from(
        app.client
            .post(uri.to_owned())
            .header(ContentType::Form)
            .header(Header::new("Accept-Language", accept_language.to_owned()))
            .body(body)
            .dispatch(),
    )
}

fn get_asking(app: &TestApp, uri: &str, accept_language: &str) -> Page {
    Page::from(
        app.client
            .get(uri.to_owned())
            .header(Header::new("Accept-Language", accept_language.to_owned()))
            .dispatch(),
    )
}

fn stored_language(app: &TestApp) -> anyhow::Result<Option<String>> {
    use talent_tracker::schema::app_user;
    Ok(app_user::table
        .select(app_user::language)
        .first(&mut app.conn()?)?)
}

#[test]
fn choosing_deutsch_turns_the_next_page_german_and_the_browsers_language_hands_it_back()
-> anyhow::Result<()> {
    let app = TestApp::new()?;
    let account = get_asking(&app, "/account", "en");
    assert_eq!(account.attrs("html", "lang"), ["en"]);
    // Every language is offered by its own name, and the browser's language is chosen.
    let options = account.texts("select#language option");
    assert_eq!(options, ["Browser's language", "English", "Deutsch"]);
    assert_eq!(
        account.attrs("select#language option[selected]", "value"),
        [""]
    );

    let chosen = post_asking(&app, "/account/language", &[("language", "de")], "en");
    assert_eq!(chosen.status, Status::SeeOther);
    assert_eq!(stored_language(&app)?.as_deref(), Some("de"));
    // The browser still asks for English: the setting wins, the flash included.
    let next = get_asking(&app, "/account", "en");
    assert_eq!(next.attrs("html", "lang"), ["de"]);
    assert_eq!(next.texts("h1"), ["Ihr Konto"]);
    assert_eq!(next.texts(".flash"), ["Ihre Sprache wurde gespeichert."]);
    assert_eq!(
        next.attrs("select#language option[selected]", "value"),
        ["de"]
    );

    let back = post_asking(&app, "/account/language", &[("language", "")], "en");
    assert_eq!(back.status, Status::SeeOther);
    assert_eq!(stored_language(&app)?, None);
    let english = get_asking(&app, "/account", "en");
    assert_eq!(english.attrs("html", "lang"), ["en"]);
    assert_eq!(english.texts(".flash"), ["Your language is saved."]);
    assert_eq!(
        get_asking(&app, "/account", "de").attrs("html", "lang"),
        ["de"]
    );
    Ok(())
}

#[test]
fn a_language_without_a_catalogue_is_refused_and_nothing_is_stored() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    for typed in ["fr", "de-AT", "DE", "<b>"] {
        let refused = post_asking(&app, "/account/language", &[("language", typed)], "en");
        assert_eq!(refused.status, Status::SeeOther, "{typed}");
        let page = get_asking(&app, "/account", "en");
        assert!(
            page.texts(".flash-error")
                .join(" ")
                .contains("There is no language"),
            "{typed}: {}",
            page.body
        );
        assert_eq!(stored_language(&app)?, None);
    }
    Ok(())
}

#[test]
fn a_german_reader_gets_their_account_users_and_webhooks_in_german_with_german_formats()
-> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.read_in("de")?;
    // A German-typed form of this area, read as meant: the token's name and days.
    let made = app.post(
        "/account/tokens",
        &[("name", "HRIS-Abgleich"), ("days", "30")],
    );
    assert_eq!(made.status, Status::Ok, "{}", made.body);
    assert_eq!(made.texts("h1"), ["Ihr API-Token „HRIS-Abgleich“"]);
    let until = (chrono::Utc::now() + chrono::Duration::days(30))
        .format("%d.%m.%Y")
        .to_string();
    assert!(
        made.contains(&format!("Es gilt bis {until} ")),
        "{}",
        made.body
    );

    let account = app.get("/account");
    assert_eq!(account.texts("h1"), ["Ihr Konto"]);
    assert!(account.texts("dd").contains(&"Administration".to_owned()));
    let made_at = account.texts("table.api-tokens td").join(" | ");
    let today = chrono::Utc::now().format("%d.%m.%Y").to_string();
    assert!(
        made_at.contains(&today) && made_at.contains("UTC"),
        "{made_at}"
    );
    assert!(
        made_at.contains("gültig") && made_at.contains("nie"),
        "{made_at}"
    );

    let wrong = app.post(
        "/account/password",
        &[
            ("current_password", "not the one"),
            ("new_password", "kurz"),
            ("repeat_password", "kurz"),
        ],
    );
    assert_eq!(wrong.status, Status::UnprocessableEntity);
    assert_eq!(
        wrong.field_errors("new_password"),
        ["Ein Passwort braucht mindestens 12 Zeichen."]
    );

    let users = app.get("/users");
    assert_eq!(users.texts("h1"), ["Benutzer"]);
    assert!(
        users
            .texts("select#role option")
            .contains(&"Vergütung".to_owned())
    );
    let taken = app.post(
        "/users",
        &[
            ("email", "admin@example.com"),
            ("display_name", "Doppelt"),
            ("role", "viewer"),
        ],
    );
    assert_eq!(
        taken.field_errors("email"),
        ["Es gibt bereits einen Benutzer mit dieser E-Mail-Adresse."]
    );

    // The reference page speaks German around the OpenAPI document's own English.
    let reference = app.get("/api/docs");
    assert_eq!(reference.texts("h1"), ["API-Referenz"]);
    assert!(reference.texts("th").contains(&"Bedeutung".to_owned()));

    let webhooks = app.get("/webhooks/new");
    assert_eq!(webhooks.texts("h1"), ["Neuer Endpunkt"]);
    assert!(webhooks.contains("Eine Person wird eingestellt"));
    let none = app.post("/webhooks", &[("url", "https://hooks.example.com/tt")]);
    assert_eq!(none.status, Status::UnprocessableEntity);
    assert_eq!(
        none.texts("#events-error"),
        ["Bitte wählen Sie mindestens ein Ereignis."]
    );
    Ok(())
}

#[test]
fn login_and_error_pages_follow_the_browser_and_a_users_setting() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    let login = get_asking(&app, "/login", "de-DE,de;q=0.9");
    assert_eq!(login.attrs("html", "lang"), ["de"]);
    assert_eq!(login.texts("h1"), ["Anmelden"]);
    let token = login
        .attrs("input[name=csrf_token]", "value")
        .pop()
        .unwrap_or_default();
    let refused = post_raw_asking(
        &app,
        "/login",
        &[
            ("csrf_token", &token),
            ("email", "nobody@example.com"),
            ("password", "whatever it is"),
        ],
        "de",
    );
    assert_eq!(refused.status, Status::Unauthorized);
    assert_eq!(
        refused.texts(".form-errors p"),
        ["E-Mail-Adresse oder Passwort ist falsch."]
    );
    let missing = get_asking(&app, "/no-such-page", "de");
    assert_eq!(missing.status, Status::NotFound);
    assert_eq!(missing.texts("h1"), ["Nicht gefunden"]);
    assert_eq!(missing.texts(".error-page .muted"), ["Fehler 404"]);
    let english = get_asking(&app, "/no-such-page", "en");
    assert_eq!(english.texts("h1"), ["Not Found"]);
    assert_eq!(english.texts(".error-page .muted"), ["Error 404"]);

    // A logged-in user's setting decides where a guard knows them (a 403 for their role).
    app.add_user("viewer@example.com", Role::Viewer)?;
    app.log_in("viewer@example.com")?;
    app.read_in("de")?;
    let forbidden = get_asking(&app, "/users", "en");
    assert_eq!(forbidden.status, Status::Forbidden);
    assert_eq!(forbidden.attrs("html", "lang"), ["de"]);
    assert_eq!(forbidden.texts("h1"), ["Keine Berechtigung"]);
    Ok(())
}

fn set_language(app: &TestApp, email: &str, tag: &str) -> anyhow::Result<()> {
    use talent_tracker::schema::app_user;
    diesel::update(app_user::table.filter(app_user::email.eq(email)))
        .set(app_user::language.eq(tag))
        .execute(&mut app.conn()?)?;
    Ok(())
}

#[test]
fn a_password_link_mail_is_in_its_recipients_language_not_the_admins() -> anyhow::Result<()> {
    let Some(sink) = SmtpSink::start()? else {
        return Ok(());
    };
    let app = mailing_app(&sink)?;
    app.add_user("admin@example.com", Role::Admin)?;
    let reader = app.add_user("leserin@example.com", Role::Analyst)?;
    set_language(&app, "leserin@example.com", "de")?;
    app.log_in("admin@example.com")?;
    let page = app.post(&format!("/users/{}/password-link", reader.id), &[]);
    assert!(
        page.contains("is mailed to leserin@example.com"),
        "{}",
        page.body
    );
    let mail = sink.wait_for("leserin@example.com", 1)?.remove(0);
    assert_eq!(
        mail.subject,
        "Ein Link zum Festlegen eines neuen Passworts für talent-tracker"
    );
    for part in [&mail.text, &mail.html] {
        let days = talent_tracker::models::PASSWORD_LINK_DAYS;
        let once = format!("Er funktioniert einmal, {days} Tage lang.");
        assert!(part.contains(&once), "{part}");
        assert!(!part.contains("It works once"), "{part}");
    }
    assert!(mail.html.contains("<html lang=\"de\">"), "{}", mail.html);
    Ok(())
}

#[test]
fn a_recipient_without_a_setting_gets_the_installations_language() -> anyhow::Result<()> {
    let Some(sink) = SmtpSink::start()? else {
        return Ok(());
    };
    let settings = mail_settings(&sink)?;
    let app = TestApp::anonymous_with(|config| {
        config.mail = Some(settings);
        config.languages = LanguageSettings::parse("de", "Europe/Berlin").expect("valid");
    })?;
    app.add_user("admin@example.com", Role::Admin)?;
    app.log_in("admin@example.com")?;
    app.post(
        "/users",
        &[
            ("email", "neu@example.com"),
            ("display_name", "Neu"),
            ("role", "viewer"),
        ],
    );
    let mail = sink.wait_for("neu@example.com", 1)?.remove(0);
    assert_eq!(
        mail.subject,
        "Legen Sie Ihr Passwort für talent-tracker fest"
    );
    assert!(mail.text.starts_with("Guten Tag Neu,"), "{}", mail.text);
    Ok(())
}

#[test]
fn an_offer_waiting_for_a_german_approver_is_mailed_in_german_with_german_figures()
-> anyhow::Result<()> {
    let Some(sink) = SmtpSink::start()? else {
        return Ok(());
    };
    let app = mailing_app(&sink)?;
    app.add_user("admin@example.com", Role::Admin)?;
    app.add_user("verguetung@example.com", Role::Compensation)?;
    app.add_user("recruiter@example.com", Role::Recruiter)?;
    set_language(&app, "verguetung@example.com", "de")?;
    app.log_in("admin@example.com")?;
    let rate = [
        ("currency", "EUR"),
        ("rate_on", "2025-01-01"),
        ("rate", "1.1"),
    ];
    assert_eq!(app.post("/exchange-rates", &rate).status, Status::SeeOther);
    let band = crate::pay_bands::band("Research Scientist", "L7", "EU", "2025-01-01");
    assert_eq!(app.post("/pay-bands", &band).status, Status::SeeOther);
    let ada = crate::offers::person(&app, "Ada", "EU");
    app.post("/logout", &[]);
    app.log_in("recruiter@example.com")?;
    crate::offers::offer(&app, ada, "USD", "363000", "2025-06-01");

    let german = sink.wait_for("verguetung@example.com", 1)?.remove(0);
    let english = sink.wait_for("admin@example.com", 1)?.remove(0);
    assert_eq!(
        german.subject,
        "Ein Angebot für Ada wartet auf Ihre Entscheidung"
    );
    assert_eq!(english.subject, "An offer for Ada waits for your decision");
    for part in [&german.text, &german.html] {
        assert!(part.contains("363.000,00 $"), "{part}");
        assert!(part.contains("1,32"), "the compa-ratio: {part}");
        assert!(
            part.contains("recruiter@example.com hat ein Angebot für"),
            "{part}"
        );
    }
    assert!(english.text.contains("USD 363,000.00"), "{}", english.text);
    Ok(())
}
