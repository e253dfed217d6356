//! The browser session the walks drive, and the one way they wait: for a condition, polled
//! until it holds or a generous deadline passes. A loaded machine is slow, not wrong, so no
//! step waits a fixed time or trusts the browser to have finished by itself.

use std::future::Future;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};

use crate::common::PASSWORD;

/// How long any awaited condition may take. A condition that holds ends the wait at once, so
/// this costs nothing when all is well; it only has to outlast a busy 2-core machine running
/// the whole suite (a debug build hashing passwords, Chromium starting, Postgres busy).
pub(super) const DEADLINE: Duration = Duration::from_secs(120);

/// How often a condition is asked again.
const POLL: Duration = Duration::from_millis(100);

/// Asks `check` until it gives a value, and fails after `DEADLINE` naming `what` it waited
/// for and the last answer. An error from `check` counts as "not yet": while a page is
/// replaced, WebDriver answers with stale elements and vanished script contexts.
pub(super) async fn until<T, F, Fut>(what: &str, mut check: F) -> anyhow::Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = anyhow::Result<Option<T>>>,
{
    let start = Instant::now();
    loop {
        let last = match check().await {
            Ok(Some(value)) => return Ok(value),
            Ok(None) => "not yet".to_owned(),
            Err(e) => format!("{e:#}"),
        };
        if start.elapsed() > DEADLINE {
            anyhow::bail!("waited {DEADLINE:?} for {what}; last: {last}");
        }
        rocket::tokio::time::sleep(POLL).await;
    }
}

/// Waits until something listens on a loopback port.
pub(super) async fn listening(port: u16) -> anyhow::Result<()> {
    until(
        &format!("something to listen on port {port}"),
        || async move { Ok(TcpStream::connect(("127.0.0.1", port)).ok().map(|_| ())) },
    )
    .await
}

pub(super) struct Session {
    pub browser: Client,
    pub base: String,
    pub shots: PathBuf,
    /// The first-run link the served app printed, when it had no users.
    pub setup_link: Option<String>,
}

impl Session {
    pub async fn open(&self, path: &str) -> anyhow::Result<()> {
        self.visit(&format!("{}{path}", self.base)).await
    }

    /// Opens a full URL the app printed or showed, and waits for its page.
    pub async fn visit(&self, url: &str) -> anyhow::Result<()> {
        self.browser.goto(url).await?;
        self.loaded().await
    }

    /// The element `locator` finds, once the page has it.
    pub async fn element(&self, locator: Locator<'_>) -> anyhow::Result<Element> {
        until(&format!("an element at {locator:?}"), || async move {
            Ok(Some(self.browser.find(locator).await?))
        })
        .await
    }

    pub async fn fill(&self, field: &str, value: &str) -> anyhow::Result<()> {
        let input = self.element(Locator::Id(field)).await?;
        input.clear().await?;
        Ok(input.send_keys(value).await?)
    }

    pub async fn choose(&self, field: &str, value: &str) -> anyhow::Result<()> {
        let select = self.element(Locator::Id(field)).await?;
        Ok(select.select_by_value(value).await?)
    }

    /// Submits a form and waits for the page that answers it.
    pub async fn submit(&self, form: &str) -> anyhow::Result<()> {
        let css = format!("{form} button[type=submit]");
        self.leave_by(&self.element(Locator::Css(&css)).await?)
            .await
    }

    /// Follows a link and waits for its page.
    pub async fn follow(&self, text: &str) -> anyhow::Result<()> {
        self.leave_by(&self.element(Locator::LinkText(text)).await?)
            .await
    }

    /// Clicks what leads to another page (a link, a form's button) and waits for that page:
    /// the current one is marked, so the wait cannot mistake it for its successor.
    pub async fn leave_by(&self, clicked: &Element) -> anyhow::Result<()> {
        self.browser
            .execute("document.body.dataset.leaving = 'yes'", vec![])
            .await?;
        clicked.click().await?;
        self.loaded().await
    }

    /// Waits until the page in the window is a new one (no leaving mark) and fully loaded.
    async fn loaded(&self) -> anyhow::Result<()> {
        let script = "return document.readyState === 'complete' && !!document.body \
                      && !document.body.dataset.leaving";
        until("the next page to load", || async {
            let done = self.browser.execute(script, vec![]).await?;
            Ok((done.as_bool() == Some(true)).then_some(()))
        })
        .await
    }

    /// Resizes the window and waits until the page has the new width.
    pub async fn resize(&self, width: u32, height: u32) -> anyhow::Result<()> {
        self.browser.set_window_size(width, height).await?;
        until(&format!("the window to be {width} px wide"), || async {
            let inner = self
                .browser
                .execute("return window.innerWidth", vec![])
                .await?;
            Ok((inner.as_u64() == Some(u64::from(width))).then_some(()))
        })
        .await
    }

    /// Waits until `element` is shown (a menu that unfolds).
    pub async fn shown(&self, element: &Element, what: &str) -> anyhow::Result<()> {
        until(what, || async {
            Ok(element.is_displayed().await?.then_some(()))
        })
        .await
    }

    pub async fn text(&self, css: &str) -> anyhow::Result<String> {
        Ok(self.element(Locator::Css(css)).await?.text().await?)
    }

    pub async fn source(&self) -> anyhow::Result<String> {
        Ok(self.browser.source().await?)
    }

    pub async fn shot(&self, name: &str) -> anyhow::Result<()> {
        let png = self.browser.screenshot().await?;
        Ok(std::fs::write(self.shots.join(format!("{name}.png")), png)?)
    }

    pub async fn log_in(&self, email: &str) -> anyhow::Result<()> {
        self.open("/login").await?;
        self.log_in_here(email).await
    }

    /// Fills in the login form already on screen.
    pub async fn log_in_here(&self, email: &str) -> anyhow::Result<()> {
        self.log_in_with(email, PASSWORD).await
    }

    pub async fn log_in_with(&self, email: &str, password: &str) -> anyhow::Result<()> {
        self.fill("email", email).await?;
        self.fill("password", password).await?;
        self.submit("form.record").await
    }

    pub async fn log_out(&self) -> anyhow::Result<()> {
        self.submit("form.who").await
    }

    /// Downloads a file with this browser's session, as the download link would.
    pub async fn download(&self, path: &str) -> anyhow::Result<String> {
        let cookie = self.browser.get_named_cookie("tt_session").await?;
        let port = self.base.rsplit(':').next().unwrap_or_default();
        let mut stream = TcpStream::connect(format!("127.0.0.1:{port}"))?;
        // The answer ends when the server closes the connection; a hung server fails the test.
        stream.set_read_timeout(Some(DEADLINE))?;
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
