//! Typed record ids: a person's id cannot be passed where a company's is meant.

/// Declares an id type over a table's BIGINT key that Diesel stores as the number, a route
/// reads from its path and `uri!` writes back, and serde writes as the plain number (the
/// import keeps old values as JSON).
macro_rules! record_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            diesel_derive_newtype::DieselNewType, serde::Serialize, serde::Deserialize,
            rocket::UriDisplayPath,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl $name {
            pub fn get(self) -> i64 {
                self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl<'a> rocket::request::FromParam<'a> for $name {
            type Error = std::num::ParseIntError;

            fn from_param(param: &'a str) -> Result<Self, Self::Error> {
                param.parse().map($name)
            }
        }
    };
}

record_id!(
    /// A company's id.
    CompanyId
);
record_id!(
    /// A person's id.
    PersonId
);
record_id!(
    /// A pay report's id.
    PayReportId
);
record_id!(
    /// A pay band's id.
    PayBandId
);
record_id!(
    /// A merge of two people's records (`person_merge`).
    MergeId
);
