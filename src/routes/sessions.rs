//! Logging in and out.

use crate::i18n::{Locale, Msg};
use chrono::{Duration, Utc};
use diesel::Connection;
use rocket::form::{Errors, Form, FromForm};
use rocket::http::{CookieJar, Status};
use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::response::{Flash, Redirect};
use rocket::{Responder, Route, State, get, post, routes};

use crate::auth::client_address::ClientAddress;
use crate::auth::events::{EventSource, SecurityEvent};
use crate::auth::sso::Sso;
use crate::auth::{CurrentUser, SessionCookie, csrf, password, random_token, session_lifetime};
use crate::db::Db;
use crate::domain::LocalPath;
use crate::error::AppError;
use crate::models::sso_identity::SsoIdentity;
use crate::models::{Admission, LoginAttempts, Session, User};
use crate::views::render;
use crate::views::sessions::{LoginPage, SignInWith};

pub fn routes() -> Vec<Route> {
    routes![login_form, login, logout]
}

/// Failed attempts within this window count towards throttling; wrong current passwords on
/// the password form count too (a guess is a guess, whichever form it comes through).
pub(crate) const WINDOW_MINUTES: i64 = 15;
pub(crate) const ALLOWED_FAILURES: i64 = 5;

/// An e-mail address has at most 254 characters (RFC 5321), as `domain::Email` allows.
const EMAIL_MAX: usize = 254;

/// `next` is dropped (not refused) when it is not a clean local path: it is a hidden field the
/// user cannot correct, and `/` is a fine place to land.
#[derive(FromForm)]
struct Credentials {
    email: String,
    password: String,
    next: Option<LocalPath>,
}

impl Credentials {
    /// Why the fields cannot be a login at all, before any work is done for them: a 20 KB
    /// e-mail does not fit PostgreSQL's index, and text there cannot hold NUL.
    fn impossible(&self) -> Option<Msg> {
        if self.email.chars().count() > EMAIL_MAX {
            Some(Msg::new("login-email-too-long").arg("max", EMAIL_MAX))
        } else if self.email.chars().any(char::is_control) {
            Some(Msg::new("login-email-control"))
        } else if self.password.chars().count() > password::MAX_LENGTH {
            Some(Msg::new("password-too-long").arg("max", password::MAX_LENGTH))
        } else {
            None
        }
    }
}

#[derive(Responder)]
enum LoginResponse {
    LoggedIn(Box<Redirect>),
    #[response(status = 401)]
    Refused(RawHtml<String>),
    #[response(status = 422)]
    Invalid(RawHtml<String>),
    #[response(status = 413)]
    TooLarge(RawHtml<String>),
    #[response(status = 429)]
    Throttled(RawHtml<String>),
    /// The password was right, but the account signs in through the OpenID provider only.
    #[response(status = 403)]
    ProviderOnly(RawHtml<String>),
}

/// Only a clean path on this site: never send someone elsewhere after logging in.
fn next_or_home(next: Option<LocalPath>) -> String {
    next.map_or_else(|| "/".to_owned(), LocalPath::into_inner)
}

pub(super) fn page(
    cookies: &CookieJar<'_>,
    sso: &Sso,
    email: &str,
    next: &str,
    error: Option<String>,
    flash: Option<FlashMessage<'_>>,
    locale: Locale,
) -> Result<RawHtml<String>, AppError> {
    let mut login = LoginPage::new(
        csrf::anonymous_token(cookies),
        email,
        next,
        error,
        flash,
        locale,
    );
    login.provider = sso
        .0
        .as_ref()
        .map(|p| SignInWith::new(&p.settings.name, next));
    render(&login)
}

#[get("/login?<next>")]
async fn login_form(
    locale: Locale,
    cookies: &CookieJar<'_>,
    sso: &State<Sso>,
    user: Option<CurrentUser>,
    flash: Option<FlashMessage<'_>>,
    next: Option<LocalPath>,
) -> Result<Result<RawHtml<String>, Redirect>, AppError> {
    let next = next_or_home(next);
    if user.is_some() {
        return Ok(Err(Redirect::to(next)));
    }
    Ok(Ok(page(cookies, sso, "", &next, None, flash, locale)?))
}

/// The credentials and where to go after, or the answer to a form that cannot be a login at
/// all, before any work is done for it.
fn usable(
    cookies: &CookieJar<'_>,
    sso: &Sso,
    form: Result<Form<Credentials>, Errors<'_>>,
    locale: Locale,
) -> Result<Result<(Credentials, String), LoginResponse>, AppError> {
    let again =
        |why: &str, next: &str| page(cookies, sso, "", next, Some(why.to_owned()), None, locale);
    let mut form = match form {
        Ok(form) => form.into_inner(),
        // Rocket reports a body cut off at its limit by its worst error, often a field then
        // missing (422): that it was too large is what matters.
        Err(errors) if errors.iter().any(|e| e.status() == Status::PayloadTooLarge) => {
            let why = locale.t("login-too-large");
            return Ok(Err(LoginResponse::TooLarge(again(&why, "/")?)));
        }
        Err(_) => {
            let why = locale.t("login-fill-in");
            return Ok(Err(LoginResponse::Invalid(again(&why, "/")?)));
        }
    };
    let next = next_or_home(form.next.take());
    match form.impossible() {
        // Not shown back: it is no e-mail anyone typed.
        Some(why) => Ok(Err(LoginResponse::Invalid(again(
            &locale.say(&why),
            &next,
        )?))),
        None => Ok(Ok((form, next))),
    }
}

// Rocket's guards are its arguments: each is one thing the login needs from the request.
#[allow(clippy::too_many_arguments)]
#[post("/login", data = "<form>")]
async fn login(
    locale: Locale,
    db: &State<Db>,
    session_cookie: &State<SessionCookie>,
    cookies: &CookieJar<'_>,
    sso: &State<Sso>,
    address: ClientAddress,
    events: EventSource,
    form: Result<Form<Credentials>, Errors<'_>>,
) -> Result<LoginResponse, AppError> {
    let (form, next) = match usable(cookies, sso, form, locale)? {
        Ok(usable) => usable,
        Err(refusal) => return Ok(refusal),
    };
    let refuse = |why: String| page(cookies, sso, &form.email, &next, Some(why), None, locale);
    let (email, from) = (form.email.clone(), address.to_string());
    let since = Utc::now() - Duration::minutes(WINDOW_MINUTES);
    let admitted = db
        .run(move |c| {
            Ok(
                match LoginAttempts::admit(c, &email, &from, since, ALLOWED_FAILURES)? {
                    Admission::Throttled => None,
                    Admission::Admitted {
                        attempt,
                        account_failures,
                    } => Some((attempt, account_failures, User::find_by_email(c, &email)?)),
                },
            )
        })
        .await?;
    let Some((attempt, account_failures, user)) = admitted else {
        events.record(SecurityEvent::LoginThrottled, Some(&form.email));
        let why = locale.t1("login-throttled", "minutes", WINDOW_MINUTES);
        return Ok(LoginResponse::Throttled(refuse(why)?));
    };
    if account_failures >= ALLOWED_FAILURES {
        // Slowed, not locked: an attacker elsewhere cannot shut the real user out.
        rocket::tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    }
    let Some(user_id) = check_password(user, form.password).await? else {
        events.record(SecurityEvent::LoginFailed, Some(&form.email));
        return Ok(LoginResponse::Refused(refuse(locale.t("login-wrong"))?));
    };
    // Told only to whoever knows the password: nobody else learns the account signs in
    // through the provider.
    if let Some(provider) = sso.password_login_off()
        && db
            .run(move |c| Ok(SsoIdentity::exists(c, user_id)?))
            .await?
    {
        events.record(SecurityEvent::LoginFailed, Some(&form.email));
        let why = locale.t1("login-provider-only", "provider", provider);
        return Ok(LoginResponse::ProviderOnly(refuse(why)?));
    }
    let id = start_session(db, session_cookie.id(cookies), Some(attempt), user_id).await?;
    events.record(SecurityEvent::LoginSucceeded, Some(&form.email));
    cookies.remove_private(csrf::LOGIN_COOKIE);
    session_cookie.set(cookies, id);
    Ok(LoginResponse::LoggedIn(Box::new(Redirect::to(next))))
}

/// A new session id on every login, and the browser's `previous` session (whoever's it was)
/// ends: an id someone planted or saw before the login is worth nothing after it. The login
/// attempt (a password login's) stops counting as a failure in the same transaction.
pub(super) async fn start_session(
    db: &Db,
    previous: Option<String>,
    attempt: Option<i64>,
    user_id: i64,
) -> Result<String, AppError> {
    db.run(move |c| {
        let id = random_token();
        c.transaction(|c| {
            if let Some(attempt) = attempt {
                LoginAttempts::forget(c, attempt)?;
            }
            if let Some(previous) = &previous {
                Session::end(c, previous)?;
            }
            Session::insert(c, &id, user_id, &random_token(), session_lifetime())
        })?;
        Ok(id)
    })
    .await
}

/// The user's id if the password is theirs and they are active. Argon2 takes tens of
/// milliseconds of CPU: it runs on a blocking thread, holding no database connection.
async fn check_password(user: Option<User>, secret: String) -> Result<Option<i64>, AppError> {
    rocket::tokio::task::spawn_blocking(move || {
        // The decoy keeps a wrong e-mail as slow as a wrong password.
        let hash = user
            .as_ref()
            .map_or(password::decoy_hash(), |u| u.password_hash.as_str());
        let verified = password::verify(&secret, hash);
        user.filter(|u| verified && u.active).map(|u| u.id)
    })
    .await
    .map_err(|e| AppError::Internal(anyhow::anyhow!("checking a password failed: {e}")))
}

#[post("/logout")]
async fn logout(
    locale: Locale,
    db: &State<Db>,
    session_cookie: &State<SessionCookie>,
    cookies: &CookieJar<'_>,
    user: CurrentUser,
) -> Result<Flash<Redirect>, AppError> {
    let id = user.session_id.clone();
    db.run(move |c| Ok(Session::end(c, &id)?)).await?;
    session_cookie.remove(cookies);
    // The login page that follows is in the browser's language, as every anonymous page is.
    Ok(Flash::success(
        Redirect::to("/login"),
        locale.t("login-logged-out"),
    ))
}
