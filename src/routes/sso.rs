//! Signing in through the OpenID provider: `/sso/start` sends the browser there with a fresh
//! state, nonce and PKCE challenge; `/sso/callback` takes the code back, has it exchanged and
//! its ID token checked, matches the user by verified e-mail and starts the same session a
//! password login starts.

use rocket::http::CookieJar;
use rocket::response::Redirect;
use rocket::response::content::RawHtml;
use rocket::{Responder, Route, State, get, routes};

use super::sessions::{page, start_session};
use crate::auth::events::{EventSource, SecurityEvent};
use crate::auth::sso::flow::{PendingSignIn, same_issuer, same_state};
use crate::auth::sso::provider::{Identity, Provider, SsoError};
use crate::auth::sso::{RoleRule, Sso};
use crate::auth::{SessionCookie, password, random_token};
use crate::db::Db;
use crate::domain::{Email, LocalPath};
use crate::error::AppError;
use crate::models::User;
use crate::models::sso_identity::{SsoAdmission, SsoIdentity};

pub fn routes() -> Vec<Route> {
    routes![start, callback]
}

/// Longest `code`, `state` or error text taken from the provider's redirect: more is no
/// answer of a provider.
const PARAM_MAX: usize = 2048;

/// OpenID Connect Core 2: a subject is at most 255 ASCII characters.
const SUBJECT_MAX: usize = 255;

#[derive(Responder)]
enum SsoResponse {
    Redirect(Box<Redirect>),
    /// The answer does not belong to a sign-in this browser started (state, no cookie).
    #[response(status = 400)]
    Mismatch(RawHtml<String>),
    /// The provider refused, or its code or ID token did not pass.
    #[response(status = 401)]
    Refused(RawHtml<String>),
    /// The provider vouches for the person, but they may not come in.
    #[response(status = 403)]
    Forbidden(RawHtml<String>),
    #[response(status = 404)]
    NotConfigured(()),
    #[response(status = 503)]
    Unreachable(RawHtml<String>),
}

#[get("/sso/start?<next>")]
async fn start(
    locale: crate::i18n::Locale,
    sso: &State<Sso>,
    session_cookie: &State<SessionCookie>,
    cookies: &CookieJar<'_>,
    next: Option<LocalPath>,
) -> Result<SsoResponse, AppError> {
    let Some(provider) = sso.0.clone() else {
        return Ok(SsoResponse::NotConfigured(()));
    };
    let next = next.map_or_else(|| "/".to_owned(), LocalPath::into_inner);
    match provider.start(next.clone()).await {
        Ok((url, pending)) => {
            pending.keep(cookies, session_cookie.secure());
            Ok(SsoResponse::Redirect(Box::new(Redirect::to(url))))
        }
        Err(e) => {
            log::warn!("single sign-on could not start: {e}");
            let why = locale.t1(
                "login-sso-unreachable-start",
                "provider",
                &provider.settings.name,
            );
            Ok(SsoResponse::Unreachable(page(
                cookies,
                sso,
                "",
                &next,
                Some(why),
                None,
                locale,
            )?))
        }
    }
}

/// The provider's answer: `code` and `state`, or `error` when the user or the provider
/// called the sign-in off; `iss` (RFC 9207) when the provider names itself in it.
#[allow(clippy::too_many_arguments)]
#[get("/sso/callback?<code>&<state>&<error>&<iss>")]
async fn callback(
    locale: crate::i18n::Locale,
    db: &State<Db>,
    sso: &State<Sso>,
    session_cookie: &State<SessionCookie>,
    cookies: &CookieJar<'_>,
    events: EventSource,
    code: Option<&str>,
    state: Option<&str>,
    error: Option<&str>,
    iss: Option<&str>,
) -> Result<SsoResponse, AppError> {
    let Some(provider) = sso.0.clone() else {
        return Ok(SsoResponse::NotConfigured(()));
    };
    let pending = PendingSignIn::take(cookies);
    let next = pending.as_ref().map_or("/", |p| p.next.as_str()).to_owned();
    let show = |why: String| page(cookies, sso, "", &next, Some(why), None, locale);
    let refuse = |why: &str| {
        events.record(SecurityEvent::SsoRefused, None);
        log::warn!("single sign-on refused: {why}");
    };
    let too_long = [code, state, error, iss]
        .iter()
        .any(|p| p.is_some_and(|p| p.len() > PARAM_MAX));
    let (Some(pending), Some(code), Some(state), false) = (pending, code, state, too_long) else {
        let why = match error {
            // Only an error code as OAuth names them is shown back: a link anyone can make
            // must not put words of their choosing on this site's page.
            Some(error) if is_error_code(error) => {
                refuse(&format!("the provider answered {error:?}"));
                locale.t2(
                    "login-sso-not-signed-in",
                    &("provider", &provider.settings.name),
                    &("error", error),
                )
            }
            _ => {
                refuse("an answer without its sign-in");
                locale.t("login-sso-not-started-or-slow")
            }
        };
        return Ok(SsoResponse::Mismatch(show(why)?));
    };
    if !same_state(&pending.state, state) {
        refuse("the state does not match");
        let why = locale.t("login-sso-not-started");
        return Ok(SsoResponse::Mismatch(show(why)?));
    }
    // A provider that names itself must be ours; one that does not is taken at its word, as
    // before RFC 9207 (its metadata's flag for it is not read).
    if iss.is_some_and(|iss| !same_issuer(&provider.settings.issuer, iss)) {
        refuse("the iss does not name the provider");
        let why = "This sign-in was not started here: start again.".to_owned();
        return Ok(SsoResponse::Mismatch(show(why)?));
    }
    let identity = match provider.finish(pending, code.to_owned()).await {
        Ok(identity) => identity,
        Err(SsoError::Unreachable(e)) => {
            log::warn!("single sign-on: {e}");
            let why = locale.t1("login-sso-unreachable", "provider", &provider.settings.name);
            return Ok(SsoResponse::Unreachable(show(why)?));
        }
        Err(e) => {
            refuse(&e.to_string());
            let why = locale.t1("login-sso-not-vouched", "provider", &provider.settings.name);
            return Ok(SsoResponse::Refused(show(why)?));
        }
    };
    let (email, why_not) = admit(db, &provider, &identity, locale).await?;
    let user = match why_not {
        Ok(user) => user,
        Err(why) => {
            events.record(SecurityEvent::SsoRefused, email.as_deref());
            return Ok(SsoResponse::Forbidden(show(why)?));
        }
    };
    let id = start_session(db, session_cookie.id(cookies), None, user.id).await?;
    events.record(SecurityEvent::LoginSucceeded, Some(&user.email));
    cookies.remove_private(crate::auth::csrf::LOGIN_COOKIE);
    session_cookie.set(cookies, id);
    Ok(SsoResponse::Redirect(Box::new(Redirect::to(next))))
}

/// `access_denied`, `login_required`, ...: RFC 6749's error codes and their kind.
fn is_error_code(error: &str) -> bool {
    (1..=64).contains(&error.len()) && error.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

/// The user the provider's identity opens, or why it opens none, told to the person in words.
async fn admit(
    db: &Db,
    provider: &Provider,
    identity: &Identity,
    locale: crate::i18n::Locale,
) -> Result<(Option<String>, Result<User, String>), AppError> {
    let name = provider.settings.name.clone();
    let Some(email) = identity.email.clone() else {
        return Ok((
            None,
            Err(locale.t1("login-sso-no-email", "provider", &name)),
        ));
    };
    // The provider's word, but still no account's e-mail unless it is one (the table's CHECK
    // would otherwise answer with a 500), and no subject longer than OpenID allows.
    let Ok(email) = Email::parse(&email).map(Email::into_inner) else {
        return Ok((
            None,
            Err(locale.t2(
                "login-sso-unusable-email",
                &("provider", &name),
                &("email", format!("{email:?}")),
            )),
        ));
    };
    if identity.subject.len() > SUBJECT_MAX {
        return Ok((
            Some(email),
            Err(locale.t1("login-sso-subject-too-long", "provider", &name)),
        ));
    }
    if !identity.email_verified {
        return Ok((
            Some(email.clone()),
            Err(locale.t2(
                "login-sso-unverified",
                &("provider", &name),
                &("email", &email),
            )),
        ));
    }
    let rule: RoleRule = provider.settings.roles.clone();
    let claims = identity.claims.clone();
    let (issuer, subject) = (identity.issuer.clone(), identity.subject.clone());
    let display_name = identity
        .name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| email.clone())
        .chars()
        .take(200)
        .collect::<String>();
    // A new account gets a password nobody knows (the table holds only argon2 hashes); the
    // hash takes tens of milliseconds, spent only on someone not known yet.
    let lookup = email.clone();
    let known = db
        .run(move |c| Ok(User::find_by_email(c, &lookup)?.is_some()))
        .await?;
    let unusable = if known {
        String::new()
    } else {
        password::hash_off_thread(random_token()).await?
    };
    let matched = email.clone();
    let admission = db
        .run_as(&email, move |c| {
            Ok(SsoIdentity::admit(
                c,
                &issuer,
                &subject,
                &matched,
                &display_name,
                |known| rule.decide(&claims, known),
                &unusable,
            )?)
        })
        .await?;
    let why = match admission {
        SsoAdmission::Admitted(user) => return Ok((Some(email), Ok(user))),
        SsoAdmission::Unknown => locale.t1("login-sso-unknown", "email", &email),
        SsoAdmission::Deactivated => locale.t1("login-sso-deactivated", "email", &email),
        SsoAdmission::NoRole => locale.t2(
            "login-sso-no-role",
            &("provider", &name),
            &("email", &email),
        ),
    };
    Ok((Some(email), Err(why)))
}
