//! API tokens on the account page (one's own) and the users page (everyone's, for admins),
//! the form that makes one, and the page that shows a new token once.

use askama::Template;
use chrono::{DateTime, Utc};

use super::{FormState, Layout};
use crate::i18n::Locale;
use crate::models::{ApiToken, OwnedToken};

/// One token as the lists show it.
pub struct TokenRow {
    pub id: i64,
    pub name: String,
    /// Empty on the account page: they are all the user's own.
    pub owner: String,
    pub read_only: bool,
    pub created: String,
    pub expires: String,
    pub last_used: String,
    /// live, expired or revoked: the template words it.
    pub state: &'static str,
}

impl TokenRow {
    pub fn new(token: ApiToken, owner: String, now: DateTime<Utc>, locale: Locale) -> Self {
        let state = if token.revoked_at.is_some() {
            "revoked"
        } else if token.live(now) {
            "live"
        } else {
            "expired"
        };
        TokenRow {
            id: token.id,
            owner,
            read_only: token.read_only,
            created: locale.timestamp(token.created_at),
            expires: locale.timestamp(token.expires_at),
            last_used: token
                .last_used_at
                .map_or_else(|| locale.t("token-never-used"), |at| locale.timestamp(at)),
            state,
            name: token.name,
        }
    }

    pub fn own(tokens: Vec<ApiToken>, locale: Locale) -> Vec<TokenRow> {
        let now = Utc::now();
        tokens
            .into_iter()
            .map(|t| TokenRow::new(t, String::new(), now, locale))
            .collect()
    }

    pub fn everyones(tokens: Vec<OwnedToken>, locale: Locale) -> Vec<TokenRow> {
        let now = Utc::now();
        tokens
            .into_iter()
            .map(|t| TokenRow::new(t.token, t.email, now, locale))
            .collect()
    }
}

#[derive(Template)]
#[template(path = "account/token_form.html")]
pub struct TokenFormPage {
    pub layout: Layout,
    pub form: FormState,
}

/// A new token, shown once: only its hash is kept.
#[derive(Template)]
#[template(path = "account/token_created.html")]
pub struct TokenCreatedPage {
    pub layout: Layout,
    pub name: String,
    pub secret: String,
    pub read_only: bool,
    pub expires: String,
}

impl TokenCreatedPage {
    pub fn new(layout: Layout, token: &ApiToken, secret: String) -> Self {
        let expires = layout.locale.timestamp(token.expires_at);
        TokenCreatedPage {
            layout,
            name: token.name.clone(),
            secret,
            read_only: token.read_only,
            expires,
        }
    }
}
