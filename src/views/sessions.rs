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
    /// "Sign in with ...", when single sign-on is set up.
    pub provider: Option<SignInWith>,
}

/// The single sign-on button: the provider's name, and where it starts, with `next` kept.
pub struct SignInWith {
    pub name: String,
    pub href: String,
}

impl SignInWith {
    pub fn new(name: &str, next: &str) -> Self {
        let query: String = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("next", next)
            .finish();
        SignInWith {
            name: name.to_owned(),
            href: format!("/sso/start?{query}"),
        }
    }
}

impl LoginPage {
    pub fn new(
        csrf_token: String,
        email: &str,
        next: &str,
        error: Option<String>,
        flash: Option<FlashMessage<'_>>,
        locale: crate::i18n::Locale,
    ) -> Self {
        LoginPage {
            layout: Layout::anonymous(flash, locale),
            form: FormState::with_values([("email", email.to_owned())]),
            csrf_token,
            next: next.to_owned(),
            error,
            provider: None,
        }
    }
}
