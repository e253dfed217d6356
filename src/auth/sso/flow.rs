//! A sign-in's secrets while the browser is at the provider: the `state` that ties the answer
//! to this browser, the nonce the ID token must carry and the PKCE verifier. They travel in a
//! private (encrypted and authenticated) cookie scoped to /sso/, good for ten minutes and
//! taken away when the browser comes back, so an answer is used at most once.

use rocket::http::{Cookie, CookieJar, SameSite};
use serde::{Deserialize, Serialize};

const COOKIE: &str = "tt_sso_flow";
const LIFETIME_MINUTES: i64 = 10;

#[derive(Debug, Serialize, Deserialize)]
pub struct PendingSignIn {
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
    /// The local path to land on afterwards.
    pub next: String,
}

impl PendingSignIn {
    /// `secure` as the session cookie is: over https only.
    pub fn keep(&self, cookies: &CookieJar<'_>, secure: bool) {
        let lifetime = rocket::time::Duration::minutes(LIFETIME_MINUTES);
        let value = serde_json::to_string(self).unwrap_or_default();
        // Lax: the provider brings the browser back with a top-level GET, which Lax lets the
        // cookie ride along with; no other site can make it ride on anything else.
        let cookie = Cookie::build((COOKIE, value))
            .path("/sso/")
            .same_site(SameSite::Lax)
            .http_only(true)
            .secure(secure)
            .max_age(lifetime);
        cookies.add_private(cookie);
    }

    /// The pending sign-in, taken away: a second answer finds none.
    pub fn take(cookies: &CookieJar<'_>) -> Option<PendingSignIn> {
        let cookie = cookies.get_private(COOKIE)?;
        cookies.remove_private(Cookie::build(COOKIE).path("/sso/"));
        serde_json::from_str(cookie.value()).ok()
    }
}

/// RFC 9207: the `iss` an authorization response carries names the provider that sent it, so
/// an answer another provider (a mix-up attacker) produced is told apart. Compared as the
/// RFC says, as simple strings, with the issuer discovery confirmed.
pub fn same_issuer(issuer: &str, returned: &str) -> bool {
    issuer == returned
}

/// Compares the `state` that came back with the one kept, in time independent of where they
/// differ.
pub fn same_state(kept: &str, returned: &str) -> bool {
    kept.len() == returned.len()
        && kept
            .bytes()
            .zip(returned.bytes())
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0
}
