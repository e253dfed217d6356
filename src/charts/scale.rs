//! Value axes with labels people read: counts at whole numbers only, money at round steps,
//! and a logarithmic money axis at 1, 2 and 5 of each power of ten.

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};

/// How a value axis maps and labels its values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    lo: f64,
    hi: f64,
    kind: ScaleKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScaleKind {
    /// People: whole numbers only.
    Count,
    Linear,
    Log,
}

impl Scale {
    /// From zero to a little past `max`.
    pub fn linear(max: f64, kind: ScaleKind) -> Scale {
        Scale {
            lo: 0.0,
            hi: max.max(1.0) * 1.08,
            kind,
        }
    }

    /// From the power of ten at or below `min` to a little past `max` (both above zero).
    pub fn log(min: f64, max: f64) -> Scale {
        let min = min.max(f64::MIN_POSITIVE);
        Scale {
            lo: 10f64.powf(min.log10().floor()),
            hi: max.max(min) * 1.3,
            kind: ScaleKind::Log,
        }
    }

    pub fn is_log(&self) -> bool {
        self.kind == ScaleKind::Log
    }

    /// A label for a value: whole numbers as such, others with the decimals they need.
    pub fn label(&self, value: &f64) -> String {
        if self.kind == ScaleKind::Count {
            return format!("{value:.0}");
        }
        let text = if value.abs() >= 10.0 {
            format!("{value:.0}")
        } else {
            format!("{value:.2}")
        };
        if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.').to_owned()
        } else {
            text
        }
    }
}

/// The round step (1, 2 or 5 times a power of ten) that gives at most about `labels` labels.
fn round_step(span: f64, labels: usize) -> f64 {
    let raw = span / labels.max(1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|step| *step >= raw)
        .unwrap_or(10.0 * power)
}

impl Ranged for Scale {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let share = if self.is_log() {
            let v = value.max(self.lo);
            (v.ln() - self.lo.ln()) / (self.hi.ln() - self.lo.ln())
        } else {
            (value - self.lo) / (self.hi - self.lo)
        };
        limit.0 + (f64::from(limit.1 - limit.0) * share).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        let labels = hint.max_num_points().max(2);
        if self.is_log() {
            let first = self.lo.log10().floor() as i32;
            let last = self.hi.log10().ceil() as i32;
            // 1, 2 and 5 of each power while they fit; only the powers when there are many.
            let steps: &[f64] = if ((last - first) * 3) as usize <= labels {
                &[1.0, 2.0, 5.0]
            } else {
                &[1.0]
            };
            return (first..=last)
                .flat_map(|power| steps.iter().map(move |m| m * 10f64.powi(power)))
                .filter(|v| *v >= self.lo * 0.999 && *v <= self.hi)
                .collect();
        }
        let mut step = round_step(self.hi - self.lo, labels - 1);
        if self.kind == ScaleKind::Count {
            step = step.max(1.0);
        }
        let count = ((self.hi - self.lo) / step).floor() as usize;
        (0..=count).map(|i| self.lo + i as f64 * step).collect()
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.lo..self.hi
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_axis_of_one_hire_is_labelled_zero_and_one() {
        let scale = Scale::linear(1.0, ScaleKind::Count);
        let points = scale.key_points(11usize);
        let labels: Vec<String> = points.iter().map(|p| scale.label(p)).collect();
        assert_eq!(labels, ["0", "1"]);
    }

    #[test]
    fn counts_are_whole_and_money_has_no_needless_decimals() {
        let counts = Scale::linear(140.0, ScaleKind::Count);
        assert!(counts.key_points(11usize).iter().all(|p| p.fract() == 0.0));
        assert_eq!(counts.label(&140.0), "140");
        let money = Scale::linear(3.0, ScaleKind::Linear);
        assert_eq!(money.label(&2.5), "2.5");
        assert_eq!(money.label(&140.0), "140");
    }

    #[test]
    fn a_log_axis_marks_powers_of_ten() {
        let scale = Scale::log(0.3, 50.0);
        let points = scale.key_points(11usize);
        assert!(
            points.contains(&1.0) && points.contains(&10.0),
            "{points:?}"
        );
        assert!(points.iter().all(|p| (0.1..=65.0).contains(p)));
    }
}
