//! Merging two people into one (`/people/merge`), and the merges with their undo (undo.rs).
//! Recruiters and admins only: the `Editor` guard answers 403 to everyone else.

mod collapse;
mod undo;

use std::collections::HashMap;

use diesel::PgConnection;
use rocket::form::{Form, FromForm, FromFormField};
use rocket::response::content::RawHtml;
use rocket::{Route, State, get, post, routes};
use serde_json::Value;

use super::FormResponse;
use crate::auth::Editor;
use crate::db::Db;
use crate::domain::{Date, PersonId, rules, zone};
use crate::error::AppError;
use crate::models::{
    AuditNames, MergeOutcome, MergeRequest, PayReport, Person, PersonFields, PersonMerge,
    StageChange,
};
use crate::views::merges::{MERGED_FIELDS, MergePage, MergeSide, fields_map};
use crate::views::{Layout, render};

pub fn routes() -> Vec<Route> {
    routes![
        form,
        merge,
        undo::index,
        undo::confirm,
        undo::undo,
        collapse::collapse
    ]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, FromFormField)]
enum Side {
    Left,
    Right,
}

#[derive(Debug, FromForm)]
struct MergeForm {
    left: i64,
    right: i64,
    left_version: i32,
    right_version: i32,
    survivor: Side,
    /// Where each differing field's value comes from; a field not given keeps the survivor's.
    take: HashMap<String, Side>,
}

#[get("/people/merge?<left>&<right>")]
async fn form(
    user: Editor,
    db: &State<Db>,
    left: Option<i64>,
    right: Option<i64>,
) -> Result<RawHtml<String>, AppError> {
    let (left, right) = two_people(left, right)?;
    let layout = Layout::new("people", None, &user);
    let page = db.run(move |c| page(c, layout, left, right)).await?;
    render(&page)
}

#[post("/people/merge", data = "<form>")]
async fn merge(
    user: Editor,
    db: &State<Db>,
    form: Form<MergeForm>,
) -> Result<FormResponse, AppError> {
    let form = form.into_inner();
    let (left, right) = two_people(Some(form.left), Some(form.right))?;
    if let Some(field) = form
        .take
        .keys()
        .find(|f| !MERGED_FIELDS.contains(&f.as_str()))
    {
        return Err(AppError::Unprocessable(format!(
            "“{field}” is not a field people are merged on."
        )));
    }
    let layout = Layout::new("people", None, &user);
    let by = user.user.id;
    db.run_as(user.actor(), move |c| {
        merge_as(c, layout, by, form, [left, right])
    })
    .await
}

/// Merges as `form` chose, by user `by`: the survivor's page, or the merge page again with
/// why not (422 for values that cannot be one person's, 409 for a record saved meanwhile).
fn merge_as(
    c: &mut PgConnection,
    layout: Layout,
    by: i64,
    form: MergeForm,
    [left, right]: [PersonId; 2],
) -> Result<FormResponse, AppError> {
    let locale = layout.locale;
    let sides = [Person::find(c, left)?, Person::find(c, right)?];
    let fields = chosen(&sides, &form.take, form.survivor)?;
    if let Some(problem) = problem_with(c, &fields, [left, right])? {
        let page = MergePage {
            problem: Some(problem),
            ..page(c, layout, left, right)?
        };
        return Ok(FormResponse::Invalid(render(&page)?));
    }
    let versions = [(left, form.left_version), (right, form.right_version)];
    let [survivor, removed] = match form.survivor {
        Side::Left => versions,
        Side::Right => [versions[1], versions[0]],
    };
    let request = MergeRequest {
        survivor,
        removed,
        fields,
        by,
    };
    match PersonMerge::merge(c, &request)? {
        MergeOutcome::Merged(merge) => Ok(FormResponse::saved(
            format!("/people/{}", merge.survivor_id),
            locale.t2(
                "merge-merged-flash",
                &("removed", merge.removed_name()),
                &("survivor", merge.survivor_name()),
            ),
        )),
        MergeOutcome::Stale(changed) => {
            let page = MergePage {
                changed: changed.into_iter().map(|p| p.fields.full_name).collect(),
                ..page(c, layout, left, right)?
            };
            Ok(FormResponse::Refused(render(&page)?))
        }
    }
}

fn two_people(left: Option<i64>, right: Option<i64>) -> Result<(PersonId, PersonId), AppError> {
    match (left, right) {
        (Some(left), Some(right)) if left != right => Ok((PersonId(left), PersonId(right))),
        (Some(_), Some(_)) => Err(AppError::Unprocessable(
            "A person cannot be merged with themselves: choose two different people.".into(),
        )),
        _ => Err(AppError::Unprocessable(
            "Say which two people to merge: left and right are their ids.".into(),
        )),
    }
}

/// The two people side by side, with what moves with each.
fn page(
    c: &mut PgConnection,
    layout: Layout,
    left: PersonId,
    right: PersonId,
) -> Result<MergePage, AppError> {
    let mut side = |id| -> Result<MergeSide, AppError> {
        Ok(MergeSide {
            person: Person::find(c, id)?,
            pay_reports: PayReport::for_person(c, id)?.len() as i64,
            stage_changes: StageChange::for_person(c, id)?.len() as i64,
        })
    };
    let (left, right) = (side(left)?, side(right)?);
    let companies: Vec<i64> = [&left, &right]
        .iter()
        .flat_map(|s| {
            [
                s.person.fields.origin_company_id,
                s.person.fields.hiring_company_id,
            ]
        })
        .flatten()
        .map(|id| id.get())
        .collect();
    let names = AuditNames::of_companies(c, &companies)?;
    Ok(MergePage::new(layout, left, right, &names))
}

/// The survivor's fields: each from the side chosen for it, else the survivor's own.
fn chosen(
    [left, right]: &[Person; 2],
    take: &HashMap<String, Side>,
    survivor: Side,
) -> Result<PersonFields, AppError> {
    let (l, r) = (fields_map(&left.fields), fields_map(&right.fields));
    let merged: serde_json::Map<String, Value> = MERGED_FIELDS
        .iter()
        .map(|&field| {
            let side = take.get(field).copied().unwrap_or(survivor);
            let from = if side == Side::Left { &l } else { &r };
            (
                field.to_owned(),
                from.get(field).cloned().unwrap_or(Value::Null),
            )
        })
        .collect();
    serde_json::from_value(Value::Object(merged))
        .map_err(|e| AppError::Internal(anyhow::anyhow!("merged fields do not read back: {e}")))
}

/// Why the chosen values cannot be one person's: rules between fields that each record kept
/// on its own, but a mix of the two may break.
fn problem_with(
    c: &mut PgConnection,
    fields: &PersonFields,
    people: [PersonId; 2],
) -> Result<Option<String>, AppError> {
    let dates = [
        fields.first_contact_on,
        fields.offer_on,
        fields.decided_on,
        fields.start_on,
    ]
    .map(|d| d.and_then(|d| Date::parse(&d.to_string()).ok()));
    if let Some((_, broken)) = rules::dates_in_order(dates).first() {
        return Ok(Some(
            crate::i18n::Msg::new("merge-dates-out-of-order")
                .arg("broken", rules::said(broken))
                .for_input(),
        ));
    }
    if zone::is_eu(fields.zone.as_deref()) {
        for id in people {
            if PayReport::has_pay_history(c, id)? {
                return Ok(Some(rules::said(rules::PAY_HISTORY_MOVE_REFUSED)));
            }
        }
    }
    Ok(None)
}
