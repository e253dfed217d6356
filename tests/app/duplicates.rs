//! Duplicate people: the person form warns before saving someone who may be stored already.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::schema::person;

use crate::common::{TestApp, id_from};

fn people_named(app: &TestApp, name: &str) -> anyhow::Result<i64> {
    Ok(person::table
        .filter(person::full_name.eq(name))
        .count()
        .get_result(&mut app.conn()?)?)
}

#[test]
fn the_same_name_from_the_same_company_asks_before_saving_and_keeps_the_input() -> anyhow::Result<()>
{
    let app = TestApp::new()?;
    app.create_company("Scale AI");
    let wang = app.create_person(&[
        ("full_name", "Alexandr Wang"),
        ("origin_company", "Scale AI"),
        ("stage", "hired"),
    ]);
    let typed = [
        ("full_name", "alexandr  WANG"),
        ("title", "Chief AI Officer"),
        ("origin_company", "Scale AI"),
        ("stage", "sourced"),
    ];
    let page = app.post("/people", &typed);
    assert_eq!(page.status, Status::UnprocessableEntity, "{}", page.body);
    assert_eq!(
        page.attrs(".duplicates a", "href"),
        vec![format!("/people/{wang}")]
    );
    let listed = page.texts(".duplicates li").join(" ");
    assert!(
        listed.contains("the same name and the same origin company"),
        "{listed}"
    );
    assert_eq!(
        page.field_value("title").as_deref(),
        Some("Chief AI Officer")
    );
    assert_eq!(page.field_errors("different_person").len(), 1);
    assert_eq!(people_named(&app, "alexandr  WANG")?, 0);

    // Ticked, the same form saves.
    let mut anyway = typed.to_vec();
    anyway.push(("different_person", "yes"));
    let namesake = id_from(&app.post("/people", &anyway));
    assert_eq!(people_named(&app, "alexandr  WANG")?, 1);
    // Once let through, editing them without touching name or company asks nothing.
    let moved = app.post(
        &format!("/people/{namesake}/edit"),
        &[
            ("full_name", "alexandr  WANG"),
            ("origin_company", "Scale AI"),
            ("stage", "contacted"),
        ],
    );
    assert_eq!(moved.status, Status::SeeOther, "{}", moved.body);
    Ok(())
}

#[test]
fn a_very_similar_name_warns_but_another_company_or_another_name_does_not() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.create_company("Scale AI");
    app.create_company("GitHub");
    app.create_person(&[
        ("full_name", "Alexandr Wang"),
        ("origin_company", "Scale AI"),
        ("stage", "hired"),
    ]);
    let similar = app.post(
        "/people",
        &[
            ("full_name", "Alexander Wang"),
            ("origin_company", "Scale AI"),
            ("stage", "sourced"),
        ],
    );
    assert_eq!(similar.status, Status::UnprocessableEntity);
    let listed = similar.texts(".duplicates li").join(" ");
    assert!(listed.contains("a very similar name"), "{listed}");
    for fields in [
        // The same name from elsewhere, with no source in common: a namesake.
        [
            ("full_name", "Alexandr Wang"),
            ("origin_company", "GitHub"),
            ("stage", "sourced"),
        ],
        // Another name at the same company.
        [
            ("full_name", "Lucy Wang"),
            ("origin_company", "Scale AI"),
            ("stage", "sourced"),
        ],
    ] {
        let page = app.post("/people", &fields);
        assert_eq!(page.status, Status::SeeOther, "{fields:?}: {}", page.body);
    }
    Ok(())
}

#[test]
fn editing_checks_against_others_and_a_shared_pay_source_counts() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.create_company("Scale AI");
    let wang = app.create_person(&[
        ("full_name", "Alexandr Wang"),
        ("origin_company", "Scale AI"),
        ("stage", "hired"),
    ]);
    // Saving someone unchanged never finds them to be their own duplicate.
    let same = app.post(
        &format!("/people/{wang}/edit"),
        &[
            ("full_name", "Alexandr Wang"),
            ("origin_company", "Scale AI"),
            ("stage", "hired"),
        ],
    );
    assert_eq!(same.status, Status::SeeOther, "{}", same.body);

    // No company recorded, but a pay report citing the same story as one of Wang's.
    let other = app.create_person(&[("full_name", "A. Wang"), ("stage", "sourced")]);
    for id in [wang, other] {
        id_from(&app.post(
            &format!("/people/{id}/pay"),
            &[
                ("kind", "reported"),
                ("currency", "USD"),
                ("amount_low", "100000000"),
                ("amount_high", "100000000"),
                ("period", "annual"),
                ("as_of", "2025-06-30"),
                ("source_url", "https://example.org/meta-hires"),
                ("confidence", "reported"),
            ],
        ));
    }
    let renamed = app.post(
        &format!("/people/{other}/edit"),
        &[("full_name", "Alexandr Wang"), ("stage", "sourced")],
    );
    assert_eq!(
        renamed.status,
        Status::UnprocessableEntity,
        "{}",
        renamed.body
    );
    let listed = renamed.texts(".duplicates li").join(" ");
    assert!(
        listed.contains("the same name and a pay source in common"),
        "{listed}"
    );
    assert_eq!(people_named(&app, "A. Wang")?, 1);
    Ok(())
}

#[test]
fn a_stale_edit_meets_its_conflict_before_any_duplicate_question() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.create_company("Scale AI");
    app.create_person(&[
        ("full_name", "Alexandr Wang"),
        ("origin_company", "Scale AI"),
        ("stage", "hired"),
    ]);
    let other = app.create_person(&[("full_name", "Lucy Guo"), ("stage", "sourced")]);
    let read_at = app
        .get(&format!("/people/{other}/edit"))
        .attrs("input[name=version]", "value")
        .pop()
        .unwrap_or_default();
    // Someone else saves first.
    app.post(
        &format!("/people/{other}/edit"),
        &[("full_name", "Lucy Guo"), ("stage", "contacted")],
    );
    // This form, read before their save, renames her to a likely duplicate.
    let late = app.post(
        &format!("/people/{other}/edit"),
        &[
            ("version", &read_at),
            ("full_name", "Alexandr Wang"),
            ("origin_company", "Scale AI"),
            ("stage", "sourced"),
        ],
    );
    assert_eq!(late.status, Status::Conflict, "{}", late.body);
    assert!(late.texts(".duplicates li").is_empty());
    // Saved again over what is stored now, the question comes.
    let newer = late
        .attrs("input[name=version]", "value")
        .pop()
        .unwrap_or_default();
    let again = app.post(
        &format!("/people/{other}/edit"),
        &[
            ("version", &newer),
            ("full_name", "Alexandr Wang"),
            ("origin_company", "Scale AI"),
            ("stage", "sourced"),
        ],
    );
    assert_eq!(again.status, Status::UnprocessableEntity, "{}", again.body);
    assert_eq!(people_named(&app, "Lucy Guo")?, 1);
    Ok(())
}

/// A save reads what it needs once: each company the form names, and the likely duplicates,
/// which come back with the refusal for the form to list (its page searched again before).
#[test]
fn a_person_s_save_looks_each_company_up_once_and_searches_for_duplicates_once()
-> anyhow::Result<()> {
    use std::sync::{Arc, Mutex};

    use diesel::connection::InstrumentationEvent;
    use talent_tracker::input::{self, FieldErrors, PersonInput, Target, Versioned, Written};
    use talent_tracker::models::Person;
    use talent_tracker::views::FormState;

    let app = TestApp::new()?;
    app.create_company("Scale AI");
    app.create_company("Meta");
    let wang = app.create_person(&[
        ("full_name", "Alexandr Wang"),
        ("origin_company", "Scale AI"),
        ("stage", "hired"),
    ]);
    let typed = [
        ("full_name", "Alexandr Wang"),
        ("origin_company", "Scale AI"),
        ("hiring_company", "Meta"),
        ("stage", "sourced"),
    ];
    let (Some(namesake), errors) = input::read::<PersonInput>(typed.into_iter()) else {
        anyhow::bail!("the input did not parse");
    };
    assert!(errors.is_empty(), "{errors:?}");

    let statements = Arc::new(Mutex::new(Vec::new()));
    let mut conn = app.conn()?;
    let seen = Arc::clone(&statements);
    conn.set_instrumentation(move |event: InstrumentationEvent<'_>| {
        if let InstrumentationEvent::StartQuery { query, .. } = event
            && let Ok(mut seen) = seen.lock()
        {
            seen.push(query.to_string());
        }
    });
    let mut errors = FieldErrors::default();
    let fields = <Person as Versioned>::check(&mut conn, namesake, &mut errors)?;
    let nothing_ticked = FormState::default();
    let written = <Person as Versioned>::write(
        &mut conn,
        Target::New(()),
        None,
        fields,
        &nothing_ticked,
        &mut errors,
    )?;
    let Written::Refused(listed) = written else {
        anyhow::bail!("saved without asking about the namesake");
    };
    assert_eq!(listed.iter().map(|d| d.id.0).collect::<Vec<_>>(), [wang]);

    let statements = statements.lock().map_err(|_| anyhow::anyhow!("poisoned"))?;
    let count = |text: &str| statements.iter().filter(|s| s.contains(text)).count();
    assert_eq!(count("\"company\".\"name_key\""), 2, "{statements:#?}");
    assert_eq!(count("pg_trgm.similarity_threshold"), 1, "{statements:#?}");
    Ok(())
}
