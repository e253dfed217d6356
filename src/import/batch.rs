//! Starting an import, the same for the web page and the `import` command: the file read and
//! planned, and kept as a previewed batch when it is going to be applied.

use diesel::PgConnection;

use super::{ImportError, Plan, parse, plan};
use crate::domain::BatchStatus;
use crate::models::{ImportBatch, NewImportBatch};

/// What the caller does next with a plan that has no errors, which decides whether the file is
/// kept as a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// Only show the plan (`import --dry-run`): nothing is written.
    DryRun,
    /// Ask for confirmation (the web page): a batch only when there is something to confirm.
    Confirm,
    /// Apply it at once (the `import` command): every clean file gets its batch, so even an
    /// import whose rows were all unchanged is on record.
    Apply,
    /// Apply its valid rows at once, skipping those with errors (`import --skip-errors`).
    ApplyValidRows,
}

/// Who starts an import: the name its batch shows, and the web user who may confirm and revert
/// it (`None` from the command line, whose batches only admins revert from the web).
#[derive(Debug, Clone, Copy)]
pub struct Importer<'a> {
    pub name: &'a str,
    pub user_id: Option<i64>,
    /// The web user's role, which decides the kinds of file they may import (`None`: the
    /// command line, which imports any).
    pub role: Option<crate::domain::Role>,
}

/// A planned file, and the batch that applies it when one was kept.
#[derive(Debug)]
pub struct Preview {
    pub plan: Plan,
    /// The previewed batch that `apply` (or the web's confirmation) turns into an applied one.
    pub batch_id: Option<i64>,
}

/// Reads and plans `bytes`; keeps the file as a previewed batch by `importer` when `intent` is
/// to apply it and it can be (for the web's confirmation, also with rows to skip). A file refused as a whole is
/// `ImportError::Refused`.
pub fn preview(
    conn: &mut PgConnection,
    file_name: &str,
    bytes: &[u8],
    importer: Importer<'_>,
    intent: Intent,
) -> Result<Preview, ImportError> {
    let parsed = parse(bytes)?;
    if let Some(role) = importer.role
        && !parsed.kind.allowed_for(role)
    {
        return Err(ImportError::Refused(format!(
            "This is a file of {}, which your role cannot import.",
            parsed.kind.as_str()
        )));
    }
    let previewing = matches!(intent, Intent::DryRun | Intent::Confirm);
    let plan = plan(conn, parsed, previewing)?;
    let keep = match intent {
        Intent::DryRun => false,
        // With errors too: the page offers to import the valid rows and skip the others.
        Intent::Confirm => plan.changes_anything(),
        Intent::Apply => plan.errors.is_empty(),
        Intent::ApplyValidRows => true,
    };
    let batch_id = if keep {
        let batch = NewImportBatch {
            file_name,
            kind: plan.kind.as_str(),
            status: BatchStatus::Previewed,
            content: bytes,
            imported_by: importer.name,
            imported_by_user_id: importer.user_id,
            rows_total: plan.rows as i32,
        };
        Some(ImportBatch::insert(conn, &batch)?.id)
    } else {
        None
    };
    Ok(Preview { plan, batch_id })
}
