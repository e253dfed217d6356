//! EU pay transparency (Directive (EU) 2023/970, art. 5(1)): candidates in zone EU who
//! reached interviewing, by the stage history, before they were told the pay range, or were
//! never told. Reaching a later stage of the funnel counts as having passed interviewing.

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Date, Nullable, Text};

use super::{Cell, Column, Report, ReportTable};
use crate::domain::zone::EU;
use crate::domain::{PersonId, Stage};

#[derive(Debug, QueryableByName)]
struct Undisclosed {
    #[diesel(sql_type = BigInt)]
    id: PersonId,
    #[diesel(sql_type = Text)]
    full_name: String,
    #[diesel(sql_type = Nullable<Text>)]
    hiring_company: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    job_family: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    level: Option<String>,
    #[diesel(sql_type = Date)]
    reached_on: NaiveDate,
    #[diesel(sql_type = Nullable<Date>)]
    range_disclosed_on: Option<NaiveDate>,
}

// A disclosure on the day interviewing began counts as before it: the day is all we know.
const UNDISCLOSED: &str = "
    SELECT p.id, p.full_name, hc.name AS hiring_company, p.job_family, p.level,
           (s.reached AT TIME ZONE 'UTC')::date AS reached_on, p.range_disclosed_on
    FROM person p
    JOIN LATERAL (
        SELECT min(sc.changed_at) AS reached FROM stage_change sc
        WHERE sc.person_id = p.id AND sc.to_stage = ANY($2)
    ) s ON s.reached IS NOT NULL
    LEFT JOIN company hc ON hc.id = p.hiring_company_id
    WHERE p.zone = $1
      AND (p.range_disclosed_on IS NULL
           OR p.range_disclosed_on > (s.reached AT TIME ZONE 'UTC')::date)
    ORDER BY s.reached, p.id";

pub fn run(conn: &mut PgConnection) -> QueryResult<Report> {
    // Interviewing and the funnel's stages after it, in `Stage`'s order.
    let reached: Vec<&str> = Stage::ALL
        .iter()
        .skip_while(|s| **s != Stage::Interviewing)
        .filter(|s| s.in_funnel())
        .map(|s| s.as_str())
        .collect();
    let rows: Vec<Undisclosed> = diesel::sql_query(UNDISCLOSED)
        .bind::<Text, _>(EU)
        .bind::<Array<Text>, _>(reached)
        .load(conn)?;
    let text = |t: &Option<String>| Cell::Text(t.clone().unwrap_or_default());
    let table = ReportTable {
        columns: vec![
            Column::text("Person"),
            Column::text("Hiring company"),
            Column::text("Job family"),
            Column::text("Level"),
            Column::text("Reached interviewing on"),
            Column::text("Range disclosed on"),
            Column::text("Finding"),
        ],
        rows: rows
            .iter()
            .map(|r| {
                let finding = match r.range_disclosed_on {
                    Some(on) => format!(
                        "disclosed {} days after interviewing began",
                        (on - r.reached_on).num_days()
                    ),
                    None => "never disclosed".to_owned(),
                };
                vec![
                    Cell::Linked(r.full_name.clone(), format!("/people/{}", r.id)),
                    text(&r.hiring_company),
                    text(&r.job_family),
                    text(&r.level),
                    Cell::Text(r.reached_on.to_string()),
                    Cell::Text(
                        r.range_disclosed_on
                            .map(|d| d.to_string())
                            .unwrap_or_default(),
                    ),
                    Cell::Text(finding),
                ]
            })
            .collect(),
    };
    Ok(Report {
        table,
        chart: None,
        left_out: Vec::new(),
    })
}
