//! Security events in the log, under the target `security`: what happened, to whom, from which
//! address, on which route. Never a password, a token or a session id; what a client typed
//! (an e-mail, a path) is quoted with its control characters escaped, so no line can be forged.

use std::fmt;

use rocket::Request;
use rocket::request::{FromRequest, Outcome};

use super::client_address::ClientAddress;

/// The log target of security events, for routing them to an audit sink.
pub const TARGET: &str = "security";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecurityEvent {
    LoginSucceeded,
    LoginFailed,
    LoginThrottled,
    /// A logged-in user asked for what their role does not allow.
    RoleDenied,
    /// A state-changing request without the session's CSRF token.
    CsrfRejected,
    /// The first admin was made with the setup link.
    SetupCompleted,
    /// A user set their password with a one-time link.
    PasswordSetByLink,
    /// A setup or password link that opens nothing: used, expired, or guessed.
    LinkRefused,
    /// A sign-in through the OpenID provider refused: a wrong state, a used or expired code or
    /// ID token, an unverified e-mail, or a user who may not come in.
    SsoRefused,
    /// A bearer token that opens nothing: unknown, revoked, expired, or its user inactive.
    ApiTokenRefused,
    /// A bearer token not even checked: its address failed too often.
    ApiTokenThrottled,
}

impl SecurityEvent {
    fn name(self) -> &'static str {
        match self {
            SecurityEvent::LoginSucceeded => "login_succeeded",
            SecurityEvent::LoginFailed => "login_failed",
            SecurityEvent::LoginThrottled => "login_throttled",
            SecurityEvent::RoleDenied => "role_denied",
            SecurityEvent::CsrfRejected => "csrf_rejected",
            SecurityEvent::SetupCompleted => "setup_completed",
            SecurityEvent::PasswordSetByLink => "password_set_by_link",
            SecurityEvent::LinkRefused => "link_refused",
            SecurityEvent::SsoRefused => "sso_refused",
            SecurityEvent::ApiTokenRefused => "api_token_refused",
            SecurityEvent::ApiTokenThrottled => "api_token_throttled",
        }
    }
}

/// One event as its log line says it.
pub struct EventLine<'a> {
    pub event: SecurityEvent,
    /// The account named: the logged-in user, or the e-mail a login gave.
    pub user: Option<&'a str>,
    pub address: String,
    /// The route's pattern where Rocket matched one (`POST /people/<id>/edit`), else the path.
    pub route: String,
}

/// Client-supplied text in a line: at most this many characters, escaped by `{:?}`.
const QUOTED_MAX: usize = 254;

fn quoted(text: &str) -> String {
    let cut: String = text.chars().take(QUOTED_MAX).collect();
    format!("{cut:?}")
}

impl fmt::Display for EventLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let user = self.user.map_or_else(|| "-".to_owned(), quoted);
        write!(
            f,
            "event={} user={user} address={} route={}",
            self.event.name(),
            self.address,
            quoted(&self.route)
        )
    }
}

/// Where a request came from and what it asked for, to name in its events; also a request
/// guard, for handlers that record events.
pub struct EventSource {
    address: String,
    route: String,
}

impl EventSource {
    pub fn of(request: &Request<'_>) -> EventSource {
        let address = ClientAddress::of(request).to_string();
        let route = match request.route() {
            Some(route) => format!("{} {}", route.method, route.uri),
            None => format!("{} {}", request.method(), request.uri().path()),
        };
        EventSource { address, route }
    }

    /// Logs `event`: successes at info, refusals at warn.
    pub fn record(&self, event: SecurityEvent, user: Option<&str>) {
        let line = EventLine {
            event,
            user,
            address: self.address.clone(),
            route: self.route.clone(),
        };
        match event {
            SecurityEvent::LoginSucceeded
            | SecurityEvent::SetupCompleted
            | SecurityEvent::PasswordSetByLink => log::info!(target: TARGET, "{line}"),
            _ => log::warn!(target: TARGET, "{line}"),
        }
    }
}

/// Records a refusal (403) of the user this request's session names, for handlers that refuse
/// past the role guards (an import that is not theirs).
pub fn record_denial(request: &Request<'_>) {
    if let Some(user) = super::guards::known_user(request) {
        EventSource::of(request).record(SecurityEvent::RoleDenied, Some(user.actor()));
    }
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for EventSource {
    type Error = std::convert::Infallible;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        Outcome::Success(EventSource::of(request))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_names_the_event_user_address_and_route_and_cannot_be_forged() {
        let line = EventLine {
            event: SecurityEvent::LoginFailed,
            user: Some("eve@example.com\nevent=login_succeeded"),
            address: "192.0.2.7".into(),
            route: "POST /login".into(),
        }
        .to_string();
        assert_eq!(
            line,
            "event=login_failed user=\"eve@example.com\\nevent=login_succeeded\" \
             address=192.0.2.7 route=\"POST /login\""
        );
        assert!(!line.contains('\n'));
    }

    #[test]
    fn client_text_is_cut_short() {
        let long = "a".repeat(10_000);
        let line = EventLine {
            event: SecurityEvent::CsrfRejected,
            user: None,
            address: "unknown".into(),
            route: long,
        }
        .to_string();
        assert!(line.len() < 400, "{}", line.len());
        assert!(line.contains("user=-"));
    }
}
