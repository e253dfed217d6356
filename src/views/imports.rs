//! Import pages: the upload form, the preview, the batches.

use askama::Template;

use super::{Layout, Pager};
// batch.html compares a batch's status with `BatchStatus::Applied`.
use crate::domain::BatchStatus;
use crate::import::{Action, CHECKED_NEW_PEOPLE, Change, Counts, DuplicateMark, Plan, RowError};
use crate::models::{ImportBatch, ImportedRecord, LikelyDuplicate};

/// How many rows and errors a preview lists before saying how many more there are.
const SHOWN: usize = 200;

#[derive(Template)]
#[template(path = "imports/upload.html")]
pub struct ImportUploadPage {
    pub layout: Layout,
    pub limit_mib: u64,
    /// Why the last file was refused as a whole.
    pub refusal: Option<String>,
}

pub struct PreviewRow {
    pub line: u64,
    pub name: String,
    pub record: &'static str,
    pub action: &'static str,
    /// What an update changes, field by field, so that a name turned to upper case or a stage
    /// moved back is seen before it is confirmed.
    pub changes: Vec<Change>,
}

#[derive(Template)]
#[template(path = "imports/preview.html")]
pub struct ImportPreviewPage {
    pub layout: Layout,
    /// Set when the file can be imported: the batch to confirm.
    pub batch_id: Option<i64>,
    pub file_name: String,
    pub kind: &'static str,
    pub counts: Counts,
    /// "5 people: 3 new, 2 updated; 7 new pay reports".
    pub summary: String,
    pub rows: Vec<PreviewRow>,
    pub more_rows: usize,
    pub errors: Vec<RowError>,
    pub more_errors: usize,
    /// The rows those errors are on: what importing the valid rows skips.
    pub error_lines: usize,
    pub new_companies: Vec<String>,
    pub ignored_columns: Vec<String>,
    /// New people who may be someone already there, the first `SHOWN`.
    pub duplicates: Vec<DuplicateMark>,
    pub more_duplicates: usize,
    /// New people not checked against the stored ones, past `checked_new_people`.
    pub duplicates_unchecked: usize,
    pub checked_new_people: usize,
}

fn action_name(action: Action) -> &'static str {
    match action {
        Action::Create => "import-action-create",
        Action::Update => "import-action-update",
        Action::Skip => "import-action-skip",
    }
}

/// A kind of file as stored on its batch (`ImportKind::as_str`), as the pages name it.
pub fn kind_key(stored: &str) -> &'static str {
    match stored {
        "companies" => "import-kind-companies",
        "pay bands" => "import-kind-pay-bands",
        _ => "import-kind-people",
    }
}

/// What a batch did to one record (`import_item.action`).
pub fn record_action_key(stored: &str) -> &'static str {
    match stored {
        "created" => "import-record-created",
        _ => "import-record-updated",
    }
}

/// The kind of record a batch wrote, by its table.
pub fn record_kind_key(table: &str) -> &'static str {
    match table {
        "company" => "import-record-company",
        "person" => "import-record-person",
        _ => "import-record-pay-report",
    }
}

/// Why a new person of the file may be someone stored, in the catalogue's words.
pub fn duplicate_reason(d: &LikelyDuplicate) -> &'static str {
    match (d.same_name, d.same_origin, d.same_source) {
        (true, true, true) => "import-duplicate-same-name-origin-source",
        (true, true, false) => "import-duplicate-same-name-origin",
        (true, false, _) => "import-duplicate-same-name-source",
        (false, true, true) => "import-duplicate-similar-name-origin-source",
        (false, true, false) => "import-duplicate-similar-name-origin",
        (false, false, _) => "import-duplicate-similar-name-source",
    }
}

/// Line numbers as a list: `3, 5`.
pub fn joined(lines: &[u64]) -> String {
    lines
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl ImportPreviewPage {
    pub fn new(layout: Layout, plan: &Plan, file_name: &str, batch_id: Option<i64>) -> Self {
        let locale = layout.locale;
        // English shows the amounts as the file has them (the preview always has); other
        // languages group them as they write amounts.
        let amount = |value: &bigdecimal::BigDecimal| match locale.lang {
            crate::i18n::Lang::En => value.to_string(),
            _ => locale.amount(value),
        };
        let mut rows: Vec<PreviewRow> = plan
            .companies
            .iter()
            .map(|c| PreviewRow {
                line: c.line,
                name: c.fields.name.clone(),
                record: "import-record-company",
                action: action_name(c.action),
                changes: c.changes.clone(),
            })
            .collect();
        rows.extend(plan.bands.iter().map(|b| PreviewRow {
            line: b.line,
            name: locale.t2(
                "import-band-from",
                &("band", super::pay_bands::BandRow::name_of(&b.fields)),
                &("day", locale.date(b.fields.effective_on)),
            ),
            record: "import-record-pay-band",
            action: action_name(b.action),
            changes: b.changes.clone(),
        }));
        for person in &plan.people {
            let matched = match (person.existing, person.by_id) {
                (Some(_), true) => format!(" ({})", locale.t("import-matched-by-id")),
                (Some(_), false) => format!(" ({})", locale.t("import-matched-by-name")),
                (None, _) => String::new(),
            };
            rows.push(PreviewRow {
                line: person.line,
                name: format!("{}{matched}", person.person.full_name),
                record: "import-record-person",
                action: action_name(person.action),
                changes: person.changes.clone(),
            });
            rows.extend(person.pays.iter().map(|pay| PreviewRow {
                line: pay.line,
                name: format!(
                    "{}: {} {} – {}",
                    person.person.full_name,
                    pay.fields.currency,
                    amount(&pay.fields.amount_low),
                    amount(&pay.fields.amount_high)
                ),
                record: "import-record-pay-report",
                action: action_name(pay.action),
                changes: Vec::new(),
            }));
        }
        rows.sort_by_key(|r| r.line);
        let more_rows = rows.len().saturating_sub(SHOWN);
        rows.truncate(SHOWN);
        let mut errors = plan.errors.clone();
        let more_errors = errors.len().saturating_sub(SHOWN);
        errors.truncate(SHOWN);
        ImportPreviewPage {
            layout,
            batch_id,
            file_name: file_name.to_owned(),
            kind: plan.kind.as_str(),
            counts: plan.counts(),
            summary: plan.summary_in(locale.lang),
            rows,
            more_rows,
            errors,
            more_errors,
            error_lines: plan.lines_with_errors(),
            new_companies: plan.new_companies.clone(),
            ignored_columns: plan.ignored_columns.clone(),
            duplicates: plan.duplicates.iter().take(SHOWN).cloned().collect(),
            more_duplicates: plan.duplicates.len().saturating_sub(SHOWN),
            duplicates_unchecked: plan.duplicates_unchecked,
            checked_new_people: CHECKED_NEW_PEOPLE,
        }
    }
}

#[derive(Template)]
#[template(path = "imports/batches.html")]
pub struct ImportBatchesPage {
    pub layout: Layout,
    pub batches: Vec<ImportBatch>,
    pub pager: Pager,
}

/// What a batch's page shows, as the route found it.
pub struct BatchView {
    pub batch: ImportBatch,
    /// What it wrote, linked (the first `import_result::LISTED`).
    pub records: Vec<ImportedRecord>,
    /// The user uploaded it or is an admin, and their role may still change what it wrote.
    pub may_revert: bool,
    /// Why it cannot be reverted now (`import::obstacle`): said instead of offering to.
    pub obstacle: Option<String>,
    /// Why the revert just asked for was refused.
    pub refusal: Option<String>,
}

#[derive(Template)]
#[template(path = "imports/batch.html")]
pub struct ImportBatchPage {
    pub layout: Layout,
    pub batch: ImportBatch,
    pub records: Vec<ImportedRecord>,
    /// Asking to confirm a revert.
    pub confirming: bool,
    pub may_revert: bool,
    pub obstacle: Option<String>,
    pub refusal: Option<String>,
}

impl ImportBatchPage {
    pub fn new(layout: Layout, view: BatchView, confirming: bool) -> Self {
        ImportBatchPage {
            layout,
            batch: view.batch,
            records: view.records,
            confirming,
            may_revert: view.may_revert,
            obstacle: view.obstacle,
            refusal: view.refusal,
        }
    }
}
