//! CSV export and import through the web, as users move data in and out.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::schema::{company, import_batch, pay_report, person};

use crate::common::TestApp;

fn count_people(app: &TestApp) -> anyhow::Result<i64> {
    Ok(person::table.count().get_result(&mut app.conn()?)?)
}

fn count_reports(app: &TestApp) -> anyhow::Result<i64> {
    Ok(pay_report::table.count().get_result(&mut app.conn()?)?)
}

#[test]
fn export_then_import_into_an_empty_tracker_gives_back_the_same_bytes() -> anyhow::Result<()> {
    let source = TestApp::with_demo(true)?;
    let files: Vec<(&str, String)> = ["companies", "pay-reports", "people"]
        .into_iter()
        .map(|what| (what, source.download(&format!("/{what}.csv"))))
        .collect();
    assert!(files[1].1.contains("Alexandr Wang,Chief AI Officer"));

    let target = TestApp::new()?;
    for (what, body) in &files {
        let batch = target.import(&format!("{what}.csv"), body.as_bytes());
        assert!(batch.texts(".flash")[0].starts_with("Imported "), "{what}");
    }
    for (what, body) in &files {
        assert_eq!(
            &target.download(&format!("/{what}.csv")),
            body,
            "{what}.csv after the round trip"
        );
    }
    // The people file re-imported on top matches everyone and changes nothing.
    let again = target.upload("people.csv", files[2].1.as_bytes());
    assert!(
        again.contains("A file of people: 9 unchanged people."),
        "{}",
        again.body
    );
    assert!(again.attrs("form[action$='/confirm']", "action").is_empty());
    Ok(())
}

#[test]
fn exports_follow_the_list_filters_and_order() -> anyhow::Result<()> {
    let app = TestApp::with_demo(true)?;
    let hired = app.download("/people.csv?stage=hired&sort=name&dir=desc");
    let names: Vec<&str> = hired
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap_or_default())
        .collect();
    assert_eq!(names, vec!["Nat Friedman", "Daniel Gross", "Alexandr Wang"]);
    let labs = app.download("/companies.csv?kind=ai_lab&q=o");
    assert_eq!(
        labs.lines().count(),
        1 + 3,
        "Anthropic, Google DeepMind, OpenAI:\n{labs}"
    );
    let from_github = app.download("/pay-reports.csv?origin_company=GitHub");
    // Nat Friedman's press report and his offer (checked against the demo's bands).
    assert_eq!(from_github.lines().count(), 1 + 2);
    assert!(
        from_github
            .lines()
            .nth(1)
            .is_some_and(|l| l.split(',').nth(2) == Some("Nat Friedman"))
    );
    let response = app.client.get("/people.csv").dispatch();
    let disposition = response
        .headers()
        .get_one("Content-Disposition")
        .unwrap_or_default()
        .to_owned();
    assert!(
        disposition.starts_with("attachment; filename=\"people-")
            && disposition.ends_with(".csv\"")
    );
    assert_eq!(
        app.get("/people.csv?stage=nope").status,
        Status::UnprocessableEntity
    );
    assert!(
        app.get("/people")
            .attrs("a[download]", "href")
            .contains(&"/people.csv?".to_owned())
    );
    Ok(())
}

#[test]
fn formula_payloads_are_defused_on_export_and_restored_on_import() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let payloads = [
        "=HYPERLINK(\"http://x\",\"y\")",
        "+1+1",
        "-2+3",
        "@SUM(A1:A2)",
        "'=quoted",
    ];
    for (n, payload) in payloads.iter().enumerate() {
        app.post(
            "/companies",
            &[
                ("name", &format!("Co {n}")),
                ("kind", "other"),
                ("notes", payload),
            ],
        );
    }
    let exported = app.download("/companies.csv");
    let mut reader = csv::Reader::from_reader(exported.as_bytes());
    for record in reader.records() {
        // After the id, name, kind, website and country.
        let notes = record?.get(5).unwrap_or_default().to_owned();
        assert!(notes.starts_with('\''), "{notes:?} is defused");
    }
    let target = TestApp::new()?;
    target.import("companies.csv", exported.as_bytes());
    let mut stored: Vec<String> = company::table
        .order(company::name)
        .select(company::notes.assume_not_null())
        .load(&mut target.conn()?)?;
    stored.sort();
    let mut expected: Vec<String> = payloads.iter().map(|p| p.trim().to_owned()).collect();
    expected.sort();
    assert_eq!(stored, expected);
    assert_eq!(target.download("/companies.csv"), exported);
    Ok(())
}

#[test]
fn whole_files_that_cannot_be_read_are_refused_with_the_reason() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let cases: [(&[u8], &str); 6] = [
        (b"", "The file is empty."),
        (b"name,kind\r\n", "The file has a header line but no rows."),
        (
            b"name,kind\nOne,startup\nCaf\xe9 Noir,startup\n",
            "line 3 has a byte that is not",
        ),
        (
            b"full_name,title\nAda,Engineer\n",
            "Required columns are missing: stage.",
        ),
        (
            b"name,website\nAda Labs,https://ada.org\n",
            "Required columns are missing: kind.",
        ),
        (
            b"name,kind,name\nA,other,B\n",
            "The column “name” appears twice",
        ),
    ];
    for (bytes, reason) in cases {
        let page = app.upload("bad.csv", bytes);
        assert_eq!(page.status, Status::UnprocessableEntity, "{reason}");
        assert!(
            page.texts(".form-errors p")
                .iter()
                .any(|p| p.contains(reason)),
            "{reason}: {:?}",
            page.texts(".form-errors p")
        );
    }
    let too_large = vec![b'x'; 5 * 1024 * 1024 / 2];
    let page = app.upload("large.csv", &too_large);
    assert_eq!(page.status, Status::PayloadTooLarge);
    let too_large = vec![b'x'; 5 * 1024 * 1024];
    let page = app.upload("huge.csv", &too_large);
    assert_eq!(page.status, Status::PayloadTooLarge, "{}", page.body);
    assert!(page.contains("larger than the import limit of 2 MiB"));
    let batches: i64 = import_batch::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(batches, 0);
    Ok(())
}

#[test]
fn row_errors_are_listed_by_line_and_column_and_nothing_is_written() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let mut file = String::from(
        "full_name,stage,offer_on,decided_on,kind,currency,amount_low,amount_high,period,period_years,as_of,confidence\n",
    );
    for n in 0..100 {
        file.push_str(&format!(
            "Person {n},offer,,,offered,USD,100,200,annual,,2025-01-01,rumor\n"
        ));
    }
    file.push_str(
        "Last One,promoted,2025-06-10,2025-06-01,offered,XYZ,300,200,total,,2025-02-30,rumor\n",
    );
    let page = app.upload("people.csv", file.as_bytes());
    assert_eq!(page.status, Status::UnprocessableEntity);
    let cells = page.texts(".import-errors tbody td");
    let errors: Vec<String> = cells.chunks(5).map(|row| row.join(" ")).collect();
    // Each names the row's person and the value as the file has it, not only where it is.
    assert_eq!(
        errors,
        vec![
            "102 Last One stage “promoted” Choose one of: sourced, contacted, interviewing, offer, hired, declined, withdrawn.",
            "102 Last One decided_on “2025-06-01” The decision cannot come before the offer date.",
            "102 Last One amount_high “200” The high end of the range cannot be below the low end.",
            "102 Last One period_years “” A total needs the number of years it covers.",
            "102 Last One currency “XYZ” Not an ISO 4217 currency code (for example USD, EUR, GBP).",
            "102 Last One as_of “2025-02-30” Not a real date: use YYYY-MM-DD, e.g. 2025-06-30.",
        ]
    );
    // The one way on imports the valid rows and says it skips the rest.
    assert_eq!(
        page.texts("form[action$='/confirm'] button"),
        ["Import the valid rows, skip 1"]
    );
    assert_eq!(
        page.attrs("form[action$='/confirm'] input[name=skip_errors]", "value"),
        ["true"]
    );
    assert_eq!(count_people(&app)?, 0);
    Ok(())
}

#[test]
fn spreadsheet_files_with_semicolons_bom_crlf_and_odd_columns_import() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let file = "\u{feff}Stage;Notes;Full_Name;origin_company;Favourite colour\r\nhired;\"Line one\r\nline two\";Ada Lovelace;Analytical Engines;blue\r\nsourced;;Grace Hopper;;green\r\n";
    let preview = app.upload("export.csv", file.as_bytes());
    assert_eq!(preview.status, Status::Ok, "{}", preview.body);
    assert!(
        preview.contains("<code>favourite colour</code>"),
        "the extra column is reported"
    );
    assert_eq!(
        preview.texts("h2 + p + ul li"),
        vec!["Analytical Engines"],
        "the new company is listed"
    );
    let confirm = preview.attrs("form[action$='/confirm']", "action");
    app.post_and_follow(&confirm[0], &[]);
    let notes: Option<String> = person::table
        .filter(person::full_name.eq("Ada Lovelace"))
        .select(person::notes)
        .first(&mut app.conn()?)?;
    assert_eq!(notes.as_deref(), Some("Line one\r\nline two"));
    assert_eq!(count_people(&app)?, 2);
    Ok(())
}

#[test]
fn a_person_already_known_is_matched_not_duplicated() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.create_company("Scale AI");
    app.create_person(&[
        ("full_name", "Alexandr Wang"),
        ("stage", "offer"),
        ("origin_company", "Scale AI"),
    ]);
    let file = "full_name,origin_company,stage\n  alexandr   WANG ,scale ai,hired\nAlexandr Wang,,sourced\n";
    let preview = app.upload("people.csv", file.as_bytes());
    let rows = preview.texts("main table:last-of-type tbody tr");
    assert!(
        rows[0].contains("(matched by name and origin company)") && rows[0].contains("update"),
        "{rows:?}"
    );
    assert!(
        rows[1].contains("create"),
        "another origin company is another person: {rows:?}"
    );
    let confirm = preview.attrs("form[action$='/confirm']", "action");
    app.post_and_follow(&confirm[0], &[]);
    assert_eq!(count_people(&app)?, 2);
    Ok(())
}

#[test]
fn ten_thousand_rows_import_in_one_batch() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let mut file = String::from(
        "full_name,origin_company,stage,kind,currency,amount_low,amount_high,period,as_of,confidence\n",
    );
    for n in 0..10_000 {
        file.push_str(&format!(
            "Person {n:05},Lab {},offer,offered,USD,{n}00,{n}50,annual,2025-01-01,rumor\n",
            n % 50
        ));
    }
    let batch = app.import("big.csv", file.as_bytes());
    assert!(
        batch.texts(".flash")[0]
            .eq("Imported 10000 new people; 10000 new pay reports; 50 new companies."),
        "{:?}",
        batch.texts(".flash")
    );
    assert_eq!(count_people(&app)?, 10_000);
    assert_eq!(count_reports(&app)?, 10_000);
    Ok(())
}

#[test]
fn reverting_a_batch_undoes_it_whole() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let meta = app.create_company("Meta");
    let before = app.download("/companies.csv");
    let companies = "name,kind,website\nMeta,big_tech,https://meta.com\nNew Lab,ai_lab,\n";
    let batch_page = app.import("companies.csv", companies.as_bytes());
    let people = "full_name,origin_company,stage,kind,currency,amount_low,amount_high,period,as_of,confidence\nAda,New Lab,hired,agreed,USD,1,2,annual,2025-01-01,confirmed\n";
    app.import("people.csv", people.as_bytes());
    assert_eq!((count_people(&app)?, count_reports(&app)?), (1, 1));

    // The companies batch cannot go while people it did not create name its company.
    let companies_batch: i64 = import_batch::table
        .filter(import_batch::kind.eq("companies"))
        .select(import_batch::id)
        .first(&mut app.conn()?)?;
    let refused = app.post(&format!("/import/batches/{companies_batch}/revert"), &[]);
    assert_eq!(refused.status, Status::Conflict);
    assert!(refused.contains("New Lab is named by people this import did not create"));

    let people_batch: i64 = import_batch::table
        .filter(import_batch::kind.eq("people"))
        .select(import_batch::id)
        .first(&mut app.conn()?)?;
    let confirm = app.get(&format!("/import/batches/{people_batch}/revert"));
    assert_eq!(confirm.texts("button.danger"), vec!["Revert this import"]);
    let reverted = app.post_and_follow(&format!("/import/batches/{people_batch}/revert"), &[]);
    assert_eq!(reverted.texts(".flash"), vec!["Reverted the import."]);
    assert_eq!((count_people(&app)?, count_reports(&app)?), (0, 0));

    app.post_and_follow(&format!("/import/batches/{companies_batch}/revert"), &[]);
    assert_eq!(
        app.download("/companies.csv"),
        before,
        "Meta has its old website back and New Lab is gone"
    );
    let meta_website: Option<String> = company::table
        .find(meta)
        .select(company::website)
        .first(&mut app.conn()?)?;
    assert_eq!(meta_website, None);
    let list = app.get("/import/batches");
    assert_eq!(
        list.texts("tbody td:last-child"),
        vec!["reverted", "reverted"]
    );
    assert!(batch_page.contains("applied"));
    Ok(())
}

#[test]
fn a_large_batch_reverts_whole_and_its_people_leave_the_reports() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let mut file = String::from(
        "full_name,origin_company,stage,kind,currency,amount_low,amount_high,period,as_of,confidence\n",
    );
    for n in 0..5_000 {
        file.push_str(&format!(
            "Person {n:05},Lab {},offer,offered,USD,{n}00,{n}50,annual,2025-01-01,rumor\n",
            n % 50
        ));
    }
    app.import("big.csv", file.as_bytes());
    let batch: i64 = import_batch::table
        .select(import_batch::id)
        .first(&mut app.conn()?)?;
    assert_eq!((count_people(&app)?, count_reports(&app)?), (5_000, 5_000));

    let reverted = app.post_and_follow(&format!("/import/batches/{batch}/revert"), &[]);
    assert_eq!(reverted.texts(".flash"), vec!["Reverted the import."]);
    assert_eq!((count_people(&app)?, count_reports(&app)?), (0, 0));
    let companies: i64 = company::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(companies, 0, "the 50 companies it created are gone too");
    let figures: i64 = diesel::sql_query("SELECT 1 FROM pay_figure")
        .execute(&mut app.conn()?)?
        .try_into()?;
    assert_eq!(figures, 0, "the reports count none of them");
    Ok(())
}

#[test]
fn a_batch_whose_person_got_a_later_pay_report_is_kept_whole() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let header = "full_name,origin_company,stage,kind,currency,amount_low,amount_high,period,as_of,confidence\n";
    let first = format!(
        "{header}Ada Lovelace,New Lab,offer,offered,USD,1,2,annual,2025-01-01,rumor\n\
         Grace Hopper,New Lab,offer,offered,USD,3,4,annual,2025-01-01,rumor\n"
    );
    app.import("first.csv", first.as_bytes());
    let first_batch: i64 = import_batch::table
        .select(import_batch::id)
        .order(import_batch::id)
        .first(&mut app.conn()?)?;
    let later =
        format!("{header}Grace Hopper,New Lab,offer,agreed,USD,5,6,annual,2025-02-01,confirmed\n");
    app.import("later.csv", later.as_bytes());
    assert_eq!((count_people(&app)?, count_reports(&app)?), (2, 3));

    let refused = app.post(&format!("/import/batches/{first_batch}/revert"), &[]);
    assert_eq!(refused.status, Status::Conflict);
    assert!(refused.contains("Grace Hopper has pay reports added after this import"));
    assert_eq!(
        (count_people(&app)?, count_reports(&app)?),
        (2, 3),
        "nothing half-reverted"
    );
    Ok(())
}
