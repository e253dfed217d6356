//! End to end in a real browser: Debian's headless Chromium driven through chromedriver, which
//! the test starts itself, against the app served on a loopback port. Screenshots of the key
//! pages go to target/screenshots/ for people to look at.

use std::future::Future;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::wd::TimeoutConfiguration;
use fantoccini::{ClientBuilder, Locator};
use talent_tracker::auth::first_run::FirstRunLink;
use talent_tracker::domain::Role;

use self::session::{DEADLINE, Session, listening, until};
use crate::common::{TestApp, quiet};

mod accounts_in_german;
mod approval_by_mail;
mod approvals;
mod board;
mod dragging;
mod first_run;
mod german;
mod merging;
mod notes_and_files;
mod phones;
mod session;
mod single_sign_on;

fn find(candidates: &[&str]) -> Option<PathBuf> {
    candidates.iter().map(PathBuf::from).find(|p| p.is_file())
}

fn free_port() -> anyhow::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// chromedriver, stopped when the test ends however it ends.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A walk through the app in the browser; boxed, so one harness serves every walk.
type Walk = for<'a> fn(&'a Session) -> Pin<Box<dyn Future<Output = anyhow::Result<()>> + 'a>>;

#[test]
fn people_work_through_the_app_in_a_real_browser() -> anyhow::Result<()> {
    let app = TestApp::anonymous(true)?;
    app.add_user("recruiter@example.com", Role::Recruiter)?;
    app.add_user("viewer@example.com", Role::Viewer)?;
    app.add_user("admin@example.com", Role::Admin)?;
    in_browser(&app, |s| {
        Box::pin(async move {
            walk_through(s).await?;
            phones::on_phones(s).await?;
            board::board_and_drill_down(s).await
        })
    })
}

#[test]
fn offers_fit_a_laptop_and_targets_a_finger_in_a_real_browser() -> anyhow::Result<()> {
    let app = TestApp::anonymous(true)?;
    app.add_user("admin@example.com", Role::Admin)?;
    in_browser(&app, |s| {
        Box::pin(async move {
            approvals::offers_report_fits(s).await?;
            approvals::queue_fits_a_phone(s).await?;
            approvals::targets_are_big_enough(s).await
        })
    })
}

#[test]
fn cards_are_dragged_between_columns_in_a_real_browser() -> anyhow::Result<()> {
    let app = TestApp::anonymous(true)?;
    app.add_user("recruiter@example.com", Role::Recruiter)?;
    in_browser(&app, |s| Box::pin(dragging::drag_cards(s)))
}

#[test]
fn duplicates_are_merged_and_the_merge_undone_in_a_real_browser() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    app.add_user("recruiter@example.com", Role::Recruiter)?;
    merging::two_records_of_one_person(&app)?;
    in_browser(&app, |s| Box::pin(merging::merge_and_undo(s)))
}

#[test]
fn a_note_and_a_cv_are_added_and_erased_with_the_person_in_a_real_browser() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    app.add_user("admin@example.com", Role::Admin)?;
    notes_and_files::two_people(&app)?;
    in_browser(&app, |s| Box::pin(notes_and_files::note_cv_and_erasure(s)))
}

#[test]
fn the_account_pages_in_german_fit_a_phone_and_a_laptop() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    app.add_user("admin@example.com", Role::Admin)?;
    app.read_in("de")?;
    in_browser(&app, |s| Box::pin(accounts_in_german::fit_in_german(s)))
}

#[test]
fn a_german_recruiter_works_in_german_in_a_real_browser() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    app.add_user("recruiter@example.com", Role::Recruiter)?;
    in_browser_speaking(&app, "de-DE", |s| Box::pin(german::a_day_in_german(s)))
}

#[test]
fn a_new_installation_is_set_up_in_the_browser() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    in_browser(&app, |s| Box::pin(first_run::set_up(s)))
}

#[test]
fn an_offer_reaches_its_approver_by_mail_and_is_decided_from_the_queue_in_a_real_browser()
-> anyhow::Result<()> {
    let Some(sink) = crate::mail::sink::SmtpSink::start()? else {
        return Ok(());
    };
    let app = crate::mail::mailing_app(&sink)?;
    approval_by_mail::a_band_for_ada(&app)?;
    let mail = crate::mail::mail_settings(&sink)?;
    in_browser_with(&app, Some(mail.clone()), |s| {
        Box::pin(approval_by_mail::offered_by_the_recruiter(s))
    })?;
    let id = crate::offers::newest_report(&app);
    let asked = sink.wait_for(approval_by_mail::APPROVER, 1)?.remove(0);
    assert_eq!(asked.subject, "An offer for Ada waits for your decision");
    assert!(
        asked.text.contains(&format!("/pay-reports/{id}/approval")),
        "{}",
        asked.text
    );
    in_browser_with(&app, Some(mail), |s| {
        Box::pin(approval_by_mail::decided_from_the_queue(s))
    })?;
    let told = sink.wait_for(approval_by_mail::RECRUITER, 1)?.remove(0);
    assert_eq!(told.subject, "The offer for Ada is approved");
    Ok(())
}

#[test]
fn a_sign_in_through_the_openid_provider_lands_on_the_dashboard_in_a_real_browser()
-> anyhow::Result<()> {
    let Some(provider) = crate::sso::provider::OidcProvider::start()? else {
        return Ok(());
    };
    let app = TestApp::anonymous(false)?;
    in_browser_served(
        &app,
        None,
        Some(&|site: &str| provider.settings(site)),
        |s| Box::pin(single_sign_on::signs_in_as_a_recruiter(s)),
    )?;
    let rita = talent_tracker::models::User::find_by_email(&mut app.conn()?, "rita@example.com")?;
    assert_eq!(rita.map(|u| u.role), Some(Role::Recruiter));
    Ok(())
}

/// Serves the app over `app`'s database on a loopback port, starts chromedriver and Chromium,
/// and runs `walk`; skipped without a browser (a failure under CI).
fn in_browser(app: &TestApp, walk: Walk) -> anyhow::Result<()> {
    in_browser_with(app, None, walk)
}

/// As `in_browser`, the server sending mail with these settings.
fn in_browser_with(
    app: &TestApp,
    mail: Option<talent_tracker::mail::MailSettings>,
    walk: Walk,
) -> anyhow::Result<()> {
    in_browser_served(app, mail, None, walk)
}

/// As `in_browser_with`, with single sign-on: `sso` gets the site's address (its port is
/// chosen here) and answers the settings.
fn in_browser_served(
    app: &TestApp,
    mail: Option<talent_tracker::mail::MailSettings>,
    sso: Option<&dyn Fn(&str) -> talent_tracker::auth::sso::SsoSettings>,
    walk: Walk,
) -> anyhow::Result<()> {
    browse(app, mail, sso, "en-US", walk)
}

/// As `in_browser`, with Chromium started in `language` (`--lang`, and the languages it asks
/// pages for).
fn in_browser_speaking(app: &TestApp, language: &str, walk: Walk) -> anyhow::Result<()> {
    browse(app, None, None, language, walk)
}

fn browse(
    app: &TestApp,
    mail: Option<talent_tracker::mail::MailSettings>,
    sso: Option<&dyn Fn(&str) -> talent_tracker::auth::sso::SsoSettings>,
    language: &str,
    walk: Walk,
) -> anyhow::Result<()> {
    let (Some(chromium), Some(chromedriver)) = (
        find(&["/usr/bin/chromium", "/usr/bin/chromium-browser"]),
        find(&["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]),
    ) else {
        // CI installs both (.ci/run): there a missing browser is a failure, not a skip.
        anyhow::ensure!(
            std::env::var_os("CI").is_none(),
            "CI must have chromium and chromium-driver"
        );
        eprintln!("browser test skipped: install Debian's chromium and chromium-driver to run it");
        return Ok(());
    };
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&shots)?;

    // Err when a walk before this one installed it already.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let runtime = rocket::tokio::runtime::Runtime::new()?;
    let (port, driver_port) = (free_port()?, free_port()?);
    let config = talent_tracker::AppConfig {
        replica_url: None,
        database_url: app.database_url().to_owned(),
        pool_size: 4,
        demo: false,
        reporting_currency: "USD".to_owned(),
        import_limit: talent_tracker::config::ImportLimit(2),
        file_limit: talent_tracker::config::FileLimit::default(),
        files: talent_tracker::file_store::FileStore::Database,
        secret_key: None,
        proxy: None,
        secure_cookies: false,
        mail,
        webhooks: Default::default(),
        sso: sso.map(|settings| settings(&format!("http://127.0.0.1:{port}"))),
        languages: Default::default(),
    };
    let server = talent_tracker::app_with(
        quiet()
            .merge(("port", port))
            .merge(("address", "127.0.0.1")),
        config,
    )?;
    let server = runtime.block_on(server.ignite())?;
    let setup_link = server
        .state::<FirstRunLink>()
        .and_then(|link| link.0.clone());
    runtime.spawn(server.launch());
    runtime.block_on(listening(port))?;
    let profile = std::env::temp_dir().join(format!("tt-chromium-{}-{port}", std::process::id()));
    let _driver = Driver(
        Command::new(&chromedriver)
            .arg(format!("--port={driver_port}"))
            // Chromium's own widgets (the date field's day order) follow the process locale,
            // not `--lang`, which sets only the pages' language.
            .env("LANGUAGE", language.replace('-', "_"))
            .env("LC_ALL", format!("{}.UTF-8", language.replace('-', "_")))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?,
    );
    runtime.block_on(listening(driver_port))?;

    runtime.block_on(async {
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": chromium,
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                         "--window-size=1280,1100", format!("--user-data-dir={}", profile.display()),
                         format!("--lang={language}")],
                "prefs": { "intl": { "accept_languages": language } },
            }),
        );
        // Chromium starting on a busy machine can outlast chromedriver's own patience: ask again.
        let driver = format!("http://127.0.0.1:{driver_port}");
        let browser = until("a browser session", || async {
            Ok(Some(ClientBuilder::rustls()?.capabilities(capabilities.clone()).connect(&driver).await?))
        })
        .await?;
        // No implicit waits (a missing element is missing now; the walks wait on conditions),
        // and the browser's own waits as long as ours.
        browser.update_timeouts(TimeoutConfiguration::new(Some(DEADLINE), Some(DEADLINE), Some(Duration::ZERO))).await?;
        let session = Session { browser, base: format!("http://127.0.0.1:{port}"), shots, setup_link };
        let outcome = walk(&session).await;
        if outcome.is_err() {
            // What the browser showed when it went wrong, for whoever reads the failure.
            let _ = session.shot("failure").await;
        }
        let _ = session.browser.close().await;
        let _ = std::fs::remove_dir_all(&profile);
        outcome
    })
}

async fn walk_through(s: &Session) -> anyhow::Result<()> {
    // Anonymous: sent to log in.
    s.open("/people").await?;
    assert!(
        s.browser
            .current_url()
            .await?
            .as_str()
            .contains("/login?next=")
    );
    s.shot("login").await?;
    s.log_in_here("recruiter@example.com").await?;
    assert_eq!(
        s.text("h1").await?,
        "People",
        "back where they wanted to go"
    );
    // Chromium in English asks for English, and the page says that is what it is.
    let lang = s.element(Locator::Css("html")).await?.attr("lang").await?;
    assert_eq!(lang.as_deref(), Some("en"));
    // On a wide screen the menu is a bar: its links show, with no button to unfold it.
    assert!(
        !s.element(Locator::Css("label.menu-button"))
            .await?
            .is_displayed()
            .await?
    );
    s.follow("Reports").await?;
    assert_eq!(s.text("h1").await?, "Reports");

    // A company, then a wrong person form: messages beside the fields, input kept.
    s.open("/companies/new").await?;
    s.fill("name", "Browser Labs").await?;
    s.choose("kind", "ai_lab").await?;
    s.submit("form.record").await?;
    assert_eq!(s.text(".flash").await?, "Saved Browser Labs.");

    s.open("/people/new").await?;
    s.fill("title", "Research engineer").await?;
    s.fill("offer_on", "06/10/2025").await?;
    s.fill("decided_on", "06/01/2025").await?;
    s.submit("form.record").await?;
    assert_eq!(s.text("#full_name-error").await?, "This field is required.");
    assert_eq!(
        s.text("#decided_on-error").await?,
        "The decision cannot come before the offer date."
    );
    let kept = s.element(Locator::Id("title")).await?.prop("value").await?;
    assert_eq!(kept.as_deref(), Some("Research engineer"));
    s.shot("person-form-errors").await?;

    s.fill("full_name", "Bea Browser").await?;
    s.choose("origin_company", "Browser Labs").await?;
    s.choose("stage", "hired").await?;
    s.fill("decided_on", "06/20/2025").await?;
    s.submit("form.record").await?;
    assert_eq!(s.text("h1").await?, "Bea Browser");
    assert_eq!(s.browser.title().await?, "Bea Browser · talent-tracker");
    let person_url = s.browser.current_url().await?.to_string();

    // A pay report from the person's page.
    s.follow("Add pay report").await?;
    s.fill("amount_low", "400000").await?;
    // The high end shows once "A range" is ticked.
    s.element(Locator::Id("is_range")).await?.click().await?;
    s.fill("amount_high", "600000").await?;
    s.choose("period", "total").await?;
    s.fill("period_years", "4").await?;
    s.submit("form.record").await?;
    assert!(s.source().await?.contains("USD 400,000 – 600,000"));
    s.shot("person").await?;

    // The list, filtered.
    s.open("/people").await?;
    // The filters fold behind one button.
    s.element(Locator::Css("details.filter-fold summary"))
        .await?
        .click()
        .await?;
    s.choose("origin_company", "Browser Labs").await?;
    s.submit("form.filters").await?;
    assert_eq!(s.text("tbody td:first-child a").await?, "Bea Browser");
    assert!(
        s.browser
            .current_url()
            .await?
            .as_str()
            .contains("origin_company=Browser+Labs")
    );

    // A report with its chart, and a CSV download.
    s.open("/reports/compensation?group_by=origin_company")
        .await?;
    let alt = s.text("figure.chart #chart-alt").await;
    let alt = match alt {
        Ok(text) if !text.is_empty() => text,
        // Visually hidden text reads as empty to WebDriver: ask the page itself.
        _ => s
            .browser
            .execute(
                "return document.getElementById('chart-alt').textContent",
                vec![],
            )
            .await?
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    };
    assert!(alt.contains("Range chart"), "{alt}");
    s.shot("report-compensation").await?;
    let csv = s
        .download("/people.csv?origin_company=Browser+Labs")
        .await?;
    assert!(
        csv.starts_with("HTTP/1.1 200")
            && csv.contains("text/csv")
            && csv.contains("Bea Browser,Research engineer"),
        "{csv}"
    );

    // A viewer sees the person, never the pay.
    s.log_out().await?;
    s.log_in("viewer@example.com").await?;
    s.visit(&person_url).await?;
    let page = s.source().await?;
    assert!(
        page.contains("Bea Browser") && !page.contains("400,000") && !page.contains("Pay reports")
    );
    assert!(
        s.browser
            .find(Locator::LinkText("Add pay report"))
            .await
            .is_err(),
        "no editing for viewers"
    );
    s.shot("person-as-viewer").await?;
    Ok(())
}
