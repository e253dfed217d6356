//! The pages one-time links open: the first admin's setup and setting a password.

use askama::Template;

use super::{FormState, Layout};

/// Creating the first admin. The passwords typed are never sent back.
#[derive(Template)]
#[template(path = "setup/first_admin.html")]
pub struct SetupPage {
    pub layout: Layout,
    pub csrf_token: String,
    pub form: FormState,
}

impl SetupPage {
    pub fn new(csrf_token: String, form: FormState, locale: crate::i18n::Locale) -> Self {
        SetupPage {
            layout: Layout::anonymous(None, locale),
            csrf_token,
            form,
        }
    }
}

/// Setting one's password with a link an admin made.
#[derive(Template)]
#[template(path = "setup/password_link.html")]
pub struct PasswordLinkPage {
    pub layout: Layout,
    pub csrf_token: String,
    /// Whose password the link sets.
    pub email: String,
    pub form: FormState,
}
