//! The fixed choices of the domain, stored as their snake_case names (TEXT with a CHECK).

use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::expression::AsExpression;
use diesel::pg::{Pg, PgValue};
use diesel::serialize::{self, Output, ToSql};
use diesel::sql_types::Text;
use rocket::form::{self, FromFormField, ValueField};

/// What every choice enum offers, so select fields can list any of them.
pub trait ChoiceName: Copy + 'static {
    fn all() -> &'static [Self];
    fn as_str(self) -> &'static str;
    /// The English label: logs, the command line, and the catalogue's fallback.
    fn label(self) -> &'static str;
    /// The enum's name in catalogue keys: `stage`, `company-kind`.
    fn key_prefix() -> &'static str;

    /// The catalogue key of this value's label: `stage-sourced`, `company-kind-ai-lab`.
    fn label_key(self) -> String {
        format!("{}-{}", Self::key_prefix(), self.as_str().replace('_', "-"))
    }

    /// The label in a reader's language.
    fn label_in(self, lang: crate::i18n::Lang) -> String {
        crate::i18n::Msg::new(self.label_key()).text(lang)
    }
}

/// `fn key_prefix` of `ChoiceName` for an enum: its name in kebab case.
macro_rules! key_prefix {
    ($name:ident) => {
        fn key_prefix() -> &'static str {
            static PREFIX: std::sync::LazyLock<String> =
                std::sync::LazyLock::new(|| $crate::domain::choices::kebab(stringify!($name)));
            &PREFIX
        }
    };
}
pub(crate) use key_prefix;

/// `CompanyKind` → `company-kind`.
pub(crate) fn kebab(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// Declares a choice enum with its stored name and human label, and teaches forms and
/// Diesel to read and write it, so every choice behaves the same everywhere.
macro_rules! choice_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => ($stored:literal, $label:literal)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, AsExpression, FromSqlRow, serde::Serialize, serde::Deserialize)]
        #[diesel(sql_type = Text)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name stored in the database, sent by forms and written to CSV.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $stored),+ }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn parse(name: &str) -> Option<Self> {
                match name.trim() { $($stored => Some($name::$variant),)+ _ => None }
            }
        }

        impl ChoiceName for $name {
            fn all() -> &'static [Self] { Self::ALL }
            fn as_str(self) -> &'static str { $name::as_str(self) }
            fn label(self) -> &'static str { $name::label(self) }
            $crate::domain::choices::key_prefix!($name);
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }

        impl<'v> FromFormField<'v> for $name {
            fn from_value(field: ValueField<'v>) -> form::Result<'v, Self> {
                Self::parse(field.value).ok_or_else(|| {
                    let names: Vec<&str> = Self::ALL.iter().map(|c| c.as_str()).collect();
                    let msg = crate::i18n::Msg::new("choice-one-of").arg("names", names.join(", "));
                    form::Error::validation(msg.for_input()).into()
                })
            }
        }

        impl ToSql<Text, Pg> for $name {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
                <str as ToSql<Text, Pg>>::to_sql(self.as_str(), out)
            }
        }

        impl FromSql<Text, Pg> for $name {
            fn from_sql(bytes: PgValue<'_>) -> deserialize::Result<Self> {
                let stored = <String as FromSql<Text, Pg>>::from_sql(bytes)?;
                Self::parse(&stored)
                    .ok_or_else(|| format!("unknown {} `{stored}`", stringify!($name)).into())
            }
        }
    };
}

choice_enum!(CompanyKind {
    AiLab => ("ai_lab", "AI lab"),
    BigTech => ("big_tech", "Big tech"),
    Startup => ("startup", "Startup"),
    Investor => ("investor", "Investor"),
    Other => ("other", "Other"),
});

choice_enum!(
    /// The pipeline, in order; declined and withdrawn are the two ways out.
    Stage {
        Sourced => ("sourced", "Sourced"),
        Contacted => ("contacted", "Contacted"),
        Interviewing => ("interviewing", "Interviewing"),
        Offer => ("offer", "Offer"),
        Hired => ("hired", "Hired"),
        Declined => ("declined", "Declined"),
        Withdrawn => ("withdrawn", "Withdrawn"),
    }
);

choice_enum!(
    /// Who says so: the press, an offer letter, or the agreed contract.
    PayKind {
        Reported => ("reported", "Reported"),
        Offered => ("offered", "Offered"),
        Agreed => ("agreed", "Agreed"),
    }
);

choice_enum!(Period {
    Annual => ("annual", "Annual"),
    Total => ("total", "Total over years"),
});

choice_enum!(Confidence {
    Rumor => ("rumor", "Rumor"),
    Reported => ("reported", "Reported"),
    Confirmed => ("confirmed", "Confirmed"),
});

choice_enum!(
    /// What a user may see and do. Only admins manage users; viewers never see pay.
    Role {
        Admin => ("admin", "Admin"),
        Recruiter => ("recruiter", "Recruiter"),
        Analyst => ("analyst", "Analyst"),
        Viewer => ("viewer", "Viewer"),
        Compensation => ("compensation", "Compensation"),
    }
);

choice_enum!(
    /// What a decision on an offer outside its band says. Forms send `approve` or `reject`.
    Decision {
        Approved => ("approved", "Approved"),
        Rejected => ("rejected", "Rejected"),
    }
);

choice_enum!(
    /// Where an offer stands: inside its band it needs no decision; outside, it waits for
    /// one; it cannot be checked without a band, a base or a rate.
    ApprovalStatus {
        NotNeeded => ("not_needed", "Not needed"),
        Pending => ("pending", "Pending"),
        Approved => ("approved", "Approved"),
        Rejected => ("rejected", "Rejected"),
        Unchecked => ("unchecked", "Cannot be checked"),
    }
);

/// Where a new person enters the pipeline unless told otherwise.
impl Default for Stage {
    fn default() -> Self {
        Stage::Sourced
    }
}

/// What a company is until someone says more (the import creates companies a file names).
impl Default for CompanyKind {
    fn default() -> Self {
        CompanyKind::Other
    }
}

impl Stage {
    /// The funnel runs from sourced to hired; declined and withdrawn are ways out of it.
    pub fn in_funnel(self) -> bool {
        !matches!(self, Stage::Declined | Stage::Withdrawn)
    }
}

choice_enum!(
    /// Where an import batch is: previewed (its file kept until confirmed), applied, reverted.
    /// The labels are lower case because pages and messages use them inside sentences.
    BatchStatus {
        Previewed => ("previewed", "previewed"),
        Applied => ("applied", "applied"),
        Reverted => ("reverted", "reverted"),
    }
);

impl Role {
    pub fn sees_pay(self) -> bool {
        self != Role::Viewer
    }

    /// Creates and edits companies, people and pay reports, and imports.
    pub fn edits(self) -> bool {
        matches!(self, Role::Admin | Role::Recruiter)
    }

    /// Manages pay bands and approves or rejects offers outside them.
    pub fn manages_bands(self) -> bool {
        matches!(self, Role::Admin | Role::Compensation)
    }

    /// Writes notes on people and attaches files to them: those who edit people, and
    /// compensation staff, whose talks with candidates are part of the record too.
    pub fn annotates(self) -> bool {
        self.edits() || self.manages_bands()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stage_parses_back_from_its_stored_name() {
        for stage in Stage::ALL {
            assert_eq!(Stage::parse(stage.as_str()), Some(*stage));
        }
        assert_eq!(Stage::parse("promoted"), None);
    }
}
