//! The board's moves that cannot undo by accident: a card's move defaults to the next stage,
//! a move back out of Offer or Hired (or into Declined or Withdrawn) asks first on a page that
//! says what will change and applies once however often it is confirmed; columns put the most
//! recently moved first and count every person from the kept counts.

use rocket::http::Status;
use talent_tracker::domain::{Role, Stage};

use crate::common::{Page, TestApp, count};

/// The card of `name`: (its move form's action, its version, its selected stage).
fn card(board: &Page, name: &str) -> (String, String, Option<String>) {
    let names = board.texts(".board-card a.name");
    let at = names
        .iter()
        .position(|n| n == name)
        .unwrap_or_else(|| panic!("no card for {name} in {names:?}"));
    let actions = board.attrs(".board-card form.move", "action");
    let versions = board.attrs(".board-card form.move input[name=version]", "value");
    let ids = board.attrs(".board-card form.move select", "id");
    (
        actions[at].clone(),
        versions[at].clone(),
        board.field_value(&ids[at]),
    )
}

fn stage_changes(app: &TestApp, name: &str, to: &str) -> anyhow::Result<i64> {
    count(
        &mut app.conn()?,
        &format!(
            "SELECT count(*) AS n FROM stage_change sc JOIN person p ON p.id = sc.person_id \
             WHERE p.full_name = '{name}' AND sc.to_stage = '{to}'"
        ),
    )
}

fn stage_of(app: &TestApp, name: &str) -> anyhow::Result<&'static str> {
    use diesel::prelude::*;
    use talent_tracker::schema::person;
    Ok(person::table
        .filter(person::full_name.eq(name))
        .select(person::stage)
        .first::<Stage>(&mut app.conn()?)?
        .as_str())
}

#[test]
fn a_cards_move_defaults_to_the_next_stage_and_a_hired_card_to_none() -> anyhow::Result<()> {
    let app = TestApp::demo_as(Role::Recruiter)?;
    app.create_person(&[("full_name", "Sam Sourced"), ("stage", "sourced")]);
    app.create_person(&[("full_name", "Olga Offered"), ("stage", "offer")]);
    let board = app.get("/pipeline");
    assert_eq!(card(&board, "Sam Sourced").2.as_deref(), Some("contacted"));
    assert_eq!(card(&board, "Olga Offered").2.as_deref(), Some("hired"));
    // Hired has no next stage: the user picks one, and the first is not chosen for them.
    assert_eq!(card(&board, "Alexandr Wang").2.as_deref(), Some(""));
    Ok(())
}

#[test]
fn moving_a_hired_person_back_asks_first_and_applies_once() -> anyhow::Result<()> {
    let app = TestApp::demo_as(Role::Recruiter)?;
    let (action, version, _) = card(&app.get("/pipeline?q=Alexandr"), "Alexandr Wang");
    let before = stage_changes(&app, "Alexandr Wang", "sourced")?;

    let asked = app.post(&action, &[("version", &version), ("stage", "sourced")]);
    assert_eq!(asked.status, Status::Ok);
    assert_eq!(
        asked.texts("h1"),
        ["Move Alexandr Wang from Hired to Sourced?"]
    );
    let changes = asked.texts("ul.changes li").concat();
    assert!(changes.contains("Hired on "), "{changes}");
    assert!(changes.contains("no longer count as a hire"), "{changes}");
    assert_eq!(asked.attrs("a.cancel", "href"), ["/pipeline?q=Alexandr&"]);
    assert_eq!(
        stage_of(&app, "Alexandr Wang")?,
        "hired",
        "nothing moved yet"
    );

    let confirm_action = asked.attrs("form.confirm-move", "action").remove(0);
    let fields: Vec<(String, String)> = ["version", "stage", "confirmed"]
        .iter()
        .map(|f| {
            let value = asked
                .attrs(&format!("form.confirm-move input[name={f}]"), "value")
                .remove(0);
            ((*f).to_owned(), value)
        })
        .collect();
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let confirmed = app.post(&confirm_action, &fields);
    assert_eq!(confirmed.status, Status::SeeOther);
    assert_eq!(stage_of(&app, "Alexandr Wang")?, "sourced");
    // The same confirmation again (a double click, a reload): nothing more happens.
    let again = app.post(&confirm_action, &fields);
    assert_eq!(again.status, Status::SeeOther);
    assert!(
        app.get("/pipeline")
            .contains("Alexandr Wang is already at Sourced: nothing more was moved.")
    );
    assert_eq!(stage_changes(&app, "Alexandr Wang", "sourced")?, before + 1);
    Ok(())
}

#[test]
fn closing_or_moving_back_from_offer_asks_but_forward_moves_do_not() -> anyhow::Result<()> {
    let app = TestApp::demo_as(Role::Recruiter)?;
    app.create_person(&[("full_name", "Olga Offered"), ("stage", "offer")]);
    app.create_person(&[("full_name", "Carl Contacted"), ("stage", "contacted")]);
    let board = app.get("/pipeline");
    let (action, version, _) = card(&board, "Olga Offered");
    let back = app.post(&action, &[("version", &version), ("stage", "interviewing")]);
    assert_eq!(back.status, Status::Ok);
    assert!(
        back.texts("ul.changes li")
            .concat()
            .contains("leave the Offer stage")
    );
    let (action, version, _) = card(&board, "Carl Contacted");
    let closing = app.post(&action, &[("version", &version), ("stage", "withdrawn")]);
    assert_eq!(closing.status, Status::Ok);
    assert!(
        closing
            .texts("ul.changes li")
            .concat()
            .contains("out of the active pipeline")
    );
    assert_eq!(stage_of(&app, "Olga Offered")?, "offer");
    assert_eq!(stage_of(&app, "Carl Contacted")?, "contacted");
    // Forward, and by the default, no question.
    let forward = app.post(&action, &[("version", &version), ("stage", "interviewing")]);
    assert_eq!(forward.status, Status::SeeOther);
    assert_eq!(stage_of(&app, "Carl Contacted")?, "interviewing");
    Ok(())
}

#[test]
fn columns_show_the_most_recently_moved_first_and_count_everyone() -> anyhow::Result<()> {
    let app = TestApp::demo_as(Role::Recruiter)?;
    for name in ["Ann Early", "Zed Late"] {
        app.create_person(&[("full_name", name), ("stage", "contacted")]);
    }
    // Moved in the order Ann, Zed: Zed is the most recent, though last by name.
    for name in ["Ann Early", "Zed Late"] {
        let (action, version, _) = card(&app.get("/pipeline"), name);
        let moved = app.post(&action, &[("version", &version), ("stage", "interviewing")]);
        assert_eq!(moved.status, Status::SeeOther);
    }
    let column = app
        .get("/pipeline?stage=interviewing")
        .texts(".board-card a.name");
    assert_eq!(column[..2], ["Zed Late", "Ann Early"], "{column:?}");

    // More people than a column shows and than a list counts: the column still says how many.
    diesel::RunQueryDsl::execute(
        diesel::sql_query(
            "INSERT INTO person (full_name, name_key, stage) \
             SELECT 'Many ' || i, 'many ' || i, 'sourced' FROM generate_series(1, 1050) i",
        ),
        &mut app.conn()?,
    )?;
    let sourced = count(
        &mut app.conn()?,
        "SELECT count(*) AS n FROM person WHERE stage = 'sourced'",
    )?;
    assert!(sourced > 1_000);
    let board = app.get("/pipeline");
    assert_eq!(
        board.texts("#stage-sourced a.count"),
        [sourced.to_string()],
        "the column's count"
    );
    let shown = board.texts(".board-column:first-of-type .board-card").len() as i64;
    let more = board.texts(".board-column:first-of-type a.more").concat();
    assert_eq!(
        more,
        format!("and {} more in the people list", sourced - shown)
    );
    assert_eq!(
        board.attrs(".board-column:first-of-type a.more", "href"),
        ["/people?stage=sourced&"]
    );
    Ok(())
}
