//! API tokens on the account page (one's own) and the users page (everyone's, for admins),
//! the form that makes one, and the page that shows a new token once.

use askama::Template;
use chrono::{DateTime, Utc};

use super::{FormState, Layout};
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
    /// live, expired or revoked.
    pub state: &'static str,
}

fn when(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

impl TokenRow {
    pub fn new(token: ApiToken, owner: String, now: DateTime<Utc>) -> Self {
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
            created: when(token.created_at),
            expires: when(token.expires_at),
            last_used: token.last_used_at.map_or_else(|| "never".to_owned(), when),
            state,
            name: token.name,
        }
    }

    pub fn own(tokens: Vec<ApiToken>) -> Vec<TokenRow> {
        let now = Utc::now();
        tokens
            .into_iter()
            .map(|t| TokenRow::new(t, String::new(), now))
            .collect()
    }

    pub fn everyones(tokens: Vec<OwnedToken>) -> Vec<TokenRow> {
        let now = Utc::now();
        tokens
            .into_iter()
            .map(|t| TokenRow::new(t.token, t.email, now))
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
        TokenCreatedPage {
            layout,
            name: token.name.clone(),
            secret,
            read_only: token.read_only,
            expires: when(token.expires_at),
        }
    }
}
