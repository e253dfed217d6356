//! Single form saves through HTTP, one after another on a quiet server: what a recruiter
//! waits for after pressing Save. Each is undone with SQL afterwards.

use anyhow::{Context, bail};

use super::writes::post;
use crate::support::{Client, Cluster, percentile};
use crate::{Document, yes};

/// Saves of each kind, each on a person of its own.
const SAVES: usize = 50;
const AMOUNT: &str = "123456.78";
const TITLE: &str = "Bench Saved Title";

pub fn section(
    cluster: &Cluster,
    database: &str,
    client: &Client,
    out: &mut Document,
) -> anyhow::Result<()> {
    let sql = |q: &str| cluster.sql(database, q);
    let people: Vec<String> = sql(&format!(
        "SELECT string_agg(id::text, ',' ORDER BY id) FROM (SELECT id FROM person \
         WHERE stage = 'sourced' ORDER BY id LIMIT {SAVES}) p"
    ))?
    .split(',')
    .map(str::to_owned)
    .collect();
    if people.len() < SAVES {
        bail!("fewer than {SAVES} sourced people");
    }
    let list = people.join(",");
    let titles = sql(&format!(
        "SELECT string_agg(id || '=' || coalesce(title, ''), '|' ORDER BY id) FROM person \
         WHERE id IN ({list})"
    ))?;
    let last_change = sql("SELECT coalesce(max(id), 0) FROM stage_change")?;
    let today = chrono::Utc::now().date_naive().to_string();

    let mut rows: Vec<(&str, Vec<f64>)> = Vec::new();
    let mut times = Vec::new();
    for id in &people {
        let action = format!("/people/{id}/edit");
        times.push(post(client, &action, &action, &[("title", TITLE)])?);
    }
    rows.push(("Person (POST /people/<id>/edit, a new title)", times));
    let mut times = Vec::new();
    for id in &people {
        times.push(post(
            client,
            &format!("/people/{id}/pay/new"),
            &format!("/people/{id}/pay"),
            &[
                ("kind", "offered"),
                ("confidence", "reported"),
                ("as_of", &today),
                ("currency", "USD"),
                ("amount_low", AMOUNT),
                ("amount_high", AMOUNT),
                ("period", "annual"),
                ("period_years", ""),
            ],
        )?);
    }
    rows.push(("Pay report (POST /people/<id>/pay)", times));
    let mut times = Vec::new();
    for id in &people {
        let action = format!("/people/{id}/edit");
        times.push(post(client, &action, &action, &[("stage", "contacted")])?);
    }
    rows.push((
        "Stage move (POST /people/<id>/edit, sourced → contacted)",
        times,
    ));

    // Back as generated: the reports, stage changes and titles of these people.
    sql(&format!(
        "DELETE FROM pay_report WHERE person_id IN ({list}) AND amount_low = {AMOUNT}; \
         DELETE FROM stage_change WHERE person_id IN ({list}) AND id > {last_change}; \
         UPDATE person SET stage = 'sourced' WHERE id IN ({list})"
    ))?;
    for pair in titles.split('|') {
        let (id, title) = pair.split_once('=').context("a title")?;
        let title = if title.is_empty() {
            "NULL".to_owned()
        } else {
            format!("'{}'", title.replace('\'', "''"))
        };
        sql(&format!(
            "UPDATE person SET title = {title} WHERE id = {id}"
        ))?;
    }

    out.section("Single form saves");
    out.line(&format!(
        "{SAVES} saves of each form through HTTP, one after another, each on another person \
         (the POST alone, timed from request to redirect; the form was read before). Goal: \
         p50 ≤ 5 ms."
    ));
    out.table(&["Save", "p50", "p99", "Goal", "Met"]);
    for (label, mut times) in rows {
        times.sort_by(f64::total_cmp);
        let p50 = percentile(&times, 50.0) * 1000.0;
        out.row(&[
            label.to_owned(),
            format!("{p50:.1} ms"),
            format!("{:.1} ms", percentile(&times, 99.0) * 1000.0),
            "≤ 5 ms".to_owned(),
            yes(p50 <= 5.0),
        ]);
    }
    Ok(())
}
