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

/// The largest id a file may give a record (2^53 - 1, the largest integer a JSON number holds
/// exactly): an id given by a file cannot move an id sequence near its end, which would leave
/// every later create without an id. The tables' `*_id_in_range` CHECKs refuse any id above
/// 2^62, so the sequences keep at least 2^62 - 2^53 values of room whatever a file gave.
pub const MAX_RECORD_ID: i64 = 9_007_199_254_740_991;

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
record_id!(
    /// A note on a person (`person_note`).
    NoteId
);
record_id!(
    /// A file attached to a person (`person_file`).
    FileId
);
