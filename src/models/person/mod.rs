//! People: candidates and hires, with their companies and pipeline stage.

pub mod board;
pub mod counted;
mod duplicates;
mod duplicates_many;
mod erase;
mod insert;
pub mod keyset;
mod list;
mod moves;
mod update;

use chrono::NaiveDate;
use diesel::prelude::*;

pub use duplicates::{Candidate, LikelyDuplicate, SIMILAR_NAMES};
pub use duplicates_many::NewPerson;
pub use list::{KeptQuestion, PersonFilter, PersonListItem, PersonSort, PersonWithCompanies};
pub(crate) use list::{filter_people, hiring, origin};

use crate::domain::{CompanyId, PersonId, Stage, name_key};
use crate::schema::person;

super::stored_record!(Person in person {
    id: PersonId,
    fields: PersonFields,
});

/// What a user sets on a person, for both creating and editing one; kept as JSON by the
/// import to restore on revert.
#[derive(
    Debug,
    Clone,
    Default,
    serde::Serialize,
    serde::Deserialize,
    Queryable,
    Selectable,
    Insertable,
    AsChangeset,
)]
#[diesel(table_name = person, treat_none_as_null = true, check_for_backend(diesel::pg::Pg))]
// An erasure takes the personal keys out of the import's kept copies: they read back empty.
#[serde(default)]
pub struct PersonFields {
    pub full_name: String,
    pub title: Option<String>,
    pub expertise: Option<String>,
    pub origin_company_id: Option<CompanyId>,
    pub hiring_company_id: Option<CompanyId>,
    pub team: Option<String>,
    pub stage: Stage,
    pub first_contact_on: Option<NaiveDate>,
    pub offer_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub start_on: Option<NaiveDate>,
    pub location: Option<String>,
    pub notes: Option<String>,
    pub job_family: Option<String>,
    pub level: Option<String>,
    pub zone: Option<String>,
    pub range_disclosed_on: Option<NaiveDate>,
}

impl Person {
    pub fn find(conn: &mut PgConnection, id: PersonId) -> QueryResult<Person> {
        person::table
            .find(id)
            .select(Person::as_select())
            .first(conn)
    }

    /// Up to `limit` people in id order after `after`: a page of the API's list.
    pub fn page_after(
        conn: &mut PgConnection,
        after: Option<PersonId>,
        limit: i64,
    ) -> QueryResult<Vec<Person>> {
        let mut query = person::table.select(Person::as_select()).into_boxed();
        if let Some(after) = after {
            query = query.filter(person::id.gt(after));
        }
        query.order(person::id).limit(limit).load(conn)
    }

    /// Deletes a person; their pay reports and stage history go with them (ON DELETE CASCADE).
    pub fn delete(conn: &mut PgConnection, id: PersonId) -> QueryResult<usize> {
        diesel::delete(person::table.find(id)).execute(conn)
    }

    /// How many people are at each stage, in pipeline order, zeros included.
    pub fn count_by_stage(conn: &mut PgConnection) -> QueryResult<Vec<(Stage, i64)>> {
        // From the pipeline's kept counts (one per current stage and stages entered, striped
        // by connection), not by counting a million people on every dashboard view.
        let counts: Vec<(Stage, i64)> = diesel::sql_query(
            "SELECT stage, sum(n)::bigint AS n FROM pipeline_count GROUP BY stage",
        )
        .load::<StageTotal>(conn)?
        .into_iter()
        .map(|t| (t.stage, t.n))
        .collect();
        Ok(Stage::ALL
            .iter()
            .map(|stage| {
                let n = counts
                    .iter()
                    .find(|(s, _)| s == stage)
                    .map_or(0, |(_, n)| *n);
                (*stage, n)
            })
            .collect())
    }
}

#[derive(QueryableByName)]
struct StageTotal {
    #[diesel(sql_type = diesel::sql_types::Text)]
    stage: Stage,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

/// The key written with every name, so the name and its key never disagree.
pub(super) fn keyed(fields: &PersonFields) -> diesel::dsl::Eq<person::name_key, String> {
    person::name_key.eq(name_key(&fields.full_name))
}
