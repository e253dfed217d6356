//! End to end in a real browser: Debian's headless Chromium driven through chromedriver, which
//! the test starts itself, against the app served on a loopback port. Screenshots of the key
//! pages go to target/screenshots/ for people to look at.

use std::future::Future;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use talent_tracker::auth::first_run::FirstRunLink;
use talent_tracker::domain::Role;

use crate::common::{PASSWORD, TestApp, quiet};

mod board;
mod first_run;
mod merging;
mod phones;

fn find(candidates: &[&str]) -> Option<PathBuf> {
    candidates.iter().map(PathBuf::from).find(|p| p.is_file())
}

fn free_port() -> anyhow::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn wait_for(port: u16) -> anyhow::Result<()> {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        anyhow::ensure!(
            start.elapsed() < Duration::from_secs(30),
            "nothing listens on port {port}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(())
}

/// chromedriver, stopped when the test ends however it ends.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

struct Session {
    browser: Client,
    base: String,
    shots: PathBuf,
    /// The first-run link the served app printed, when it had no users.
    setup_link: Option<String>,
}

impl Session {
    async fn open(&self, path: &str) -> anyhow::Result<()> {
        Ok(self.browser.goto(&format!("{}{path}", self.base)).await?)
    }

    /// Opens a full URL the app printed or showed.
    async fn visit(&self, url: &str) -> anyhow::Result<()> {
        Ok(self.browser.goto(url).await?)
    }

    async fn fill(&self, field: &str, value: &str) -> anyhow::Result<()> {
        let input = self.browser.find(Locator::Id(field)).await?;
        input.clear().await?;
        Ok(input.send_keys(value).await?)
    }

    async fn choose(&self, field: &str, value: &str) -> anyhow::Result<()> {
        let select = self.browser.find(Locator::Id(field)).await?;
        Ok(select.select_by_value(value).await?)
    }

    /// Submits a form and waits for the page that answers it.
    async fn submit(&self, form: &str) -> anyhow::Result<()> {
        let button = self
            .browser
            .find(Locator::Css(&format!("{form} button[type=submit]")))
            .await?;
        self.browser
            .execute("document.body.dataset.leaving = 'yes'", vec![])
            .await?;
        button.click().await?;
        self.settle().await
    }

    /// Waits until the page marked as left has been replaced by the next one.
    async fn settle(&self) -> anyhow::Result<()> {
        self.browser
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css("body:not([data-leaving])"))
            .await?;
        Ok(())
    }

    /// Follows a link and waits for its page.
    async fn follow(&self, text: &str) -> anyhow::Result<()> {
        let link = self.browser.find(Locator::LinkText(text)).await?;
        self.browser
            .execute("document.body.dataset.leaving = 'yes'", vec![])
            .await?;
        link.click().await?;
        self.settle().await
    }

    async fn text(&self, css: &str) -> anyhow::Result<String> {
        Ok(self.browser.find(Locator::Css(css)).await?.text().await?)
    }

    async fn source(&self) -> anyhow::Result<String> {
        Ok(self.browser.source().await?)
    }

    async fn shot(&self, name: &str) -> anyhow::Result<()> {
        let png = self.browser.screenshot().await?;
        Ok(std::fs::write(self.shots.join(format!("{name}.png")), png)?)
    }

    async fn log_in(&self, email: &str) -> anyhow::Result<()> {
        self.open("/login").await?;
        self.log_in_here(email).await
    }

    /// Fills in the login form already on screen.
    async fn log_in_here(&self, email: &str) -> anyhow::Result<()> {
        self.log_in_with(email, PASSWORD).await
    }

    async fn log_in_with(&self, email: &str, password: &str) -> anyhow::Result<()> {
        self.fill("email", email).await?;
        self.fill("password", password).await?;
        self.submit("form.record").await
    }

    async fn log_out(&self) -> anyhow::Result<()> {
        self.submit("form.who").await
    }

    /// Downloads a file with this browser's session, as the download link would.
    async fn download(&self, path: &str) -> anyhow::Result<String> {
        let cookie = self.browser.get_named_cookie("tt_session").await?;
        let port = self.base.rsplit(':').next().unwrap_or_default();
        let mut stream = TcpStream::connect(format!("127.0.0.1:{port}"))?;
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: tt_session={}\r\nConnection: close\r\n\r\n",
            cookie.value()
        )?;
        let mut response = String::new();
        stream.read_to_string(&mut response)?;
        Ok(response)
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
fn duplicates_are_merged_and_the_merge_undone_in_a_real_browser() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    app.add_user("recruiter@example.com", Role::Recruiter)?;
    merging::two_records_of_one_person(&app)?;
    in_browser(&app, |s| Box::pin(merging::merge_and_undo(s)))
}

#[test]
fn a_new_installation_is_set_up_in_the_browser() -> anyhow::Result<()> {
    let app = TestApp::anonymous(false)?;
    in_browser(&app, |s| Box::pin(first_run::set_up(s)))
}

/// Serves the app over `app`'s database on a loopback port, starts chromedriver and Chromium,
/// and runs `walk`; skipped without a browser (a failure under CI).
fn in_browser(app: &TestApp, walk: Walk) -> anyhow::Result<()> {
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

    let runtime = rocket::tokio::runtime::Runtime::new()?;
    let (port, driver_port) = (free_port()?, free_port()?);
    let config = talent_tracker::AppConfig {
        replica_url: None,
        database_url: app.database_url().to_owned(),
        pool_size: 4,
        demo: false,
        reporting_currency: "USD".to_owned(),
        import_limit: talent_tracker::config::ImportLimit(2),
        secret_key: None,
        proxy: None,
        secure_cookies: false,
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
    wait_for(port)?;
    let profile = std::env::temp_dir().join(format!("tt-chromium-{}-{port}", std::process::id()));
    let _driver = Driver(
        Command::new(&chromedriver)
            .arg(format!("--port={driver_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?,
    );
    wait_for(driver_port)?;

    runtime.block_on(async {
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": chromium,
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                         "--window-size=1280,1100", format!("--user-data-dir={}", profile.display())],
            }),
        );
        let browser = ClientBuilder::rustls()?.capabilities(capabilities).connect(&format!("http://127.0.0.1:{driver_port}")).await?;
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
    // On a wide screen the menu is a bar: its links show, with no button to unfold it.
    assert!(
        !s.browser
            .find(Locator::Css("label.menu-button"))
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
    let kept = s
        .browser
        .find(Locator::Id("title"))
        .await?
        .prop("value")
        .await?;
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
    s.fill("amount_high", "600000").await?;
    s.choose("period", "total").await?;
    s.fill("period_years", "4").await?;
    s.submit("form.record").await?;
    assert!(s.source().await?.contains("USD 400,000 – 600,000"));
    s.shot("person").await?;

    // The list, filtered.
    s.open("/people").await?;
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
    s.browser.goto(&person_url).await?;
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
