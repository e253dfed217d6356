//! Rules between fields, shared by the forms and the CSV import. Each returns the field the
//! user should change and the catalogue key of what to tell them (templates/locales/*/rules.ftl),
//! put into words in the language the input was typed in (`said`).

use super::{Date, Money, Period};

pub type Broken = (&'static str, &'static str);

/// A rule's message in the language of the input being read (`Msg::for_input`).
pub fn said(key: &'static str) -> String {
    crate::i18n::Msg::new(key).for_input()
}

/// The band's high end is not below its low end.
pub fn band_ordered(low: &Money, high: &Money) -> Option<Broken> {
    (low.amount() > high.amount()).then_some(("amount_high", "rule-high-below-low"))
}

/// A range's minimum, midpoint and maximum (the fields `<group>_min`, `_mid`, `_max`) are in
/// order; an amount not given or not parsed is skipped.
pub fn range_ordered(amounts: [Option<Money>; 3], group: &str) -> Vec<Broken> {
    let [min, mid, max] = amounts;
    let above = |low: &Option<Money>, high: &Option<Money>| match (low, high) {
        (Some(low), Some(high)) => low.amount() > high.amount(),
        _ => false,
    };
    let (mid_field, max_field) = match group {
        "base" => ("base_mid", "base_max"),
        _ => ("total_mid", "total_max"),
    };
    let mut broken = Vec::new();
    if above(&min, &mid) {
        broken.push((mid_field, "rule-mid-below-min"));
    }
    if above(&mid, &max) || (mid.is_none() && above(&min, &max)) {
        broken.push((max_field, "rule-max-below"));
    }
    broken
}

/// A group of fields given together or not at all (a band's total range): each missing one
/// is named while another is given.
pub fn all_or_none(fields: [&'static str; 3], given: [bool; 3]) -> Vec<Broken> {
    if !given.contains(&true) {
        return Vec::new();
    }
    fields
        .iter()
        .zip(given)
        .filter(|(_, given)| !given)
        .map(|(field, _)| (*field, "rule-all-or-none"))
        .collect()
}

/// Directive (EU) 2023/970, art. 5(2): employers may not ask candidates for their pay history,
/// so a figure whose source is the candidate is not kept for a person in zone EU.
pub const PAY_HISTORY_REFUSED: &str = "rule-pay-history";

/// A person with figures from the candidate cannot move into the EU: the figures would then
/// be pay history the directive forbids asking for.
pub const PAY_HISTORY_MOVE_REFUSED: &str = "rule-pay-history-move";

/// Whether a pay figure's source is the candidate themself. The rule's home is the database
/// (`r.is_pay_history`, src/db/sql/pay_history.sql), whose triggers hold it for every way in;
/// this copy is for the import, which plans every row of a file in memory.
/// `tests/app/rule_homes/pay_history.rs` holds the two to the same answer.
pub fn asks_pay_history(source_name: Option<&str>) -> bool {
    source_name.is_some_and(|s| s.trim().eq_ignore_ascii_case("candidate"))
}

/// A total names its years; an annual figure does not.
pub fn years_match_period(period: Period, has_years: bool) -> Option<Broken> {
    match (period, has_years) {
        (Period::Total, false) => Some(("period_years", "rule-total-needs-years")),
        (Period::Annual, true) => Some(("period_years", "rule-annual-no-years")),
        _ => None,
    }
}

/// A decision does not come before the offer it decides.
pub fn decided_after_offer(offer_on: Date, decided_on: Date) -> Option<Broken> {
    dates_in_order([None, Some(offer_on), Some(decided_on), None])
        .into_iter()
        .next()
}

/// The dates of a person's way through the pipeline, in the order they happen.
pub const PIPELINE_DATES: [&str; 4] = ["first_contact_on", "offer_on", "decided_on", "start_on"];

/// Each given date of `PIPELINE_DATES` (in that order; `None` where not given) comes no earlier
/// than the given dates before it. A date that does is reported beside itself, the later field,
/// against the nearest earlier date it precedes.
pub fn dates_in_order(dates: [Option<Date>; 4]) -> Vec<Broken> {
    let mut broken = Vec::new();
    for (later, on) in dates.iter().enumerate() {
        let Some(on) = on else { continue };
        let nearest = (0..later)
            .rev()
            .find(|&earlier| dates[earlier].is_some_and(|d| d.into_inner() > on.into_inner()));
        if let Some(earlier) = nearest {
            broken.push((PIPELINE_DATES[later], out_of_order(later, earlier)));
        }
    }
    broken
}

/// What to say when the date at `later` in `PIPELINE_DATES` comes before the one at `earlier`.
fn out_of_order(later: usize, earlier: usize) -> &'static str {
    match (later, earlier) {
        (1, _) => "rule-offer-before-contact",
        (2, 0) => "rule-decision-before-contact",
        (2, _) => "rule-decision-before-offer",
        (3, 0) => "rule-start-before-contact",
        (3, 1) => "rule-start-before-offer",
        _ => "rule-start-before-decision",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(raw: [&str; 4]) -> [Option<Date>; 4] {
        raw.map(|d| Date::parse(d).ok())
    }

    #[test]
    fn dates_in_order_or_equal_pass_and_missing_ones_are_skipped() {
        assert!(
            dates_in_order(dates([
                "2025-01-01",
                "2025-02-01",
                "2025-02-01",
                "2025-03-01"
            ]))
            .is_empty()
        );
        assert!(dates_in_order(dates(["2025-01-01", "", "", "2025-03-01"])).is_empty());
        assert!(dates_in_order(dates(["", "", "", ""])).is_empty());
    }

    #[test]
    fn each_date_before_an_earlier_one_is_reported_beside_itself() {
        assert_eq!(
            dates_in_order(dates(["2025-05-01", "2025-04-01", "", "2025-01-01"])),
            vec![
                ("offer_on", "rule-offer-before-contact"),
                ("start_on", "rule-start-before-offer"),
            ]
        );
        assert_eq!(
            dates_in_order(dates(["2025-05-01", "", "2025-04-01", ""])),
            vec![("decided_on", "rule-decision-before-contact")]
        );
    }
}
