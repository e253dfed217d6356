//! Logging in and out.

use std::net::IpAddr;

use chrono::{Duration, Utc};
use rocket::form::{Form, FromForm};
use rocket::http::{Cookie, CookieJar, SameSite};
use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::response::{Flash, Redirect};
use rocket::{Responder, Route, State, get, post, routes};

use crate::auth::{CurrentUser, SESSION_COOKIE, csrf, idle_timeout, password, random_token};
use crate::db::Db;
use crate::error::AppError;
use crate::models::{LoginAttempts, Session, User};
use crate::views::render;
use crate::views::sessions::LoginPage;

pub fn routes() -> Vec<Route> {
    routes![login_form, login, logout]
}

/// Failed attempts within this window count towards throttling.
const WINDOW_MINUTES: i64 = 15;
const ALLOWED_FAILURES: i64 = 5;

#[derive(FromForm)]
struct Credentials {
    email: String,
    password: String,
    next: Option<String>,
}

#[derive(Responder)]
enum LoginResponse {
    LoggedIn(Box<Redirect>),
    #[response(status = 401)]
    Refused(RawHtml<String>),
    #[response(status = 429)]
    Throttled(RawHtml<String>),
}

/// Only a path on this site: never send someone elsewhere after logging in.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') => {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

fn page(
    cookies: &CookieJar<'_>,
    email: &str,
    next: &str,
    error: Option<String>,
    flash: Option<FlashMessage<'_>>,
) -> Result<RawHtml<String>, AppError> {
    let token = random_token();
    cookies.add_private(
        Cookie::build((csrf::LOGIN_COOKIE, token.clone()))
            .same_site(SameSite::Lax)
            .http_only(true),
    );
    render(&LoginPage::new(token, email, next, error, flash))
}

#[get("/login?<next>")]
async fn login_form(
    cookies: &CookieJar<'_>,
    user: Option<CurrentUser>,
    flash: Option<FlashMessage<'_>>,
    next: Option<String>,
) -> Result<Result<RawHtml<String>, Redirect>, AppError> {
    let next = safe_next(next.as_deref());
    if user.is_some() {
        return Ok(Err(Redirect::to(next)));
    }
    Ok(Ok(page(cookies, "", &next, None, flash)?))
}

#[post("/login", data = "<form>")]
async fn login(
    db: &State<Db>,
    cookies: &CookieJar<'_>,
    address: Option<IpAddr>,
    form: Form<Credentials>,
) -> Result<LoginResponse, AppError> {
    let form = form.into_inner();
    let next = safe_next(form.next.as_deref());
    let address = address.map_or_else(|| "unknown".to_owned(), |a| a.to_string());
    let (email, secret, from) = (form.email.clone(), form.password, address.clone());
    let since = Utc::now() - Duration::minutes(WINDOW_MINUTES);
    let (by_account, by_address) = db
        .run(move |c| Ok(LoginAttempts::recent(c, &email, &from, since)?))
        .await?;
    if by_address >= ALLOWED_FAILURES {
        let why = format!(
            "Too many failed logins from your address. Try again in {WINDOW_MINUTES} minutes."
        );
        return Ok(LoginResponse::Throttled(page(
            cookies,
            &form.email,
            &next,
            Some(why),
            None,
        )?));
    }
    if by_account >= ALLOWED_FAILURES {
        // Slowed, not locked: an attacker elsewhere cannot shut the real user out.
        rocket::tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    }
    let email = form.email.clone();
    let session = db
        .run(move |c| {
            let user = User::find_by_email(c, &email)?;
            // The decoy keeps a wrong e-mail as slow as a wrong password.
            let hash = user
                .as_ref()
                .map_or(password::decoy_hash(), |u| u.password_hash.as_str());
            let verified = password::verify(&secret, hash);
            match user {
                Some(user) if verified && user.active => {
                    let (id, token) = (random_token(), random_token());
                    Session::insert(c, &id, user.id, &token, idle_timeout())?;
                    Ok(Some(id))
                }
                _ => {
                    LoginAttempts::record_failure(c, &email, &address)?;
                    Ok(None)
                }
            }
        })
        .await?;
    match session {
        Some(id) => {
            cookies.remove_private(csrf::LOGIN_COOKIE);
            cookies.add_private(
                Cookie::build((SESSION_COOKIE, id))
                    .same_site(SameSite::Lax)
                    .http_only(true),
            );
            Ok(LoginResponse::LoggedIn(Box::new(Redirect::to(next))))
        }
        None => {
            let why = "The e-mail or the password is wrong.".to_owned();
            Ok(LoginResponse::Refused(page(
                cookies,
                &form.email,
                &next,
                Some(why),
                None,
            )?))
        }
    }
}

#[post("/logout")]
async fn logout(
    db: &State<Db>,
    cookies: &CookieJar<'_>,
    user: CurrentUser,
) -> Result<Flash<Redirect>, AppError> {
    let id = user.session_id.clone();
    db.run(move |c| Ok(Session::end(c, &id)?)).await?;
    cookies.remove_private(SESSION_COOKIE);
    Ok(Flash::success(
        Redirect::to("/login"),
        "You are logged out.",
    ))
}
