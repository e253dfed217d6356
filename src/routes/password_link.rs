//! Setting a password with a one-time link an admin made: a new user's first password, or a
//! reset. The link works once, until it expires, and only while its user is active.

use crate::i18n::Locale;
use crate::i18n::input::LocalForm;
use rocket::form::Contextual;
use rocket::http::CookieJar;
use rocket::response::content::RawHtml;
use rocket::response::{Flash, Redirect};
use rocket::{FromForm, Responder, Route, State, get, post, routes};

use super::setup::LinkGone;
use crate::auth::events::{EventSource, SecurityEvent};
use crate::auth::{CurrentUser, csrf, password};
use crate::db::Db;
use crate::error::AppError;
use crate::models::{PasswordLink, User};
use crate::views::setup::PasswordLinkPage;
use crate::views::{FormState, render};

pub fn routes() -> Vec<Route> {
    routes![form, set_password]
}

const LINK_GONE: &str = "password-link-gone";

#[derive(FromForm)]
struct NewPassword {
    token: String,
    new_password: String,
    repeat_password: String,
}

#[derive(Responder)]
enum LinkResponse {
    Done(Box<Flash<Redirect>>),
    #[response(status = 422)]
    Invalid(RawHtml<String>),
    Gone(LinkGone),
}

/// Someone logged in (as anyone) sends their session's token; anyone else the cookie's.
fn form_token(asker: Option<&CurrentUser>, cookies: &CookieJar<'_>) -> String {
    asker.map_or_else(|| csrf::anonymous_token(cookies), |u| u.csrf_token.clone())
}

async fn user_of(db: &Db, token: &str) -> Result<Option<User>, AppError> {
    let token = token.to_owned();
    db.run(move |c| Ok(PasswordLink::user_of(c, &token)?)).await
}

#[get("/password-link?<token>")]
async fn form(
    locale: Locale,
    db: &State<Db>,
    cookies: &CookieJar<'_>,
    asker: Option<CurrentUser>,
    events: EventSource,
    token: Option<String>,
) -> Result<Result<RawHtml<String>, LinkGone>, AppError> {
    let token = token.unwrap_or_default();
    let Some(user) = user_of(db, &token).await? else {
        events.record(SecurityEvent::LinkRefused, None);
        return Ok(Err(LinkGone::new(&locale.t(LINK_GONE), locale)));
    };
    let page = PasswordLinkPage {
        layout: crate::views::Layout::anonymous(None, locale),
        csrf_token: form_token(asker.as_ref(), cookies),
        email: user.email,
        form: FormState::with_values([("token", token)]),
    };
    Ok(Ok(render(&page)?))
}

/// Spends the link and ends the user's sessions: whoever had the old password is logged out.
#[post("/password-link", data = "<form>")]
async fn set_password(
    locale: Locale,
    db: &State<Db>,
    cookies: &CookieJar<'_>,
    asker: Option<CurrentUser>,
    events: EventSource,
    form: LocalForm<Contextual<'_, NewPassword>>,
) -> Result<LinkResponse, AppError> {
    let gone = || {
        events.record(SecurityEvent::LinkRefused, None);
        Ok(LinkResponse::Gone(LinkGone::new(
            &locale.t(LINK_GONE),
            locale,
        )))
    };
    let form = form.into_inner();
    let Some(new) = form.value else {
        return gone();
    };
    let Some(user) = user_of(db, &new.token).await? else {
        return gone();
    };
    if let Err((field, why)) = password::check_new(&new.new_password, &new.repeat_password) {
        let mut state = FormState::with_values([("token", new.token)]);
        state.add_error(field, locale.say(&why));
        let page = PasswordLinkPage {
            layout: crate::views::Layout::anonymous(None, locale),
            csrf_token: form_token(asker.as_ref(), cookies),
            email: user.email,
            form: state,
        };
        return Ok(LinkResponse::Invalid(render(&page)?));
    }
    let hash = password::hash_off_thread(new.new_password).await?;
    let token = new.token;
    let set = db
        .run_as(&user.email, move |c| {
            Ok(PasswordLink::set_password(c, &token, &hash)?)
        })
        .await?;
    let Some(user) = set else {
        return gone();
    };
    events.record(SecurityEvent::PasswordSetByLink, Some(&user.email));
    Ok(LinkResponse::Done(Box::new(Flash::success(
        Redirect::to("/login"),
        locale.t1("password-link-set", "email", &user.email),
    ))))
}
