//! What an import preview says about a file: its skipped rows as a file (formulas defused),
//! the line of each error whatever the file's line ends.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::schema::person;

use crate::common::{Page, TestApp};

/// The skip form's `/import/7/confirm` → `/import/previews/7/skipped.csv`.
fn skipped_download(preview: &Page) -> String {
    let confirm = preview
        .attrs("form.skip-errors", "action")
        .pop()
        .expect("the preview offers to skip the rows with errors");
    let id = confirm
        .trim_start_matches("/import/")
        .trim_end_matches("/confirm");
    format!("/import/previews/{id}/skipped.csv")
}

#[test]
fn the_skipped_rows_file_defuses_formulas_and_imports_as_the_file_meant() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let file = "full_name,stage,notes\n\
                \"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",promoted,+1\n\
                @SUM(A1),promoted,'-already defused\n\
                Ada,hired,-2\n";
    let preview = app.upload("people.csv", file.as_bytes());
    assert_eq!(
        preview.status,
        Status::UnprocessableEntity,
        "{}",
        preview.body
    );
    let skipped = app.download(&skipped_download(&preview));
    let mut reader = csv::Reader::from_reader(skipped.as_bytes());
    let mut rows = 0;
    for record in reader.records() {
        for cell in record?.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} in {skipped}"
            );
        }
        rows += 1;
    }
    assert_eq!(rows, 2, "{skipped}");

    // Fixed, the file stores what the first one meant, not the defusing quotes.
    app.import(
        "skipped.csv",
        skipped.replace("promoted", "sourced").as_bytes(),
    );
    let mut stored: Vec<(String, Option<String>)> = person::table
        .select((person::full_name, person::notes))
        .load(&mut app.conn()?)?;
    stored.sort();
    assert_eq!(
        stored,
        [
            (
                "=HYPERLINK(\"http://evil.example\",\"x\")".to_owned(),
                Some("+1".to_owned())
            ),
            ("@SUM(A1)".to_owned(), Some("-already defused".to_owned())),
        ]
    );
    Ok(())
}

/// The line each error of a file's preview is reported on.
fn error_lines(app: &TestApp, file: &str) -> Vec<String> {
    let preview = app.upload("people.csv", file.as_bytes());
    assert_eq!(
        preview.status,
        Status::UnprocessableEntity,
        "{}",
        preview.body
    );
    preview.texts("table.import-errors td.num")
}

#[test]
fn line_numbers_count_every_kind_of_line_break_once() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    // Old Mac files end lines with a lone CR; files edited in several programs mix them.
    let cases = [
        ("full_name,stage\rAda,hired\rBob,promoted\r", "3"),
        (
            "full_name,stage\r\nAda,hired\rCy,sourced\nBob,promoted\r\n",
            "4",
        ),
        (
            "full_name,stage,notes\rAda,hired,\"one\rtwo\r\nthree\"\r\rBob,promoted,\r",
            "6",
        ),
        // The header line alone decides the separator, whatever the rows hold.
        (
            "full_name,stage,notes\rAda,hired,a;b;c;d;e;f\rBob,promoted,x\r",
            "3",
        ),
    ];
    for (file, line) in cases {
        assert_eq!(error_lines(&app, file), [line], "{file:?}");
    }
    let not_utf8 = app.upload("people.csv", b"full_name,stage\rAda,hired\rCaf\xe9,hired\r");
    assert!(not_utf8.contains("line 3 has a byte"), "{}", not_utf8.body);
    Ok(())
}
