//! The annualised midpoint: its home is `r.annual_midpoint` (src/db/sql/figures.sql), which the
//! kept figures, the offer checks and the pay pages all read. A midpoint on half a cent, or a
//! total spread over years, then shows the same cents everywhere (the pages once rounded it
//! half to even in Rust, the figures half away from zero in SQL).

use bigdecimal::BigDecimal;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Numeric};
use rocket::http::Status;
use std::str::FromStr;
use talent_tracker::domain::Role;

use crate::common::TestApp;
use crate::pay_bands::{band, with};

/// (low, high, years of a total, the midpoint to the cent): halves of a cent round away from
/// zero, as PostgreSQL's `round` does.
const FIGURES: [(&str, &str, &str, &str); 5] = [
    ("0.01", "0.04", "", "0.03"),
    ("0.01", "0.02", "3", "0.01"),
    ("0.05", "0.10", "3", "0.03"),
    ("100", "200", "3", "50.00"),
    ("1000000", "1000000.01", "", "1000000.01"),
];

#[derive(QueryableByName)]
struct Figures {
    #[diesel(sql_type = Nullable<Numeric>)]
    kept: Option<BigDecimal>,
    #[diesel(sql_type = Nullable<Numeric>)]
    offer_total: Option<BigDecimal>,
}

#[test]
fn a_midpoint_reads_alike_on_the_page_in_the_kept_figures_and_the_offer_check() -> anyhow::Result<()>
{
    let app = TestApp::logged_in(false, Role::Admin)?;
    let usd_band = with(
        band("Research Scientist", "L7", "EU", "2025-01-01"),
        &[
            ("currency", "USD"),
            ("total_min", "0"),
            ("total_mid", "1"),
            ("total_max", "2000000"),
        ],
    );
    assert_eq!(app.post("/pay-bands", &usd_band).status, Status::SeeOther);
    let person = crate::offers::person(&app, "Ada", "EU");
    let mut shown = Vec::new();
    for (day, (low, high, years, midpoint)) in FIGURES.iter().enumerate() {
        let as_of = format!("2025-06-{:02}", day + 1);
        let period = if years.is_empty() { "annual" } else { "total" };
        let posted = app.post(
            &format!("/people/{person}/pay"),
            &[
                ("kind", "offered"),
                ("currency", "USD"),
                ("amount_low", low),
                ("amount_high", high),
                ("period", period),
                ("period_years", years),
                ("as_of", &as_of),
                ("confidence", "confirmed"),
            ],
        );
        assert_eq!(posted.status, Status::SeeOther, "{}", posted.body);
        let report: i64 = talent_tracker::schema::pay_report::table
            .select(diesel::dsl::max(talent_tracker::schema::pay_report::id))
            .first::<Option<i64>>(&mut app.conn()?)?
            .unwrap_or_default();
        let figures: Figures = diesel::sql_query(
            "SELECT (SELECT value FROM pay_figure WHERE pay_report_id = $1) AS kept,
                    (SELECT total_value FROM r.offer_review('USD') WHERE id = $1) AS offer_total",
        )
        .bind::<BigInt, _>(report)
        .get_result(&mut app.conn()?)?;
        let expected = BigDecimal::from_str(midpoint)?;
        assert_eq!(figures.kept.as_ref(), Some(&expected), "kept, {low}–{high}");
        assert_eq!(
            figures.offer_total.as_ref(),
            Some(&expected),
            "offer check, {low}–{high}"
        );
        shown.push(format!(
            "USD {}",
            talent_tracker::domain::format_amount(&expected)
        ));
    }
    // The person's page lists the reports newest first, each with its midpoint.
    let page = app.get(&format!("/people/{person}"));
    let cells: Vec<String> = page
        .texts("td.num")
        .into_iter()
        .filter(|cell| cell.starts_with("USD "))
        .collect();
    shown.reverse();
    assert_eq!(cells, shown, "{}", page.body);
    Ok(())
}
