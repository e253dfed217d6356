//! Ranges: the spread of each row's figures, minimum to maximum around the median.

use plotters::prelude::*;

use super::legend::Mark;
use super::rows::{RowFrame, row_chart};
use super::shape::both;
use super::slots::row_y;
use super::{ACCENT, INK, SOFT, Scale, ScaleKind, Svgs};

/// Whether pay from `min` to `max` spans more than two orders of magnitude: a linear axis would
/// squash the smaller figures against zero.
pub fn wants_log(min: f64, max: f64) -> bool {
    min > 0.0 && max / min > 100.0
}

/// Per row: a thin line from min to max, a box from p25 to p75, a dot at the median.
pub fn ranges(
    title: &str,
    value_axis: &str,
    row_axis: &str,
    log: bool,
    rows: &[(String, [f64; 5])],
    links: &[Option<String>],
) -> anyhow::Result<Svgs> {
    let labels: Vec<String> = rows.iter().map(|(l, _)| l.clone()).collect();
    let max = rows.iter().map(|(_, v)| v[4]).fold(0.0, f64::max);
    let min = rows.iter().map(|(_, v)| v[0]).fold(f64::INFINITY, f64::min);
    let n = rows.len();
    let frame = RowFrame {
        title,
        value_axis,
        row_axis,
        scale: if log {
            Scale::log(min, max)
        } else {
            Scale::linear(max, ScaleKind::Linear)
        },
        legend: &[
            (Mark::Whisker(INK), "Minimum to maximum"),
            (Mark::Bar(SOFT), "25th to 75th percentile"),
            (Mark::Dot(ACCENT), "Median"),
        ],
        links,
    };
    both(|shape| {
        row_chart(shape, &frame, &labels, |chart| {
            for (i, (_, [min, p25, median, p75, max])) in rows.iter().enumerate() {
                let y = row_y(n, i);
                chart.draw_series(std::iter::once(PathElement::new(
                    vec![(*min, y), (*max, y)],
                    INK.stroke_width(1),
                )))?;
                chart.draw_series(std::iter::once(Rectangle::new(
                    [(*p25, y - 0.28), (*p75, y + 0.28)],
                    SOFT.filled(),
                )))?;
                // A dot, so a group of one (all five values equal) still shows.
                chart.draw_series(std::iter::once(Circle::new(
                    (*median, y),
                    5,
                    ACCENT.filled(),
                )))?;
            }
            Ok(())
        })
    })
}
