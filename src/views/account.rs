//! The user's own account pages.

use askama::Template;

use super::{FormState, Layout};
use crate::domain::Role;
use crate::i18n::{Lang, Locale};
use crate::models::outbox::MailKind;

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
    /// The mails this user may turn off, and whether each is on.
    pub mails: Vec<MailChoice>,
    /// The user's own API tokens.
    pub tokens: Vec<super::api_tokens::TokenRow>,
    /// The stored language setting's tag; empty follows the browser.
    pub language: String,
    /// The languages with a catalogue, each named in itself so anyone finds their own.
    pub languages: Vec<super::Choice>,
}

impl AccountPage {
    pub fn languages() -> Vec<super::Choice> {
        Lang::ALL
            .iter()
            .map(|l| super::Choice::new(l.tag(), l.endonym()))
            .collect()
    }
}

/// One kind of mail on the account page.
pub struct MailChoice {
    pub name: &'static str,
    pub label: String,
    pub on: bool,
}

impl MailChoice {
    /// The optional mails that can reach a user of `role` (only compensation staff and admins
    /// are told of waiting offers).
    pub fn all(role: Role, off: &[MailKind], locale: Locale) -> Vec<MailChoice> {
        MailKind::ALL
            .into_iter()
            .filter(|k| k.optional())
            .filter(|k| *k != MailKind::OfferPending || role.manages_bands())
            .map(|k| MailChoice {
                name: k.as_str(),
                label: match k {
                    MailKind::OfferPending => locale.t("account-mail-offer-pending"),
                    _ => locale.t("account-mail-offer-decided"),
                },
                on: !off.contains(&k),
            })
            .collect()
    }
}
