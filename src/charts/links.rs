//! Marks that lead somewhere: a transparent, linked rectangle over each row (or column) of a
//! chart, added to the SVG plotters drew, so a bar leads to the people it counts. The page
//! shows the SVG inline for the links to work; every text in it is escaped, by plotters for
//! what it draws and here for the links and their titles.

/// One linked area, in the drawing's pixels.
pub struct LinkArea {
    pub href: String,
    /// What following it shows, read out and shown on hover.
    pub title: String,
    pub from: (i32, i32),
    pub to: (i32, i32),
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
    out
}

/// The SVG with `class`, described by the page's `#chart-alt`, `title` as its accessible name
/// (its first child) and the areas on top of everything drawn.
pub fn finish(svg: String, class: &str, title: &str, areas: &[LinkArea]) -> String {
    let Some(opened) = svg.find('>').map(|at| at + 1) else {
        return svg;
    };
    let Some(closing) = svg.rfind("</svg>") else {
        return svg;
    };
    let mut out = String::with_capacity(svg.len() + 200 * areas.len());
    let head = svg[..opened].replacen(
        "<svg ",
        &format!(
            "<svg class=\"{}\" aria-describedby=\"chart-alt\" ",
            escape(class)
        ),
        1,
    );
    out.push_str(&head);
    out.push_str(&format!("\n<title>{}</title>", escape(title)));
    out.push_str(&svg[opened..closing]);
    for area in areas {
        let (x, y) = (area.from.0.min(area.to.0), area.from.1.min(area.to.1));
        let (w, h) = (
            (area.to.0 - area.from.0).abs(),
            (area.to.1 - area.from.1).abs(),
        );
        out.push_str(&format!(
            "<a href=\"{}\" class=\"chart-link\"><title>{}</title>\
             <rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" fill=\"transparent\"/></a>\n",
            escape(&area.href),
            escape(&area.title)
        ));
    }
    out.push_str(&svg[closing..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_titles_are_escaped() {
        let svg = "<svg width=\"10\" height=\"10\">\n<text>x</text>\n</svg>\n".to_owned();
        let area = LinkArea {
            href: "/people?stage=hired&origin_company=A%26B".into(),
            title: "<script>alert(1)</script> → 3 people".into(),
            from: (0, 0),
            to: (5, 5),
        };
        let done = finish(svg, "chart-wide", "A \"chart\"", &[area]);
        assert!(
            done.starts_with("<svg class=\"chart-wide\" aria-describedby=\"chart-alt\" width=")
        );
        assert!(done.contains("href=\"/people?stage=hired&amp;origin_company=A%26B\""));
        assert!(done.contains("&lt;script&gt;"));
        assert!(!done.contains("<script>"));
        assert!(done.contains("<title>A &quot;chart&quot;</title>"));
        assert!(done.trim_end().ends_with("</svg>"));
    }
}
