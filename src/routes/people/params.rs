//! The people list's query string: its search, filters, order and page, checked before any
//! query runs, and the CSV downloads that take the same parameters.

use crate::i18n::Msg;
use diesel::PgConnection;
use rocket::FromForm;

use super::super::csv_file::{ChunkWriter, CsvStream};
use super::super::given;
use crate::csv_format::Dialect;
use crate::db::ReadDb;
use crate::domain::{CompanyId, PersonId, Stage};
use crate::error::AppError;
use crate::models::person::counted::CountedFilter;
use crate::models::{Company, PersonFilter, PersonSort};
use crate::views::sorting::parse_order;

/// The list's query string as typed; each value is checked before any query runs.
#[derive(Debug, Default, FromForm)]
pub(crate) struct ListParams {
    pub(super) q: Option<String>,
    pub(super) origin_company: Option<String>,
    pub(super) hiring_company: Option<String>,
    pub(super) stage: Option<String>,
    pub(super) job_family: Option<String>,
    pub(super) level: Option<String>,
    pub(super) zone: Option<String>,
    pub(super) sort: Option<String>,
    pub(super) dir: Option<String>,
    pub(super) page: Option<String>,
    /// Keyset cursors: the page starts after, or ends before, this person.
    pub(super) after: Option<String>,
    pub(super) before: Option<String>,
    // What a report counted (counted_params.rs reads these).
    pub(super) hired_from: Option<String>,
    pub(super) hired_to: Option<String>,
    pub(super) entered_from: Option<String>,
    pub(super) entered_to: Option<String>,
    pub(super) reached: Option<String>,
    pub(super) title: Option<String>,
    /// Comma-separated: origin_company, hiring_company, title (none recorded).
    pub(super) without: Option<String>,
    /// `yes`: only people with a pay figure the reports count.
    pub(super) with_pay: Option<String>,
    pub(super) pay_kind: Option<String>,
    pub(super) pay_confidence: Option<String>,
    pub(super) pay_from: Option<String>,
    pub(super) pay_to: Option<String>,
}

impl ListParams {
    pub(crate) fn sort(&self) -> Result<(PersonSort, bool), AppError> {
        parse_order(
            given(&self.sort).as_deref(),
            given(&self.dir).as_deref(),
            "people list",
        )
    }

    pub(crate) fn wanted(&self, sees_pay: bool) -> Result<WantedPeople, AppError> {
        Ok(WantedPeople {
            name: given(&self.q),
            origin: given(&self.origin_company),
            hiring: given(&self.hiring_company),
            stage: self.stage()?,
            counted: self.counted(sees_pay)?,
            job_family: given(&self.job_family),
            level: given(&self.level),
            zone: given(&self.zone),
        })
    }

    pub(super) fn page(&self) -> Result<PageRequest, AppError> {
        let number = |value: &Option<String>, what: &'static str| {
            given(value)
                .map(|p| {
                    p.parse::<i64>().map_err(|_| {
                        AppError::Unprocessable(Msg::new(what).arg("typed", &p).for_input())
                    })
                })
                .transpose()
        };
        Ok(PageRequest {
            page: number(&self.page, "people-not-a-page-number")?
                .unwrap_or(1)
                .max(1),
            after: number(&self.after, "people-not-a-person-id")?.map(PersonId),
            before: number(&self.before, "people-not-a-person-id")?.map(PersonId),
        })
    }

    fn stage(&self) -> Result<Option<Stage>, AppError> {
        given(&self.stage)
            .map(|s| {
                Stage::parse(&s).ok_or_else(|| {
                    AppError::Unprocessable(
                        Msg::new("pipeline-no-such-stage")
                            .arg("name", &s)
                            .for_input(),
                    )
                })
            })
            .transpose()
    }
}

/// The list's filters as typed, checked; companies still named, not yet looked up.
pub(crate) struct WantedPeople {
    name: Option<String>,
    origin: Option<String>,
    hiring: Option<String>,
    stage: Option<Stage>,
    counted: CountedFilter,
    job_family: Option<String>,
    level: Option<String>,
    zone: Option<String>,
}

impl WantedPeople {
    pub(crate) fn resolve(
        &self,
        conn: &mut diesel::PgConnection,
    ) -> Result<PersonFilter, AppError> {
        Ok(PersonFilter {
            name: self.name.clone(),
            origin_company_id: company_filter(conn, self.origin.as_deref())?,
            hiring_company_id: company_filter(conn, self.hiring.as_deref())?,
            stage: self.stage,
            counted: self.counted.clone(),
            job_family: self.job_family.clone(),
            level: self.level.clone(),
            zone: self.zone.clone(),
        })
    }
}

/// Resolves a company filter given by name; naming a company that does not exist is an error.
fn company_filter(
    conn: &mut diesel::PgConnection,
    name: Option<&str>,
) -> Result<Option<CompanyId>, AppError> {
    let Some(name) = name else { return Ok(None) };
    match Company::find_by_name(conn, name)? {
        Some(company) => Ok(Some(company.id)),
        None => Err(AppError::Unprocessable(
            Msg::new("people-no-such-company")
                .arg("name", name)
                .for_input(),
        )),
    }
}

/// Which page of the people list was asked for.
pub(super) struct PageRequest {
    pub(super) page: i64,
    pub(super) after: Option<PersonId>,
    pub(super) before: Option<PersonId>,
}

/// What the list's CSV downloads write: the people the filter keeps, in the list's order.
pub(crate) type ListExport = fn(
    &mut PgConnection,
    &PersonFilter,
    PersonSort,
    bool,
    Dialect,
    &mut ChunkWriter,
) -> anyhow::Result<u64>;

impl ListParams {
    /// A CSV download of the list with these parameters, written by `export`.
    pub(crate) async fn download(
        self,
        sees_pay: bool,
        reads: &ReadDb,
        name: &'static str,
        dialect: Dialect,
        export: ListExport,
    ) -> Result<CsvStream, AppError> {
        let (sort, descending) = self.sort()?;
        let wanted = self.wanted(sees_pay)?;
        // Resolved before the stream starts: once it has, the 200 is sent and a 422 cannot be.
        let filter = reads.0.run(move |c| wanted.resolve(c)).await?;
        CsvStream::start(&reads.0, name, dialect, move |c, out| {
            Ok(export(c, &filter, sort, descending, dialect, out)?)
        })
        .await
    }
}
