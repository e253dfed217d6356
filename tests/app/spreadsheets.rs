//! CSV for spreadsheets: Excel's byte-order mark, and German Excel's semicolons, decimal
//! commas and `DD.MM.YYYY` days, which the import reads back to the cent and the day.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::schema::pay_report;

use crate::common::TestApp;

const BOM: char = '\u{feff}';

/// A person with umlauts and a pay report with cents.
fn tracker_with_umlauts() -> anyhow::Result<TestApp> {
    let app = TestApp::new()?;
    app.create_company("Großrechner GmbH");
    let person = app.create_person(&[
        ("full_name", "Jürgen Müller"),
        ("stage", "offer"),
        ("origin_company", "Großrechner GmbH"),
    ]);
    let saved = app.post(
        &format!("/people/{person}/pay"),
        &[
            ("kind", "offered"),
            ("currency", "USD"),
            ("amount_low", "1234567.89"),
            ("amount_high", "2345678.90"),
            ("period", "annual"),
            ("base", "1000000.05"),
            ("as_of", "2025-06-30"),
            ("confidence", "confirmed"),
        ],
    );
    assert_eq!(saved.status, Status::SeeOther, "{}", saved.body);
    Ok(app)
}

#[test]
fn the_excel_download_is_the_plain_file_with_a_byte_order_mark() -> anyhow::Result<()> {
    let app = tracker_with_umlauts()?;
    for what in [
        "/people.csv",
        "/companies.csv",
        "/pay-reports.csv",
        "/import/template.csv",
    ] {
        let plain = app.download(what);
        let excel = app.download(&format!("{what}?for=excel"));
        assert_eq!(excel, format!("{BOM}{plain}"), "{what}");
    }
    let response = app.client.get("/people.csv?for=excel").dispatch();
    let disposition = response
        .headers()
        .get_one("Content-Disposition")
        .unwrap_or_default()
        .to_owned();
    assert!(disposition.ends_with("-excel.csv\""), "{disposition}");
    assert_eq!(app.get("/people.csv?for=lotus").status, Status::BadRequest);
    Ok(())
}

#[test]
fn the_german_download_has_semicolons_decimal_commas_and_german_days() -> anyhow::Result<()> {
    let app = tracker_with_umlauts()?;
    let german = app.download("/pay-reports.csv?for=excel-de");
    let mut lines = german.lines();
    let header = lines.next().unwrap_or_default();
    assert!(
        header.starts_with(&format!("{BOM}id;person_id;full_name;title;")),
        "{header}"
    );
    // After the report's and the person's ids.
    let row = lines.next().unwrap_or_default();
    let row = row.splitn(3, ';').nth(2).unwrap_or_default();
    assert!(
        row.starts_with("Jürgen Müller;;;Großrechner GmbH;;;offer;"),
        "{row}"
    );
    assert!(
        row.contains(";offered;USD;1234567,89;2345678,90;annual;;1000000,05;;;;30.06.2025;"),
        "{row}"
    );

    let report = app.download("/reports/compensation.csv?for=excel-de");
    assert!(report.starts_with(BOM) && report.contains(';'), "{report}");
    let plain_report = app.download("/reports/compensation.csv");
    let line = "Großrechner GmbH,1,1790123.40,1790123.40,1790123.40,1790123.40,1790123.40";
    assert!(plain_report.contains(line), "{plain_report}");
    assert!(
        report.contains(&line.replace(',', ";").replace('.', ",")),
        "{report}"
    );
    Ok(())
}

#[test]
fn a_german_file_imports_back_to_the_cent() -> anyhow::Result<()> {
    let source = tracker_with_umlauts()?;
    let german = source.download("/pay-reports.csv?for=excel-de");
    let target = TestApp::new()?;
    let batch = target.import("pay-reports-excel-de.csv", german.as_bytes());
    assert_eq!(
        batch.texts(".flash"),
        ["Imported 1 new person; 1 new pay report; 1 new company."]
    );
    assert_eq!(
        target.download("/pay-reports.csv"),
        source.download("/pay-reports.csv"),
        "the round trip through German Excel changes nothing"
    );
    let amounts: (String, String) = pay_report::table
        .select((
            diesel::dsl::sql::<diesel::sql_types::Text>("amount_low::text"),
            diesel::dsl::sql::<diesel::sql_types::Text>("base::text"),
        ))
        .first(&mut target.conn()?)?;
    assert_eq!(amounts, ("1234567.89".to_owned(), "1000000.05".to_owned()));
    Ok(())
}

#[test]
fn a_semicolon_file_with_decimal_points_or_grouped_thousands_reads_right() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let header = "full_name;stage;kind;currency;amount_low;amount_high;period;as_of;confidence\n";
    let points = format!("{header}Ada;offer;offered;USD;1234.50;2000;annual;2025-01-01;rumor\n");
    app.import("points.csv", points.as_bytes());
    let grouped = format!("{header}Bea;offer;offered;USD;1.234,50;2.000;annual;2025-01-01;rumor\n");
    app.import("grouped.csv", grouped.as_bytes());
    // Whole euros grouped by points, as German Excel shows them, are thousands, not decimals.
    let whole = format!("{header}Cy;offer;offered;EUR;250.000;1.250.000;annual;2025-01-01;rumor\n");
    app.import("whole.csv", whole.as_bytes());
    let amounts: Vec<String> = pay_report::table
        .order(pay_report::id)
        .select(diesel::dsl::sql::<diesel::sql_types::Text>(
            "amount_low::text || '-' || amount_high::text",
        ))
        .load(&mut app.conn()?)?;
    assert_eq!(
        amounts,
        ["1234.50-2000.00", "1234.50-2000.00", "250000.00-1250000.00"]
    );
    Ok(())
}
