//! A card's move on the pipeline board: the stage it goes to, the version the board was read
//! at, and whether the user confirmed a move that undoes something. The rule for which moves
//! need that confirmation lives here, so the buttons and a drag (which submits the same form)
//! cannot differ.

use rocket::form::FromForm;

use crate::domain::Stage;

#[derive(Debug, FromForm)]
pub struct StageMoveInput {
    /// Parsed by the handler, so an unknown stage is named in its answer.
    pub stage: String,
    pub version: i32,
    /// Sent only by the confirmation page's form.
    pub confirmed: bool,
}

/// What a move undoes, and so why it is asked about first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveRisk {
    /// Out of Hired: the hire stops counting in the reports.
    UndoesHire,
    /// Back out of Offer to an earlier stage.
    UndoesOffer,
    /// Into Declined or Withdrawn: out of the funnel.
    Closes,
}

/// The stage a card moves to unless the user picks another: the funnel's next one. None from
/// Hired and the ways out, whose every move is a choice.
pub fn next_stage(from: Stage) -> Option<Stage> {
    match from {
        Stage::Sourced => Some(Stage::Contacted),
        Stage::Contacted => Some(Stage::Interviewing),
        Stage::Interviewing => Some(Stage::Offer),
        Stage::Offer => Some(Stage::Hired),
        Stage::Hired | Stage::Declined | Stage::Withdrawn => None,
    }
}

/// What moving from `from` to `to` undoes, in the order the confirmation page says them; empty
/// for a move that needs no confirmation (forward, or reopening a closed person).
pub fn risks(from: Stage, to: Stage) -> Vec<MoveRisk> {
    let mut found = Vec::new();
    if from == to {
        return found;
    }
    let backwards = to.in_funnel() && position(to) < position(from);
    if from == Stage::Hired {
        found.push(MoveRisk::UndoesHire);
    } else if from == Stage::Offer && backwards {
        found.push(MoveRisk::UndoesOffer);
    }
    if !to.in_funnel() {
        found.push(MoveRisk::Closes);
    }
    found
}

fn position(stage: Stage) -> usize {
    Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forward_moves_and_reopening_need_no_confirmation() {
        for (from, to) in [
            (Stage::Sourced, Stage::Contacted),
            (Stage::Sourced, Stage::Hired),
            (Stage::Offer, Stage::Hired),
            (Stage::Interviewing, Stage::Contacted),
            (Stage::Declined, Stage::Sourced),
            (Stage::Withdrawn, Stage::Offer),
        ] {
            assert!(risks(from, to).is_empty(), "{from} → {to}");
        }
    }

    #[test]
    fn undoing_a_hire_or_an_offer_or_closing_asks_first() {
        assert_eq!(risks(Stage::Hired, Stage::Sourced), [MoveRisk::UndoesHire]);
        assert_eq!(risks(Stage::Hired, Stage::Offer), [MoveRisk::UndoesHire]);
        assert_eq!(
            risks(Stage::Hired, Stage::Declined),
            [MoveRisk::UndoesHire, MoveRisk::Closes]
        );
        assert_eq!(
            risks(Stage::Offer, Stage::Contacted),
            [MoveRisk::UndoesOffer]
        );
        assert_eq!(risks(Stage::Offer, Stage::Withdrawn), [MoveRisk::Closes]);
        assert_eq!(risks(Stage::Sourced, Stage::Declined), [MoveRisk::Closes]);
        assert_eq!(risks(Stage::Declined, Stage::Withdrawn), [MoveRisk::Closes]);
    }

    #[test]
    fn the_default_move_is_the_next_stage_of_the_funnel() {
        assert_eq!(next_stage(Stage::Sourced), Some(Stage::Contacted));
        assert_eq!(next_stage(Stage::Offer), Some(Stage::Hired));
        assert_eq!(next_stage(Stage::Hired), None);
    }
}
