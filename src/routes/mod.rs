//! HTTP routes, one module per resource.

pub mod account;
pub mod account_language;
pub mod api;
pub mod api_tokens;
pub mod assets;
pub mod audit;
pub mod band_reports;
pub mod companies;
pub mod csv_file;
pub mod csv_upload;
pub mod dashboard;
pub mod demo_data;
pub mod exchange_rates;
pub mod fresh_reads;
pub mod health;
pub mod import_files;
pub mod imports;
pub mod mail_choices;
pub mod merges;
pub mod nul_query;
pub mod offer_decision;
pub mod offer_queue;
pub mod offers;
pub mod outbox;
pub mod password_link;
pub mod pay_bands;
pub mod pay_reports;
pub mod people;
pub mod pipeline;
pub mod reports;
pub mod save;
pub mod sessions;
pub mod setup;
pub mod site_url;
pub mod sso;
pub mod users;
pub mod webhook_save;
pub mod webhooks;

use rocket::Responder;
use rocket::response::content::RawHtml;
use rocket::response::{Flash, Redirect};

/// The answer to a submitted form: the saved record's page, or the form again.
#[derive(Debug, Responder)]
pub enum FormResponse {
    /// Boxed: a flash redirect is large and the pages are only a String.
    Saved(Box<Flash<Redirect>>),
    #[response(status = 422)]
    Invalid(RawHtml<String>),
    /// The request is valid but the data forbids it (deleting a company still referenced).
    #[response(status = 409)]
    Refused(RawHtml<String>),
    /// Done, and the answer is a page that must not be shown twice (a one-time link).
    Shown(RawHtml<String>),
}

impl FormResponse {
    /// Post/redirect/get: to the saved record's page, with a message shown there once.
    pub fn saved(to: impl TryInto<rocket::http::uri::Reference<'static>>, message: String) -> Self {
        FormResponse::Saved(Box::new(Flash::success(Redirect::to(to), message)))
    }
}

/// Builds a query string (ending in `&` when not empty) for links that keep the current
/// filters, such as the pager's.
pub fn query_string<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    pairs
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| {
            format!(
                "{key}={}&",
                url::form_urlencoded::byte_serialize(value.as_bytes()).collect::<String>()
            )
        })
        .collect()
}

/// An optional query parameter, blank meaning "not given". NUL never means anything in a
/// search and PostgreSQL cannot take it in text, so it is dropped.
pub fn given(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(|v| v.replace('\0', "").trim().to_owned())
        .filter(|v| !v.is_empty())
}
