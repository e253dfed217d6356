//! askama page structs: what each page shows, already shaped for its template.

pub mod account;
pub mod api_docs;
pub mod api_tokens;
pub mod audit;
pub mod audit_words;
pub mod companies;
pub mod dashboard;
pub mod demo_data;
pub mod duplicates;
pub mod exchange_rates;
pub mod form;
pub mod imports;
pub mod market;
pub mod merges;
pub mod offer_queue;
pub mod offers;
pub mod outbox;
pub mod pay_bands;
pub mod pay_reports;
pub mod people;
pub mod person_notes;
pub mod pipeline;
pub mod reports;
pub mod sessions;
pub mod setup;
pub mod sorting;
pub mod users;
pub mod webhooks;

use askama::Template;
use rocket::http::Status;
use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;

use crate::auth::CurrentUser;
use crate::domain::Role;
use crate::error::AppError;
use crate::i18n::{Locale, Msg};

pub use form::{Choice, FormState};

/// What `_layout.html` needs from every page: the flash message, the active section, and who
/// is logged in (what the navigation offers and the logout form's CSRF token).
#[derive(Debug, Default)]
pub struct Layout {
    pub flash: Option<FlashView>,
    pub section: &'static str,
    pub user: Option<UserBadge>,
    /// The reader's language and zone: every word, number and date on the page follows it.
    pub locale: Locale,
}

#[derive(Debug)]
pub struct UserBadge {
    pub name: String,
    pub role: Role,
    pub csrf_token: String,
}

#[derive(Debug)]
pub struct FlashView {
    pub kind: String,
    pub message: String,
}

impl Layout {
    pub fn new(section: &'static str, flash: Option<FlashMessage<'_>>, user: &CurrentUser) -> Self {
        Layout {
            user: Some(UserBadge {
                name: user.user.display_name.clone(),
                role: user.role(),
                csrf_token: user.csrf_token.clone(),
            }),
            section,
            ..Layout::anonymous(flash, user.locale)
        }
    }

    /// For the login page, before anyone is logged in: the browser's language.
    pub fn anonymous(flash: Option<FlashMessage<'_>>, locale: Locale) -> Self {
        Layout {
            flash: flash.map(|f| FlashView {
                kind: f.kind().to_owned(),
                message: f.message().to_owned(),
            }),
            section: "",
            user: None,
            locale,
        }
    }

    /// The catalogue's text for `key` in the reader's language (`{{ layout.t("nav-people") }}`).
    pub fn t(&self, key: &str) -> String {
        self.locale.t(key)
    }

    /// The same, with one argument.
    pub fn t1(&self, key: &str, name: &str, value: impl std::fmt::Display) -> String {
        self.locale.t1(key, name, value)
    }

    /// With two arguments: `layout.t2("form-page-of", ("page", n), ("pages", m))`.
    pub fn t2(
        &self,
        key: &str,
        first: &(&str, impl std::fmt::Display),
        second: &(&str, impl std::fmt::Display),
    ) -> String {
        self.locale.t2(key, first, second)
    }

    /// With three arguments.
    pub fn t3(
        &self,
        key: &str,
        first: &(&str, impl std::fmt::Display),
        second: &(&str, impl std::fmt::Display),
        third: &(&str, impl std::fmt::Display),
    ) -> String {
        self.locale.t3(key, first, second, third)
    }

    /// A choice's label in the reader's language (`{{ layout.label(person.stage) }}`).
    pub fn label<T: crate::domain::ChoiceName>(&self, value: &T) -> String {
        value.label_in(self.locale.lang)
    }

    /// A message made before the page (a form error, a flash), in the reader's language.
    pub fn say(&self, msg: &Msg) -> String {
        self.locale.say(msg)
    }

    /// The token every state-changing form of this page sends first.
    pub fn csrf_token(&self) -> &str {
        self.user.as_ref().map_or("", |u| u.csrf_token.as_str())
    }

    pub fn sees_pay(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.role.sees_pay())
    }

    pub fn edits(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.role.edits())
    }

    /// Imports CSV files of some kind: editors, and those who manage pay bands.
    pub fn imports(&self) -> bool {
        self.edits() || self.manages_bands()
    }

    /// Writes notes and attaches files (`Role::annotates`).
    pub fn annotates(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.role.annotates())
    }

    pub fn manages_bands(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.role.manages_bands())
    }

    pub fn is_admin(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.role == Role::Admin)
    }
}

pub fn render(page: &impl Template) -> Result<RawHtml<String>, AppError> {
    page.render()
        .map(RawHtml)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("rendering a page failed: {e}")))
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub layout: Layout,
    pub code: u16,
    pub reason: String,
    pub message: String,
}

impl ErrorPage {
    pub fn new(status: Status, message: &str, locale: Locale) -> Self {
        // The status's own name where the catalogue has none for the code: HTTP's reason
        // phrases are English, so only the codes people meet are translated.
        let key = format!("error-reason-{}", status.code);
        let reason = match crate::i18n::lookup_exact(locale.lang, &key, []) {
            Some(reason) => reason,
            None => status.reason_lossy().to_owned(),
        };
        ErrorPage {
            layout: Layout::anonymous(None, locale),
            code: status.code,
            reason,
            message: message.to_owned(),
        }
    }
}

/// Page numbers for a list: which page this is and how many there are.
#[derive(Debug, Clone)]
pub struct Pager {
    pub page: i64,
    pub pages: i64,
    pub total: i64,
}

impl Pager {
    pub const PER_PAGE: i64 = 25;

    /// The page asked for, clamped to the pages that exist.
    pub fn new(requested: Option<i64>, total: i64) -> Self {
        let pages = Self::pages_for(total);
        Pager {
            page: requested.unwrap_or(1).clamp(1, pages),
            pages,
            total,
        }
    }

    /// How many pages `total` rows fill; at least one, so an empty list still has a page.
    /// Saturating, as is `offset`: page numbers come from the address bar.
    pub fn pages_for(total: i64) -> i64 {
        (total.saturating_add(Self::PER_PAGE - 1) / Self::PER_PAGE).max(1)
    }

    pub fn offset(&self) -> i64 {
        self.page
            .saturating_sub(1)
            .max(0)
            .saturating_mul(Self::PER_PAGE)
    }
}
