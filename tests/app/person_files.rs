//! Files attached to a person: the kinds taken (told from the bytes), the size limit, the
//! download as an attachment only, who attaches and who reads, the audit, and removal.

use diesel::prelude::*;
use rocket::http::{ContentType, Status};
use talent_tracker::config::FileLimit;
use talent_tracker::domain::Role;
use talent_tracker::schema::{person_file, person_file_content};

use crate::common::{Page, TestApp};

pub const PDF: &[u8] = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

/// Attaches `bytes` as `file_name` through the person page's upload form.
pub fn attach(app: &TestApp, person: i64, file_name: &str, bytes: &[u8]) -> Page {
    const BOUNDARY: &str = "talent-tracker-file-boundary";
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{}\r\n\
         --{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
         Content-Type: application/octet-stream\r\n\r\n",
        app.csrf_token()
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    let multipart = ContentType::new("multipart", "form-data").with_params(("boundary", BOUNDARY));
    Page::from(
        app.client
            .post(format!("/people/{person}/files"))
            .header(multipart)
            .body(body)
            .dispatch(),
    )
}

fn stored_files(app: &TestApp) -> anyhow::Result<Vec<(i64, String, String, i64)>> {
    Ok(person_file::table
        .order(person_file::id)
        .select((
            person_file::id,
            person_file::file_name,
            person_file::content_type,
            person_file::byte_size,
        ))
        .load(&mut app.conn()?)?)
}

#[test]
fn a_cv_is_listed_downloaded_only_as_an_attachment_and_in_the_history() -> anyhow::Result<()> {
    let app = TestApp::logged_in(false, Role::Recruiter)?;
    let ada = app.create_person(&[("full_name", "Ada Lovelace"), ("stage", "contacted")]);
    let posted = attach(&app, ada, "CV Ada Lovelace (2026).pdf", PDF);
    assert_eq!(posted.status, Status::SeeOther, "{}", posted.body);
    let files = stored_files(&app)?;
    assert_eq!(
        files,
        vec![(
            files[0].0,
            "CV Ada Lovelace (2026).pdf".to_owned(),
            "application/pdf".to_owned(),
            PDF.len() as i64
        )]
    );
    let page = app.get(&format!("/people/{ada}"));
    let href = format!("/people/{ada}/files/{}/download", files[0].0);
    assert_eq!(page.attrs("#files a[download]", "href"), vec![href.clone()]);
    assert!(page.texts("#files td").contains(&"PDF".to_owned()));
    assert!(
        page.texts("table.audit td")
            .iter()
            .any(|t| t.ends_with(&format!(
                "attached CV Ada Lovelace (2026).pdf (PDF, {} bytes) to Ada Lovelace",
                PDF.len()
            ))),
        "{:?}",
        page.texts("table.audit td")
    );

    // A viewer, who sees the person, downloads it; as an attachment, never sniffed.
    app.switch_to(Role::Viewer)?;
    let response = app.client.get(href.clone()).dispatch();
    assert_eq!(response.status(), Status::Ok);
    let header = |name: &str| response.headers().get_one(name).map(str::to_owned);
    assert_eq!(header("Content-Type").as_deref(), Some("application/pdf"));
    assert_eq!(
        header("Content-Disposition").as_deref(),
        Some(
            "attachment; filename=\"CV Ada Lovelace (2026).pdf\"; \
             filename*=UTF-8''CV%20Ada%20Lovelace%20%282026%29.pdf"
        )
    );
    assert_eq!(header("X-Content-Type-Options").as_deref(), Some("nosniff"));
    assert_eq!(response.into_bytes().as_deref(), Some(PDF));
    assert!(
        app.get(&format!("/people/{ada}"))
            .texts("#files form")
            .is_empty()
    );
    assert_eq!(attach(&app, ada, "cv.pdf", PDF).status, Status::Forbidden);
    // Another person's address does not reach the file.
    assert_eq!(
        app.get(&format!(
            "/people/{}/files/{}/download",
            ada + 1,
            files[0].0
        ))
        .status,
        Status::NotFound
    );
    Ok(())
}

#[test]
fn only_pdf_docx_png_and_jpeg_are_taken_whatever_the_name_says() -> anyhow::Result<()> {
    let app = TestApp::logged_in(false, Role::Compensation)?;
    let ada = {
        let mut conn = app.conn()?;
        diesel::sql_query(
            "INSERT INTO person (full_name, stage) VALUES ('Ada Lovelace', 'contacted')",
        )
        .execute(&mut conn)?;
        talent_tracker::schema::person::table
            .select(talent_tracker::schema::person::id)
            .first::<i64>(&mut conn)?
    };
    let docx = b"PK\x03\x04\x14\x00\x06\x00word/document.xml....";
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
    let jpeg = b"\xff\xd8\xff\xe0\x00\x10JFIF";
    for (name, bytes, kind) in [
        (
            "cv.docx",
            &docx[..],
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("photo.png", &png[..], "image/png"),
        ("scan", &jpeg[..], "image/jpeg"),
    ] {
        let posted = attach(&app, ada, name, bytes);
        assert_eq!(posted.status, Status::SeeOther, "{name}: {}", posted.body);
        let stored = stored_files(&app)?;
        assert_eq!(stored.last().map(|f| f.2.as_str()), Some(kind), "{name}");
    }
    let refused = [
        ("cv.pdf", &b"<html><script>alert(1)</script>"[..]),
        ("sheet.docx", &b"PK\x03\x04\x14\x00xl/workbook.xml"[..]),
        ("empty.pdf", &b""[..]),
    ];
    for (name, bytes) in refused {
        let page = attach(&app, ada, name, bytes);
        assert_eq!(page.status, Status::UnprocessableEntity, "{name}");
        let errors = page.field_errors("file");
        assert_eq!(errors.len(), 1, "{name}: {}", page.body);
        assert!(
            errors[0].contains("not a PDF, a Word document (.docx), a PNG or a JPEG")
                || errors[0].contains("Choose a file"),
            "{name}: {errors:?}"
        );
    }
    assert_eq!(stored_files(&app)?.len(), 3);
    // The database holds to the same rule, whatever path writes.
    let sneaked = diesel::sql_query(format!(
        "INSERT INTO person_file_content (file_id, content) VALUES ({}, '\\x3c68746d6c3e')",
        stored_files(&app)?[0].0
    ))
    .execute(&mut app.conn()?);
    assert!(sneaked.is_err());
    Ok(())
}

#[test]
fn a_file_over_the_limit_is_refused_beside_the_field() -> anyhow::Result<()> {
    let app = TestApp::anonymous_with(|config| config.file_limit = FileLimit(1000))?;
    app.add_user("recruiter@example.com", Role::Recruiter)?;
    app.log_in("recruiter@example.com")?;
    let ada = app.create_person(&[("full_name", "Ada Lovelace"), ("stage", "contacted")]);
    let mut big = PDF.to_vec();
    big.resize(1001, b' ');
    let page = attach(&app, ada, "big.pdf", &big);
    assert_eq!(page.status, Status::PayloadTooLarge);
    assert_eq!(
        page.field_errors("file"),
        vec!["This file is larger than 1.0 KB, the most a file may be."]
    );
    big.truncate(1000);
    assert_eq!(attach(&app, ada, "fits.pdf", &big).status, Status::SeeOther);
    Ok(())
}

#[test]
fn an_upload_without_the_sessions_token_is_refused() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let ada = app.create_person(&[("full_name", "Ada Lovelace"), ("stage", "contacted")]);
    let body = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv.pdf\"\r\n\r\n%PDF-1.7\r\n--b--\r\n";
    let response = app
        .client
        .post(format!("/people/{ada}/files"))
        .header(ContentType::new("multipart", "form-data").with_params(("boundary", "b")))
        .body(body)
        .dispatch();
    assert_eq!(response.status(), Status::Forbidden);
    assert!(stored_files(&app)?.is_empty());
    Ok(())
}

#[test]
fn a_removed_file_is_gone_with_its_bytes_and_the_history_says_so() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let ada = app.create_person(&[("full_name", "Ada Lovelace"), ("stage", "contacted")]);
    attach(&app, ada, "old-cv.pdf", PDF);
    let id = stored_files(&app)?[0].0;
    let removed = app.post_and_follow(&format!("/people/{ada}/files/{id}/remove"), &[]);
    assert!(removed.contains("old-cv.pdf removed."), "{}", removed.body);
    assert!(removed.texts("#files a[download]").is_empty());
    assert!(
        removed
            .texts("table.audit td")
            .iter()
            .any(|t| t.contains("removed the file old-cv.pdf from Ada Lovelace")),
        "{:?}",
        removed.texts("table.audit td")
    );
    let bytes: i64 = person_file_content::table
        .count()
        .get_result(&mut app.conn()?)?;
    assert_eq!(bytes, 0);
    Ok(())
}

#[test]
fn a_file_larger_than_rockets_form_limit_is_taken_whole() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let ada = app.create_person(&[("full_name", "Ada Lovelace"), ("stage", "contacted")]);
    // 3 MB: well past Rocket's form and data limits, well within the default 10 MiB.
    let mut scan = PDF.to_vec();
    scan.resize(3_000_000, b'x');
    let posted = attach(&app, ada, "scan.pdf", &scan);
    assert_eq!(posted.status, Status::SeeOther, "{}", posted.body);
    let id = stored_files(&app)?[0].0;
    let response = app
        .client
        .get(format!("/people/{ada}/files/{id}/download"))
        .dispatch();
    assert_eq!(response.into_bytes(), Some(scan));
    Ok(())
}
