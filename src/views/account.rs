//! The user's own account pages.

use askama::Template;

use super::{FormState, Layout};

/// Changing one's password. The form never holds the passwords typed: they are not sent back.
#[derive(Template)]
#[template(path = "account/password.html")]
pub struct PasswordPage {
    pub layout: Layout,
    pub form: FormState,
}

/// The user's own account: who they are, their other sessions, and the password change.
#[derive(Template)]
#[template(path = "account/index.html")]
pub struct AccountPage {
    pub layout: Layout,
    pub email: String,
    pub name: String,
    pub role: crate::domain::Role,
    pub other_sessions: i64,
}
