//! The first-run setup link: while there are no users, startup prints it, and it opens a page
//! that creates the first admin and logs them in. Any user makes it void.

use crate::i18n::Locale;
use crate::i18n::input::LocalForm;
use rocket::form::Contextual;
use rocket::http::{CookieJar, Status};
use rocket::response::content::RawHtml;
use rocket::response::{Flash, Redirect};
use rocket::{FromForm, Responder, Route, State, get, post, routes};

use crate::auth::events::{EventSource, SecurityEvent};
use crate::auth::{SessionCookie, csrf, password, random_token, session_lifetime};
use crate::db::Db;
use crate::domain::{Email, Role, Text};
use crate::error::AppError;
use crate::models::{NewUser, Session, SetupLink};
use crate::views::setup::SetupPage;
use crate::views::{ErrorPage, FormState, render};

pub fn routes() -> Vec<Route> {
    routes![form, create_admin]
}

#[derive(FromForm)]
struct FirstAdmin {
    token: String,
    email: Email,
    display_name: Text,
    new_password: String,
    repeat_password: String,
}

#[derive(Responder)]
enum SetupResponse {
    Done(Box<Flash<Redirect>>),
    #[response(status = 422)]
    Invalid(RawHtml<String>),
    Gone(LinkGone),
}

/// A one-time link that opens nothing (any more): 410, with where to go instead.
#[derive(Responder)]
#[response(status = 410)]
pub struct LinkGone(RawHtml<String>);

impl LinkGone {
    pub fn new(message: &str, locale: Locale) -> Self {
        let page = askama::Template::render(&ErrorPage::new(Status::Gone, message, locale))
            .unwrap_or_else(|_| message.to_owned());
        LinkGone(RawHtml(page))
    }
}

fn setup_gone(locale: Locale) -> LinkGone {
    let why = locale.t1("setup-link-gone", "days", crate::models::SETUP_LINK_DAYS);
    LinkGone::new(&why, locale)
}

#[get("/setup?<token>")]
async fn form(
    locale: Locale,
    db: &State<Db>,
    cookies: &CookieJar<'_>,
    events: EventSource,
    token: Option<String>,
) -> Result<Result<RawHtml<String>, LinkGone>, AppError> {
    let token = token.unwrap_or_default();
    let lookup = token.clone();
    if !db
        .run(move |c| Ok(SetupLink::is_valid(c, &lookup)?))
        .await?
    {
        events.record(SecurityEvent::LinkRefused, None);
        return Ok(Err(setup_gone(locale)));
    }
    let form = FormState::with_values([("token", token)]);
    Ok(Ok(render(&SetupPage::new(
        csrf::anonymous_token(cookies),
        form,
        locale,
    ))?))
}

/// Creates the first admin and logs them in. The database decides whether the link still
/// opens anything, in the same transaction as the creation (`SetupLink::create_first_admin`).
#[post("/setup", data = "<form>")]
async fn create_admin(
    locale: Locale,
    db: &State<Db>,
    session_cookie: &State<SessionCookie>,
    cookies: &CookieJar<'_>,
    events: EventSource,
    form: LocalForm<Contextual<'_, FirstAdmin>>,
) -> Result<SetupResponse, AppError> {
    let form = form.into_inner();
    let mut state = FormState::from_context(&form.context);
    if let Some(admin) = &form.value
        && let Err((field, why)) = password::check_new(&admin.new_password, &admin.repeat_password)
    {
        state.add_error(field, locale.say(&why));
    }
    let (Some(admin), false) = (form.value, state.has_errors()) else {
        let page = SetupPage::new(csrf::anonymous_token(cookies), state, locale);
        return Ok(SetupResponse::Invalid(render(&page)?));
    };
    let hash = password::hash_off_thread(admin.new_password).await?;
    let email = admin.email.into_inner();
    let admin_email = email.clone();
    let (name, token) = (admin.display_name.into_inner(), admin.token);
    let session = random_token();
    let session_id = session.clone();
    let created = db
        .run_as(&email.clone(), move |c| {
            let new = NewUser {
                email: &email,
                display_name: &name,
                role: Role::Admin,
                password_hash: &hash,
            };
            let Some(user) = SetupLink::create_first_admin(c, &token, &new)? else {
                return Ok(false);
            };
            Session::insert(c, &session_id, user.id, &random_token(), session_lifetime())?;
            Ok(true)
        })
        .await?;
    if !created {
        events.record(SecurityEvent::LinkRefused, Some(&admin_email));
        return Ok(SetupResponse::Gone(setup_gone(locale)));
    }
    events.record(SecurityEvent::SetupCompleted, Some(&admin_email));
    cookies.remove_private(csrf::LOGIN_COOKIE);
    session_cookie.set(cookies, session);
    Ok(SetupResponse::Done(Box::new(Flash::success(
        Redirect::to("/users"),
        locale.t("setup-done"),
    ))))
}
