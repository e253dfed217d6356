//! The people list's search and filters, as one query that the list, its count and the exports
//! narrow alike.

use diesel::prelude::*;

use crate::domain::{CompanyId, Stage};
use crate::models::person::counted::CountedFilter;
use crate::schema::{company, person};

diesel::alias!(company as origin: OriginCompany, company as hiring: HiringCompany);

/// The people list's search and filters, already resolved to ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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

impl PersonFilter {
    /// Whether the filter is a name search and nothing else (every field named, so a new
    /// filter must say whether it is one).
    pub(super) fn name_alone(&self) -> bool {
        let PersonFilter {
            name,
            origin_company_id,
            hiring_company_id,
            stage,
            counted,
            job_family,
            level,
            zone,
        } = self;
        name.is_some()
            && origin_company_id.is_none()
            && hiring_company_id.is_none()
            && stage.is_none()
            && *counted == CountedFilter::default()
            && job_family.is_none()
            && level.is_none()
            && zone.is_none()
    }
}

pub(super) type PersonListQuery<'a> = diesel::dsl::IntoBoxed<
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
            let key = $crate::domain::name_search_key(name);
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
    pub(in crate::models::person) fn query(&self) -> PersonListQuery<'static> {
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

/// A question about people that the pipeline's kept counts (`pipeline_count`) answer without
/// reading them: the dashboard's and the unfiltered pipeline report's numbers link to these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeptQuestion {
    Everyone,
    /// In this stage now.
    Now(Stage),
    /// Got at least as far as this stage (`CountedFilter::reached`).
    Reached(Stage),
}

impl PersonFilter {
    /// The kept counts' question this filter asks, if it asks nothing else.
    pub fn kept_question(&self) -> Option<KeptQuestion> {
        let reached = self.counted.reached;
        let alone = PersonFilter {
            stage: self.stage,
            counted: CountedFilter {
                reached,
                ..CountedFilter::default()
            },
            ..PersonFilter::default()
        };
        if alone != *self {
            return None;
        }
        match (self.stage, reached) {
            (None, None) => Some(KeptQuestion::Everyone),
            (Some(stage), None) => Some(KeptQuestion::Now(stage)),
            (None, Some(stage)) => Some(KeptQuestion::Reached(stage)),
            (Some(_), Some(_)) => None,
        }
    }
}
