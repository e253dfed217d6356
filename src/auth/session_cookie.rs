//! The session cookie: a private cookie holding only the session id, flagged by the setting.

use rocket::http::{Cookie, CookieJar, SameSite};

use super::session_lifetime;

/// How the session cookie is written, as managed state (`AppConfig::secure_cookies`).
#[derive(Debug, Clone, Copy)]
pub struct SessionCookie {
    secure: bool,
}

impl SessionCookie {
    /// With `secure`, the cookie is `Secure` even when a proxy terminates TLS (Rocket only sets
    /// it when it serves TLS itself), and its `__Host-` prefix makes browsers refuse it over
    /// plain http, from a subdomain, or with another path.
    pub fn new(secure: bool) -> Self {
        SessionCookie { secure }
    }

    /// Whether the site is reached over https (through a proxy that terminates TLS).
    pub fn secure(self) -> bool {
        self.secure
    }

    pub fn name(self) -> &'static str {
        if self.secure {
            "__Host-tt_session"
        } else {
            "tt_session"
        }
    }

    /// The session id the browser sent, if any.
    pub fn id(self, cookies: &CookieJar<'_>) -> Option<String> {
        cookies
            .get_private(self.name())
            .map(|c| c.value().to_owned())
    }

    pub fn set(self, cookies: &CookieJar<'_>, id: String) {
        cookies.add_private(self.cookie(id));
    }

    pub fn remove(self, cookies: &CookieJar<'_>) {
        // A `__Host-` cookie is only replaced (here: expired) by one with the same flags.
        cookies.remove_private(self.cookie(String::new()));
    }

    fn cookie(self, value: String) -> Cookie<'static> {
        // The browser keeps it exactly as long as the server may accept it: the idle timeout
        // is the server's to enforce, since each request would otherwise have to renew it.
        let lifetime = rocket::time::Duration::seconds(session_lifetime().absolute.num_seconds());
        let cookie = Cookie::build((self.name(), value))
            .path("/")
            .same_site(SameSite::Lax)
            .http_only(true)
            .max_age(lifetime)
            .expires(rocket::time::OffsetDateTime::now_utc() + lifetime);
        if self.secure {
            cookie.secure(true).build()
        } else {
            cookie.build()
        }
    }
}
