//! The pipeline board at /pipeline: a column per stage with a card per person, filtered as the
//! people list is, and a move to another stage from each card (a form: no script needed).

use rocket::form::Form;
use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::{Responder, Route, State, get, post, routes};

use super::people::ListParams;
use super::people::list_count::beyond_the_count;
use super::{FormResponse, query_string};
use crate::auth::{CurrentUser, Editor};
use crate::db::Db;
use crate::domain::{ChoiceName, PersonId, Stage};
use crate::error::AppError;
use crate::i18n::input::reading;
use crate::input::{StageMoveInput, risks};
use crate::models::{Company, Person, PersonFilter, SaveOutcome};
use crate::views::people::{ListCount, PeoplePager, carried_filters, company_choices};
use crate::views::pipeline::{BoardColumn, BoardPage, MoveConfirmPage};
use crate::views::{Choice, FormState, Layout, render};

pub fn routes() -> Vec<Route> {
    routes![board, move_card]
}

/// Cards shown per column; the rest are a link to the people list of that stage.
const CARDS_PER_COLUMN: i64 = 20;

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
    let lang = user.locale.lang;
    let wanted = reading(lang, || params.wanted(user.role().sees_pay()))?;
    let (columns, names) = db
        .run(move |c| {
            let filter = reading(lang, || wanted.resolve(c))?;
            let stages: Vec<Stage> = match filter.stage {
                Some(stage) => vec![stage],
                None => Stage::ALL.to_vec(),
            };
            // Counted as far as the people list counts, and past that said as the list says
            // it, so a column's number and the list it opens agree.
            let totals = Person::board_counts(c, &filter, &stages, PeoplePager::COUNT_LIMIT)?;
            let mut columns = Vec::new();
            for (stage, total) in stages.into_iter().zip(totals) {
                let of_stage = PersonFilter {
                    stage: Some(stage),
                    ..filter.clone()
                };
                let cards = Person::board_column(c, &of_stage, total, CARDS_PER_COLUMN)?;
                let said = match total {
                    Some(n) => ListCount::Exact(n),
                    None => beyond_the_count(c, &of_stage)?,
                };
                columns.push((stage, cards, said));
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
            .map(|(stage, cards, total)| {
                BoardColumn::new(stage, cards, total, &filters, now, user.locale.lang)
            })
            .collect(),
        carried: carried_filters(&filters, &[], user.locale),
        filters: FormState::with_values(filters),
        query,
        companies: company_choices(names),
        stages: Choice::all_in::<Stage>(user.locale),
        problems,
        edits: user.role().edits(),
    })
}

#[derive(Responder)]
enum MoveResponse {
    Moved(FormResponse),
    /// The move undoes something: the page that asks first, nothing moved yet.
    Confirm(RawHtml<String>),
    /// Someone saved the person since the board was read: nothing moved.
    #[response(status = 409)]
    Stale(RawHtml<String>),
}

/// Moves a card, or asks first when the move undoes a hire or an offer or closes the person
/// (`risks`). The form's action carries the board's filters, so the answer returns to the
/// same board. The confirmation sends the version the board was read at: a second submit of
/// it finds the version moved on and moves nothing.
#[post("/pipeline/<id>/move?<params..>", data = "<form>")]
async fn move_card(
    user: Editor,
    db: &State<Db>,
    id: PersonId,
    params: ListParams,
    form: Form<StageMoveInput>,
) -> Result<MoveResponse, AppError> {
    let stage = Stage::parse(&form.stage).ok_or_else(|| {
        AppError::Unprocessable(
            user.locale
                .t1("pipeline-no-such-stage", "name", &form.stage),
        )
    })?;
    let filters = params.filter_pairs();
    let query = query_string(filters.iter().map(|(k, v)| (*k, v.as_str())));
    let version = form.version;
    if !form.confirmed
        && let Some(page) = confirmation(&user, db, id, version, stage, &query).await?
    {
        return Ok(MoveResponse::Confirm(page));
    }
    let outcome = db
        .run_as(user.actor(), move |c| {
            Ok(Person::move_over(c, id, version, stage)?)
        })
        .await?;
    let back = format!("/pipeline?{query}");
    match outcome {
        SaveOutcome::Saved(person) => Ok(MoveResponse::Moved(FormResponse::saved(
            back,
            user.locale.t2(
                "pipeline-moved",
                &("name", &person.fields.full_name),
                &("stage", stage.label_in(user.locale.lang)),
            ),
        ))),
        // A confirmation sent twice: the first moved them, the second moves nothing.
        SaveOutcome::Stale(person) if form.confirmed && person.fields.stage == stage => {
            Ok(MoveResponse::Moved(FormResponse::saved(
                back,
                user.locale.t2(
                    "pipeline-already-there",
                    &("name", &person.fields.full_name),
                    &("stage", stage.label_in(user.locale.lang)),
                ),
            )))
        }
        SaveOutcome::Stale(person) => Ok(MoveResponse::Stale(
            stale_board(&user, db, &params, &person).await?,
        )),
    }
}

/// The page that asks before a move that undoes something, or `None` when the move needs no
/// asking. A board read before someone else's save gets the board again, as a move would.
async fn confirmation(
    user: &Editor,
    db: &Db,
    id: PersonId,
    version: i32,
    to: Stage,
    query: &str,
) -> Result<Option<RawHtml<String>>, AppError> {
    let (person, since) = db
        .run(move |c| Ok((Person::find(c, id)?, Person::stage_since(c, id)?)))
        .await?;
    let from = person.fields.stage;
    let risks = risks(from, to);
    if risks.is_empty() || person.version != version {
        return Ok(None);
    }
    let since = since.map(|at| at.date_naive());
    let hired_on = person
        .fields
        .decided_on
        .or(person.fields.start_on)
        .or(since);
    Ok(Some(render(&MoveConfirmPage {
        layout: Layout::new("pipeline", None, user),
        person_id: id,
        name: person.fields.full_name,
        from,
        to,
        version,
        changes: MoveConfirmPage::changes(&risks, to, hired_on, since, user.locale),
        query: query.to_owned(),
    })?))
}

/// The board again, saying that `person` was saved by someone else and nothing moved.
async fn stale_board(
    user: &Editor,
    db: &Db,
    params: &ListParams,
    person: &Person,
) -> Result<RawHtml<String>, AppError> {
    let problem = user.locale.t2(
        "pipeline-stale",
        &("name", &person.fields.full_name),
        &("stage", person.fields.stage.label_in(user.locale.lang)),
    );
    let page = board_page(user, db, params, vec![problem]).await?;
    render(&BoardPage {
        layout: Layout::new("pipeline", None, user),
        ..page
    })
}
