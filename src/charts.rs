//! Charts drawn on the server as SVG with plotters, sized to their number of rows so that one
//! row and fifteen both read well (callers pool what is beyond into "Other").

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

const WIDTH: u32 = 900;
const ROW_HEIGHT: u32 = 30;
const LABEL_CHARS: usize = 34;
const ACCENT: RGBColor = RGBColor(47, 91, 211);
const SOFT: RGBColor = RGBColor(170, 188, 240);
const INK: RGBColor = RGBColor(29, 36, 51);

/// How many rows a chart shows before pooling the rest into "Other".
pub const TOP_ROWS: i64 = 15;

/// A scale for money axes: the divisor and the unit to name on the axis.
pub fn money_scale(max: f64, currency: &str) -> (f64, String) {
    match max {
        m if m >= 1e9 => (1e9, format!("billions of {currency}")),
        m if m >= 1e6 => (1e6, format!("millions of {currency}")),
        m if m >= 1e4 => (1e3, format!("thousands of {currency}")),
        _ => (1.0, currency.to_owned()),
    }
}

fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_owned()
    } else {
        let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{cut}…")
    }
}

/// An axis of `n` evenly spaced rows or columns at 0, 1, … n−1, with a tick at each and
/// nowhere else (a plain number axis would put ticks between rows).
#[derive(Clone)]
struct Slots(usize);

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

/// Labels a count axis at whole numbers only: there is no such thing as half a hire.
fn whole(value: &f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        String::new()
    }
}

fn slots(n: usize) -> Slots {
    Slots(n)
}

/// Row `i` (first on top) sits at this height on a `slots` axis.
fn row_y(n: usize, i: usize) -> f64 {
    (n - 1 - i) as f64
}

fn row_label(labels: &[String], y: f64) -> String {
    let index = labels.len() as f64 - 1.0 - y.round();
    if index < 0.0 {
        return String::new();
    }
    labels
        .get(index as usize)
        .map(|l| short(l))
        .unwrap_or_default()
}

type RowChart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, Slots>>;

/// A chart of one row per label, first on top, with a value axis from zero to past `max`;
/// `draw` puts each row's marks on it.
fn row_chart(
    title: &str,
    axis: &str,
    labels: &[String],
    max: f64,
    count_axis: bool,
    draw: impl FnOnce(&mut RowChart<'_, '_>) -> anyhow::Result<()>,
) -> anyhow::Result<String> {
    let n = labels.len();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, 110 + ROW_HEIGHT * n as u32))
            .into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(title, ("sans-serif", 18).into_font().color(&INK))
            .margin(14)
            .x_label_area_size(46)
            .y_label_area_size(250)
            .build_cartesian_2d(0f64..max.max(1.0) * 1.08, slots(n))?;
        let one_decimal = |v: &f64| format!("{v:.1}");
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(TRANSPARENT)
            .y_label_formatter(&|y| row_label(labels, *y))
            .x_label_formatter(if count_axis { &whole } else { &one_decimal })
            .x_desc(axis)
            .label_style(("sans-serif", 13).into_font().color(&INK))
            .draw()?;
        draw(&mut chart)?;
        root.present()?;
    }
    Ok(svg)
}

/// One horizontal bar per row (a count), first row on top.
pub fn bars(title: &str, axis: &str, rows: &[(String, f64)]) -> anyhow::Result<String> {
    let labels: Vec<String> = rows.iter().map(|(l, _)| l.clone()).collect();
    let max = rows.iter().map(|(_, v)| *v).fold(0.0, f64::max);
    let n = rows.len();
    row_chart(title, axis, &labels, max, true, |chart| {
        chart.draw_series(rows.iter().enumerate().map(|(i, (_, value))| {
            let y = row_y(n, i);
            Rectangle::new([(0.0, y - 0.32), (*value, y + 0.32)], ACCENT.filled())
        }))?;
        Ok(())
    })
}

/// Per row: a thin line from min to max, a box from p25 to p75, a dot at the median.
pub fn ranges(title: &str, axis: &str, rows: &[(String, [f64; 5])]) -> anyhow::Result<String> {
    let labels: Vec<String> = rows.iter().map(|(l, _)| l.clone()).collect();
    let max = rows.iter().map(|(_, v)| v[4]).fold(0.0, f64::max);
    let n = rows.len();
    row_chart(title, axis, &labels, max, false, |chart| {
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
}

/// Bars of a count per period (left axis) with a line of a running money total (right axis).
pub fn periods(
    title: &str,
    count_axis: &str,
    money_axis: &str,
    rows: &[(String, f64, f64)],
) -> anyhow::Result<String> {
    let labels: Vec<String> = rows.iter().map(|(l, _, _)| l.clone()).collect();
    let n = rows.len();
    let max_count = rows.iter().map(|r| r.1).fold(0.0, f64::max).max(1.0) * 1.15;
    let max_money = rows.iter().map(|r| r.2).fold(0.0, f64::max).max(1.0) * 1.15;
    // At most about twelve labels along the time axis, however many periods there are.
    let every = n.div_ceil(12).max(1);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, 460)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(title, ("sans-serif", 18).into_font().color(&INK))
            .margin(14)
            .x_label_area_size(60)
            .y_label_area_size(60)
            .right_y_label_area_size(80)
            .build_cartesian_2d(slots(n), 0f64..max_count)?
            .set_secondary_coord(slots(n), 0f64..max_money);
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(TRANSPARENT)
            .x_label_formatter(&|x| {
                let i = x.round() as usize;
                if i.is_multiple_of(every) {
                    labels.get(i).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .y_label_formatter(&whole)
            .y_desc(count_axis)
            .x_desc("Hire date")
            .label_style(("sans-serif", 13).into_font().color(&INK))
            .draw()?;
        chart.configure_secondary_axes().y_desc(money_axis).draw()?;
        chart.draw_series(rows.iter().enumerate().map(|(i, (_, count, _))| {
            let x = i as f64;
            Rectangle::new([(x - 0.4, 0.0), (x + 0.4, *count)], SOFT.filled())
        }))?;
        chart.draw_secondary_series(LineSeries::new(
            rows.iter()
                .enumerate()
                .map(|(i, (_, _, money))| (i as f64, *money)),
            ACCENT.stroke_width(3),
        ))?;
        root.present()?;
    }
    Ok(svg)
}
