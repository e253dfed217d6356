//! The kinds of mail the outbox carries, as its `kind` column names them.

/// What a row announces; each has its template under templates/mail/.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailKind {
    OfferPending,
    OfferDecided,
    NewUser,
    PasswordLink,
}

impl MailKind {
    pub const ALL: [MailKind; 4] = [
        MailKind::OfferPending,
        MailKind::OfferDecided,
        MailKind::NewUser,
        MailKind::PasswordLink,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::OfferPending => "offer_pending",
            MailKind::OfferDecided => "offer_decided",
            MailKind::NewUser => "new_user",
            MailKind::PasswordLink => "password_link",
        }
    }

    pub fn parse(text: &str) -> Option<MailKind> {
        MailKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    pub fn label(self) -> &'static str {
        match self {
            MailKind::OfferPending => "An offer waits for a decision",
            MailKind::OfferDecided => "A decision on an offer",
            MailKind::NewUser => "A new user's password link",
            MailKind::PasswordLink => "A password link",
        }
    }

    /// Whether a user may turn it off: a password link is how they get in at all.
    pub fn optional(self) -> bool {
        matches!(self, MailKind::OfferPending | MailKind::OfferDecided)
    }

    /// Whether its payload holds a secret, cleared once the mail is sent.
    pub fn secret(self) -> bool {
        !self.optional()
    }
}
