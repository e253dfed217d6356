//! Erasure where it meets other features: an old import preview, the names a person had
//! before, the people merged into them, the import's batches and the kept report counts.
//! After an erasure no table holds any of the person's personal strings.

use diesel::prelude::*;
use diesel::sql_types::BigInt;
use rocket::http::Status;
use talent_tracker::models::Person;
use talent_tracker::schema::{import_batch, person};

use crate::common::TestApp;
use crate::merges::merge;

fn person_named(app: &TestApp, name: &str) -> anyhow::Result<i64> {
    Ok(person::table
        .filter(person::full_name.eq(name))
        .select(person::id)
        .first(&mut app.conn()?)?)
}

/// Merges `right` into `left` (the older record survives, with its own fields).
fn merge_into(app: &TestApp, left: i64, right: i64) {
    let page = app.get(&format!("/people/merge?left={left}&right={right}"));
    assert_eq!(page.status, Status::Ok, "{}", page.body);
    let merged = merge(app, &page, &[]);
    assert_eq!(merged.status, Status::SeeOther, "{}", merged.body);
}

fn confirm_action(preview: &crate::common::Page) -> String {
    let confirm = preview.attrs("form[action$='/confirm']", "action");
    assert_eq!(confirm.len(), 1, "{}", preview.body);
    confirm[0].clone()
}

#[test]
fn an_old_preview_naming_an_erased_person_by_id_and_old_name_cannot_bring_them_back()
-> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.create_company("Meta");
    let p = app.create_person(&[
        ("full_name", "Pat Oldname"),
        ("origin_company", "Meta"),
        ("stage", "offer"),
        ("notes", "met at a private dinner"),
    ]);
    let q = app.create_person(&[("full_name", "Quinn Namesake"), ("stage", "sourced")]);
    merge_into(&app, p, q);
    // By id, with the old name; and by the merged-in person's name alone.
    let by_id = app.upload(
        "by-id.csv",
        format!("id,full_name,stage,notes\n{p},Pat Oldname,hired,met at a private dinner\n")
            .as_bytes(),
    );
    let by_merged_name = app.upload(
        "by-name.csv",
        b"full_name,stage,notes\nQuinn Namesake,hired,the namesake's notes\n",
    );
    let unrelated = app.upload("other.csv", b"full_name,stage\nSomeone Else,sourced\n");
    let renamed = app.post(
        &format!("/people/{p}/edit"),
        &[("full_name", "Pat Newname"), ("stage", "offer")],
    );
    assert_eq!(renamed.status, Status::SeeOther, "{}", renamed.body);

    app.post_and_follow(&format!("/people/{p}/erase"), &[]);

    for preview in [&by_id, &by_merged_name] {
        let refused = app.post(&confirm_action(preview), &[]);
        assert_eq!(
            refused.status,
            Status::UnprocessableEntity,
            "{}",
            refused.body
        );
    }
    let mut conn = app.conn()?;
    let (name, notes, erased): (String, Option<String>, bool) = person::table
        .find(p)
        .select((
            person::full_name,
            person::notes,
            person::erased_at.is_not_null(),
        ))
        .first(&mut conn)?;
    assert_eq!(name, format!("Erased person {p}"));
    assert_eq!(notes, None);
    assert!(erased);
    let namesakes: i64 = person::table
        .filter(person::full_name.eq("Quinn Namesake"))
        .count()
        .get_result(&mut conn)?;
    assert_eq!(namesakes, 0, "the merged-in name did not come back");
    let imported = app.post_and_follow(&confirm_action(&unrelated), &[]);
    assert!(imported.texts(".flash")[0].starts_with("Imported "));
    Ok(())
}

#[test]
fn a_file_may_move_an_erased_persons_stage_but_never_give_them_personal_data() -> anyhow::Result<()>
{
    let app = TestApp::new()?;
    let p = app.create_person(&[("full_name", "Pat Private"), ("stage", "offer")]);
    app.post_and_follow(&format!("/people/{p}/erase"), &[]);

    let personal = app.upload(
        "back.csv",
        format!("id,full_name,stage,notes\n{p},Erased person {p},hired,new notes\n").as_bytes(),
    );
    assert_eq!(personal.status, Status::UnprocessableEntity);
    assert!(
        personal.contains("was erased on request"),
        "{}",
        personal.body
    );
    let stage_only = app.upload(
        "stage.csv",
        format!("id,full_name,stage\n{p},Erased person {p},hired\n").as_bytes(),
    );
    app.post_and_follow(&confirm_action(&stage_only), &[]);
    let (stage, notes): (String, Option<String>) = person::table
        .find(p)
        .select((person::stage, person::notes))
        .first(&mut app.conn()?)?;
    assert_eq!((stage.as_str(), notes), ("hired", None));
    // The database refuses it too, whatever path tries.
    let written = diesel::sql_query("UPDATE person SET notes = 'back' WHERE id = $1")
        .bind::<BigInt, _>(p)
        .execute(&mut app.conn()?);
    assert!(written.is_err(), "the CHECK refuses personal data");
    Ok(())
}

#[test]
fn an_erasure_that_loses_the_race_to_a_merge_is_not_found_instead_of_erasing_nobody()
-> anyhow::Result<()> {
    let app = TestApp::new()?;
    let q = app.create_person(&[("full_name", "Quinn Racer"), ("stage", "sourced")]);
    // The merge's transaction: it has removed Q and not committed yet.
    let mut merging = app.conn()?;
    diesel::sql_query("BEGIN").execute(&mut merging)?;
    diesel::sql_query("DELETE FROM person WHERE id = $1")
        .bind::<BigInt, _>(q)
        .execute(&mut merging)?;
    let url = app.database_url().to_owned();
    let erasing = std::thread::spawn(move || -> anyhow::Result<_> {
        let mut conn = PgConnection::establish(&url)?;
        Ok(Person::erase(
            &mut conn,
            talent_tracker::domain::PersonId(q),
        ))
    });
    // Waits until the erasure waits for the merge's lock, however long that takes here.
    let mut watch = app.conn()?;
    loop {
        let waiting: i64 = diesel::select(diesel::dsl::sql::<BigInt>(
            "(SELECT count(*) FROM pg_stat_activity
              WHERE wait_event_type = 'Lock' AND datname = current_database())",
        ))
        .get_result(&mut watch)?;
        if waiting > 0 || erasing.is_finished() {
            break;
        }
        std::thread::yield_now();
    }
    diesel::sql_query("COMMIT").execute(&mut merging)?;

    let erased = erasing.join().expect("the erasure ran")?;
    assert!(
        matches!(erased, Err(diesel::NotFound)),
        "an erasure of a person merged away meanwhile answers not found, not success: {erased:?}"
    );
    Ok(())
}

#[test]
fn a_write_that_refers_to_a_record_removed_meanwhile_is_a_conflict_not_a_server_error()
-> anyhow::Result<()> {
    let app = TestApp::new()?;
    let refused = diesel::sql_query(
        "INSERT INTO pay_report (person_id, kind, currency, amount_low, amount_high, period,
                                 period_years, as_of, confidence)
         VALUES (987654, 'reported', 'USD', 1, 2, 'total', 4, '2025-01-01', 'reported')",
    )
    .execute(&mut app.conn()?)
    .expect_err("there is no person 987654");
    let error = talent_tracker::error::AppError::from(refused);
    assert_eq!(error.status(), Status::Conflict);
    Ok(())
}

/// Found by the route fuzzer's sequences: the survivor of a merge took the other record's
/// name and notes, the merge was undone, and the other record was erased; the survivor's
/// history and the merge's record still held what it had taken.
#[test]
fn values_a_survivor_took_in_an_undone_merge_go_with_the_erasure() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let keeper = app.create_person(&[("full_name", "Kim Keeper"), ("stage", "sourced")]);
    let taken = app.create_person(&[
        ("full_name", "Qxtakenname Lee"),
        ("stage", "sourced"),
        ("title", "Qxtakentitle"),
        ("notes", "Qxtakennotes"),
    ]);
    let page = app.get(&format!("/people/merge?left={keeper}&right={taken}"));
    let merged = merge(
        &app,
        &page,
        &[
            ("survivor", "left"),
            ("full_name", "right"),
            ("title", "right"),
            ("notes", "right"),
        ],
    );
    assert_eq!(merged.status, Status::SeeOther, "{}", merged.body);
    let merge_id: i64 = talent_tracker::schema::person_merge::table
        .select(talent_tracker::schema::person_merge::id)
        .first(&mut app.conn()?)?;
    let undone = app.post(&format!("/people/merges/{merge_id}/undo"), &[]);
    assert_eq!(undone.status, Status::SeeOther, "{}", undone.body);
    let markers = ["qxtakenname", "qxtakentitle", "qxtakennotes"];
    for marker in markers {
        let held = cells_holding(&app, marker)?;
        assert!(
            held.iter().any(|place| place.starts_with("person_merge.")),
            "{marker} is in the merge's copy of the survivor before: {held:?}"
        );
    }

    let erased = app.post(&format!("/people/{taken}/erase"), &[]);
    assert_eq!(erased.status, Status::SeeOther, "{}", erased.body);
    for marker in markers {
        assert_eq!(
            cells_holding(&app, marker)?,
            Vec::<String>::new(),
            "{marker}"
        );
    }
    let kept: String = person::table
        .find(keeper)
        .select(person::full_name)
        .first(&mut app.conn()?)?;
    assert_eq!(kept, "Kim Keeper", "the survivor keeps its own name");
    Ok(())
}

/// The whole database's data as `pg_dump --data-only` writes it.
fn dump(app: &TestApp) -> anyhow::Result<String> {
    Ok(crate::common::pg_dump(app.database_url(), &["--data-only"])?.to_lowercase())
}

/// Unique strings in every personal field, each found nowhere else.
const MARKERS: [&str; 16] = [
    "qxname",
    "qxtitle",
    "qxexpertise",
    "qxteam",
    "qxlocation",
    "qxnotes",
    "qxsource",
    "qxpaynotes",
    "qxurl",
    "qxfile",
    "qxnamesake",
    "qxoldtitle",
    "qxpreview",
    "qxnotebody",
    "qxcvname",
    "qxcvbytes",
];

#[test]
fn after_an_erasure_no_table_holds_any_of_the_persons_personal_strings() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.create_company("Meta");
    let created = "full_name,title,expertise,team,location,notes,origin_company,stage,kind,\
                   currency,amount_low,amount_high,period,as_of,confidence,source_name,source_url\n\
                   Ann Qxname,Qxoldtitle,Qxexpertise,Qxteam,Qxlocation,Qxnotes,Meta,offer,\
                   reported,USD,100,200,annual,2025-06-30,reported,Qxsource,https://qxurl.example/a\n";
    app.import("qxfile-people.csv", created.as_bytes());
    let p = person_named(&app, "Ann Qxname")?;
    // A pay report by hand with notes; the title changed by a later import, which is reverted
    // and made again: the old title lives on in the kept copies and the report counts.
    crate::merges::add_pay(&app, p, "Qxsource press");
    diesel::sql_query("UPDATE pay_report SET notes = 'Qxpaynotes' WHERE person_id = $1")
        .bind::<BigInt, _>(p)
        .execute(&mut app.conn()?)?;
    let retitle = format!("id,full_name,stage,title\n{p},Ann Qxname,offer,Qxtitle\n");
    app.import("retitle.csv", retitle.as_bytes());
    let batch: i64 = import_batch::table
        .filter(import_batch::file_name.eq("retitle.csv"))
        .select(import_batch::id)
        .first(&mut app.conn()?)?;
    app.post_and_follow(&format!("/import/batches/{batch}/revert"), &[]);
    app.import("retitle-again.csv", retitle.as_bytes());
    let namesake = app.create_person(&[
        ("full_name", "Ann Qxnamesake"),
        ("stage", "sourced"),
        ("notes", "Qxnotes of the namesake"),
    ]);
    // A note and a CV on the namesake move to the survivor with the merge; another note on
    // the survivor is edited within its 15 minutes, so its old text is in the audit too.
    crate::person_notes::add_note(&app, namesake, "Qxnotebody: the namesake's talk");
    crate::person_files::attach(&app, namesake, "qxcvname.pdf", b"%PDF-1.7 qxcvbytes");
    merge_into(&app, p, namesake);
    crate::person_notes::add_note(&app, p, "Ann said Qxnotebody");
    let note: i64 = talent_tracker::schema::person_note::table
        .select(diesel::dsl::max(talent_tracker::schema::person_note::id))
        .first::<Option<i64>>(&mut app.conn()?)?
        .unwrap_or_default();
    let edited = app.post(
        &format!("/people/{p}/notes/{note}/edit"),
        &[("body", "Ann said so")],
    );
    assert_eq!(edited.status, Status::SeeOther, "{}", edited.body);
    let _pending = app.upload(
        "qxpreview.csv",
        b"full_name,stage,title\nAnn Qxname,hired,Qxpreview\n",
    );
    for marker in MARKERS {
        let held = cells_holding(&app, marker)?;
        assert!(!held.is_empty(), "{marker} is stored before");
    }

    let erased = app.post(&format!("/people/{p}/erase"), &[]);
    assert_eq!(erased.status, Status::SeeOther, "{}", erased.body);

    let dumped = dump(&app)?;
    for marker in MARKERS {
        assert_eq!(
            cells_holding(&app, marker)?,
            Vec::<String>::new(),
            "{marker}"
        );
        assert!(!dumped.contains(marker), "pg_dump holds {marker}");
    }
    let batches = app.get("/import/batches");
    assert!(
        !batches.body.to_lowercase().contains("qx"),
        "{}",
        batches.body
    );
    Ok(())
}

/// The `table.column`s that hold `marker`.
fn cells_holding(app: &TestApp, marker: &str) -> anyhow::Result<Vec<String>> {
    let held = crate::stored_text::cells_holding(&mut app.conn()?, &[marker])?;
    Ok(held.into_iter().map(|h| h.place).collect())
}

#[test]
fn an_erasure_on_another_connection_than_the_pay_was_counted_on_leaves_no_title_in_the_counts()
-> anyhow::Result<()> {
    let app = TestApp::new()?;
    let shard = |conn: &mut PgConnection| -> anyhow::Result<i16> {
        Ok(
            diesel::select(diesel::dsl::sql::<diesel::sql_types::SmallInt>(
                "r.pay_count_shard()",
            ))
            .get_result(conn)?,
        )
    };
    let mut counting = app.conn()?;
    let mut erasing = app.conn()?;
    // The kept counts are striped by backend: two backends of one stripe would hide the case.
    while shard(&mut erasing)? == shard(&mut counting)? {
        erasing = app.conn()?;
    }
    let p = app.create_person(&[("full_name", "Ann Qxstriped"), ("stage", "sourced")]);
    diesel::sql_query("UPDATE person SET title = 'Qxstripedtitle' WHERE id = $1")
        .bind::<BigInt, _>(p)
        .execute(&mut counting)?;
    diesel::sql_query(
        "INSERT INTO pay_report (person_id, kind, currency, amount_low, amount_high, period, \
         as_of, confidence) VALUES ($1, 'reported', 'USD', 100, 100, 'annual', '2025-06-30', \
         'reported')",
    )
    .bind::<BigInt, _>(p)
    .execute(&mut counting)?;
    Person::erase(&mut erasing, talent_tracker::domain::PersonId(p))?;
    let left: i64 = diesel::select(diesel::dsl::sql::<BigInt>(
        "(SELECT count(*) FROM pay_value_count WHERE grp = 'Qxstripedtitle')",
    ))
    .get_result(&mut counting)?;
    assert_eq!(
        left, 0,
        "the erased person's title outlives them in the report counts"
    );
    Ok(())
}
