//! Positions: a value against a range per row (an offer's compa-ratio against its band).

use plotters::prelude::*;

use super::legend::Mark;
use super::rows::{RowFrame, row_chart};
use super::shape::both;
use super::slots::row_y;
use super::{ACCENT, SOFT, Scale, ScaleKind, Svgs};

/// Per row: a line over a range (an offer's band, as compa-ratios from its minimum to its
/// maximum) and a dot at the row's value (the offer's compa-ratio), red where it lies outside.
pub fn positions(
    title: &str,
    value_axis: &str,
    row_axis: &str,
    rows: &[(String, [f64; 3])],
) -> anyhow::Result<Svgs> {
    const OUTSIDE: RGBColor = RGBColor(196, 48, 43);
    let labels: Vec<String> = rows.iter().map(|(l, _)| l.clone()).collect();
    let max = rows
        .iter()
        .map(|(_, [_, hi, v])| hi.max(*v))
        .fold(0.0, f64::max);
    let n = rows.len();
    let frame = RowFrame {
        title,
        value_axis,
        row_axis,
        scale: Scale::linear(max, ScaleKind::Linear),
        legend: &[
            (Mark::Bar(SOFT), "The band, minimum to maximum"),
            (Mark::Dot(ACCENT), "Inside its band"),
            (Mark::Dot(OUTSIDE), "Outside its band"),
        ],
        links: &[],
    };
    both(|shape| {
        row_chart(shape, &frame, &labels, |chart| {
            for (i, (_, [low, high, value])) in rows.iter().enumerate() {
                let y = row_y(n, i);
                chart.draw_series(std::iter::once(Rectangle::new(
                    [(*low, y - 0.18), (*high, y + 0.18)],
                    SOFT.filled(),
                )))?;
                let inside = low <= value && value <= high;
                let color = if inside { ACCENT } else { OUTSIDE };
                chart.draw_series(std::iter::once(Circle::new((*value, y), 5, color.filled())))?;
            }
            Ok(())
        })
    })
}
