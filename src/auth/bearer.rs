//! Who an API request comes from: the bearer token in its `Authorization` header, and nothing
//! else. The session cookie never authorises `/api/` (a page an attacker makes could send it),
//! which is also why the API needs no CSRF token (`csrf::CsrfCheck` lets bearer requests by).

use chrono::{Duration, Utc};
use rocket::http::{Method, Status};
use rocket::request::{FromRequest, Outcome, Request};

use super::client_address::ClientAddress;
use super::events::{EventSource, SecurityEvent};
use crate::db::Db;
use crate::domain::Role;
use crate::models::{ApiToken, LoginAttempts, User};
use crate::routes::sessions::{ALLOWED_FAILURES, WINDOW_MINUTES};

/// The token's user, acting with their role, narrowed to reads by a read-only token.
#[derive(Debug, Clone)]
pub struct ApiCaller {
    pub user: User,
    pub token_id: i64,
    pub read_only: bool,
}

impl ApiCaller {
    pub fn role(&self) -> Role {
        self.user.role
    }

    /// Who the audit names for this token's changes: its user, as for their forms.
    pub fn actor(&self) -> &str {
        &self.user.email
    }
}

/// The secret of an `Authorization: Bearer` header, if the request has one.
pub fn bearer_of<'r>(request: &'r Request<'_>) -> Option<&'r str> {
    let value = request.headers().get_one("Authorization")?;
    let (scheme, secret) = value.trim().split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| secret.trim())
}

/// How a request's token check came out, once per request.
#[derive(Debug, Clone)]
enum Checked {
    Caller(ApiCaller),
    Missing,
    Refused,
    Throttled,
    Unavailable,
}

/// Whether the text could be a token at all: anything else is refused without a query (it
/// still counts as a failure).
fn well_formed(secret: &str) -> bool {
    secret
        .strip_prefix(crate::models::api_token::PREFIX)
        .is_some_and(|hex| hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

async fn check(request: &Request<'_>) -> Checked {
    let Some(secret) = bearer_of(request).map(str::to_owned) else {
        return Checked::Missing;
    };
    let Some(db) = request.rocket().state::<Db>() else {
        return Checked::Unavailable;
    };
    let address = ClientAddress::of(request).to_string();
    let since = Utc::now() - Duration::minutes(WINDOW_MINUTES);
    let checked = db
        .run(move |c| {
            if LoginAttempts::token_failures_from(c, &address, since)? >= ALLOWED_FAILURES {
                return Ok(Checked::Throttled);
            }
            let found = if well_formed(&secret) {
                ApiToken::authenticate(c, &secret)?
            } else {
                None
            };
            Ok(match found {
                Some((token, user)) => Checked::Caller(ApiCaller {
                    user,
                    token_id: token.id,
                    read_only: token.read_only,
                }),
                None => {
                    LoginAttempts::record_token_failure(c, &address)?;
                    Checked::Refused
                }
            })
        })
        .await;
    match checked {
        Ok(checked) => checked,
        Err(_) => Checked::Unavailable,
    }
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for ApiCaller {
    type Error = ();

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, ()> {
        let checked = request.local_cache_async(check(request)).await.clone();
        let events = EventSource::of(request);
        match checked {
            Checked::Caller(caller) => {
                if caller.read_only && !matches!(request.method(), Method::Get | Method::Head) {
                    events.record(SecurityEvent::RoleDenied, Some(caller.actor()));
                    return Outcome::Error((Status::Forbidden, ()));
                }
                Outcome::Success(caller)
            }
            Checked::Missing => Outcome::Error((Status::Unauthorized, ())),
            Checked::Refused => {
                events.record(SecurityEvent::ApiTokenRefused, None);
                Outcome::Error((Status::Unauthorized, ()))
            }
            Checked::Throttled => {
                events.record(SecurityEvent::ApiTokenThrottled, None);
                Outcome::Error((Status::TooManyRequests, ()))
            }
            Checked::Unavailable => Outcome::Error((Status::ServiceUnavailable, ())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_prefix_and_64_hex_digits_can_be_a_token() {
        assert!(well_formed(&format!("tt_{}", "a1".repeat(32))));
        assert!(!well_formed(&"a1".repeat(32)));
        assert!(!well_formed(&format!("tt_{}", "zz".repeat(32))));
        assert!(!well_formed("tt_"));
    }
}
