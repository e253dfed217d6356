//! What the API's writes take, documented as the forms' fields are (`input::*Input`): the API
//! reads a body as those forms do (`api::body`), so these types only describe it to OpenAPI,
//! and a test holds them to the forms' fields.

use utoipa::ToSchema;

/// A pay band version as a write gives it (the band form's fields): amounts as decimal strings.
#[derive(Debug, ToSchema)]
#[expect(
    dead_code,
    reason = "documents the body; `api::body` reads it as the form does"
)]
pub struct PayBandBody {
    job_family: String,
    level: String,
    zone: Option<String>,
    currency: String,
    base_min: String,
    base_mid: String,
    base_max: String,
    total_min: Option<String>,
    total_mid: Option<String>,
    total_max: Option<String>,
    effective_on: String,
}

/// A company as a write gives it (the company form's fields).
#[derive(Debug, ToSchema)]
#[expect(
    dead_code,
    reason = "documents the body; `api::body` reads it as the form does"
)]
pub struct CompanyBody {
    name: String,
    kind: String,
    website: Option<String>,
    country: Option<String>,
    notes: Option<String>,
}

/// A person as a write gives it (the person form's fields): companies by name, dates as
/// YYYY-MM-DD. `different_person: true` saves over likely duplicates that a 422 named.
#[derive(Debug, ToSchema)]
#[expect(
    dead_code,
    reason = "documents the body; `api::body` reads it as the form does"
)]
pub struct PersonBody {
    full_name: String,
    title: Option<String>,
    expertise: Option<String>,
    origin_company: Option<String>,
    hiring_company: Option<String>,
    team: Option<String>,
    stage: String,
    first_contact_on: Option<String>,
    offer_on: Option<String>,
    decided_on: Option<String>,
    start_on: Option<String>,
    location: Option<String>,
    notes: Option<String>,
    job_family: Option<String>,
    level: Option<String>,
    zone: Option<String>,
    range_disclosed_on: Option<String>,
    different_person: Option<bool>,
}

/// A pay report as a write gives it (the pay form's fields): amounts as decimal strings.
#[derive(Debug, ToSchema)]
#[expect(
    dead_code,
    reason = "documents the body; `api::body` reads it as the form does"
)]
pub struct PayReportBody {
    amount_low: String,
    amount_high: Option<String>,
    period: String,
    period_years: Option<String>,
    kind: String,
    currency: String,
    as_of: String,
    confidence: String,
    base: Option<String>,
    bonus: Option<String>,
    equity: Option<String>,
    sign_on: Option<String>,
    source_name: Option<String>,
    source_url: Option<String>,
    notes: Option<String>,
}

/// A move to another stage. A move that undoes a hire or an offer, or closes the person, is
/// refused (409) unless `confirmed` is true, as the board asks first.
#[derive(Debug, serde::Deserialize, ToSchema)]
pub struct StageMoveBody {
    pub stage: String,
    #[serde(default)]
    pub confirmed: bool,
}

/// A decision on an offer outside its band (the approval form's fields).
#[derive(Debug, ToSchema)]
#[expect(
    dead_code,
    reason = "documents the body; `api::body` reads it as the form does"
)]
pub struct DecisionBody {
    #[schema(inline)]
    decision: DecisionWordBody,
    /// Why, in up to 2,000 characters.
    reason: String,
}

#[derive(Debug, ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum DecisionWordBody {
    Approve,
    Reject,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{CompanyInput, PayBandInput, PayReportInput, PersonInput, fields_in_order};

    /// The documented bodies name exactly the forms' fields (the person's adds the answer to
    /// its duplicates question).
    #[test]
    fn the_documented_bodies_are_the_forms_fields() {
        fn documented<T: utoipa::ToSchema>() -> Vec<String> {
            let schema = serde_json::to_value(T::schema()).unwrap_or_default();
            let mut names: Vec<String> = schema["properties"]
                .as_object()
                .map(|p| p.keys().cloned().collect())
                .unwrap_or_default();
            names.sort();
            names
        }
        fn form<T: crate::input::RecordInput>(extra: &[&str]) -> Vec<String> {
            let mut names: Vec<String> = fields_in_order::<T>()
                .iter()
                .chain(extra)
                .map(|s| (*s).to_owned())
                .collect();
            names.sort();
            names
        }
        assert_eq!(documented::<CompanyBody>(), form::<CompanyInput>(&[]));
        assert_eq!(
            documented::<PersonBody>(),
            form::<PersonInput>(&["different_person"])
        );
        assert_eq!(documented::<PayReportBody>(), form::<PayReportInput>(&[]));
        assert_eq!(documented::<PayBandBody>(), form::<PayBandInput>(&[]));
    }
}
