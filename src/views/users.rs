//! The users page for admins, and the page that shows a one-time password link.

use askama::Template;

use super::{Choice, FormState, Layout};
use crate::domain::Role;
use crate::models::User;

pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub active: bool,
    /// When a live password link expires, in the reader's zone and format.
    pub link_until: Option<String>,
    /// Why no password link is offered: they sign in through the provider only.
    pub provider_only: Option<String>,
}

#[derive(Template)]
#[template(path = "users/index.html")]
pub struct UsersPage {
    pub layout: Layout,
    pub users: Vec<UserRow>,
    pub roles: Vec<Choice>,
    /// The new-user form.
    pub form: FormState,
    /// Why the last change was refused.
    pub refusal: Option<String>,
    /// Everyone's API tokens.
    pub tokens: Vec<super::api_tokens::TokenRow>,
}

impl UsersPage {
    pub fn new(layout: Layout, users: Vec<User>, form: FormState, refusal: Option<String>) -> Self {
        let (now, locale) = (chrono::Utc::now(), layout.locale);
        UsersPage {
            layout,
            users: users
                .into_iter()
                .map(|u| UserRow {
                    id: u.id,
                    link_until: u
                        .password_link_expires_at
                        .filter(|until| *until > now)
                        .map(|until| locale.timestamp(until)),
                    email: u.email,
                    name: u.display_name,
                    role: u.role,
                    active: u.active,
                    provider_only: None,
                })
                .collect(),
            roles: Choice::all_in::<Role>(locale),
            form,
            refusal,
            tokens: Vec::new(),
        }
    }
}

impl UsersPage {
    /// Marks the users of `provider` (by id) as signing in there only, while password login
    /// is off for them.
    pub fn provider_only(mut self, provider: Option<&str>, users: &[i64]) -> Self {
        let Some(provider) = provider else {
            return self;
        };
        for row in self.users.iter_mut().filter(|r| users.contains(&r.id)) {
            row.provider_only = Some(format!(
                "Signs in with {provider} only: password login is off for them, so there is \
                 no password link to give."
            ));
        }
        self
    }
}

/// A password link, shown once: only its hash is kept.
#[derive(Template)]
#[template(path = "users/link.html")]
pub struct LinkPage {
    pub layout: Layout,
    pub user: User,
    /// `None` when the link was mailed to the user instead.
    pub link: Option<String>,
    /// The user was just created (else: a reset).
    pub created: bool,
}

impl LinkPage {
    pub fn new(layout: Layout, user: User, link: Option<String>, created: bool) -> Self {
        LinkPage {
            layout,
            user,
            link,
            created,
        }
    }
}
