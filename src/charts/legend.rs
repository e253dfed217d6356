//! A chart's legend, drawn in a strip of its own under the plot so it never covers a mark,
//! wrapping onto more lines where the drawing is narrow.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::shape::Shape;

/// The kinds of mark a legend explains.
#[derive(Debug, Clone, Copy)]
pub enum Mark {
    Bar(RGBColor),
    Dot(RGBColor),
    /// A thin horizontal line (a range's whisker).
    Whisker(RGBColor),
    /// A thick line (a running total).
    Line(RGBColor),
}

const MARK_WIDTH: i32 = 24;

/// Where each entry goes: (x, line) per entry, and the number of lines.
fn layout(shape: Shape, items: &[(Mark, &str)]) -> (Vec<(i32, i32)>, i32) {
    let room = shape.width as i32 - 28;
    let char_width = f64::from(shape.font) * 0.5;
    let (mut x, mut line) = (0, 0);
    let mut places = Vec::new();
    for (_, text) in items {
        let width = MARK_WIDTH + 8 + (text.chars().count() as f64 * char_width) as i32 + 20;
        if x > 0 && x + width > room {
            x = 0;
            line += 1;
        }
        places.push((x, line));
        x += width;
    }
    (places, line + 1)
}

/// The strip's height for these entries.
pub fn height(shape: Shape, items: &[(Mark, &str)]) -> u32 {
    let (_, lines) = layout(shape, items);
    (lines * line_height(shape) + 12) as u32
}

fn line_height(shape: Shape) -> i32 {
    shape.font as i32 + 10
}

pub fn draw(
    area: &DrawingArea<SVGBackend<'_>, Shift>,
    shape: Shape,
    items: &[(Mark, &str)],
) -> anyhow::Result<()> {
    let (places, _) = layout(shape, items);
    let font = shape.label_style();
    for ((mark, text), (x, line)) in items.iter().zip(places) {
        let x = 14 + x;
        let y = 6 + line * line_height(shape) + line_height(shape) / 2;
        match *mark {
            Mark::Bar(color) => area.draw(&Rectangle::new(
                [(x, y - 7), (x + MARK_WIDTH, y + 7)],
                color.filled(),
            ))?,
            Mark::Dot(color) => {
                area.draw(&Circle::new((x + MARK_WIDTH / 2, y), 5, color.filled()))?
            }
            Mark::Whisker(color) => area.draw(&PathElement::new(
                vec![(x, y), (x + MARK_WIDTH, y)],
                color.stroke_width(1),
            ))?,
            Mark::Line(color) => area.draw(&PathElement::new(
                vec![(x, y), (x + MARK_WIDTH, y)],
                color.stroke_width(3),
            ))?,
        }
        area.draw(&Text::new(
            text.to_string(),
            (x + MARK_WIDTH + 8, y - shape.font as i32 / 3),
            font.clone(),
        ))?;
    }
    Ok(())
}
