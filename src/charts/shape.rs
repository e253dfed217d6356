//! The two sizes every chart is drawn at, and the type and labels that fit each.

use plotters::prelude::*;

use super::{INK, Svgs};

/// The measures of one drawing size.
#[derive(Clone, Copy)]
pub(super) struct Shape {
    /// The SVG's class, which the page's style shows at its screen size.
    pub(super) class: &'static str,
    pub(super) width: u32,
    /// Row labels are cut to this many characters (the table below has them whole).
    pub(super) label_chars: usize,
    pub(super) label_area: u32,
    pub(super) font: u32,
    /// The axes' names: long ("Annualised pay midpoint (thousands of USD)"), so smaller.
    pub(super) desc_font: u32,
    pub(super) title_font: u32,
    /// At most about this many labels along an axis of periods.
    pub(super) period_labels: usize,
    /// About this many labels along an axis of values (plotters' own default is 11).
    pub(super) value_labels: usize,
}

pub(super) const WIDE: Shape = Shape {
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
pub(super) const NARROW: Shape = Shape {
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

pub(super) fn both(draw: impl Fn(Shape) -> anyhow::Result<String>) -> anyhow::Result<Svgs> {
    Ok(Svgs {
        wide: draw(WIDE)?,
        narrow: draw(NARROW)?,
    })
}

impl Shape {
    /// The title's type size: smaller for a title too long to fit at the usual size (plotters
    /// does not wrap), judging a character at about 0.45 of the type size.
    pub(super) fn title_size(&self, title: &str) -> u32 {
        let room = f64::from(self.width - 30);
        let fits = room / (title.chars().count().max(1) as f64 * 0.45);
        self.title_font.min(fits as u32).max(10)
    }

    /// The type of labels along the axes and in the legend.
    pub(super) fn label_style(&self) -> TextStyle<'static> {
        ("sans-serif", self.font).into_font().color(&INK)
    }

    /// The type of the axes' names.
    pub(super) fn desc_style(&self) -> TextStyle<'static> {
        ("sans-serif", self.desc_font).into_font().color(&INK)
    }
}

pub(super) fn caption_font(shape: Shape, title: &str) -> TextStyle<'static> {
    ("sans-serif", shape.title_size(title))
        .into_font()
        .color(&INK)
}

pub(super) fn short(label: &str, chars: usize) -> String {
    if label.chars().count() <= chars {
        label.to_owned()
    } else {
        let cut: String = label.chars().take(chars - 1).collect();
        format!("{cut}…")
    }
}
