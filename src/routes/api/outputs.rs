//! What the API answers, as JSON: records with RFC 3339 times, money as decimal strings beside
//! their currency (never a float), choices by their stored names. What it takes is in
//! `bodies.rs`.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::models::{Company, ExchangeRate, PayBand, PayReport, Person, StageChange};

#[derive(Debug, Serialize, ToSchema)]
pub struct CompanyOut {
    pub id: i64,
    pub name: String,
    /// ai_lab, big_tech, startup, …: the names the CSV files use.
    pub kind: String,
    pub website: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    pub notes: Option<String>,
    /// Also the `ETag`: send it as `If-Match` to change the record.
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<Company> for CompanyOut {
    fn from(c: Company) -> Self {
        CompanyOut {
            id: c.id.get(),
            name: c.fields.name,
            kind: c.fields.kind.as_str().to_owned(),
            website: c.fields.website,
            country: c.fields.country,
            notes: c.fields.notes,
            version: c.version,
            created_at: c.created_at,
            updated_at: c.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PersonOut {
    pub id: i64,
    pub full_name: String,
    pub title: Option<String>,
    pub expertise: Option<String>,
    pub origin_company_id: Option<i64>,
    pub hiring_company_id: Option<i64>,
    pub team: Option<String>,
    /// sourced, contacted, interviewing, offer, hired, declined or withdrawn.
    pub stage: String,
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
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<Person> for PersonOut {
    fn from(p: Person) -> Self {
        let f = p.fields;
        PersonOut {
            id: p.id.get(),
            full_name: f.full_name,
            title: f.title,
            expertise: f.expertise,
            origin_company_id: f.origin_company_id.map(|id| id.get()),
            hiring_company_id: f.hiring_company_id.map(|id| id.get()),
            team: f.team,
            stage: f.stage.as_str().to_owned(),
            first_contact_on: f.first_contact_on,
            offer_on: f.offer_on,
            decided_on: f.decided_on,
            start_on: f.start_on,
            location: f.location,
            notes: f.notes,
            job_family: f.job_family,
            level: f.level,
            zone: f.zone,
            range_disclosed_on: f.range_disclosed_on,
            version: p.version,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

/// A person with their companies' names (what a write gives) and their stage history.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonDetail {
    #[serde(flatten)]
    pub person: PersonOut,
    pub origin_company: Option<String>,
    pub hiring_company: Option<String>,
    /// Oldest first.
    pub stage_history: Vec<StageChangeOut>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StageChangeOut {
    /// None for the stage a person was entered at.
    pub from_stage: Option<String>,
    pub to_stage: String,
    pub changed_at: DateTime<Utc>,
}

impl From<StageChange> for StageChangeOut {
    fn from(s: StageChange) -> Self {
        StageChangeOut {
            from_stage: s.from_stage.map(|stage| stage.as_str().to_owned()),
            to_stage: s.to_stage.as_str().to_owned(),
            changed_at: s.changed_at,
        }
    }
}

/// A claim about a person's pay. Amounts are decimal strings in `currency`.
#[derive(Debug, Serialize, ToSchema)]
pub struct PayReportOut {
    pub id: i64,
    pub person_id: i64,
    /// reported, offer, …
    pub kind: String,
    /// ISO 4217.
    pub currency: String,
    #[schema(example = "185000.00")]
    pub amount_low: String,
    /// Equal to `amount_low` for a single figure.
    pub amount_high: String,
    /// annual, monthly, hourly, …
    pub period: String,
    pub period_years: Option<i16>,
    pub base: Option<String>,
    pub bonus: Option<String>,
    pub equity: Option<String>,
    pub sign_on: Option<String>,
    pub as_of: NaiveDate,
    pub source_name: Option<String>,
    pub source_url: Option<String>,
    pub confidence: String,
    pub notes: Option<String>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<PayReport> for PayReportOut {
    fn from(r: PayReport) -> Self {
        let f = r.fields;
        let money = |amount: Option<bigdecimal::BigDecimal>| amount.map(|a| a.to_plain_string());
        PayReportOut {
            id: r.id.get(),
            person_id: r.person_id.get(),
            kind: f.kind.as_str().to_owned(),
            currency: f.currency,
            amount_low: f.amount_low.to_plain_string(),
            amount_high: f.amount_high.to_plain_string(),
            period: f.period.as_str().to_owned(),
            period_years: f.period_years,
            base: money(f.base),
            bonus: money(f.bonus),
            equity: money(f.equity),
            sign_on: money(f.sign_on),
            as_of: f.as_of,
            source_name: f.source_name,
            source_url: f.source_url,
            confidence: f.confidence.as_str().to_owned(),
            notes: f.notes,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

/// A pay band version: base (and optional total) ranges as decimal strings in `currency`.
#[derive(Debug, Serialize, ToSchema)]
pub struct PayBandOut {
    pub id: i64,
    pub job_family: String,
    pub level: String,
    /// Empty: the band applies in every zone without one of its own.
    pub zone: String,
    pub currency: String,
    pub base_min: String,
    pub base_mid: String,
    pub base_max: String,
    pub total_min: Option<String>,
    pub total_mid: Option<String>,
    pub total_max: Option<String>,
    pub effective_on: NaiveDate,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<PayBand> for PayBandOut {
    fn from(b: PayBand) -> Self {
        let f = b.fields;
        let money = |amount: Option<bigdecimal::BigDecimal>| amount.map(|a| a.to_plain_string());
        PayBandOut {
            id: b.id.get(),
            job_family: f.job_family,
            level: f.level,
            zone: f.zone,
            currency: f.currency,
            base_min: f.base_min.to_plain_string(),
            base_mid: f.base_mid.to_plain_string(),
            base_max: f.base_max.to_plain_string(),
            total_min: money(f.total_min),
            total_mid: money(f.total_mid),
            total_max: money(f.total_max),
            effective_on: f.effective_on,
            version: b.version,
            created_at: b.created_at,
            updated_at: b.updated_at,
        }
    }
}

/// How many units of the reporting currency one unit of `currency` was worth on `rate_on`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExchangeRateOut {
    pub id: i64,
    pub currency: String,
    pub rate_on: NaiveDate,
    /// A decimal string.
    pub rate: String,
    pub created_at: DateTime<Utc>,
}

impl From<ExchangeRate> for ExchangeRateOut {
    fn from(r: ExchangeRate) -> Self {
        ExchangeRateOut {
            id: r.id,
            currency: r.currency,
            rate_on: r.rate_on,
            rate: r.rate.to_plain_string(),
            created_at: r.created_at,
        }
    }
}

/// Declares a page of a list: its records and the cursor to the next page (`None` at the end).
macro_rules! page_of {
    ($name:ident, $item:ty) => {
        #[derive(Debug, Serialize, ToSchema)]
        pub struct $name {
            pub items: Vec<$item>,
            /// Pass as `cursor` for the next page; null on the last one.
            pub next_cursor: Option<String>,
        }
    };
}

page_of!(CompanyPage, CompanyOut);
page_of!(PersonPage, PersonOut);
page_of!(PayReportPage, PayReportOut);
page_of!(PayBandPage, PayBandOut);
page_of!(ExchangeRatePage, ExchangeRateOut);
