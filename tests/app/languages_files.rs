//! Files, imports, the audit and the mail list in German: the pages' words and formats, a
//! German spreadsheet's days and amounts read as meant, its errors said to the importer in
//! their language, and a German round trip with German column labels that changes no byte.

use std::str::FromStr;

use bigdecimal::BigDecimal;
use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::schema::pay_report;

use crate::common::TestApp;

const BOM: char = '\u{feff}';

/// What German Excel saves: semicolons, days as `01.07.2026`, amounts grouped by points.
const GERMAN_FILE: &str = "\u{feff}Vollständiger Name;Phase;Art;Währung;Betrag (von);Betrag (bis);\
                           Zeitraum;Stichtag;Verlässlichkeit\n\
                           Jürgen Müller;offer;offered;EUR;1.234.567,89;1.300.000,00;annual;01.07.2026;confirmed\n";

/// `dd.mm.yyyy hh:mm UTC`: a moment as German pages write it, the zone named.
fn is_german_moment(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    text.len() == 20
        && digits(0..2)
        && &text[2..3] == "."
        && digits(3..5)
        && &text[5..6] == "."
        && digits(6..10)
        && digits(11..13)
        && &text[13..14] == ":"
        && text.ends_with(" UTC")
}

#[test]
fn a_german_spreadsheet_is_previewed_imported_and_audited_in_german() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.read_in("de")?;
    let upload = app.get("/import");
    assert_eq!(upload.texts("h1"), ["CSV importieren"]);
    let labelled = "/import/template.csv?for=excel-de&header=labels";
    assert!(
        upload.attrs("a", "href").contains(&labelled.to_owned()),
        "the page offers the template with German labels"
    );
    let template = app.download(labelled);
    assert!(
        template.starts_with(&format!("{BOM}Vollständiger Name;Position;")),
        "{template}"
    );

    let preview = app.upload("gehaelter.csv", GERMAN_FILE.as_bytes());
    assert_eq!(preview.status, Status::Ok, "{}", preview.body);
    assert_eq!(preview.texts("h1"), ["Vorschau von gehaelter.csv"]);
    assert_eq!(
        preview.texts(".import-summary"),
        ["Inhalt der Datei: Personen; 1 neue Person; 1 neue Gehaltsangabe."]
    );
    let batch = app.import("gehaelter.csv", GERMAN_FILE.as_bytes());
    assert_eq!(
        batch.texts(".flash"),
        ["Importiert: 1 neue Person; 1 neue Gehaltsangabe."]
    );
    let (low, as_of): (BigDecimal, chrono::NaiveDate) = pay_report::table
        .select((pay_report::amount_low, pay_report::as_of))
        .first(&mut app.conn()?)?;
    assert_eq!(low, BigDecimal::from_str("1234567.89")?);
    assert_eq!(
        as_of,
        chrono::NaiveDate::from_ymd_opt(2026, 7, 1).expect("a day")
    );

    let batches = app.get("/import/batches");
    assert_eq!(batches.texts("h1"), ["Importe"]);
    let when = batches.texts("tbody td:nth-child(4)");
    assert!(when.iter().all(|w| is_german_moment(w)), "{when:?}");
    assert_eq!(batches.texts("tbody td:nth-child(8)"), ["übernommen"]);

    let audit = app.get("/audit");
    assert_eq!(audit.texts("h1"), ["Protokoll"]);
    let moments = audit.texts("table.audit tbody td:first-child");
    assert!(
        !moments.is_empty() && moments.iter().all(|m| is_german_moment(m)),
        "{moments:?}"
    );
    let said = audit.texts("table.audit tbody td:nth-child(2)").join("\n");
    assert!(said.contains("übernahm Import 2 (gehaelter.csv)"), "{said}");
    assert!(said.contains("Anzahl angelegt von 0 auf 2"), "{said}");

    // The person's history tells what the import wrote, amounts and days the German way.
    let person: i64 = talent_tracker::schema::person::table
        .select(talent_tracker::schema::person::id)
        .first(&mut app.conn()?)?;
    let history = app.get(&format!("/people/{person}"));
    let said = history
        .texts("table.audit tbody td:nth-child(2)")
        .join("\n");
    assert!(said.contains("erstellte per Import 2"), "{said}");
    assert!(said.contains("1.234.567,89 – 1.300.000,00 EUR"), "{said}");
    assert!(said.contains("Stichtag: 01.07.2026"), "{said}");

    assert_eq!(app.get("/admin/mail").texts("h1"), ["E-Mails"]);
    assert!(
        app.get("/demo-data")
            .contains("Es sind keine Demodaten mehr vorhanden.")
    );
    Ok(())
}

#[test]
fn a_files_errors_are_said_in_the_importers_language() -> anyhow::Result<()> {
    let file = "full_name;stage;kind;currency;amount_low;amount_high;period;as_of;confidence\n\
                Ada;offer;offered;EUR;1000;2000;annual;31.02.2026;confirmed\n";
    let app = TestApp::new()?;
    app.read_in("de")?;
    let german = app.upload("falsch.csv", file.as_bytes());
    assert_eq!(german.status, Status::UnprocessableEntity);
    let problems = german.texts(".import-errors tbody td:last-child");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("gültiges Datum"), "{problems:?}");

    app.read_in("en")?;
    let english = app.upload("wrong.csv", file.as_bytes());
    assert_eq!(english.status, Status::UnprocessableEntity);
    let problems = english.texts(".import-errors tbody td:last-child");
    assert!(problems[0].contains("Not a real date"), "{problems:?}");
    Ok(())
}

#[test]
fn a_german_round_trip_with_german_labels_changes_no_byte() -> anyhow::Result<()> {
    let source = TestApp::new()?;
    source.create_company("Großrechner GmbH");
    let person = source.create_person(&[
        ("full_name", "Jürgen Müller"),
        ("stage", "offer"),
        ("origin_company", "Großrechner GmbH"),
        ("first_contact_on", "2025-03-01"),
    ]);
    let saved = source.post(
        &format!("/people/{person}/pay"),
        &[
            ("kind", "offered"),
            ("currency", "EUR"),
            ("amount_low", "1234567.89"),
            ("amount_high", "2345678.90"),
            ("period", "annual"),
            ("base", "1000000.05"),
            ("as_of", "2025-06-30"),
            ("confidence", "confirmed"),
        ],
    );
    assert_eq!(saved.status, Status::SeeOther, "{}", saved.body);
    source.read_in("de")?;
    let uri = "/pay-reports.csv?for=excel-de&header=labels";
    let german = source.download(uri);
    let mut lines = german.lines();
    let header = lines.next().unwrap_or_default();
    assert!(
        header.starts_with(&format!("{BOM}ID;Personen-ID;Vollständiger Name;Position;")),
        "{header}"
    );
    let row = lines.next().unwrap_or_default();
    assert!(row.contains(";01.03.2025;"), "{row}");
    assert!(
        row.contains(";offered;EUR;1234567,89;2345678,90;annual;;1000000,05;;;;30.06.2025;"),
        "{row}"
    );
    // The machine names of the plain file never change, whatever the reader's language.
    let plain = source.download("/pay-reports.csv");
    assert!(
        plain.starts_with("id,person_id,full_name,title,"),
        "{plain}"
    );
    assert!(plain.contains(",2025-06-30,"), "{plain}");

    // An English reader imports the German file: German labels are read in any language.
    let target = TestApp::new()?;
    let batch = target.import("gehaelter-excel-de.csv", german.as_bytes());
    assert_eq!(
        batch.texts(".flash"),
        ["Imported 1 new person; 1 new pay report; 1 new company."]
    );
    target.read_in("de")?;
    assert_eq!(
        target.download(uri),
        german,
        "the round trip changes no byte"
    );
    Ok(())
}
