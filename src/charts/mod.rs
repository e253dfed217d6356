//! Charts drawn on the server as SVG with plotters, sized to their number of rows so that one
//! row and fifteen both read well (callers pool what is beyond into "Other"). Each chart is drawn
//! twice: wide for screens, and narrow with larger type for phones, where a wide drawing scaled
//! down to ~320 px would leave its text at 4 px. Every chart has a title, both axes named, a
//! legend where it has more than one kind of mark, and counts labelled as whole numbers.

mod bars;
mod legend;
mod links;
mod periods;
mod positions;
mod ranges;
mod rows;
mod scale;
mod shape;
mod slots;

use plotters::prelude::RGBColor;

pub use bars::bars;
pub use periods::periods;
pub use positions::positions;
pub use ranges::{ranges, wants_log};
pub use scale::{Scale, ScaleKind};

const ACCENT: RGBColor = RGBColor(47, 91, 211);
const SOFT: RGBColor = RGBColor(170, 188, 240);
const INK: RGBColor = RGBColor(29, 36, 51);

/// One chart drawn at both sizes; the page lets the browser pick by screen width.
#[derive(Debug)]
pub struct Svgs {
    pub wide: String,
    pub narrow: String,
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
