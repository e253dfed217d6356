//! Bars: one count per row.

use plotters::prelude::*;

use super::rows::{RowFrame, row_chart};
use super::shape::both;
use super::slots::row_y;
use super::{ACCENT, Scale, ScaleKind, Svgs};

/// One horizontal bar per row (a count), first row on top.
pub fn bars(
    title: &str,
    value_axis: &str,
    row_axis: &str,
    rows: &[(String, f64)],
    links: &[Option<String>],
) -> anyhow::Result<Svgs> {
    let labels: Vec<String> = rows.iter().map(|(l, _)| l.clone()).collect();
    let max = rows.iter().map(|(_, v)| *v).fold(0.0, f64::max);
    let n = rows.len();
    let frame = RowFrame {
        title,
        value_axis,
        row_axis,
        scale: Scale::linear(max, ScaleKind::Count),
        legend: &[],
        links,
    };
    both(|shape| {
        row_chart(shape, &frame, &labels, |chart| {
            chart.draw_series(rows.iter().enumerate().map(|(i, (_, value))| {
                let y = row_y(n, i);
                Rectangle::new([(0.0, y - 0.32), (*value, y + 0.32)], ACCENT.filled())
            }))?;
            Ok(())
        })
    })
}
