//! A German recruiter's day in Chromium started in German: the login page follows the browser,
//! a person and a pay report typed the German way (`1.234.567,89`, `01.07.2026`), shown back in
//! German formats, a report, and the German-Excel export with German dates and decimal commas.

use fantoccini::Locator;

use super::session::Session;

async fn page_language(s: &Session) -> anyhow::Result<Option<String>> {
    Ok(s.element(Locator::Css("html")).await?.attr("lang").await?)
}

pub async fn a_day_in_german(s: &Session) -> anyhow::Result<()> {
    // Nobody is logged in: the browser's language decides.
    s.open("/login").await?;
    assert_eq!(page_language(s).await?.as_deref(), Some("de"));
    assert_eq!(s.text("h1").await?, "Anmelden");
    s.shot("de-login").await?;
    s.log_in_here("recruiter@example.com").await?;
    assert_eq!(page_language(s).await?.as_deref(), Some("de"));
    assert_eq!(s.text("nav a[href='/people']").await?, "Personen");

    // A person, with a date typed into Chromium's German date field (TT.MM.JJJJ).
    s.open("/people/new").await?;
    s.fill("full_name", "Jürgen Müller").await?;
    s.choose("stage", "offer").await?;
    s.fill("offer_on", "01.07.2026").await?;
    let typed = s
        .element(Locator::Id("offer_on"))
        .await?
        .prop("value")
        .await?;
    anyhow::ensure!(
        typed.as_deref() == Some("2026-07-01"),
        "the date field holds {typed:?}"
    );
    s.submit("form.record").await?;
    assert_eq!(s.text("h1").await?, "Jürgen Müller");
    let person = s.browser.current_url().await?;
    let page = s.source().await?;
    anyhow::ensure!(page.contains("01.07.2026"), "the offer date in German");

    // A pay report with German amounts in text fields and a German date.
    s.open(&format!("{}/pay/new", person.path())).await?;
    s.choose("kind", "offered").await?;
    s.fill("currency", "EUR").await?;
    s.fill("amount_low", "1.234.567,89").await?;
    s.fill("base", "250000,00").await?;
    s.choose("period", "annual").await?;
    s.fill("as_of", "01.07.2026").await?;
    s.choose("confidence", "confirmed").await?;
    s.submit("form.record").await?;
    assert_eq!(s.text("h1").await?, "Jürgen Müller");
    let page = s.source().await?;
    anyhow::ensure!(page.contains("1.234.567,89"), "the amount in German");
    anyhow::ensure!(!page.contains("1,234,567.89"), "never the English way");
    s.shot("de-person").await?;

    // A report, in German.
    s.open("/reports/compensation").await?;
    assert_eq!(page_language(s).await?.as_deref(), Some("de"));
    s.shot("de-report").await?;

    // The German-Excel export: semicolons, decimal commas, DD.MM.YYYY.
    let csv = s.download("/pay-reports.csv?for=excel-de").await?;
    assert!(csv.starts_with("HTTP/1.1 200"), "{csv}");
    assert!(
        csv.contains("1234567,89") && csv.contains("01.07.2026"),
        "{csv}"
    );
    Ok(())
}
