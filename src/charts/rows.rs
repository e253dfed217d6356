//! The frame of a chart with one row per label (bars, ranges, positions): axes, legend and a
//! link over each row; each kind draws its own marks on it.

use plotters::prelude::*;

use super::legend::{self, Mark};
use super::links::{self, LinkArea};
use super::scale::Scale;
use super::shape::{Shape, caption_font};
use super::slots::{Slots, row_label, row_y, slots};

const ROW_HEIGHT: u32 = 30;

type RowChart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<Scale, Slots>>;

/// What a chart of rows shows: its title, its axes' names, its value scale and its legend.
pub(super) struct RowFrame<'a> {
    pub(super) title: &'a str,
    pub(super) value_axis: &'a str,
    pub(super) row_axis: &'a str,
    pub(super) scale: Scale,
    pub(super) legend: &'a [(Mark, &'a str)],
    /// Where each row leads (the people it counts), if anywhere.
    pub(super) links: &'a [Option<String>],
}

/// A chart of one row per label, first on top, along `frame.scale`; `draw` puts each row's
/// marks on it.
pub(super) fn row_chart(
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
            .label_style(shape.label_style())
            .axis_desc_style(shape.desc_style())
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
