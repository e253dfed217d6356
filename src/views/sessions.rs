//! The login page.

use askama::Template;
use rocket::request::FlashMessage;

use super::{FormState, Layout};

#[derive(Template)]
#[template(path = "sessions/login.html")]
pub struct LoginPage {
    pub layout: Layout,
    pub form: FormState,
    pub csrf_token: String,
    pub next: String,
    pub error: Option<String>,
}

impl LoginPage {
    pub fn new(
        csrf_token: String,
        email: &str,
        next: &str,
        error: Option<String>,
        flash: Option<FlashMessage<'_>>,
    ) -> Self {
        LoginPage {
            layout: Layout::anonymous(flash),
            form: FormState::with_values([("email", email.to_owned())]),
            csrf_token,
            next: next.to_owned(),
            error,
        }
    }
}
