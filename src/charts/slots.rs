//! The axis of a chart's rows or periods: one slot each, labelled in the middle.

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};

use super::shape::short;

/// An axis of `n` evenly spaced rows or columns at 0, 1, … n−1, with a tick at each and
/// nowhere else (a plain number axis would put ticks between rows).
#[derive(Clone)]
pub(super) struct Slots(usize);

impl Ranged for Slots {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let share = (value + 0.5) / self.0.max(1) as f64;
        limit.0 + (f64::from(limit.1 - limit.0) * share).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, _: Hint) -> Vec<f64> {
        (0..self.0).map(|i| i as f64).collect()
    }

    fn range(&self) -> std::ops::Range<f64> {
        -0.5..self.0 as f64 - 0.5
    }
}

pub(super) fn slots(n: usize) -> Slots {
    Slots(n)
}

/// Row `i` (first on top) sits at this height on a `slots` axis.
pub(super) fn row_y(n: usize, i: usize) -> f64 {
    (n - 1 - i) as f64
}

pub(super) fn row_label(labels: &[String], y: f64, chars: usize) -> String {
    let index = labels.len() as f64 - 1.0 - y.round();
    if index < 0.0 {
        return String::new();
    }
    labels
        .get(index as usize)
        .map(|l| short(l, chars))
        .unwrap_or_default()
}
