//! The people, pipeline and company pages for a German reader: their words, German dates,
//! stage and kind labels, and dates and countries typed the German way, read as meant.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::schema::{company, person};

use crate::common::TestApp;

#[test]
fn a_german_reader_sees_a_person_in_german_with_german_dates() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.read_in("de")?;
    let posted = app.post(
        "/people",
        &[
            ("full_name", "Jürgen Müller"),
            ("stage", "offer"),
            ("first_contact_on", "01.07.2026"),
            ("offer_on", "2026-07-15"),
        ],
    );
    assert_eq!(
        posted.status,
        Status::SeeOther,
        "{:?}",
        posted.texts(".field-error")
    );
    let (id, first_contact): (i64, Option<chrono::NaiveDate>) = person::table
        .select((person::id, person::first_contact_on))
        .first(&mut app.conn()?)?;
    assert_eq!(first_contact, chrono::NaiveDate::from_ymd_opt(2026, 7, 1));

    let page = app.get(&format!("/people/{id}"));
    let terms = page.texts("dl.details dt");
    assert!(terms.contains(&"Phase".to_owned()), "{terms:?}");
    assert!(terms.contains(&"Erstkontakt".to_owned()), "{terms:?}");
    let details = page.texts("dl.details dd");
    assert!(details.contains(&"Angebot".to_owned()), "{details:?}");
    assert!(details.contains(&"01.07.2026".to_owned()), "{details:?}");
    assert!(details.contains(&"15.07.2026".to_owned()), "{details:?}");
    assert!(page.texts("h2").contains(&"Phasenverlauf".to_owned()));

    let list = app.get("/people");
    assert!(
        list.texts(".count").contains(&"1 Person".to_owned()),
        "{:?}",
        list.texts(".count")
    );
    assert!(list.texts("td .badge").contains(&"Angebot".to_owned()));
    assert!(list.texts(".actions a").contains(&"Neue Person".to_owned()));
    Ok(())
}

#[test]
fn the_board_and_the_form_speak_german_and_a_wrong_date_is_refused_in_german() -> anyhow::Result<()>
{
    let app = TestApp::new()?;
    app.read_in("de")?;
    app.create_person(&[("full_name", "Ada Lovelace"), ("stage", "sourced")]);
    let board = app.get("/pipeline");
    let stages = board.texts(".board-column h2 .badge");
    assert!(stages.contains(&"Angebot".to_owned()), "{stages:?}");
    assert!(board.texts("button").contains(&"Verschieben".to_owned()));

    let form = app.get("/people/new");
    assert!(form.texts("legend").contains(&"Wer".to_owned()));
    let refused = app.post(
        "/people",
        &[
            ("full_name", "Grace Hopper"),
            ("stage", "sourced"),
            ("offer_on", "1.7.26"),
        ],
    );
    assert_eq!(refused.status, Status::UnprocessableEntity);
    let errors = refused.field_errors("offer_on");
    assert!(errors.iter().any(|e| e.contains("Datum")), "{errors:?}");
    Ok(())
}

#[test]
fn a_german_reader_names_a_country_in_german_and_sees_the_kind_in_german() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.read_in("de")?;
    for (name, typed, code) in [
        ("DeepL", "Deutschland", "DE"),
        ("Mistral Wien", "Österreich", "AT"),
        ("Aleph Zürich", "schweiz", "CH"),
        ("Cohere", "Kanada", "CA"),
    ] {
        let posted = app.post(
            "/companies",
            &[("name", name), ("kind", "startup"), ("country", typed)],
        );
        assert_eq!(
            posted.status,
            Status::SeeOther,
            "{typed}: {:?}",
            posted.texts(".field-error")
        );
        let stored: Option<String> = company::table
            .filter(company::name.eq(name))
            .select(company::country)
            .first(&mut app.conn()?)?;
        assert_eq!(stored.as_deref(), Some(code), "{typed}");
    }
    let refused = app.post(
        "/companies",
        &[
            ("name", "Atlantis AG"),
            ("kind", "startup"),
            ("country", "Atlantis"),
        ],
    );
    let errors = refused.field_errors("country");
    assert!(errors.iter().any(|e| e.contains("Land")), "{errors:?}");

    let list = app.get("/companies");
    assert!(list.texts("td").contains(&"Start-up".to_owned()));
    assert!(
        list.texts("p.muted").contains(&"4 Unternehmen".to_owned()),
        "{:?}",
        list.texts("p.muted")
    );
    Ok(())
}
