//! E-mail addresses of users: what they log in with.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let email = raw.trim();
        let plausible = email.len() <= 254
            && !email.chars().any(|c| c.is_whitespace() || c.is_control())
            && email.split_once('@').is_some_and(|(user, host)| {
                !user.is_empty() && host.contains('.') && !host.contains('@')
            });
        if plausible {
            Ok(Email(email.to_owned()))
        } else {
            Err(crate::i18n::Msg::new("form-email").for_input())
        }
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

super::parsed_form_field!(Email);
