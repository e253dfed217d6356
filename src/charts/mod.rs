//! Charts drawn on the server as SVG with plotters, sized to their number of rows so that one
//! row and fifteen both read well (callers pool what is beyond into "Other"). Each chart is drawn
//! twice: wide for screens, and narrow with larger type for phones, where a wide drawing scaled
//! down to ~320 px would leave its text at 4 px. Every chart has a title, both axes named, a
//! legend where it has more than one kind of mark, and counts labelled as whole numbers.

mod legend;
mod links;
mod scale;

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::prelude::*;

use legend::Mark;
use links::LinkArea;
pub use scale::{Scale, ScaleKind};

const ROW_HEIGHT: u32 = 30;
const ACCENT: RGBColor = RGBColor(47, 91, 211);
const SOFT: RGBColor = RGBColor(170, 188, 240);
const INK: RGBColor = RGBColor(29, 36, 51);

/// One chart drawn at both sizes; the page lets the browser pick by screen width.
#[derive(Debug)]
pub struct Svgs {
    pub wide: String,
    pub narrow: String,
}

/// The measures of one drawing size.
#[derive(Clone, Copy)]
struct Shape {
    /// The SVG's class, which the page's style shows at its screen size.
    class: &'static str,
    width: u32,
    /// Row labels are cut to this many characters (the table below has them whole).
    label_chars: usize,
    label_area: u32,
    font: u32,
    /// The axes' names: long ("Annualised pay midpoint (thousands of USD)"), so smaller.
    desc_font: u32,
    title_font: u32,
    /// At most about this many labels along an axis of periods.
    period_labels: usize,
    /// About this many labels along an axis of values (plotters' own default is 11).
    value_labels: usize,
}

const WIDE: Shape = Shape {
    class: "chart-wide",
    width: 900,
    label_chars: 34,
    label_area: 270,
    font: 13,
    desc_font: 13,
    title_font: 18,
    period_labels: 12,
    value_labels: 11,
};

/// Shown about 310–340 px wide on a phone. plotters writes a type size `s` as `s / 1.24` SVG
/// pixels, so the labels' 20 land near 11.5 px on screen.
const NARROW: Shape = Shape {
    class: "chart-narrow",
    width: 420,
    label_chars: 13,
    label_area: 160,
    font: 20,
    desc_font: 16,
    title_font: 21,
    period_labels: 4,
    value_labels: 5,
};

fn both(draw: impl Fn(Shape) -> anyhow::Result<String>) -> anyhow::Result<Svgs> {
    Ok(Svgs {
        wide: draw(WIDE)?,
        narrow: draw(NARROW)?,
    })
}

impl Shape {
    /// The title's type size: smaller for a title too long to fit at the usual size (plotters
    /// does not wrap), judging a character at about 0.45 of the type size.
    fn title_size(&self, title: &str) -> u32 {
        let room = f64::from(self.width - 30);
        let fits = room / (title.chars().count().max(1) as f64 * 0.45);
        self.title_font.min(fits as u32).max(10)
    }
}

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

fn short(label: &str, chars: usize) -> String {
    if label.chars().count() <= chars {
        label.to_owned()
    } else {
        let cut: String = label.chars().take(chars - 1).collect();
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

fn slots(n: usize) -> Slots {
    Slots(n)
}

/// Row `i` (first on top) sits at this height on a `slots` axis.
fn row_y(n: usize, i: usize) -> f64 {
    (n - 1 - i) as f64
}

fn row_label(labels: &[String], y: f64, chars: usize) -> String {
    let index = labels.len() as f64 - 1.0 - y.round();
    if index < 0.0 {
        return String::new();
    }
    labels
        .get(index as usize)
        .map(|l| short(l, chars))
        .unwrap_or_default()
}

fn caption_font(shape: Shape, title: &str) -> TextStyle<'static> {
    ("sans-serif", shape.title_size(title))
        .into_font()
        .color(&INK)
}

type RowChart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<Scale, Slots>>;

/// What a chart of rows shows: its title, its axes' names, its value scale and its legend.
struct RowFrame<'a> {
    title: &'a str,
    value_axis: &'a str,
    row_axis: &'a str,
    scale: Scale,
    legend: &'a [(Mark, &'a str)],
    /// Where each row leads (the people it counts), if anywhere.
    links: &'a [Option<String>],
}

/// A chart of one row per label, first on top, along `frame.scale`; `draw` puts each row's
/// marks on it.
fn row_chart(
    shape: Shape,
    frame: &RowFrame<'_>,
    labels: &[String],
    draw: impl FnOnce(&mut RowChart<'_, '_>) -> anyhow::Result<()>,
) -> anyhow::Result<String> {
    let n = labels.len();
    let mut svg = String::new();
    let areas;
    {
        let legend_height = if frame.legend.is_empty() {
            0
        } else {
            legend::height(shape, frame.legend)
        };
        let plot_height = 110 + ROW_HEIGHT * n as u32;
        let root = SVGBackend::with_string(&mut svg, (shape.width, plot_height + legend_height))
            .into_drawing_area();
        root.fill(&WHITE)?;
        let (plot, under) = root.split_vertically(plot_height);
        let title = frame.title;
        let mut chart = ChartBuilder::on(&plot)
            .caption(title, caption_font(shape, title))
            .margin(14)
            .x_label_area_size(46)
            .y_label_area_size(shape.label_area)
            .build_cartesian_2d(frame.scale, slots(n))?;
        let scale = frame.scale;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(TRANSPARENT)
            .y_label_formatter(&|y| row_label(labels, *y, shape.label_chars))
            .x_labels(shape.value_labels)
            .x_label_formatter(&|v| scale.label(v))
            .x_desc(frame.value_axis)
            .y_desc(frame.row_axis)
            .label_style(("sans-serif", shape.font).into_font().color(&INK))
            .axis_desc_style(("sans-serif", shape.desc_font).into_font().color(&INK))
            .draw()?;
        draw(&mut chart)?;
        areas = row_areas(&chart, frame, labels);
        if !frame.legend.is_empty() {
            legend::draw(&under, shape, frame.legend)?;
        }
        root.present()?;
    }
    Ok(links::finish(svg, shape.class, frame.title, &areas))
}

/// A linked area over each row with a link, from the left edge (its label included) to the
/// end of the value axis.
fn row_areas(chart: &RowChart<'_, '_>, frame: &RowFrame<'_>, labels: &[String]) -> Vec<LinkArea> {
    let n = labels.len();
    let range = frame.scale.range();
    frame
        .links
        .iter()
        .zip(labels)
        .enumerate()
        .filter_map(|(i, (href, label))| {
            let href = href.as_ref()?;
            let y = row_y(n, i);
            let top = chart.backend_coord(&(range.start, y + 0.5));
            let bottom = chart.backend_coord(&(range.end, y - 0.5));
            Some(LinkArea {
                href: href.clone(),
                title: format!("{label}: show these people"),
                from: (14, top.1),
                to: bottom,
            })
        })
        .collect()
}

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

/// Bars of a count per period (left axis) with a line of a running money total (right axis).
pub fn periods(
    title: &str,
    count_axis: &str,
    money_axis: &str,
    rows: &[(String, f64, f64)],
    links: &[Option<String>],
) -> anyhow::Result<Svgs> {
    both(|shape| periods_in(shape, (title, count_axis, money_axis), rows, links))
}

fn periods_in(
    shape: Shape,
    (title, count_axis, money_axis): (&str, &str, &str),
    rows: &[(String, f64, f64)],
    links: &[Option<String>],
) -> anyhow::Result<String> {
    let labels: Vec<String> = rows.iter().map(|(l, _, _)| l.clone()).collect();
    let n = rows.len();
    let counts = Scale::linear(
        rows.iter().map(|r| r.1).fold(0.0, f64::max),
        ScaleKind::Count,
    );
    let money = Scale::linear(
        rows.iter().map(|r| r.2).fold(0.0, f64::max),
        ScaleKind::Linear,
    );
    let legend = [
        (Mark::Bar(SOFT), "Hires in the period (left axis)"),
        (Mark::Line(ACCENT), "Cumulative annual pay (right axis)"),
    ];
    // A few labels along the time axis, however many periods there are.
    let every = n.div_ceil(shape.period_labels).max(1);
    let mut svg = String::new();
    let areas: Vec<LinkArea>;
    {
        let plot_height = if shape.width < WIDE.width { 400 } else { 460 };
        let legend_height = legend::height(shape, &legend);
        let root = SVGBackend::with_string(&mut svg, (shape.width, plot_height + legend_height))
            .into_drawing_area();
        root.fill(&WHITE)?;
        let (plot, under) = root.split_vertically(plot_height);
        let mut chart = ChartBuilder::on(&plot)
            .caption(title, caption_font(shape, title))
            .margin(14)
            .x_label_area_size(60)
            .y_label_area_size(shape.font * 4)
            .right_y_label_area_size(shape.font * 5)
            .build_cartesian_2d(slots(n), counts)?
            .set_secondary_coord(slots(n), money);
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
            .y_label_formatter(&|v| counts.label(v))
            .y_labels(shape.value_labels)
            .y_desc(count_axis)
            .x_desc("Hire date")
            .label_style(("sans-serif", shape.font).into_font().color(&INK))
            .axis_desc_style(("sans-serif", shape.desc_font).into_font().color(&INK))
            .draw()?;
        chart
            .configure_secondary_axes()
            .y_labels(shape.value_labels)
            .y_label_formatter(&|v| money.label(v))
            .y_desc(money_axis)
            .label_style(("sans-serif", shape.font).into_font().color(&INK))
            .axis_desc_style(("sans-serif", shape.desc_font).into_font().color(&INK))
            .draw()?;
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
        // Each period's column leads to its hires.
        let top = counts.range().end;
        areas = links
            .iter()
            .zip(&labels)
            .enumerate()
            .filter_map(|(i, (href, label))| {
                let x = i as f64;
                Some(LinkArea {
                    href: href.clone()?,
                    title: format!("{label}: show these hires"),
                    from: chart.backend_coord(&(x - 0.5, top)),
                    to: chart.backend_coord(&(x + 0.5, 0.0)),
                })
            })
            .collect();
        legend::draw(&under, shape, &legend)?;
        root.present()?;
    }
    Ok(links::finish(svg, shape.class, title, &areas))
}

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
