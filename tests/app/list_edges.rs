//! Lists and their CSV twins at the edges: filters that name nothing, page numbers near i64::MAX.

use rocket::http::Status;

use crate::common::TestApp;

#[test]
fn a_filtered_export_naming_an_unknown_company_answers_422_like_its_list() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    for uri in [
        "/people.csv?origin_company=NoSuchCo",
        "/people.csv?hiring_company=NoSuchCo",
        "/pay-reports.csv?origin_company=NoSuchCo",
    ] {
        let response = app.client.get(uri).dispatch();
        assert_eq!(response.status(), Status::UnprocessableEntity, "{uri}");
        let body = response.into_string().unwrap_or_default();
        assert!(
            body.contains("There is no company called “NoSuchCo”."),
            "{uri}: {body}"
        );
    }
    assert_eq!(
        app.get("/people?origin_company=NoSuchCo").status,
        Status::UnprocessableEntity
    );
    assert_eq!(
        app.get("/companies.csv?kind=nope").status,
        Status::UnprocessableEntity
    );
    Ok(())
}
