//! The pipeline board page.

use askama::Template;
use chrono::{DateTime, Utc};

use super::people::CarriedFilter;
use super::{Choice, FormState, Layout};
use crate::domain::Stage;
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
    pub cards: Vec<ShownCard>,
    /// Everyone in the column; `None` when more than the count goes to.
    pub total: Option<i64>,
    /// How many are not shown as cards, when known.
    pub more: Option<i64>,
    /// The people list of this column: all of them.
    pub list_href: String,
}

pub struct ShownCard {
    pub card: BoardCard,
    pub days: Option<i64>,
}

impl BoardColumn {
    pub fn new(
        stage: Stage,
        cards: Vec<BoardCard>,
        total: Option<i64>,
        filters: &[(&'static str, String)],
        now: DateTime<Utc>,
    ) -> Self {
        let mut pairs: Vec<(&str, &str)> = filters
            .iter()
            .filter(|(k, _)| *k != "stage")
            .map(|(k, v)| (*k, v.as_str()))
            .collect();
        pairs.push(("stage", stage.as_str()));
        let shown = cards.len() as i64;
        BoardColumn {
            stage,
            more: total.map(|t| t - shown),
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
