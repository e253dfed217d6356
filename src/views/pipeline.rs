//! The pipeline board page.

use askama::Template;
use chrono::{DateTime, NaiveDate, Utc};

use super::people::{CarriedFilter, ListCount};
use super::{Choice, FormState, Layout};
use crate::domain::{ChoiceName, PersonId, Stage};
use crate::i18n::{Lang, Locale, Msg};
use crate::input::{MoveRisk, next_stage};
use crate::models::person::board::BoardCard;
use crate::routes::query_string;

#[derive(Template)]
#[template(path = "pipeline/board.html")]
pub struct BoardPage {
    pub layout: Layout,
    pub columns: Vec<BoardColumn>,
    pub filters: FormState,
    /// The filters as a query string (ending in `&`), for the move forms and the list links.
    pub query: String,
    pub companies: Vec<Choice>,
    /// Filters a link set that the board's form has no field for: kept as hidden fields.
    pub carried: Vec<CarriedFilter>,
    pub stages: Vec<Choice>,
    /// Why the last move did not happen.
    pub problems: Vec<String>,
    /// Whether the cards offer a move (recruiters and admins).
    pub edits: bool,
}

pub struct BoardColumn {
    pub stage: Stage,
    /// The stages a card of this column moves to, the next one selected.
    pub moves: Vec<MoveChoice>,
    /// Whether no move is selected until the user picks one (no next stage).
    pub pick_first: bool,
    pub cards: Vec<ShownCard>,
    /// Everyone in the column, as the people list it links to says it.
    pub total: ListCount,
    /// How many are not shown as cards, when known exactly.
    pub more: Option<i64>,
    /// The people list of this column: all of them.
    pub list_href: String,
}

pub struct MoveChoice {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

pub struct ShownCard {
    pub card: BoardCard,
    pub days: Option<i64>,
}

impl BoardColumn {
    pub fn new(
        stage: Stage,
        cards: Vec<BoardCard>,
        total: ListCount,
        filters: &[(&'static str, String)],
        now: DateTime<Utc>,
        lang: Lang,
    ) -> Self {
        let mut pairs: Vec<(&str, &str)> = filters
            .iter()
            .filter(|(k, _)| *k != "stage")
            .map(|(k, v)| (*k, v.as_str()))
            .collect();
        pairs.push(("stage", stage.as_str()));
        let shown = cards.len() as i64;
        let next = next_stage(stage);
        BoardColumn {
            stage,
            moves: Stage::ALL
                .iter()
                .filter(|s| **s != stage)
                .map(|s| MoveChoice {
                    value: s.as_str(),
                    label: s.label_in(lang),
                    selected: Some(*s) == next,
                })
                .collect(),
            pick_first: next.is_none(),
            more: match total {
                ListCount::Exact(t) => Some(t - shown),
                ListCount::About(_) | ListCount::MoreThan(_) => None,
            },
            total,
            list_href: format!("/people?{}", query_string(pairs)),
            cards: cards
                .into_iter()
                .map(|card| ShownCard {
                    days: card.days_in_stage(now),
                    card,
                })
                .collect(),
        }
    }

    /// Whether people of the column are left out of its cards.
    pub fn has_more(&self) -> bool {
        self.more.is_none_or(|m| m > 0)
    }
}

/// The question a move that undoes something asks first: who, from where to where, and what
/// it changes. Its form sends the same move again, confirmed, over the same version.
#[derive(Template)]
#[template(path = "pipeline/confirm.html")]
pub struct MoveConfirmPage {
    pub layout: Layout,
    pub person_id: PersonId,
    pub name: String,
    pub from: Stage,
    pub to: Stage,
    pub version: i32,
    /// What the move changes, one sentence each.
    pub changes: Vec<String>,
    /// The board's filters as a query string, for the form's action and the way back.
    pub query: String,
}

impl MoveConfirmPage {
    /// The sentences for `risks`. `hired_on` is the day the reports count the hire on;
    /// `since` the day they entered their current stage.
    pub fn changes(
        risks: &[MoveRisk],
        to: Stage,
        hired_on: Option<NaiveDate>,
        since: Option<NaiveDate>,
        locale: Locale,
    ) -> Vec<String> {
        let to_label = to.label_in(locale.lang);
        risks
            .iter()
            .map(|risk| match risk {
                MoveRisk::UndoesHire => match hired_on {
                    Some(day) => Msg::new("pipeline-undoes-hire-on").arg("day", locale.date(day)),
                    None => Msg::new("pipeline-undoes-hire"),
                },
                MoveRisk::UndoesOffer => match since {
                    Some(day) => Msg::new("pipeline-undoes-offer-since")
                        .arg("day", locale.date(day))
                        .arg("to", &to_label),
                    None => Msg::new("pipeline-undoes-offer").arg("to", &to_label),
                },
                MoveRisk::Closes => Msg::new("pipeline-closes")
                    .arg("to", &to_label)
                    .arg("to-lower", to_label.to_lowercase()),
            })
            .map(|msg| locale.say(&msg))
            .collect()
    }
}
