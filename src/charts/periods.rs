//! Periods: a count per period with a running money total on a second axis.

use plotters::prelude::*;

use super::legend::{self, Mark};
use super::links::{self, LinkArea};
use super::shape::{Shape, WIDE, both, caption_font};
use super::slots::slots;
use super::{ACCENT, SOFT, Scale, ScaleKind, Svgs};

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
            .label_style(shape.label_style())
            .axis_desc_style(shape.desc_style())
            .draw()?;
        chart
            .configure_secondary_axes()
            .y_labels(shape.value_labels)
            .y_label_formatter(&|v| money.label(v))
            .y_desc(money_axis)
            .label_style(shape.label_style())
            .axis_desc_style(shape.desc_style())
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
