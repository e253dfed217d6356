//! Collapsing the identical pay reports a merge left on the survivor.

use rocket::{State, post};

use super::super::FormResponse;
use crate::auth::Editor;
use crate::db::Db;
use crate::domain::PersonId;
use crate::error::AppError;
use crate::models::PersonMerge;

#[post("/people/<id>/identical-pay/collapse")]
pub(super) async fn collapse(
    user: Editor,
    db: &State<Db>,
    id: PersonId,
) -> Result<FormResponse, AppError> {
    let collapsed = db
        .run_as(user.actor(), move |c| {
            Ok(PersonMerge::collapse_identical(c, id)?)
        })
        .await?;
    let message = match collapsed {
        0 => user.locale.t("merge-collapsed-none"),
        n => user.locale.t1("merge-collapsed", "count", n),
    };
    Ok(FormResponse::saved(format!("/people/{id}#pay"), message))
}
