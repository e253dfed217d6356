//! Row models, one per table, with the queries that read and write them.

pub mod account_link;
pub mod api_token;
pub mod audit_entry;
pub mod audit_names;
pub mod company;
pub mod company_list;
pub mod duplicate_dismissal;
pub mod duplicate_pair;
pub mod exchange_rate;
pub mod import_batch;
pub mod import_item;
pub mod import_result;
pub mod mail_kind;
pub mod mail_opt_out;
pub mod market;
pub mod offer;
pub mod offer_list;
pub mod offer_queue;
pub mod outbox;
pub mod pay_band;
pub mod pay_decision;
pub mod pay_report;
pub mod pay_valuation;
pub mod person;
pub mod person_file;
pub mod person_merge;
pub mod person_note;
pub mod report_setting;
pub mod session;
pub mod sso_identity;
pub mod stage_change;
pub mod text_cells;
pub mod user;
pub mod webhook_delivery;
pub mod webhook_endpoint;

diesel::define_sql_function!(
    /// Text without case for every letter (the `fold_case` migration): job families and levels
    /// match by it, in the queries here as in `band_in_force`.
    fn fold_case(x: diesel::sql_types::Text) -> diesel::sql_types::Text
);
diesel::define_sql_function!(
    #[sql_name = "fold_case"]
    fn fold_case_nullable(
        x: diesel::sql_types::Nullable<diesel::sql_types::Text>,
    ) -> diesel::sql_types::Nullable<diesel::sql_types::Text>
);

pub use account_link::{PASSWORD_LINK_DAYS, PasswordLink, SETUP_LINK_DAYS, SetupLink};
pub use api_token::{ApiToken, OwnedToken};
pub use audit_entry::{AuditEntry, AuditFilter};
pub use audit_names::AuditNames;
pub use company::{Company, CompanyFields};
pub use company_list::{CompanyListItem, CompanySort};
pub use duplicate_dismissal::DuplicateDismissal;
pub use duplicate_pair::{DuplicatePair, PairCursor, PairSide};
pub use exchange_rate::{ExchangeRate, NewExchangeRate};
pub use import_batch::{ERASED_FILE_NAME, ImportBatch, NewImportBatch};
pub use import_item::ImportItem;
pub use import_result::ImportedRecord;
pub use pay_band::{PayBand, PayBandFields, PayBandFilter};
pub use pay_report::{PayReport, PayReportFields};
pub use pay_valuation::{PayValue, RankedPayReport, Valuation};
pub use person::keyset::Position;
pub use person::{
    Candidate, LikelyDuplicate, Person, PersonFields, PersonFilter, PersonListItem, PersonSort,
};
pub use person_file::{ContentError, ListedFile, PersonFile, StoredFile};
pub use person_merge::{MergeListItem, MergeOutcome, MergeRequest, PersonMerge, UndoOutcome};
pub use person_note::{NoteEdit, PersonNote, ThreadNote};
pub use session::{Session, SessionLifetime};
pub use stage_change::StageChange;
pub use user::{AdminGuarded, Admission, LoginAttempts, NewUser, User};

/// Whether a database constraint (a unique index, a CHECK) refused the write.
pub fn violates(error: &diesel::result::Error, constraint: &str) -> bool {
    matches!(error, diesel::result::Error::DatabaseError(_, info)
        if info.constraint_name() == Some(constraint))
}

/// Declares a versioned record's row: its id (and parent), the fields users set, and what
/// the database keeps beside them. Every such table has these columns (see the migrations'
/// version trigger), so they are written out once.
macro_rules! stored_record {
    ($(#[$meta:meta])* $name:ident in $table:ident {
        id: $id:ty, fields: $fields:ty $(, $parent:ident: $parent_ty:ty)? $(,)?
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
        #[diesel(table_name = $table, check_for_backend(diesel::pg::Pg))]
        pub struct $name {
            pub id: $id,
            $(pub $parent: $parent_ty,)?
            #[diesel(embed)]
            pub fields: $fields,
            pub is_demo: bool,
            pub created_at: chrono::DateTime<chrono::Utc>,
            pub updated_at: chrono::DateTime<chrono::Utc>,
            /// Bumped by the database on every update; edit forms send it back.
            pub version: i32,
        }
    };
}
use stored_record;

/// Gives a list's order its name and label from the first two of its `definition` (name,
/// label, key...), so links, headings and `parse` read them from one place.
macro_rules! sort_choice {
    ($name:ident) => {
        impl $name {
            pub fn parse(name: &str) -> Option<$name> {
                use $crate::domain::ChoiceName;
                Self::ALL.iter().copied().find(|s| s.as_str() == name)
            }
        }

        impl $crate::domain::ChoiceName for $name {
            fn all() -> &'static [Self] {
                Self::ALL
            }

            fn as_str(self) -> &'static str {
                self.definition().0
            }

            fn label(self) -> &'static str {
                self.definition().1
            }

            $crate::domain::choices::key_prefix!($name);
        }
    };
}
use sort_choice;

/// What saving over the version an edit form was read at came to. Every versioned record's
/// model answers with it, and one route helper turns it into the page.
#[derive(Debug)]
pub enum SaveOutcome<T> {
    /// Written: the record as it is now.
    Saved(T),
    /// Nothing written: someone saved a newer version meanwhile, which this is.
    Stale(T),
}

/// Saves a versioned record in one transaction: `locked_version` reads and locks the stored
/// version; when the form's `version` is older, nothing is written and `stored` is read back.
pub(crate) fn save_over<T>(
    conn: &mut diesel::PgConnection,
    version: Option<i32>,
    locked_version: impl FnOnce(&mut diesel::PgConnection) -> diesel::QueryResult<i32>,
    stored: impl FnOnce(&mut diesel::PgConnection) -> diesel::QueryResult<T>,
    write: impl FnOnce(&mut diesel::PgConnection) -> diesel::QueryResult<T>,
) -> diesel::QueryResult<SaveOutcome<T>> {
    use diesel::Connection;
    conn.transaction(|conn| {
        let current = locked_version(conn)?;
        if version.is_some_and(|v| v != current) {
            stored(conn).map(SaveOutcome::Stale)
        } else {
            write(conn).map(SaveOutcome::Saved)
        }
    })
}

/// Escapes LIKE wildcards so a search for "50%" means the text "50%".
pub(crate) fn like_pattern(search: &str) -> String {
    let escaped = search
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// Moves `table`'s id identity past `largest`, when it is not past it yet, so that rows
/// written under given ids (an import keeping a tracker's ids) are never given again. Sequences
/// are not transactional: a rolled-back import leaves a gap, as any failed insert does.
pub(crate) fn advance_id_sequence(
    conn: &mut diesel::PgConnection,
    table: &'static str,
    largest: i64,
) -> diesel::QueryResult<()> {
    use diesel::RunQueryDsl;
    use diesel::sql_types::BigInt;
    // `pg_sequence_last_value` is NULL before the first value is taken.
    diesel::sql_query(format!(
        "SELECT setval(s, $1) FROM pg_get_serial_sequence('{table}', 'id') AS s \
         WHERE $1 > coalesce(pg_sequence_last_value(s::regclass), 0)"
    ))
    .bind::<BigInt, _>(largest)
    .execute(conn)?;
    Ok(())
}

/// Ids for rows of `table` that COPY writes: each given id, and for the others (`None`) one
/// reserved from the identity, which is first moved past the largest given id.
pub(crate) fn ids_keeping(
    conn: &mut diesel::PgConnection,
    table: &'static str,
    given: &[Option<i64>],
) -> diesel::QueryResult<Vec<i64>> {
    if let Some(largest) = given.iter().flatten().max() {
        advance_id_sequence(conn, table, *largest)?;
    }
    let mut reserved =
        reserve_ids(conn, table, given.iter().filter(|g| g.is_none()).count())?.into_iter();
    Ok(given
        .iter()
        .map(|g| g.or_else(|| reserved.next()).unwrap_or_default())
        .collect())
}

/// Takes `count` values of `table`'s id identity for rows written by COPY, which cannot return
/// the ids it gives: the rows are written with these ids instead (COPY accepts values for an
/// identity column). Ascending, so rows keep the order they would have had.
pub(crate) fn reserve_ids(
    conn: &mut diesel::PgConnection,
    table: &'static str,
    count: usize,
) -> diesel::QueryResult<Vec<i64>> {
    use diesel::RunQueryDsl;
    use diesel::sql_types::{Array, BigInt};
    #[derive(diesel::QueryableByName)]
    struct Reserved {
        #[diesel(sql_type = Array<BigInt>)]
        ids: Vec<i64>,
    }
    if count == 0 {
        return Ok(Vec::new());
    }
    // The sequence is looked up once (in FROM), not for every value, and the values come back
    // as one array.
    let mut ids = diesel::sql_query(format!(
        "SELECT array_agg(nextval(s)) AS ids \
         FROM pg_get_serial_sequence('{table}', 'id') AS s, generate_series(1, $1)"
    ))
    .bind::<BigInt, _>(count as i64)
    .get_result::<Reserved>(conn)?
    .ids;
    ids.sort_unstable();
    Ok(ids)
}
