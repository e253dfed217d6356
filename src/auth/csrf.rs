//! CSRF protection for every state-changing request, in one place: a request that does not
//! carry the session's token as the first field of its form is sent to a route answering 403,
//! before any handler sees it. New routes are protected without doing anything.

use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::{Method, Status};
use rocket::response::content::RawHtml;
use rocket::{Data, Request, Route, post, routes};

use rocket::request::{FromRequest, Outcome};

use super::events::{EventSource, SecurityEvent};
use super::guards::{Asker, session_of};
use crate::views::ErrorPage;

/// The form field every state-changing form sends first.
pub const FIELD: &str = "csrf_token";
/// Before login there is no session: the login form's token lives in this private cookie.
pub const LOGIN_COOKIE: &str = "tt_login_csrf";
const REJECTED: &str = "/csrf-rejected";
const UNAVAILABLE: &str = "/database-unavailable";
const API_UNAUTHORIZED: &str = "/api/token-required";

/// The token for a form shown to someone not logged in (the login, a one-time link's page):
/// it waits in a private cookie until the form comes back.
pub fn anonymous_token(cookies: &rocket::http::CookieJar<'_>) -> String {
    let token = super::random_token();
    cookies.add_private(
        rocket::http::Cookie::build((LOGIN_COOKIE, token.clone()))
            .same_site(rocket::http::SameSite::Lax)
            .http_only(true),
    );
    token
}

pub struct CsrfCheck;

#[rocket::async_trait]
impl Fairing for CsrfCheck {
    fn info(&self) -> Info {
        Info {
            name: "CSRF check",
            kind: Kind::Request,
        }
    }

    async fn on_request(&self, request: &mut Request<'_>, data: &mut Data<'_>) {
        if matches!(
            request.method(),
            Method::Get | Method::Head | Method::Options
        ) {
            return;
        }
        // A bearer token is not sent by browsers on their own, so a forged request cannot
        // carry one: the API's writes need no CSRF token. Only there, and only with one (the
        // API never takes the session cookie, `bearer::ApiCaller`).
        if request.uri().path().starts_with("/api/") {
            match super::bearer::bearer_of(request) {
                Some(_) => return,
                // Nothing under /api/ takes the session: without a token it is a 401, whatever
                // cookie or form token came along, and no handler sees it.
                None => return divert(request, API_UNAUTHORIZED),
            }
        }
        let expected = match session_of(request).await {
            Asker::User(user) => Some(user.csrf_token),
            Asker::Anonymous => request
                .cookies()
                .get_private(LOGIN_COOKIE)
                .map(|c| c.value().to_owned()),
            // The token cannot be checked while the database is down: nothing is done.
            Asker::Unknown => return divert(request, UNAVAILABLE),
        };
        let presented = token_in(data.peek(512).await);
        let valid = matches!((&expected, &presented), (Some(e), Some(p)) if constant_time_eq(e.as_bytes(), p.as_bytes()));
        if !valid {
            let user = match session_of(request).await {
                Asker::User(user) => Some(user.actor().to_owned()),
                _ => None,
            };
            EventSource::of(request).record(SecurityEvent::CsrfRejected, user.as_deref());
            divert(request, REJECTED);
        }
    }
}

/// Sends a request to one of this fairing's answers, marked so that only a request sent there
/// by the fairing is answered (posted there directly, they are 404s like any unknown path).
fn divert(request: &mut Request<'_>, to: &'static str) {
    request.local_cache(|| Diverted(Some(to)));
    request.set_method(Method::Post);
    request.set_uri(rocket::http::uri::Origin::parse(to).expect("a valid path"));
}

/// Where the fairing sent this request, if it did.
struct Diverted(Option<&'static str>);

/// Admits only requests the fairing diverted to the route's own path.
struct SentHere;

#[rocket::async_trait]
impl<'r> FromRequest<'r> for SentHere {
    type Error = ();

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, ()> {
        let Diverted(to) = request.local_cache(|| Diverted(None));
        if *to == Some(request.uri().path().as_str()) {
            Outcome::Success(SentHere)
        } else {
            Outcome::Forward(Status::NotFound)
        }
    }
}

/// The token at the start of a form body, url-encoded or multipart.
fn token_in(start: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(start);
    let value = if let Some(rest) = text.strip_prefix(&format!("{FIELD}=")) {
        rest.split('&').next()?.to_owned()
    } else {
        let after = text.split_once(&format!("name=\"{FIELD}\""))?.1;
        after
            .split_once("\r\n\r\n")?
            .1
            .split("\r\n")
            .next()?
            .to_owned()
    };
    (value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit())).then_some(value)
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[post("/csrf-rejected")]
fn rejected(_sent: SentHere, locale: crate::i18n::Locale) -> (Status, RawHtml<String>) {
    let message = locale.t("error-csrf");
    let body = askama::Template::render(&ErrorPage::new(Status::Forbidden, &message, locale))
        .unwrap_or_else(|_| message.clone());
    (Status::Forbidden, RawHtml(body))
}

#[post("/database-unavailable")]
fn unavailable(_sent: SentHere) -> crate::error::AppError {
    crate::error::AppError::DatabaseDown
}

#[post("/api/token-required")]
fn api_unauthorized(_sent: SentHere) -> crate::api::problem::Problem {
    crate::api::problem::Problem::new(
        Status::Unauthorized,
        "Send a live API token: Authorization: Bearer tt_…",
    )
}

pub fn routes() -> Vec<Route> {
    routes![rejected, unavailable, api_unauthorized]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_token_first_in_either_encoding() {
        let token = "a".repeat(64);
        assert_eq!(
            token_in(format!("csrf_token={token}&name=x").as_bytes()),
            Some(token.clone())
        );
        let multipart = format!(
            "--b\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{token}\r\n--b"
        );
        assert_eq!(token_in(multipart.as_bytes()), Some(token));
        assert_eq!(token_in(b"name=x&csrf_token=zz"), None);
        assert_eq!(token_in(b""), None);
    }
}
