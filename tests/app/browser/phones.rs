//! The same app at phone width: no page scrolls sideways (a wide table scrolls in its own box),
//! the folded menu opens and leads somewhere, and charts come in their narrow drawing with
//! type big enough to read.

use fantoccini::Locator;

use super::Session;

/// The narrowest phones in use, and a common one.
const PHONES: [(u32, u32); 2] = [(360, 800), (390, 844)];

/// The narrow chart's labels are 20 / 1.24 px in a drawing 420 px wide (src/charts.rs).
const NARROW_CHART: (f64, f64) = (20.0 / 1.24, 420.0);

impl Session {
    /// Fails if the page is wider than the window, that is, would scroll sideways.
    pub(super) async fn fits(&self, page: &str) -> anyhow::Result<()> {
        let widths = self
            .browser
            .execute(
                "return [document.documentElement.scrollWidth, window.innerWidth]",
                vec![],
            )
            .await?;
        let (page_width, window): (u64, u64) = serde_json::from_value(widths)?;
        anyhow::ensure!(
            page_width <= window,
            "{page} is {page_width} px wide in a {window} px window"
        );
        Ok(())
    }

    /// Opens the folded menu; on a wide screen there is nothing to open.
    async fn open_menu(&self) -> anyhow::Result<()> {
        let button = self.element(Locator::Css("label.menu-button")).await?;
        if button.is_displayed().await? {
            button.click().await?;
            let menu = self.element(Locator::Css(".menu-body")).await?;
            self.shown(&menu, "the folded menu to open").await?;
        }
        Ok(())
    }

    async fn log_out_by_menu(&self) -> anyhow::Result<()> {
        self.open_menu().await?;
        self.log_out().await
    }
}

pub(super) async fn on_phones(s: &Session) -> anyhow::Result<()> {
    s.open("/people").await?;
    let person = s
        .element(Locator::LinkText("Bea Browser"))
        .await?
        .attr("href")
        .await?
        .unwrap_or_default();
    s.open("/companies").await?;
    let company = s
        .element(Locator::LinkText("Browser Labs"))
        .await?
        .attr("href")
        .await?
        .unwrap_or_default();
    s.log_out_by_menu().await?;
    let pages = [
        "/",
        "/people",
        &person,
        &format!("{person}/edit"),
        &format!("{person}/pay/new"),
        "/people/new",
        "/companies",
        &company,
        "/companies/new",
        "/reports",
        "/reports/talent-flow",
        "/reports/compensation",
        "/reports/pipeline",
        "/reports/timeline",
        "/reports/offers",
        "/exchange-rates",
        "/exchange-rates/new",
        "/import",
        "/import/batches",
        "/audit",
        "/account/password",
    ];
    for (width, height) in PHONES {
        // Waits until the page is as wide as the phone.
        s.resize(width, height).await?;
        let shoot = width == PHONES[0].0;

        s.open("/login").await?;
        s.fits("/login").await?;
        if shoot {
            s.shot("phone-login").await?;
        }
        s.log_in_here("admin@example.com").await?;
        for page in pages {
            s.open(page).await?;
            s.fits(page).await?;
        }
        import_preview(s).await?;
        approval_badges(s).await?;
        narrow_charts(s, width, shoot).await?;
        if shoot {
            for (page, name) in [
                ("/", "phone-dashboard"),
                (person.as_str(), "phone-person"),
                ("/people", "phone-people"),
                ("/audit", "phone-audit"),
            ] {
                s.open(page).await?;
                s.shot(name).await?;
            }
        }

        // The menu starts folded; opened, it leads to its pages.
        s.open("/").await?;
        let people_link = s
            .element(Locator::Css(".top nav a[href='/people']"))
            .await?;
        assert!(!people_link.is_displayed().await?, "the menu starts folded");
        s.open_menu().await?;
        s.shown(&people_link, "the open menu to show its links")
            .await?;
        s.fits("/ with the menu open").await?;
        if shoot {
            s.shot("phone-menu-open").await?;
        }
        s.follow("People").await?;
        assert_eq!(s.text("h1").await?, "People");
        s.open_menu().await?;
        s.follow("Audit").await?;
        assert_eq!(s.text("h1").await?, "Audit");
        s.log_out_by_menu().await?;
        assert!(
            s.browser.current_url().await?.path().starts_with("/login"),
            "logged out through the menu"
        );
    }
    Ok(())
}

/// The demo's Meta offers on a person page: each approval badge is styled (not the plain grey
/// badge), on one line, and inside the window.
async fn approval_badges(s: &Session) -> anyhow::Result<()> {
    s.open("/people?q=Nat+Friedman").await?;
    s.follow("Nat Friedman").await?;
    s.fits("Nat Friedman's page").await?;
    let badges = s
        .browser
        .execute(
            "return [...document.querySelectorAll('.badge[class*=approval-]')].map(b => {
                 const r = b.getBoundingClientRect(), st = getComputedStyle(b);
                 return [b.className, st.color, st.whiteSpace, r.height < 2.2 * parseFloat(st.fontSize),
                         r.right <= window.innerWidth];
             })",
            vec![],
        )
        .await?;
    let badges: Vec<(String, String, String, bool, bool)> = serde_json::from_value(badges)?;
    anyhow::ensure!(
        !badges.is_empty(),
        "no approval badge on Nat Friedman's page"
    );
    for (class, color, wrap, one_line, inside) in badges {
        // The plain badge's muted grey is rgb(91, 100, 118); an approved offer's is green.
        if class.contains("approval-approved") {
            anyhow::ensure!(color == "rgb(6, 118, 71)", "{class} is {color}");
        }
        anyhow::ensure!(
            wrap == "nowrap" && one_line && inside,
            "{class} breaks or overflows"
        );
    }
    Ok(())
}

/// A file with one new person and one broken row, so the preview shows both its tables.
async fn import_preview(s: &Session) -> anyhow::Result<()> {
    let file = std::env::temp_dir().join(format!("tt-phone-{}.csv", std::process::id()));
    std::fs::write(
        &file,
        "full_name,stage,title,notes\nPhone Person With A Rather Long Name,sourced,Principal research scientist for multimodal models,https://example.com/a/very/long/address/without/any/spaces/at/all\n,nonsense,,\n",
    )?;
    s.open("/import").await?;
    s.element(Locator::Id("file"))
        .await?
        .send_keys(&file.display().to_string())
        .await?;
    s.submit("form.record").await?;
    let _ = std::fs::remove_file(&file);
    assert!(s.text("h1").await?.starts_with("Preview of"));
    s.fits("the import preview").await
}

/// Each report with a chart shows the narrow drawing, at a size where its type stays legible.
async fn narrow_charts(s: &Session, width: u32, shoot: bool) -> anyhow::Result<()> {
    for report in ["talent-flow", "compensation", "pipeline", "timeline"] {
        s.open(&format!("/reports/{report}")).await?;
        let chart = s
            .browser
            .execute(
                "const wide = document.querySelector('figure.chart svg.chart-wide');
                 const narrow = document.querySelector('figure.chart svg.chart-narrow');
                 narrow.scrollIntoView();
                 return [wide.getBoundingClientRect().width === 0,
                         narrow.getBoundingClientRect().width];",
                vec![],
            )
            .await?;
        let (narrow, shown): (bool, f64) = serde_json::from_value(chart)?;
        assert!(narrow, "{report}: the narrow chart at {width} px");
        let type_px = NARROW_CHART.0 * shown / NARROW_CHART.1;
        assert!(
            shown <= f64::from(width) && type_px >= 11.0,
            "{report}: chart {shown} px wide, its type {type_px:.1} px"
        );
        if shoot {
            s.shot(&format!("phone-report-{report}")).await?;
        }
    }
    Ok(())
}
