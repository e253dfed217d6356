//! Companies: where people come from and who hires them.

use diesel::prelude::*;
use diesel::sql_types::Text;

use super::SaveOutcome;
use crate::domain::{CompanyId, CompanyKind, name_key, name_search_key};
use crate::schema::{company, person};

diesel::define_sql_function!(fn lower(x: Text) -> Text);

super::stored_record!(Company in company {
    id: CompanyId,
    fields: CompanyFields,
});

/// What a user sets on a company, for both creating and editing one; kept as JSON by the
/// import to restore on revert.
#[derive(
    Debug,
    Clone,
    Default,
    PartialEq,
    serde::Serialize,
    serde::Deserialize,
    Queryable,
    Selectable,
    Insertable,
    AsChangeset,
)]
#[diesel(table_name = company, treat_none_as_null = true, check_for_backend(diesel::pg::Pg))]
pub struct CompanyFields {
    pub name: String,
    pub kind: CompanyKind,
    pub website: Option<String>,
    pub country: Option<String>,
    pub notes: Option<String>,
}

/// The unique indexes behind "a company of that name exists already": on the name's key, and
/// on lower(name), which also guards rows whose key is not filled in yet (either may answer).
pub const NAME_UNIQUE_INDEXES: [&str; 2] = ["company_name_key_key", "company_name_lower_key"];

/// The most companies a drop-down lists.
pub const CHOICES_LIMIT: i64 = 300;

impl Company {
    pub fn find(conn: &mut PgConnection, id: CompanyId) -> QueryResult<Company> {
        company::table
            .find(id)
            .select(Company::as_select())
            .first(conn)
    }

    /// Up to `limit` companies in id order after `after`: a page of the API's list.
    pub fn page_after(
        conn: &mut PgConnection,
        after: Option<CompanyId>,
        limit: i64,
    ) -> QueryResult<Vec<Company>> {
        let mut query = company::table.select(Company::as_select()).into_boxed();
        if let Some(after) = after {
            query = query.filter(company::id.gt(after));
        }
        query.order(company::id).limit(limit).load(conn)
    }

    /// Finds a company by name, by its key (case and accents do not count), as uniqueness does.
    pub fn find_by_name(conn: &mut PgConnection, name: &str) -> QueryResult<Option<Company>> {
        company::table
            .filter(company::name_key.eq(name_key(name)))
            .select(Company::as_select())
            .first(conn)
            .optional()
    }

    /// A company's name, for forms that show companies by name.
    pub fn name_of(conn: &mut PgConnection, id: Option<CompanyId>) -> QueryResult<Option<String>> {
        id.map(|id| Company::find(conn, id).map(|c| c.fields.name))
            .transpose()
    }

    /// How many companies match a name search and kind.
    pub fn count(
        conn: &mut PgConnection,
        search: Option<&str>,
        kind: Option<CompanyKind>,
    ) -> QueryResult<i64> {
        filtered(search, kind).count().get_result(conn)
    }

    /// The companies the list would show, all of them, streamed row by row.
    pub fn export<'c>(
        conn: &'c mut PgConnection,
        search: Option<&str>,
        kind: Option<CompanyKind>,
    ) -> QueryResult<impl Iterator<Item = QueryResult<Company>> + 'c> {
        filtered(search, kind)
            .order((lower(company::name), company::id))
            .select(Company::as_select())
            .load_iter::<Company, diesel::pg::PgRowByRowLoadingMode>(conn)
    }

    /// Every company's name for a drop-down, or none when there are more than
    /// `CHOICES_LIMIT`: forms then take the name typed (a thousand options would weigh more
    /// than the page around them).
    pub fn names_if_few(conn: &mut PgConnection) -> QueryResult<Vec<String>> {
        let names: Vec<String> = company::table
            .order(lower(company::name))
            .select(company::name)
            .limit(CHOICES_LIMIT + 1)
            .load(conn)?;
        Ok(if names.len() as i64 > CHOICES_LIMIT {
            Vec::new()
        } else {
            names
        })
    }

    pub fn insert(conn: &mut PgConnection, fields: &CompanyFields) -> QueryResult<Company> {
        diesel::insert_into(company::table)
            .values((fields, keyed(fields)))
            .returning(Company::as_returning())
            .get_result(conn)
    }

    /// Creates many companies at once (the import): one statement per ten thousand instead of
    /// one per company.
    pub fn insert_many(
        conn: &mut PgConnection,
        companies: &[CompanyFields],
    ) -> QueryResult<Vec<CompanyId>> {
        let mut ids = Vec::with_capacity(companies.len());
        // Six parameters a row; PostgreSQL takes at most 65,535 a statement.
        for chunk in companies.chunks(10_000) {
            let rows: Vec<_> = chunk.iter().map(|c| (c, keyed(c))).collect();
            ids.extend(
                diesel::insert_into(company::table)
                    .values(rows)
                    .returning(company::id)
                    .get_results::<CompanyId>(conn)?,
            );
        }
        Ok(ids)
    }

    /// Adds companies under the ids given, with one COPY (an INSERT may not set an identity
    /// column that is GENERATED ALWAYS; COPY writes the values it is given). The caller keeps
    /// the id sequence ahead of them.
    pub fn insert_many_as(
        conn: &mut PgConnection,
        companies: &[(CompanyId, CompanyFields)],
    ) -> QueryResult<()> {
        let keys: Vec<String> = companies.iter().map(|(_, c)| name_key(&c.name)).collect();
        let rows: Vec<CompanyRow<'_>> = companies
            .iter()
            .zip(&keys)
            .map(|((id, c), key)| CompanyRow {
                id: *id,
                name: &c.name,
                kind: c.kind,
                website: c.website.as_deref(),
                country: c.country.as_deref(),
                notes: c.notes.as_deref(),
                name_key: key,
            })
            .collect();
        if !rows.is_empty() {
            diesel::copy_from(company::table)
                .from_insertable(&rows)
                .execute(conn)?;
        }
        Ok(())
    }

    /// Saves over `version` (any version when `None`), unless someone saved a newer one since.
    pub fn update(
        conn: &mut PgConnection,
        id: CompanyId,
        version: Option<i32>,
        fields: &CompanyFields,
    ) -> QueryResult<SaveOutcome<Company>> {
        super::save_over(
            conn,
            version,
            |c| {
                let row = company::table.find(id);
                row.select(company::version).for_update().first(c)
            },
            |c| Company::find(c, id),
            |c| {
                diesel::update(company::table.find(id))
                    .set((
                        fields,
                        keyed(fields),
                        company::updated_at.eq(diesel::dsl::now),
                    ))
                    .returning(Company::as_returning())
                    .get_result(c)
            },
        )
    }

    /// How many people name this company as their origin or hiring company.
    pub fn people_count(conn: &mut PgConnection, id: CompanyId) -> QueryResult<i64> {
        person::table
            .filter(
                person::origin_company_id
                    .eq(id)
                    .or(person::hiring_company_id.eq(id)),
            )
            .count()
            .get_result(conn)
    }

    pub fn delete(conn: &mut PgConnection, id: CompanyId) -> QueryResult<usize> {
        diesel::delete(company::table.find(id)).execute(conn)
    }
}

/// The key written with every name, so the name and its key never disagree.
/// A company as COPY writes it: with its given id and its name's key.
#[derive(Insertable)]
#[diesel(table_name = company, treat_none_as_default_value = false)]
struct CompanyRow<'a> {
    id: CompanyId,
    name: &'a str,
    kind: CompanyKind,
    website: Option<&'a str>,
    country: Option<&'a str>,
    notes: Option<&'a str>,
    name_key: &'a str,
}

fn keyed(fields: &CompanyFields) -> diesel::dsl::Eq<company::name_key, String> {
    company::name_key.eq(name_key(&fields.name))
}

pub(super) fn filtered<'a>(
    search: Option<&str>,
    kind: Option<CompanyKind>,
) -> company::BoxedQuery<'a, diesel::pg::Pg> {
    let mut query = company::table.into_boxed();
    if let Some(search) = search {
        query = query.filter(company::name_key.like(super::like_pattern(&name_search_key(search))));
    }
    if let Some(kind) = kind {
        query = query.filter(company::kind.eq(kind));
    }
    query
}
