//! The one error type of request handling, its styled error page, and the catchers.

use diesel::result::{DatabaseErrorKind, Error as DieselError};
use rocket::http::Status;
use rocket::response::{self, Redirect, Responder, content::RawHtml};
use rocket::{Catcher, Request, catch, catchers};

use crate::auth::guards::known_user;
use crate::db::health::{Outage, outage};
use crate::i18n::{Lang, LanguageSettings, Locale, Msg};
use crate::models::pay_valuation::{FIGURE_VALUE_FITS, LARGEST_FIGURE};
use crate::views::{ErrorPage, Layout};

mod database;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// Logged in, but the role does not allow it.
    #[error("forbidden")]
    Forbidden,
    /// The role allows it, but not for this record (deciding on one's own offer): 403 with
    /// the reason.
    #[error("{0}")]
    NotAllowed(String),
    /// The request itself makes no sense (bad filter value, ...): 422 with the message.
    #[error("{0}")]
    Unprocessable(String),
    #[error("the database is unavailable: {0}")]
    Unavailable(diesel::r2d2::PoolError),
    /// The database was found down a moment ago; not tried again for this request.
    #[error("the database is down")]
    DatabaseDown,
    #[error(transparent)]
    Database(#[from] DieselError),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    pub fn status(&self) -> Status {
        match self {
            AppError::NotFound | AppError::Database(DieselError::NotFound) => Status::NotFound,
            AppError::Unprocessable(_) => Status::UnprocessableEntity,
            // A figure too large for the reports, from a path with no form to show it beside a
            // field (an import's confirm): the forms catch it first, with the field.
            e if e.violates(FIGURE_VALUE_FITS) => Status::UnprocessableEntity,
            AppError::Forbidden | AppError::NotAllowed(_) => Status::Forbidden,
            AppError::Unavailable(_) | AppError::DatabaseDown => Status::ServiceUnavailable,
            AppError::Database(e) if outage(e).is_some() => Status::ServiceUnavailable,
            // Another request removed or changed what this write relies on (a person merged
            // away while a pay report was added to them) or an erased record was to be given
            // personal data: the database refused it, and the user should hear why.
            AppError::Database(e) if is_foreign_key_violation(e) => Status::Conflict,
            e if e.violates(ERASED_CHECK) => Status::Conflict,
            AppError::Database(_) | AppError::Internal(_) => Status::InternalServerError,
        }
    }

    /// Whether a database constraint (a unique index, a CHECK) refused the write.
    pub fn violates(&self, constraint: &str) -> bool {
        matches!(self, AppError::Database(e) if crate::models::violates(e, constraint))
    }

    /// What the user reads, in English (the API's language).
    pub fn public_message(&self) -> String {
        self.public_message_in(Lang::En)
    }

    /// What the user reads: specific where it helps them, generic where it would leak internals.
    pub fn public_message_in(&self, lang: Lang) -> String {
        match self {
            AppError::Unprocessable(message) | AppError::NotAllowed(message) => message.clone(),
            AppError::Database(e) if outage(e) == Some(Outage::TooSlow) => {
                Msg::new("error-too-slow").text(lang)
            }
            e if e.violates(FIGURE_VALUE_FITS) => Msg::new("error-figure-too-large")
                .arg("largest", largest_figure(lang))
                .text(lang),
            e if e.violates(ERASED_CHECK) => Msg::new("error-erased").text(lang),
            _ => default_message(self.status()).text(lang),
        }
    }
}

impl<'r> Responder<'r, 'static> for AppError {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'static> {
        let status = self.status();
        if status.code >= 500 {
            // Debug shows the whole cause chain; the user only gets the generic message. The
            // route's pattern, not the URI, names the request: a query string is user input.
            let route = request.route().map_or_else(
                || request.uri().path().as_str().chars().take(200).collect(),
                |route| route.uri.to_string(),
            );
            log::error!("{} {route}: {self:?}", request.method());
        }
        if matches!(self, AppError::Forbidden | AppError::NotAllowed(_)) {
            crate::auth::events::record_denial(request);
        }
        let lang = reader_locale(request).lang;
        error_page(status, &self.public_message_in(lang), request).respond_to(request)
    }
}

/// `LARGEST_FIGURE` as `lang` writes numbers (it is kept in English's way).
fn largest_figure(lang: Lang) -> String {
    let plain = LARGEST_FIGURE.replace(',', "");
    match plain.parse::<bigdecimal::BigDecimal>() {
        Ok(value) => crate::i18n::format_decimal(lang, &value, Some(2)),
        Err(_) => LARGEST_FIGURE.to_owned(),
    }
}

/// The CHECK that keeps an erased person's record free of personal data.
const ERASED_CHECK: &str = "person_erased_holds_nothing_personal";

/// A write refused because a row still references the one being deleted, or refers to one
/// that is gone.
pub fn is_foreign_key_violation(error: &DieselError) -> bool {
    matches!(
        error,
        DieselError::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, _)
    )
}

fn default_message(status: Status) -> Msg {
    Msg::new(match status.code {
        400 => "error-400",
        401 => "error-401",
        403 => "error-403",
        429 => "error-429",
        404 => "error-404",
        409 => "error-409",
        413 => "error-413",
        422 => "error-422",
        503 => "error-503",
        _ => "error-other",
    })
}

/// The language of an error page: the user's, where a guard looked the session up already,
/// else the browser's. A catcher cannot wait for the session lookup (it is not async), and a
/// 404 without a guard stays as cheap as it was.
fn reader_locale(request: &Request<'_>) -> Locale {
    known_user(request).map_or_else(|| LanguageSettings::of_request(request, None), |u| u.locale)
}

fn error_page(status: Status, message: &str, request: &Request<'_>) -> (Status, RawHtml<String>) {
    let mut page = ErrorPage::new(status, message, reader_locale(request));
    // Where a guard looked the session up already, its user keeps the menu: a 403 is a dead
    // end otherwise. (A 404 with no guard stays plain rather than query the session again.)
    if let Some(user) = known_user(request) {
        page.layout = Layout::new("", None, user);
    }
    // If even the error page cannot render, plain text still tells the user what happened.
    let body = askama::Template::render(&page).unwrap_or_else(|_| format!("{status}: {message}"));
    (status, RawHtml(body))
}

/// Errors Rocket raises itself (no route, a path segment that is not an id, a body over the
/// size limit) get the same styled page as handler errors.
#[catch(default)]
fn default_catcher(status: Status, request: &Request<'_>) -> (Status, RawHtml<String>) {
    // A path parameter that does not parse (e.g. /people/abc) names no record: that is a 404.
    let status = match status {
        Status::UnprocessableEntity if !request.method().supports_payload() => Status::NotFound,
        other => other,
    };
    let message = default_message(status).text(reader_locale(request).lang);
    error_page(status, &message, request)
}

/// Not logged in: a page sends the browser to log in and come back; a CSV or other download
/// just answers 401.
#[catch(401)]
fn unauthorized(request: &Request<'_>) -> Result<Redirect, (Status, RawHtml<String>)> {
    let path = request.uri().path();
    if path.ends_with(".csv") {
        let message = default_message(Status::Unauthorized).text(reader_locale(request).lang);
        return Err(error_page(Status::Unauthorized, &message, request));
    }
    let back = request.uri().to_string();
    let next: String = url::form_urlencoded::byte_serialize(back.as_bytes()).collect();
    Ok(Redirect::to(format!("/login?next={next}")))
}

pub fn catchers() -> Vec<Catcher> {
    catchers![default_catcher, unauthorized]
}
