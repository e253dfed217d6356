//! The companies list: each company with how many people came from it and how many it hired,
//! in the order its headings choose.

use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::BigInt;

use crate::domain::CompanyKind;
use crate::models::Company;

/// A row of the companies list.
#[derive(Debug, Clone, Queryable)]
pub struct CompanyListItem {
    pub company: Company,
    /// People whose origin company it is.
    pub came_from: i64,
    /// People whose hiring company it is.
    pub hired_by: i64,
}

/// The orders of the companies list, each defined once: its name in links, its label, its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CompanySort {
    #[default]
    Name,
    Kind,
    Country,
    CameFrom,
    HiredBy,
}

/// From the kept counts (`company_person_count`, adjusted with each person's figure refresh):
/// a few stripes per company, where counting people read one index range per company shown,
/// and every company's when sorted by a count.
const CAME_FROM: &str = "(SELECT coalesce(sum(c.n), 0)::bigint FROM company_person_count c \
                         WHERE c.company_id = company.id AND c.side = 'origin')";
const HIRED_BY: &str = "(SELECT coalesce(sum(c.n), 0)::bigint FROM company_person_count c \
                        WHERE c.company_id = company.id AND c.side = 'hiring')";

impl CompanySort {
    pub const ALL: &'static [CompanySort] = &[
        CompanySort::Name,
        CompanySort::Kind,
        CompanySort::Country,
        CompanySort::CameFrom,
        CompanySort::HiredBy,
    ];

    /// (name, label, key as SQL over `company`).
    fn definition(self) -> (&'static str, &'static str, &'static str) {
        match self {
            CompanySort::Name => ("name", "Name", "lower(company.name)"),
            CompanySort::Kind => ("kind", "Kind", "company.kind"),
            CompanySort::Country => ("country", "Country", "company.country"),
            CompanySort::CameFrom => ("came_from", "People from it", CAME_FROM),
            CompanySort::HiredBy => ("hired_by", "People it hired", HIRED_BY),
        }
    }
}

super::sort_choice!(CompanySort);

impl Company {
    /// One page of the companies matching a name search and kind, in the chosen order (ties by
    /// name, then id, so pages never overlap).
    pub fn list(
        conn: &mut PgConnection,
        search: Option<&str>,
        kind: Option<CompanyKind>,
        (sort, descending): (CompanySort, bool),
        offset: i64,
        limit: i64,
    ) -> QueryResult<Vec<CompanyListItem>> {
        let dir = if descending { "DESC" } else { "ASC" };
        // The keys are fixed fragments from `definition`: nothing typed reaches the SQL text.
        let order = format!(
            "{} {dir} NULLS LAST, lower(company.name), company.id",
            sort.definition().2
        );
        super::company::filtered(search, kind)
            .order(sql::<BigInt>(&order))
            .offset(offset)
            .limit(limit)
            .select((
                Company::as_select(),
                sql::<BigInt>(CAME_FROM),
                sql::<BigInt>(HIRED_BY),
            ))
            .load(conn)
    }
}
