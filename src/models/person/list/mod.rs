//! The people list: its filters, its orders, its pages, and the export that follows them.

mod estimate;
mod filter;
mod sort;

use diesel::prelude::*;

use filter::PersonListQuery;
pub use filter::{KeptQuestion, PersonFilter};
pub(crate) use filter::{filter_people, hiring, origin};
pub use sort::PersonSort;

use super::Person;
use super::keyset::{self, Position};
use crate::domain::{PersonId, Stage};
use crate::schema::{company, person};

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

/// How many people in name order a common name's search reads before it gives up (see
/// `Person::list_common_name`): about a millisecond of the name index.
const NAME_WINDOW: i64 = 20_000;

/// Where a name search's page comes from: a window of the name order, or all its matches.
#[derive(Debug, Clone, Copy)]
enum NameSource {
    Window,
    Matches,
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
    /// clustered further on, or the end of the list), the caller asks `list_name_matches`.
    pub fn list_common_name(
        conn: &mut PgConnection,
        filter: &PersonFilter,
        descending: bool,
        at: Position,
        limit: i64,
    ) -> QueryResult<Option<Vec<PersonListItem>>> {
        let rows = Self::list_by_name(conn, filter, descending, at, limit, NameSource::Window)?;
        Ok((rows.len() as i64 == limit).then_some(rows))
    }

    /// The same page as `list` by name, from every match of the name search sorted, or `None`
    /// when other filters narrow the search too (a page of matches could lose rows to them):
    /// what a search whose matches the first `NAME_WINDOW` names did not hold costs in
    /// proportion to its matches. Left to itself, PostgreSQL walks the name index from the
    /// cursor on in the hope of meeting a page of matches soon, fetching each person's row:
    /// 203,610 rows and 380 ms for "hia" at a million people, where its 8,630 matches sort in
    /// 38 ms.
    pub fn list_name_matches(
        conn: &mut PgConnection,
        filter: &PersonFilter,
        descending: bool,
        at: Position,
        limit: i64,
    ) -> QueryResult<Option<Vec<PersonListItem>>> {
        if !filter.name_alone() {
            return Ok(None);
        }
        Self::list_by_name(conn, filter, descending, at, limit, NameSource::Matches).map(Some)
    }

    fn list_by_name(
        conn: &mut PgConnection,
        filter: &PersonFilter,
        descending: bool,
        at: Position,
        limit: i64,
        source: NameSource,
    ) -> QueryResult<Vec<PersonListItem>> {
        use diesel::dsl::sql;
        use diesel::sql_types::{BigInt, Bool, Nullable, Text};
        let sort = PersonSort::Name;
        let backwards = matches!(at, Position::Before(_));
        let key = crate::domain::name_search_key(filter.name.as_deref().unwrap_or_default());
        // Without a cursor the bound id is NULL and the condition reads "NULL IS NULL".
        let (head, tail) = keyset::beyond_cursor(sort, descending, at)
            .unwrap_or_else(|| (String::new(), "::bigint IS NULL".to_owned()));
        let order = keyset::order_sql(sort, descending, backwards);
        let skip = match at {
            Position::Offset(skip) => skip,
            _ => 0,
        };
        let cursor_id = keyset::cursor_id(at).map(PersonId::get);
        let page = limit.saturating_add(skip);
        // The source is named `person` too, so the order and cursor SQL read the same in it.
        // A window's matches are ordered and cut again: without that LIMIT, PostgreSQL expects
        // a third of the window to match and joins it by scanning every person. All matches
        // are kept a query of their own by OFFSET 0, planned by the trigram index alone.
        let (after_cursor, text, closing) = match source {
            NameSource::Window => (
                format!(
                    " ORDER BY {order} LIMIT {NAME_WINDOW}) AS person \
                     WHERE strpos(person.name_key, "
                ),
                key,
                format!(") > 0 ORDER BY {order} LIMIT {page})"),
            ),
            NameSource::Matches => (
                " AND person.name_key LIKE ".to_owned(),
                crate::models::like_pattern(&key),
                format!(" OFFSET 0) AS person ORDER BY {order} LIMIT {page})"),
            ),
        };
        let chosen = sql::<Bool>(&format!(
            "person.id IN (SELECT person.id FROM (SELECT person.id, person.full_name, \
             person.name_key FROM person WHERE {head}"
        ))
        .bind::<Nullable<BigInt>, _>(cursor_id)
        .sql(&format!("{tail}{after_cursor}"))
        .bind::<Text, _>(text)
        .sql(&closing);
        let others = PersonFilter {
            name: None,
            ..filter.clone()
        };
        let mut query = others.query().filter(chosen);
        if let Position::Offset(skip) = at {
            query = query.offset(skip);
        }
        Self::read_page(conn, query, sort, descending, backwards, limit)
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
