//! Compensation: the distribution of annualised pay midpoints, per group.

mod distribution;
mod ranked;

use diesel::prelude::*;

pub use distribution::{Distribution, distributions};
use distribution::{chosen_cte, compensation_query};

use super::{
    Cell, Chart, Column, GroupBy, PayScale, PeopleLink, Report, ReportFilter, ReportTable,
    UnconvertedFigure, left_out_sql, table_and_chart, to_f64,
};
use crate::charts;
use crate::error::AppError;

pub fn run(
    conn: &mut PgConnection,
    filter: &ReportFilter,
    currency: &str,
) -> Result<Report, AppError> {
    let (rows, pooled) = table_and_chart(distributions(conn, filter, Some(charts::TOP_ROWS))?);
    let chart = if rows.is_empty() {
        None
    } else {
        Some(chart(&pooled, filter, currency)?)
    };
    // The figures left out are those without a value, which an index of their own finds.
    let left_out = compensation_query(left_out_sql(&chosen_cte(filter, false)), filter)
        .load::<UnconvertedFigure>(conn)?;
    let money = |label: &str| Column::number(format!("{label} ({currency})"));
    let table = ReportTable {
        columns: vec![
            Column::text(filter.group_by.label()),
            Column::number("People"),
            money("Min"),
            money("P25"),
            money("Median"),
            money("P75"),
            money("Max"),
        ],
        rows: rows
            .into_iter()
            .enumerate()
            .map(|(i, d)| {
                let people = Cell::people(i, d.n, || people_link(filter, &d));
                vec![
                    Cell::Text(d.label),
                    people,
                    Cell::Money(Some(d.min)),
                    Cell::Money(Some(d.p25)),
                    Cell::Money(Some(d.median)),
                    Cell::Money(Some(d.p75)),
                    Cell::Money(Some(d.max)),
                ]
            })
            .collect(),
    };
    Ok(Report {
        table,
        chart,
        left_out,
    })
}

/// The people a group counts: those whose chosen figure (as the filters choose it) falls in
/// the group and has a value.
fn people_link(filter: &ReportFilter, d: &Distribution) -> PeopleLink {
    let link = PeopleLink::companies(filter)
        .with("with_pay", "yes")
        .with_date("pay_from", filter.from)
        .with_date("pay_to", filter.to);
    let link = match filter.kind {
        Some(kind) => link.with("pay_kind", kind.as_str()),
        None => link,
    };
    let link = match filter.confidence {
        Some(confidence) => link.with("pay_confidence", confidence.as_str()),
        None => link,
    };
    let label = d.recorded.then_some(d.label.as_str());
    match filter.group_by {
        GroupBy::OriginCompany => link.company("origin_company", label),
        GroupBy::HiringCompany => link.company("hiring_company", label),
        GroupBy::Title => match label {
            Some(title) => link.with("title", title),
            None => link.without("title"),
        },
        GroupBy::Kind => link.with("pay_kind", d.label.as_str()),
        GroupBy::Confidence => link.with("pay_confidence", d.label.as_str()),
    }
}

fn chart(rows: &[Distribution], filter: &ReportFilter, currency: &str) -> anyhow::Result<Chart> {
    let group_by = filter.group_by;
    let top = rows.iter().map(|d| to_f64(&d.max)).fold(0.0, f64::max);
    let bottom = rows
        .iter()
        .map(|d| to_f64(&d.min))
        .fold(f64::INFINITY, f64::min);
    let log = match filter.scale {
        PayScale::Auto => charts::wants_log(bottom, top),
        PayScale::Linear => false,
        PayScale::Log => bottom > 0.0,
    };
    let (divisor, unit) = charts::money_scale(top, currency);
    let ranges: Vec<(String, [f64; 5])> = rows
        .iter()
        .map(|d| {
            let label = if d.is_other {
                "Other groups".to_owned()
            } else {
                d.label.clone()
            };
            let points = [&d.min, &d.p25, &d.median, &d.p75, &d.max].map(|v| to_f64(v) / divisor);
            (format!("{label} (n={})", d.n), points)
        })
        .collect();
    let title = format!("Annualised pay by {}", group_by.label().to_lowercase());
    let axis = if log {
        format!("Annualised pay midpoint ({unit}, logarithmic scale)")
    } else {
        format!("Annualised pay midpoint ({unit})")
    };
    let links: Vec<Option<String>> = rows
        .iter()
        .map(|d| (!d.is_other).then(|| people_link(filter, d).href()))
        .collect();
    let svg = charts::ranges(&title, &axis, group_by.label(), log, &ranges, &links)?;
    let scale = if log {
        "The pay axis is logarithmic: each power of ten takes the same width."
    } else {
        "The pay axis is linear."
    };
    let alt = format!(
        "Range chart of annualised pay midpoints per {}: a line from minimum to maximum, a box from the 25th to the 75th percentile and a dot at the median. {scale} The table below gives the exact figures.",
        group_by.label().to_lowercase()
    );
    let note = match (log, filter.scale) {
        (true, PayScale::Auto) => Some(
            "Pay is drawn on a logarithmic scale (each power of ten takes the same width), \
             because the figures span more than two orders of magnitude: on a linear scale the \
             smaller ones would be squashed against zero. Choose “Linear” as the scale to compare \
             distances instead."
                .to_owned(),
        ),
        (true, _) => Some("Pay is drawn on a logarithmic scale.".to_owned()),
        (false, _) => None,
    };
    Ok(Chart { svg, alt, note })
}
