//! The account, user, webhook and API pages in German, whose words run longer than English
//! ones, still fit a phone and a laptop without scrolling sideways.

use super::Session;

/// Pages an admin reading German has; the phone sizes are those of `phones`.
const PAGES: [&str; 7] = [
    "/account",
    "/account/password",
    "/account/tokens/new",
    "/users",
    "/webhooks",
    "/webhooks/new",
    "/api/docs",
];

pub(super) async fn fit_in_german(s: &Session) -> anyhow::Result<()> {
    s.log_in("admin@example.com").await?;
    for (width, height) in [(360, 800), (390, 844), (1366, 768)] {
        s.resize(width, height).await?;
        for page in PAGES {
            s.open(page).await?;
            s.fits(page).await?;
        }
        if width == 360 {
            s.open("/account").await?;
            s.shot("phone-account-de").await?;
        }
    }
    s.open("/account").await?;
    assert_eq!(s.text("h1").await?, "Ihr Konto");
    Ok(())
}
