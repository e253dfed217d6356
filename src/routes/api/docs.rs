//! The OpenAPI 3.1 document of /api/v1/, generated from the handlers' annotations and the
//! types they serialise (`utoipa`), and a reference page drawn from it on the server (the CSP
//! allows no outside script, and the page needs none).

use rocket::get;
use rocket::response::content::{RawHtml, RawJson};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::outputs::*;
use super::{
    companies, exchange_rates, offers, pay_bands, pay_reports, people, reports, webhook_deliveries,
    webhooks,
};
use crate::api::problem::Problem;
use crate::error::AppError;
use crate::views::api_docs::ApiDocsPage;
use crate::views::render;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "talent-tracker API",
        description = "Companies, people, pay reports, pay bands, exchange rates, offers against their bands, the reports, and (for admins) webhook endpoints. Authenticate with a personal API \
            token (made on /account): `Authorization: Bearer tt_…`. Writes need `If-Match` \
            with the record's `ETag`; errors are RFC 9457 problem details.",
    ),
    paths(
        companies::index, companies::show, companies::create, companies::update,
        people::index, people::show, people::create, people::update, people::move_stage,
        pay_reports::index, pay_reports::show, pay_reports::create, pay_reports::update,
        pay_bands::index, pay_bands::show, pay_bands::create, pay_bands::update,
        exchange_rates::index, exchange_rates::show,
        offers::show, offers::decide,
        reports::talent_flow, reports::compensation, reports::pipeline, reports::timeline,
        webhooks::index, webhooks::show, webhooks::create, webhooks::update, webhooks::remove,
        webhooks::rotate_secret, webhook_deliveries::deliveries,
    ),
    components(schemas(Problem, StageChangeOut)),
    modifiers(&BearerToken),
    security(("bearer" = [])),
)]
pub struct ApiDoc;

/// Declares the bearer scheme every operation names.
struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("A personal API token, tt_ and 64 hex digits"))
                    .build(),
            ),
        );
    }
}

/// The document, as JSON.
pub fn document_json() -> Result<String, AppError> {
    ApiDoc::openapi()
        .to_pretty_json()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("writing the OpenAPI document: {e}")))
}

#[get("/openapi.json")]
pub fn document() -> Result<RawJson<String>, AppError> {
    Ok(RawJson(document_json()?))
}

/// A page for people, in the reader's language around the document's own (English) words.
#[get("/docs")]
pub fn reference(locale: crate::i18n::Locale) -> Result<RawHtml<String>, AppError> {
    let value = serde_json::to_value(ApiDoc::openapi())
        .map_err(|e| AppError::Internal(anyhow::anyhow!("reading the OpenAPI document: {e}")))?;
    render(&ApiDocsPage::from_document(&value, locale))
}
