//! The people list: its filters, its orders, its pages, and the export that follows them.

use std::sync::LazyLock;

use diesel::prelude::*;

use super::Person;
use super::counted::CountedFilter;
use super::keyset::{self, Position};
use crate::domain::{ChoiceName, CompanyId, PersonId, Stage};
use crate::schema::{company, person};

diesel::alias!(company as origin: OriginCompany, company as hiring: HiringCompany);

/// A row of the people list: the person with their companies' names.
#[derive(Debug, Clone, Queryable)]
pub struct PersonListItem {
    pub id: PersonId,
    pub full_name: String,
    pub title: Option<String>,
    pub stage: Stage,
    pub origin_company: Option<String>,
    pub hiring_company: Option<String>,
    pub is_demo: bool,
    /// The start date, else the decision date: what "Start date" sorts by.
    pub started_on: Option<chrono::NaiveDate>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// A person as exported: with the names of their companies.
pub type PersonWithCompanies = (Person, Option<String>, Option<String>);

/// The orders of the people list. Each is defined once, in `definition`: the name links
/// carry, the label the page shows, and the key as SQL, which the list's keyset pages and the
/// exports both sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PersonSort {
    #[default]
    Name,
    Stage,
    Origin,
    Hiring,
    /// By start date, or the decision date where no start date is known.
    Started,
    Updated,
}

/// A stage's place in the pipeline, so stages sort as `Stage` lists them.
static PIPELINE_POSITION: LazyLock<String> = LazyLock::new(|| {
    let names: Vec<String> = Stage::ALL
        .iter()
        .map(|s| format!("'{}'", s.as_str()))
        .collect();
    format!(
        "array_position(ARRAY[{}]::text[], {{p}}.stage)",
        names.join(", ")
    )
});

impl PersonSort {
    pub const ALL: &'static [PersonSort] = &[
        PersonSort::Name,
        PersonSort::Stage,
        PersonSort::Origin,
        PersonSort::Hiring,
        PersonSort::Started,
        PersonSort::Updated,
    ];

    /// (name, label, key, whether the key can be NULL). In the key, `{p}`, `{o}` and `{h}`
    /// stand for the person, origin and hiring company tables.
    fn definition(self) -> (&'static str, &'static str, &'static str, bool) {
        match self {
            PersonSort::Name => ("name", "Name", "{p}.full_name", false),
            PersonSort::Stage => ("stage", "Stage", PIPELINE_POSITION.as_str(), false),
            PersonSort::Origin => ("origin_company", "Origin company", "{o}.name", true),
            PersonSort::Hiring => ("hiring_company", "Hiring company", "{h}.name", true),
            PersonSort::Started => (
                "start",
                "Start date",
                "coalesce({p}.start_on, {p}.decided_on)",
                true,
            ),
            PersonSort::Updated => ("updated", "Last updated", "{p}.updated_at", false),
        }
    }

    pub fn parse(name: &str) -> Option<PersonSort> {
        Self::ALL.iter().copied().find(|s| s.as_str() == name)
    }

    /// The sort key as SQL over the given table names, and whether it can be NULL.
    pub(crate) fn key(self, people: &str, origins: &str, hirings: &str) -> (String, bool) {
        let (_, _, key, nullable) = self.definition();
        let key = key
            .replace("{p}", people)
            .replace("{o}", origins)
            .replace("{h}", hirings);
        (key, nullable)
    }
}

impl ChoiceName for PersonSort {
    fn all() -> &'static [Self] {
        Self::ALL
    }

    fn as_str(self) -> &'static str {
        self.definition().0
    }

    fn label(self) -> &'static str {
        self.definition().1
    }
}

/// How many people in name order a common name's search reads before it gives up (see
/// `Person::list_common_name`): about a millisecond of the name index.
const NAME_WINDOW: i64 = 20_000;

/// The people list's search and filters, already resolved to ids.
#[derive(Debug, Clone, Default)]
pub struct PersonFilter {
    pub name: Option<String>,
    pub origin_company_id: Option<CompanyId>,
    pub hiring_company_id: Option<CompanyId>,
    pub stage: Option<Stage>,
    /// What a report counted, so its numbers lead to their people.
    pub counted: CountedFilter,
    /// Job family and level without case, as bands are matched; the zone as stored.
    pub job_family: Option<String>,
    pub level: Option<String>,
    pub zone: Option<String>,
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
            // On the stored key, byte for byte: the same matches on a server of any locale.
            let key = $crate::domain::name_key(name);
            query = query.filter(person::name_key.like($crate::models::like_pattern(&key)));
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
        if let Some(family) = &filter.job_family {
            let family = $crate::models::fold_case(family.clone()).nullable();
            query = query.filter($crate::models::fold_case_nullable(person::job_family).eq(family));
        }
        if let Some(level) = &filter.level {
            let level = $crate::models::fold_case(level.clone()).nullable();
            query = query.filter($crate::models::fold_case_nullable(person::level).eq(level));
        }
        if let Some(zone) = &filter.zone {
            query = query.filter(person::zone.eq(zone.to_ascii_uppercase()));
        }
        let counted = &filter.counted;
        if counted.without_origin_company {
            query = query.filter(person::origin_company_id.is_null());
        }
        if counted.without_hiring_company {
            query = query.filter(person::hiring_company_id.is_null());
        }
        if let Some(title) = &counted.title {
            query = query.filter(person::title.eq(title.clone()));
        }
        if counted.without_title {
            query = query.filter(person::title.is_null());
        }
        for condition in counted.sql() {
            query = query.filter(diesel::dsl::sql::<diesel::sql_types::Bool>(&condition));
        }
        query
    }};
}
pub(crate) use filter_people;

impl PersonFilter {
    pub(super) fn query(&self) -> PersonListQuery<'static> {
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
    /// How many people match the filter, or `None` when more than `limit` do: an exact count
    /// of a million rows takes longer than the page it would be shown on.
    pub fn count_up_to(
        conn: &mut PgConnection,
        filter: &PersonFilter,
        limit: i64,
    ) -> QueryResult<Option<i64>> {
        let ids: Vec<PersonId> = filter
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
        let backwards = matches!(at, Position::Before(_));
        let mut query = filter.query();
        if let Some(past) = keyset::past_cursor(sort, descending, at) {
            query = query.filter(past);
        }
        if let Position::Offset(skip) = at {
            query = query.offset(skip);
        }
        Self::read_page(conn, query, sort, descending, backwards, limit)
    }

    /// The same page as `list` by name, for a name search that matches more people than the
    /// list counts, or `None` when this way cannot tell. Gathering thousands of matches from
    /// the trigram index fetches each one's row only to sort them for one page; instead, the
    /// next `NAME_WINDOW` people in name order are read from the name index, which carries the
    /// matching key (no table rows), and the page is taken from the matches among them. When
    /// the window holds a whole page it is exactly the list's page; when it does not (matches
    /// clustered further on, or the end of the list), the caller asks `list`.
    pub fn list_common_name(
        conn: &mut PgConnection,
        filter: &PersonFilter,
        descending: bool,
        at: Position,
        limit: i64,
    ) -> QueryResult<Option<Vec<PersonListItem>>> {
        use diesel::dsl::sql;
        use diesel::sql_types::{BigInt, Bool, Nullable, Text};
        let sort = PersonSort::Name;
        let backwards = matches!(at, Position::Before(_));
        let key = crate::domain::name_key(filter.name.as_deref().unwrap_or_default());
        // Without a cursor the bound id is NULL and the condition reads "NULL IS NULL".
        let (head, tail) = keyset::beyond_cursor(sort, descending, at)
            .unwrap_or_else(|| (String::new(), "::bigint IS NULL".to_owned()));
        let order = keyset::order_sql(sort, descending, backwards);
        let skip = match at {
            Position::Offset(skip) => skip,
            _ => 0,
        };
        // The window is named `person` too, so the order and cursor SQL read the same in it.
        // Its matches are ordered and cut again: without that LIMIT, PostgreSQL expects a
        // third of the window to match and joins it by scanning every person.
        let window = sql::<Bool>(&format!(
            "person.id IN (SELECT person.id FROM (SELECT person.id, person.full_name, \
             person.name_key FROM person WHERE {head}"
        ))
        .bind::<Nullable<BigInt>, _>(keyset::cursor_id(at).map(PersonId::get))
        .sql(&format!(
            "{tail} ORDER BY {order} LIMIT {NAME_WINDOW}) AS person \
             WHERE strpos(person.name_key, "
        ))
        .bind::<Text, _>(key)
        .sql(&format!(
            ") > 0 ORDER BY {order} LIMIT {})",
            limit.saturating_add(skip)
        ));
        let others = PersonFilter {
            name: None,
            ..filter.clone()
        };
        let mut query = others.query().filter(window);
        if let Position::Offset(skip) = at {
            query = query.offset(skip);
        }
        let rows = Self::read_page(conn, query, sort, descending, backwards, limit)?;
        Ok((rows.len() as i64 == limit).then_some(rows))
    }

    fn read_page(
        conn: &mut PgConnection,
        query: PersonListQuery<'static>,
        sort: PersonSort,
        descending: bool,
        backwards: bool,
        limit: i64,
    ) -> QueryResult<Vec<PersonListItem>> {
        let query = query
            .order(keyset::order_by(sort, descending, backwards))
            .select((
                person::id,
                person::full_name,
                person::title,
                person::stage,
                origin.field(company::name).nullable(),
                hiring.field(company::name).nullable(),
                person::is_demo,
                diesel::dsl::sql::<diesel::sql_types::Nullable<diesel::sql_types::Date>>(
                    "coalesce(person.start_on, person.decided_on)",
                ),
                person::updated_at,
            ))
            .limit(limit);
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
        let query = filter
            .query()
            .order(keyset::order_by(sort, descending, false))
            .select((
                Person::as_select(),
                origin.field(company::name).nullable(),
                hiring.field(company::name).nullable(),
            ));
        query.load_iter::<PersonWithCompanies, diesel::pg::PgRowByRowLoadingMode>(conn)
    }

    /// The most recent hires, by start date or else decision date.
    pub fn latest_hires(conn: &mut PgConnection, limit: i64) -> QueryResult<Vec<PersonListItem>> {
        let filter = PersonFilter {
            stage: Some(Stage::Hired),
            ..PersonFilter::default()
        };
        let at = Position::Offset(0);
        Person::list(conn, &filter, PersonSort::Started, true, at, limit)
    }
}
