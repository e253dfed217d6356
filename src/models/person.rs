//! People: candidates and hires, with their companies and pipeline stage.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;

use super::person_keyset::{self as keyset, Position};
use super::stage_change::{NewStageChange, StageChange};
use crate::domain::Stage;
use crate::schema::{company, person};

diesel::alias!(company as origin: OriginCompany, company as hiring: HiringCompany);

diesel::define_sql_function!(
    fn coalesce(
        x: diesel::sql_types::Nullable<diesel::sql_types::Date>,
        y: diesel::sql_types::Nullable<diesel::sql_types::Date>,
    ) -> diesel::sql_types::Nullable<diesel::sql_types::Date>
);

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = person, check_for_backend(diesel::pg::Pg))]
pub struct Person {
    pub id: i64,
    pub full_name: String,
    pub title: Option<String>,
    pub expertise: Option<String>,
    pub origin_company_id: Option<i64>,
    pub hiring_company_id: Option<i64>,
    pub team: Option<String>,
    pub stage: Stage,
    pub first_contact_on: Option<NaiveDate>,
    pub offer_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub start_on: Option<NaiveDate>,
    pub location: Option<String>,
    pub notes: Option<String>,
    pub is_demo: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Bumped by the database on every update; edit forms send it back.
    pub version: i32,
}

/// What a user sets on a person, for both creating and editing one.
#[derive(
    Debug, Clone, PartialEq, Insertable, AsChangeset, serde::Serialize, serde::Deserialize,
)]
#[diesel(table_name = person, treat_none_as_null = true)]
pub struct PersonFields {
    pub full_name: String,
    pub title: Option<String>,
    pub expertise: Option<String>,
    pub origin_company_id: Option<i64>,
    pub hiring_company_id: Option<i64>,
    pub team: Option<String>,
    pub stage: Stage,
    pub first_contact_on: Option<NaiveDate>,
    pub offer_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub start_on: Option<NaiveDate>,
    pub location: Option<String>,
    pub notes: Option<String>,
}

/// A row of the people list: the person with their companies' names.
#[derive(Debug, Clone, Queryable)]
pub struct PersonListItem {
    pub id: i64,
    pub full_name: String,
    pub title: Option<String>,
    pub stage: Stage,
    pub origin_company: Option<String>,
    pub hiring_company: Option<String>,
    pub is_demo: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PersonSort {
    #[default]
    Name,
    Stage,
    Origin,
    Hiring,
    Updated,
    /// By start date, or the decision date where no start date is known.
    Started,
}

/// The people list's search and filters, already resolved to ids.
#[derive(Debug, Clone, Default)]
pub struct PersonFilter {
    pub name: Option<String>,
    pub origin_company_id: Option<i64>,
    pub hiring_company_id: Option<i64>,
    pub stage: Option<Stage>,
}

type PersonListQuery<'a> = diesel::dsl::IntoBoxed<
    'a,
    diesel::dsl::LeftJoinOn<
        diesel::dsl::LeftJoinOn<
            person::table,
            diesel::query_source::Alias<OriginCompany>,
            diesel::dsl::Eq<
                person::origin_company_id,
                diesel::dsl::Nullable<
                    diesel::query_source::AliasedField<OriginCompany, company::id>,
                >,
            >,
        >,
        diesel::query_source::Alias<HiringCompany>,
        diesel::dsl::Eq<
            person::hiring_company_id,
            diesel::dsl::Nullable<diesel::query_source::AliasedField<HiringCompany, company::id>>,
        >,
    >,
    diesel::pg::Pg,
>;

/// Narrows any boxed query that includes `person` to the filter's people. A macro rather than a
/// function because the people list and the pay-report export box different joins.
macro_rules! filter_people {
    ($query:expr, $filter:expr) => {{
        let mut query = $query;
        let filter: &$crate::models::PersonFilter = $filter;
        if let Some(name) = &filter.name {
            query = query.filter(person::full_name.ilike($crate::models::like_pattern(name)));
        }
        if let Some(id) = filter.origin_company_id {
            query = query.filter(person::origin_company_id.eq(id));
        }
        if let Some(id) = filter.hiring_company_id {
            query = query.filter(person::hiring_company_id.eq(id));
        }
        if let Some(stage) = filter.stage {
            query = query.filter(person::stage.eq(stage));
        }
        query
    }};
}
pub(crate) use filter_people;

/// Orders any boxed query that joins `person` with its `origin` and `hiring` companies as the
/// people list is sorted. The id breaks ties so pages never overlap or skip.
macro_rules! sort_people {
    ($query:expr, $sort:expr, $descending:expr) => {{
        use $crate::models::PersonSort;
        use $crate::models::person::{coalesce, hiring, origin, pipeline_position};
        let query = $query;
        let origin_name = origin.field(company::name);
        let hiring_name = hiring.field(company::name);
        let started = coalesce(person::start_on, person::decided_on);
        match ($sort, $descending) {
            (PersonSort::Name, false) => query.order((person::full_name.asc(), person::id.asc())),
            (PersonSort::Name, true) => query.order((person::full_name.desc(), person::id.desc())),
            (PersonSort::Stage, false) => {
                query.order((pipeline_position().asc(), person::id.asc()))
            }
            (PersonSort::Stage, true) => {
                query.order((pipeline_position().desc(), person::id.desc()))
            }
            (PersonSort::Origin, false) => {
                query.order((origin_name.asc().nulls_last(), person::id.asc()))
            }
            (PersonSort::Origin, true) => {
                query.order((origin_name.desc().nulls_last(), person::id.desc()))
            }
            (PersonSort::Hiring, false) => {
                query.order((hiring_name.asc().nulls_last(), person::id.asc()))
            }
            (PersonSort::Hiring, true) => {
                query.order((hiring_name.desc().nulls_last(), person::id.desc()))
            }
            (PersonSort::Updated, false) => {
                query.order((person::updated_at.asc(), person::id.asc()))
            }
            (PersonSort::Updated, true) => {
                query.order((person::updated_at.desc(), person::id.desc()))
            }
            (PersonSort::Started, false) => {
                query.order((started.asc().nulls_last(), person::id.asc()))
            }
            (PersonSort::Started, true) => {
                query.order((started.desc().nulls_last(), person::id.desc()))
            }
        }
    }};
}
pub(crate) use sort_people;

/// A person as exported: with the names of their companies.
pub type PersonWithCompanies = (Person, Option<String>, Option<String>);

impl PersonFilter {
    fn query(&self) -> PersonListQuery<'static> {
        let joined = person::table
            .left_join(
                origin.on(person::origin_company_id.eq(origin.field(company::id).nullable())),
            )
            .left_join(
                hiring.on(person::hiring_company_id.eq(hiring.field(company::id).nullable())),
            )
            .into_boxed();
        filter_people!(joined, self)
    }
}

impl Person {
    pub fn find(conn: &mut PgConnection, id: i64) -> QueryResult<Person> {
        person::table
            .find(id)
            .select(Person::as_select())
            .first(conn)
    }

    /// How many people match the filter, or `None` when more than `limit` do: an exact count
    /// of a million rows takes longer than the page it would be shown on.
    pub fn count_up_to(
        conn: &mut PgConnection,
        filter: &PersonFilter,
        limit: i64,
    ) -> QueryResult<Option<i64>> {
        let ids: Vec<i64> = filter
            .query()
            .select(person::id)
            .limit(limit + 1)
            .load(conn)?;
        let n = ids.len() as i64;
        Ok((n <= limit).then_some(n))
    }

    /// One page of the people list, starting where `at` says.
    pub fn list(
        conn: &mut PgConnection,
        filter: &PersonFilter,
        sort: PersonSort,
        descending: bool,
        at: Position,
        limit: i64,
    ) -> QueryResult<Vec<PersonListItem>> {
        use diesel::dsl::sql;
        use diesel::sql_types::{BigInt, Bool, Integer};
        let backwards = matches!(at, Position::Before(_));
        let mut query = filter
            .query()
            .order(sql::<Integer>(&keyset::order_by(
                sort, descending, backwards,
            )))
            .select((
                person::id,
                person::full_name,
                person::title,
                person::stage,
                origin.field(company::name).nullable(),
                hiring.field(company::name).nullable(),
                person::is_demo,
            ))
            .limit(limit);
        if let (Some((head, tail)), Some(id)) = (
            keyset::beyond_cursor(sort, descending, at),
            keyset::cursor_id(at),
        ) {
            query = query.filter(sql::<Bool>(&head).bind::<BigInt, _>(id).sql(&tail));
        }
        if let Position::Offset(skip) = at {
            query = query.offset(skip);
        }
        let mut rows: Vec<PersonListItem> = query.load(conn)?;
        if backwards {
            rows.reverse();
        }
        Ok(rows)
    }

    /// Every person the filter keeps, in list order, with their companies' names: streamed
    /// row by row from PostgreSQL, so a million people never sit in memory at once.
    pub fn export<'c>(
        conn: &'c mut PgConnection,
        filter: &PersonFilter,
        sort: PersonSort,
        descending: bool,
    ) -> QueryResult<impl Iterator<Item = QueryResult<PersonWithCompanies>> + 'c> {
        let query = sort_people!(filter.query(), sort, descending).select((
            Person::as_select(),
            origin.field(company::name).nullable(),
            hiring.field(company::name).nullable(),
        ));
        query.load_iter::<PersonWithCompanies, diesel::pg::PgRowByRowLoadingMode>(conn)
    }

    /// Creates a person and records the stage they enter the pipeline in.
    pub fn insert(conn: &mut PgConnection, fields: &PersonFields) -> QueryResult<Person> {
        Person::insert_entered(conn, fields, Utc::now())
    }

    /// Creates many people at once (the import), each with the stage they enter in: a few
    /// statements per thousand people instead of a few per person. Ids come back in order.
    pub fn insert_many(conn: &mut PgConnection, people: &[PersonFields]) -> QueryResult<Vec<i64>> {
        use crate::schema::stage_change;
        let now = Utc::now();
        let mut ids = Vec::with_capacity(people.len());
        // Thirteen parameters a row; PostgreSQL takes at most 65,535 a statement.
        for chunk in people.chunks(2_000) {
            let created: Vec<(i64, Stage)> = diesel::insert_into(person::table)
                .values(chunk)
                .returning((person::id, person::stage))
                .get_results(conn)?;
            let moves: Vec<NewStageChange> = created
                .iter()
                .map(|&(person_id, to_stage)| NewStageChange {
                    person_id,
                    from_stage: None,
                    to_stage,
                    changed_at: now,
                })
                .collect();
            diesel::insert_into(stage_change::table)
                .values(&moves)
                .execute(conn)?;
            ids.extend(created.into_iter().map(|(id, _)| id));
        }
        Ok(ids)
    }

    /// Creates a person who entered the pipeline at `entered_at` (a past date for imported or
    /// demo histories).
    pub fn insert_entered(
        conn: &mut PgConnection,
        fields: &PersonFields,
        entered_at: DateTime<Utc>,
    ) -> QueryResult<Person> {
        conn.transaction(|conn| {
            let created: Person = diesel::insert_into(person::table)
                .values(fields)
                .returning(Person::as_returning())
                .get_result(conn)?;
            record_move(conn, created.id, None, created.stage, entered_at)?;
            Ok(created)
        })
    }

    /// Saves a person and, when their stage moved, records the move with it.
    pub fn update(conn: &mut PgConnection, id: i64, fields: &PersonFields) -> QueryResult<Person> {
        Person::save(conn, id, None, fields)?.ok_or(diesel::result::Error::NotFound)
    }

    /// Saves over the version a form was read at; `None` when someone saved a newer one since.
    pub fn update_version(
        conn: &mut PgConnection,
        id: i64,
        version: i32,
        fields: &PersonFields,
    ) -> QueryResult<Option<Person>> {
        Person::save(conn, id, Some(version), fields)
    }

    fn save(
        conn: &mut PgConnection,
        id: i64,
        version: Option<i32>,
        fields: &PersonFields,
    ) -> QueryResult<Option<Person>> {
        conn.transaction(|conn| {
            let (previous, current): (Stage, i32) = person::table
                .find(id)
                .select((person::stage, person::version))
                .for_update()
                .first(conn)?;
            if version.is_some_and(|v| v != current) {
                return Ok(None);
            }
            let updated: Person = diesel::update(person::table.find(id))
                .set((fields, person::updated_at.eq(diesel::dsl::now)))
                .returning(Person::as_returning())
                .get_result(conn)?;
            if updated.stage != previous {
                record_move(conn, id, Some(previous), updated.stage, updated.updated_at)?;
            }
            Ok(Some(updated))
        })
    }

    /// Moves a person to `stage` as of `at` (a past date for imported or demo histories).
    pub fn move_stage(
        conn: &mut PgConnection,
        id: i64,
        stage: Stage,
        at: DateTime<Utc>,
    ) -> QueryResult<()> {
        conn.transaction(|conn| {
            let previous: Stage = person::table
                .find(id)
                .select(person::stage)
                .for_update()
                .first(conn)?;
            if previous != stage {
                diesel::update(person::table.find(id))
                    .set((
                        person::stage.eq(stage),
                        person::updated_at.eq(diesel::dsl::now),
                    ))
                    .execute(conn)?;
                record_move(conn, id, Some(previous), stage, at)?;
            }
            Ok(())
        })
    }

    /// Erases a person on request (GDPR): their name and personal fields go, and the sources and
    /// notes of their pay reports; the pay figures, companies, stages and dates stay as anonymous
    /// statistics. The audit records that an erasure happened, and the personal fields are
    /// scrubbed from this person's earlier audit entries (see the erasure migration).
    pub fn erase(conn: &mut PgConnection, id: i64) -> QueryResult<()> {
        use crate::schema::pay_report;
        conn.transaction(|conn| {
            Person::find(conn, id)?;
            diesel::sql_query("SELECT set_config('talent_tracker.erasing', $1, true)")
                .bind::<diesel::sql_types::Text, _>(format!("person:{id}"))
                .execute(conn)?;
            diesel::update(person::table.find(id))
                .set((
                    person::full_name.eq(format!("Erased person {id}")),
                    person::title.eq(None::<String>),
                    person::expertise.eq(None::<String>),
                    person::team.eq(None::<String>),
                    person::location.eq(None::<String>),
                    person::notes.eq(None::<String>),
                    person::updated_at.eq(diesel::dsl::now),
                ))
                .execute(conn)?;
            diesel::update(pay_report::table.filter(pay_report::person_id.eq(id)))
                .set((
                    pay_report::source_name.eq(None::<String>),
                    pay_report::source_url.eq(None::<String>),
                    pay_report::notes.eq(None::<String>),
                ))
                .execute(conn)?;
            diesel::sql_query(
                "UPDATE audit_log
                 SET before = before - ARRAY['full_name', 'title', 'expertise', 'team', 'location', 'notes', 'source_name', 'source_url'],
                     after = after - ARRAY['full_name', 'title', 'expertise', 'team', 'location', 'notes', 'source_name', 'source_url']
                 WHERE action <> 'erase'
                   AND ((record_table = 'person' AND record_id = $1)
                     OR (record_table = 'pay_report' AND coalesce(after, before) ->> 'person_id' = $1::text))",
            )
            .bind::<diesel::sql_types::BigInt, _>(id)
            .execute(conn)?;
            Ok(())
        })
    }

    /// Deletes a person; their pay reports and stage history go with them (ON DELETE CASCADE).
    pub fn delete(conn: &mut PgConnection, id: i64) -> QueryResult<usize> {
        diesel::delete(person::table.find(id)).execute(conn)
    }

    /// How many people are at each stage, in pipeline order, zeros included.
    pub fn count_by_stage(conn: &mut PgConnection) -> QueryResult<Vec<(Stage, i64)>> {
        let counts: Vec<(Stage, i64)> = person::table
            .group_by(person::stage)
            .select((person::stage, diesel::dsl::count_star()))
            .load(conn)?;
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

    /// The most recent hires, by start date or else decision date.
    pub fn latest_hires(conn: &mut PgConnection, limit: i64) -> QueryResult<Vec<PersonListItem>> {
        let filter = PersonFilter {
            stage: Some(Stage::Hired),
            ..PersonFilter::default()
        };
        Person::list(
            conn,
            &filter,
            PersonSort::Started,
            true,
            Position::Offset(0),
            limit,
        )
    }
}

/// A stage's place in the pipeline, so stages sort as sourced → … → withdrawn.
pub(crate) const PIPELINE_POSITION: &str = "array_position(ARRAY['sourced', 'contacted', \
     'interviewing', 'offer', 'hired', 'declined', 'withdrawn']::text[], {p}.stage)";

pub(crate) fn pipeline_position() -> diesel::expression::SqlLiteral<diesel::sql_types::Integer> {
    diesel::dsl::sql(&PIPELINE_POSITION.replace("{p}", "person"))
}

fn record_move(
    conn: &mut PgConnection,
    person_id: i64,
    from_stage: Option<Stage>,
    to_stage: Stage,
    changed_at: DateTime<Utc>,
) -> QueryResult<()> {
    StageChange::record(
        conn,
        &NewStageChange {
            person_id,
            from_stage,
            to_stage,
            changed_at,
        },
    )
}

/// What a user set on a stored person: an edit's starting point, or what to restore.
impl From<Person> for PersonFields {
    fn from(person: Person) -> Self {
        PersonFields {
            full_name: person.full_name,
            title: person.title,
            expertise: person.expertise,
            origin_company_id: person.origin_company_id,
            hiring_company_id: person.hiring_company_id,
            team: person.team,
            stage: person.stage,
            first_contact_on: person.first_contact_on,
            offer_on: person.offer_on,
            decided_on: person.decided_on,
            start_on: person.start_on,
            location: person.location,
            notes: person.notes,
        }
    }
}
