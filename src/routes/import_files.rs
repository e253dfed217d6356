//! Files the import offers: templates to fill in, and a preview's rows with errors to fix.

use rocket::{Route, State, get, routes};

use super::csv_file::CsvFile;
use super::imports::may_change;
use crate::auth::Editor;
use crate::csv_format::{DATE_COLUMNS, DECIMAL_COLUMNS, Dialect};
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::input;
use crate::import::{self, ImportError};
use crate::input::{CompanyInput, PayReportInput, PersonInput, RecordInput};
use crate::models::ImportBatch;

pub fn routes() -> Vec<Route> {
    routes![people_template, companies_template, skipped]
}

/// One example row of people, by column: enough to show each column's form; the rest stay
/// empty.
const PERSON_EXAMPLE: &[(&str, &str)] = &[
    ("full_name", "Ada Example"),
    ("title", "Research scientist"),
    ("origin_company", "Example Labs"),
    ("stage", "sourced"),
    ("first_contact_on", "2025-06-30"),
    ("kind", "reported"),
    ("currency", "USD"),
    ("amount_low", "250000.00"),
    ("amount_high", "300000.00"),
    ("period", "annual"),
    ("as_of", "2025-06-30"),
    ("source_name", "Example press report"),
    ("confidence", "rumor"),
];

const COMPANY_EXAMPLE: &[(&str, &str)] = &[
    ("name", "Example Labs"),
    ("kind", "ai_lab"),
    ("website", "https://example.com"),
    ("country", "US"),
];

fn template(
    name: &str,
    columns: &[&str],
    example: &[(&str, &str)],
    dialect: Dialect,
) -> Result<CsvFile, AppError> {
    let mut writer = dialect
        .writer(Vec::new())
        .map_err(|e| AppError::Internal(e.into()))?;
    let example = |column: &&str| {
        let value = example
            .iter()
            .find(|(c, _)| c == column)
            .map_or("", |(_, value)| value);
        match (
            DECIMAL_COLUMNS.contains(column),
            DATE_COLUMNS.contains(column),
        ) {
            (true, _) => dialect.decimal(value).into_owned(),
            (_, true) => dialect.date(value).into_owned(),
            _ => value.to_owned(),
        }
    };
    let failed = |e: csv::Error| AppError::Internal(e.into());
    writer
        .write_record(columns.iter().map(|c| dialect.header(c).into_owned()))
        .map_err(failed)?;
    writer
        .write_record(columns.iter().map(example))
        .map_err(failed)?;
    let body = writer
        .into_inner()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("writing a template failed: {e}")))?;
    Ok(CsvFile {
        name: name.to_owned(),
        dialect,
        body,
    })
}

/// People with a pay report each: the columns of the pay reports export.
#[get("/import/template.csv")]
fn people_template(_user: Editor, dialect: Dialect) -> Result<CsvFile, AppError> {
    let columns: Vec<&str> = PersonInput::COLUMNS
        .iter()
        .chain(PayReportInput::COLUMNS)
        .copied()
        .collect();
    template("people-template", &columns, PERSON_EXAMPLE, dialect)
}

#[get("/import/companies-template.csv")]
fn companies_template(_user: Editor, dialect: Dialect) -> Result<CsvFile, AppError> {
    template(
        "companies-template",
        CompanyInput::COLUMNS,
        COMPANY_EXAMPLE,
        dialect,
    )
}

/// A preview's rows with errors, planned again now as the confirmation would.
#[get("/import/previews/<id>/skipped.csv")]
async fn skipped(user: Editor, db: &State<Db>, id: i64) -> Result<CsvFile, AppError> {
    let asker = user.0.clone();
    let (batch, body) = db
        .run(move |c| {
            let (batch, content) = ImportBatch::previewed_content(c, id)?;
            if !may_change(&asker, &batch) {
                return Err(AppError::Forbidden);
            }
            let content = content.ok_or(AppError::NotFound)?;
            // The errors column speaks the importer's language, as the preview did.
            let planned = input::answering(asker.locale.lang, || {
                import::parse(&content).and_then(|parsed| Ok(import::plan(c, parsed, false)?))
            });
            let plan = match planned {
                Ok(plan) => plan,
                Err(ImportError::Refused(why)) => return Err(AppError::Unprocessable(why)),
                Err(ImportError::Database(e)) => return Err(e.into()),
            };
            let body =
                import::skipped_rows(&content, &plan.errors).map_err(AppError::Unprocessable)?;
            Ok((batch, body))
        })
        .await?;
    let stem = batch.file_name.trim_end_matches(".csv").to_owned();
    Ok(CsvFile {
        name: format!("{stem}-skipped"),
        // Written as the uploaded file was.
        dialect: Dialect::Plain,
        body,
    })
}
