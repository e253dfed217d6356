//! The logged-in user's own account: who they are, ending their other sessions, and changing
//! their password.

use crate::i18n::input::LocalForm;
use chrono::{Duration, Utc};
use diesel::Connection;
use rocket::form::Contextual;
use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::{FromForm, Responder, Route, State, get, post, routes};

use super::FormResponse;
use super::sessions::{ALLOWED_FAILURES, WINDOW_MINUTES};
use crate::auth::client_address::ClientAddress;
use crate::auth::events::{EventSource, SecurityEvent};
use crate::auth::{CurrentUser, password};
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::models::mail_opt_out::MailOptOut;
use crate::models::{Admission, LoginAttempts, Session, User};
use crate::views::account::{AccountPage, MailChoice, PasswordPage};
use crate::views::{FormState, Layout, render};

pub fn routes() -> Vec<Route> {
    routes![account, end_other_sessions, password_form, change_password]
}

#[derive(FromForm)]
struct PasswordChange {
    current_password: String,
    new_password: String,
    repeat_password: String,
}

impl PasswordChange {
    /// What is wrong before any hashing: the rules and the repeat need no database and no
    /// argon2, and an overlong current password is refused before it costs a hash.
    fn problems(&self, locale: Locale) -> FormState {
        let mut state = FormState::default();
        if self.current_password.chars().count() > password::MAX_LENGTH {
            state.add_error("current_password", locale.t("password-not-current"));
        }
        if let Err((field, why)) = password::check_new(&self.new_password, &self.repeat_password) {
            state.add_error(field, locale.say(&why));
        } else if self.new_password == self.current_password {
            state.add_error("new_password", locale.t("password-same-as-current"));
        }
        state
    }
}

#[get("/account")]
async fn account(
    user: CurrentUser,
    db: &State<Db>,
    flash: Option<FlashMessage<'_>>,
) -> Result<RawHtml<String>, AppError> {
    let (id, own) = (user.user.id, user.session_id.clone());
    let (other_sessions, mails_off, tokens) = db
        .run(move |c| {
            let others = Session::count_others(c, id, &own)?;
            let tokens = crate::models::ApiToken::of_user(c, id)?;
            Ok((others, MailOptOut::of(c, id)?, tokens))
        })
        .await?;
    render(&AccountPage {
        layout: Layout::new("account", flash, &user),
        email: user.user.email.clone(),
        name: user.user.display_name.clone(),
        role: user.role(),
        other_sessions,
        mails: MailChoice::all(user.role(), &mails_off, user.locale),
        tokens: crate::views::api_tokens::TokenRow::own(tokens, user.locale),
        language: user.user.language.clone().unwrap_or_default(),
        languages: AccountPage::languages(),
    })
}

/// For a browser left logged in elsewhere (a shared computer, a lost phone).
#[post("/account/sessions/end-others")]
async fn end_other_sessions(user: CurrentUser, db: &State<Db>) -> Result<FormResponse, AppError> {
    let (id, own) = (user.user.id, user.session_id.clone());
    let ended = db
        .run(move |c| Ok(Session::end_all_of(c, id, Some(&own))?))
        .await?;
    let message = user.locale.t1("account-sessions-ended", "count", ended);
    Ok(FormResponse::saved("/account", message))
}

#[get("/account/password")]
fn password_form(
    user: CurrentUser,
    flash: Option<FlashMessage<'_>>,
) -> Result<RawHtml<String>, AppError> {
    render(&PasswordPage {
        layout: Layout::new("account", flash, &user),
        form: FormState::default(),
    })
}

#[derive(Responder)]
enum PasswordResponse {
    Form(FormResponse),
    #[response(status = 429)]
    Throttled(RawHtml<String>),
}

/// The current password is asked for again, so a borrowed or stolen session cannot take over
/// the account; the user's other sessions end, so whoever knew the old password is logged out.
/// Wrong current passwords are throttled as failed logins are: otherwise a stolen session
/// could guess the password here without limit.
#[post("/account/password", data = "<form>")]
async fn change_password(
    user: CurrentUser,
    db: &State<Db>,
    address: ClientAddress,
    events: EventSource,
    form: LocalForm<Contextual<'_, PasswordChange>>,
) -> Result<PasswordResponse, AppError> {
    let form = form.into_inner();
    let Some(change) = form.value else {
        return invalid(&user, FormState::from_context(&form.context));
    };
    let problems = change.problems(user.locale);
    if problems.has_errors() {
        return invalid(&user, problems);
    }
    let (email, from) = (user.user.email.clone(), address.to_string());
    let since = Utc::now() - Duration::minutes(WINDOW_MINUTES);
    let admission = db
        .run(move |c| {
            Ok(LoginAttempts::admit(
                c,
                &email,
                &from,
                since,
                ALLOWED_FAILURES,
            )?)
        })
        .await?;
    let Admission::Admitted { attempt, .. } = admission else {
        events.record(SecurityEvent::LoginThrottled, Some(&user.user.email));
        let mut state = FormState::default();
        let why = user
            .locale
            .t1("password-throttled", "minutes", WINDOW_MINUTES);
        state.add_error("current_password", why);
        return Ok(PasswordResponse::Throttled(page(&user, state)?));
    };
    let stored = user.user.password_hash.clone();
    let Some(hash) = rehash(stored, change.current_password, change.new_password).await? else {
        events.record(SecurityEvent::LoginFailed, Some(&user.user.email));
        let mut state = FormState::default();
        state.add_error("current_password", user.locale.t("password-not-current"));
        return invalid(&user, state);
    };
    let (id, keep) = (user.user.id, user.session_id.clone());
    db.run_as(user.actor(), move |c| {
        c.transaction(|c| {
            LoginAttempts::forget(c, attempt)?;
            User::set_password(c, id, &hash, Some(&keep))
        })?;
        Ok(())
    })
    .await?;
    Ok(PasswordResponse::Form(FormResponse::saved(
        "/",
        user.locale.t("password-changed"),
    )))
}

/// The new password's hash if `current` matches `stored`. Argon2 takes tens of milliseconds
/// of CPU: it runs on a blocking thread, holding no database connection.
async fn rehash(stored: String, current: String, new: String) -> Result<Option<String>, AppError> {
    rocket::tokio::task::spawn_blocking(move || {
        password::verify(&current, &stored)
            .then(|| password::hash(&new))
            .transpose()
    })
    .await
    .map_err(|e| AppError::Internal(anyhow::anyhow!("checking a password failed: {e}")))?
    .map_err(AppError::Internal)
}

/// The form again with its errors; the password template never writes the typed values back.
fn invalid(user: &CurrentUser, form: FormState) -> Result<PasswordResponse, AppError> {
    Ok(PasswordResponse::Form(FormResponse::Invalid(page(
        user, form,
    )?)))
}

fn page(user: &CurrentUser, form: FormState) -> Result<RawHtml<String>, AppError> {
    render(&PasswordPage {
        layout: Layout::new("account", None, user),
        form,
    })
}
