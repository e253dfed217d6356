//! Signing in through the OpenID provider (tests/oidc/provider.mjs) in the browser: the login
//! page's button, the provider's own page, and back on the dashboard with the mapped role.

use fantoccini::Locator;

use super::session::{Session, until};

pub(super) async fn signs_in_as_a_recruiter(s: &Session) -> anyhow::Result<()> {
    s.open("/login").await?;
    s.shot("sso-login").await?;
    s.follow("Sign in with Test ID").await?;
    // The provider's page, on its own port.
    s.fill("login", "rita@example.com").await?;
    let button = s.element(Locator::Id("sign-in")).await?;
    s.leave_by(&button).await?;
    until("the dashboard", || async {
        let url = s.browser.current_url().await?;
        Ok((url.as_str() == format!("{}/", s.base)).then_some(()))
    })
    .await?;
    let heading = s.text("h1").await?;
    anyhow::ensure!(heading == "Dashboard", "landed on {heading:?}");
    let who = s.text(".who span").await?;
    anyhow::ensure!(who == "Rita · Recruiter", "the header says {who:?}");
    s.shot("sso-dashboard").await
}
