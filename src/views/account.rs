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
