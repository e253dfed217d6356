//! The pipeline board at /pipeline: a column per stage with a card per person, filtered as the
//! people list is, and a move to another stage from each card (a form: no script needed).

use rocket::form::{Form, FromForm};
use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::{Responder, Route, State, get, post, routes};

use super::people::ListParams;
use super::{FormResponse, query_string};
use crate::auth::{CurrentUser, Editor};
use crate::db::Db;
use crate::domain::{PersonId, Stage};
use crate::error::AppError;
use crate::models::{Company, Person, PersonFilter, SaveOutcome};
use crate::views::people::{carried_filters, company_choices};
use crate::views::pipeline::{BoardColumn, BoardPage};
use crate::views::{Choice, FormState, Layout, render};

pub fn routes() -> Vec<Route> {
    routes![board, move_card]
}

/// Cards shown per column; the rest are a link to the people list of that stage.
const CARDS_PER_COLUMN: i64 = 20;
/// How far a column's count goes before it says "more than".
const COUNT_LIMIT: i64 = 1_000;

#[get("/pipeline?<params..>")]
async fn board(
    user: CurrentUser,
    db: &State<Db>,
    flash: Option<FlashMessage<'_>>,
    params: ListParams,
) -> Result<RawHtml<String>, AppError> {
    let page = board_page(&user, db, &params, Vec::new()).await?;
    render(&BoardPage {
        layout: Layout::new("pipeline", flash, &user),
        ..page
    })
}

/// The columns of the board for the list's filters (a stage filter keeps its one column).
async fn board_page(
    user: &CurrentUser,
    db: &Db,
    params: &ListParams,
    problems: Vec<String>,
) -> Result<BoardPage, AppError> {
    let wanted = params.wanted(user.role().sees_pay())?;
    let (columns, names) = db
        .run(move |c| {
            let filter = wanted.resolve(c)?;
            let stages: Vec<Stage> = match filter.stage {
                Some(stage) => vec![stage],
                None => Stage::ALL.to_vec(),
            };
            let mut columns = Vec::new();
            for stage in stages {
                let of_stage = PersonFilter {
                    stage: Some(stage),
                    ..filter.clone()
                };
                let cards = Person::board_column(c, &of_stage, CARDS_PER_COLUMN)?;
                let total = Person::count_up_to(c, &of_stage, COUNT_LIMIT)?;
                columns.push((stage, cards, total));
            }
            Ok((columns, Company::names_if_few(c)?))
        })
        .await?;
    let filters = params.filter_pairs();
    let query = query_string(filters.iter().map(|(k, v)| (*k, v.as_str())));
    let now = chrono::Utc::now();
    Ok(BoardPage {
        layout: Layout::default(),
        columns: columns
            .into_iter()
            .map(|(stage, cards, total)| BoardColumn::new(stage, cards, total, &filters, now))
            .collect(),
        carried: carried_filters(&filters, &[]),
        filters: FormState::with_values(filters),
        query,
        companies: company_choices(names),
        stages: Choice::all_of::<Stage>(),
        problems,
        edits: user.role().edits(),
    })
}

#[derive(Debug, FromForm)]
struct MoveForm {
    stage: String,
    version: i32,
}

#[derive(Responder)]
enum MoveResponse {
    Moved(FormResponse),
    /// Someone saved the person since the board was read: nothing moved.
    #[response(status = 409)]
    Stale(RawHtml<String>),
}

/// Moves a card. The form's action carries the board's filters, so the answer returns to the
/// same board.
#[post("/pipeline/<id>/move?<params..>", data = "<form>")]
async fn move_card(
    user: Editor,
    db: &State<Db>,
    id: PersonId,
    params: ListParams,
    form: Form<MoveForm>,
) -> Result<MoveResponse, AppError> {
    let stage = Stage::parse(&form.stage).ok_or_else(|| {
        AppError::Unprocessable(format!("There is no stage called “{}”.", form.stage))
    })?;
    let version = form.version;
    let outcome = db
        .run_as(user.actor(), move |c| {
            Ok(Person::move_over(c, id, version, stage)?)
        })
        .await?;
    let filters = params.filter_pairs();
    let back = format!(
        "/pipeline?{}",
        query_string(filters.iter().map(|(k, v)| (*k, v.as_str())))
    );
    match outcome {
        SaveOutcome::Saved(person) => Ok(MoveResponse::Moved(FormResponse::saved(
            back,
            format!("{} is now at {}.", person.fields.full_name, stage.label()),
        ))),
        SaveOutcome::Stale(person) => {
            let problem = format!(
                "{} was changed by someone else since this board was shown (now at {}): nothing \
                 was moved. The board below is up to date; move them again if you still want to.",
                person.fields.full_name,
                person.fields.stage.label()
            );
            let page = board_page(&user, db, &params, vec![problem]).await?;
            Ok(MoveResponse::Stale(render(&BoardPage {
                layout: Layout::new("pipeline", None, &user),
                ..page
            })?))
        }
    }
}
