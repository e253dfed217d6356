//! Write-to-report latency: a write through the app's forms, timed, then the very next GET of
//! the report it affects, timed and checked to show the write. Each write is undone with SQL
//! afterwards, so the kept database stays as generated.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, bail};

use crate::support::{Client, Cluster, forms, time};
use crate::{Document, yes};

const COMPENSATION: &str = "/reports/compensation.csv?group_by=origin_company";
const PIPELINE: &str = "/reports/pipeline.csv";
const IMPORT_ROWS: usize = 1_000;
const IMPORT_NAME: &str = "Write Bench Person";

/// A report's CSV as rows keyed by their first cell.
fn report(client: &Client, path: &str) -> anyhow::Result<HashMap<String, Vec<String>>> {
    let (status, body) = client.get_text(path)?;
    if status != 200 {
        bail!("{path} answered {status}");
    }
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let mut rows = HashMap::new();
    for record in reader.records() {
        let cells: Vec<String> = record?.iter().map(str::to_owned).collect();
        rows.insert(cells[0].clone(), cells);
    }
    Ok(rows)
}

fn cell(rows: &HashMap<String, Vec<String>>, key: &str, column: usize) -> String {
    rows.get(key)
        .and_then(|r| r.get(column))
        .cloned()
        .unwrap_or_default()
}

fn count(rows: &HashMap<String, Vec<String>>, key: &str, column: usize) -> i64 {
    cell(rows, key, column).parse().unwrap_or(0)
}

/// Posts a form read from `page` with `changes`, expecting a redirect; returns the seconds.
pub(crate) fn post(
    client: &Client,
    page: &str,
    action: &str,
    changes: &[(&str, &str)],
) -> anyhow::Result<f64> {
    let (_, html) = client.get_text(page)?;
    let mut fields = forms::fields(&html, action)?;
    fields.retain(|(name, _)| name != "csrf_token");
    for (name, value) in changes {
        forms::set(&mut fields, name, value);
    }
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let (seconds, (status, _, body)) = time(|| client.post_form(action, &pairs))?;
    if status != 303 {
        let problems: Vec<&str> = body
            .lines()
            .filter(|l| l.contains("error"))
            .take(5)
            .collect();
        bail!("POST {action} answered {status}: {}", problems.join(" / "));
    }
    Ok(seconds)
}

struct Measured {
    write: &'static str,
    write_s: f64,
    report: &'static str,
    report_s: f64,
    shows: String,
    reflected: bool,
}

pub fn section(
    cluster: &Cluster,
    database: &str,
    client: &Client,
    work: &Path,
    out: &mut Document,
) -> anyhow::Result<()> {
    let mut measured = Vec::new();
    let sql = |q: &str| cluster.sql(database, q);

    // A new pay report, far above anyone's pay: its person's origin company's maximum.
    let row = sql(
        "SELECT p.id || '|' || c.name FROM person p JOIN company c ON c.id = p.origin_company_id \
         ORDER BY p.id LIMIT 1",
    )?;
    let (person, company) = row
        .split_once('|')
        .context("a person with an origin company")?;
    let amount = "987654321.00";
    let action = format!("/people/{person}/pay");
    let today = chrono::Utc::now().date_naive().to_string();
    let write_s = post(
        client,
        &format!("/people/{person}/pay/new"),
        &action,
        &[
            ("kind", "agreed"),
            ("confidence", "confirmed"),
            ("as_of", &today),
            ("currency", "USD"),
            ("amount_low", amount),
            ("amount_high", amount),
            ("period", "annual"),
            ("period_years", ""),
        ],
    )?;
    let (report_s, after) = time(|| report(client, COMPENSATION))?;
    let max = cell(&after, &crate::sections::csv_text(company), 6);
    measured.push(Measured {
        write: "New pay report (POST /people/<id>/pay)",
        write_s,
        report: COMPENSATION,
        report_s,
        shows: format!("max of {company}: {max}"),
        reflected: max == amount,
    });
    sql(&format!(
        "DELETE FROM pay_report WHERE person_id = {person} AND amount_low = {amount}"
    ))?;

    // A stage change: a sourced person moved on to contacted.
    let person = sql("SELECT id FROM person WHERE stage = 'sourced' ORDER BY id LIMIT 1")?;
    let last_change = sql("SELECT coalesce(max(id), 0) FROM stage_change")?;
    let before = report(client, PIPELINE)?;
    let action = format!("/people/{person}/edit");
    let write_s = post(client, &action, &action, &[("stage", "contacted")])?;
    let (report_s, after) = time(|| report(client, PIPELINE))?;
    let (was, now) = (
        count(&before, "Contacted", 2),
        count(&after, "Contacted", 2),
    );
    measured.push(Measured {
        write: "Stage change (POST /people/<id>/edit)",
        write_s,
        report: PIPELINE,
        report_s,
        shows: format!("contacted now: {was} → {now}"),
        reflected: now == was + 1,
    });
    sql(&format!(
        "DELETE FROM stage_change WHERE person_id = {person} AND id > {last_change}; \
         UPDATE person SET stage = 'sourced' WHERE id = {person}"
    ))?;

    // A new exchange rate on the day of someone's latest figure in another currency, 9,999
    // times what anything is worth: that figure becomes its group's maximum.
    let row = sql("SELECT r.currency || '|' || r.as_of FROM pay_report r \
         WHERE r.currency <> (SELECT reporting_currency FROM report_setting) \
         AND NOT EXISTS (SELECT 1 FROM exchange_rate e WHERE e.currency = r.currency AND e.rate_on = r.as_of) \
         AND NOT EXISTS (SELECT 1 FROM pay_report l WHERE l.person_id = r.person_id \
                         AND (l.as_of, l.id) > (r.as_of, r.id)) \
         ORDER BY r.as_of DESC, r.id DESC LIMIT 1")?;
    let (currency, day) = row
        .split_once('|')
        .context("a figure in another currency")?;
    let before = report(client, COMPENSATION)?;
    let write_s = post(
        client,
        "/exchange-rates/new",
        "/exchange-rates",
        &[("currency", currency), ("rate_on", day), ("rate", "9999")],
    )?;
    let (report_s, after) = time(|| report(client, COMPENSATION))?;
    let changed = before
        .iter()
        .filter(|(k, v)| after.get(*k) != Some(v))
        .count();
    measured.push(Measured {
        write: "New exchange rate (POST /exchange-rates)",
        write_s,
        report: COMPENSATION,
        report_s,
        shows: format!("{currency} from {day}: {changed} group(s) changed"),
        reflected: changed > 0,
    });
    sql(&format!(
        "DELETE FROM exchange_rate WHERE currency = '{currency}' AND rate_on = '{day}'"
    ))?;

    // An import of 1,000 rows: pay reports of new people from an origin company of about a
    // thousand people (its export stays small at any size).
    let company = sql(
        "SELECT c.name FROM company c JOIN person p ON p.origin_company_id = c.id \
         GROUP BY c.name ORDER BY abs(count(*) - 1000), c.name LIMIT 1",
    )?;
    let file = import_file(client, &company, work)?;
    let before = report(client, COMPENSATION)?;
    let (preview_s, confirm_s) = client.import("write-bench.csv", &file)?;
    let (report_s, after) = time(|| report(client, COMPENSATION))?;
    let key = crate::sections::csv_text(&company);
    let (was, now) = (count(&before, &key, 1), count(&after, &key, 1));
    let imported: i64 = sql(&format!(
        "SELECT count(*) FROM person WHERE full_name LIKE '{IMPORT_NAME} %'"
    ))?
    .parse()?;
    measured.push(Measured {
        write: "Import of 1,000 rows (upload, preview, confirm)",
        write_s: preview_s + confirm_s,
        report: COMPENSATION,
        report_s,
        shows: format!("{imported} people imported; {company}: {was} → {now} people"),
        reflected: imported == IMPORT_ROWS as i64 && now > was,
    });
    sql(&format!(
        "DELETE FROM person WHERE full_name LIKE '{IMPORT_NAME} %'"
    ))?;

    out.section("Write-to-report latency");
    out.line(
        "Each write through the app's own form, then the very next GET of the report it \
         changes (its CSV twin, read to check that it shows the write). Each write is undone \
         with SQL afterwards.",
    );
    out.table(&[
        "Write",
        "Write time",
        "Next report",
        "Report time",
        "Shows",
        "Reflected",
    ]);
    let mut all = true;
    for m in &measured {
        all &= m.reflected;
        out.row(&[
            m.write.into(),
            format!("{:.1} ms", m.write_s * 1000.0),
            format!("`{}`", m.report),
            format!("{:.1} ms", m.report_s * 1000.0),
            m.shows.clone(),
            yes(m.reflected),
        ]);
    }
    if !all {
        bail!(
            "a report did not show its write; see the table:\n{}",
            out.tail()
        );
    }
    Ok(())
}

/// 1,000 rows of the app's own export for `company`'s people, each renamed to a new person
/// (its ids left empty: a new person and a new report, matched by name).
fn import_file(client: &Client, company: &str, work: &Path) -> anyhow::Result<Vec<u8>> {
    let name: String = url::form_urlencoded::byte_serialize(company.as_bytes()).collect();
    let (status, body) = client.get_text(&format!("/pay-reports.csv?origin_company={name}"))?;
    if status != 200 {
        bail!("the export answered {status}");
    }
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
    if records.is_empty() {
        bail!("{company} has no pay reports to export");
    }
    let headers = reader.headers()?.clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .with_context(|| format!("the export has no {name} column"))
    };
    let (name_at, ids_at) = (column("full_name")?, [column("id")?, column("person_id")?]);
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&headers)?;
    for i in 0..IMPORT_ROWS {
        let mut row: Vec<String> = records[i % records.len()]
            .iter()
            .map(str::to_owned)
            .collect();
        row[name_at] = format!("{IMPORT_NAME} {i:04}");
        for at in ids_at {
            row[at].clear();
        }
        writer.write_record(&row)?;
    }
    let bytes = writer.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
    std::fs::write(work.join("write-bench.csv"), &bytes)?;
    Ok(bytes)
}
