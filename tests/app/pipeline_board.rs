//! The pipeline board: a column per stage with a card per person, filtered as the people list
//! is, capped per column with a link to the rest; recruiters move cards with a versioned,
//! CSRF-protected form, and the move is kept in the stage history and the audit.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::{Role, Stage};

use crate::common::{Page, TestApp};

/// The move form of the card of `name`: (its action, its version).
fn move_form(board: &Page, name: &str) -> (String, String) {
    let names = board.texts(".board-card a.name");
    let at = names
        .iter()
        .position(|n| n == name)
        .unwrap_or_else(|| panic!("no card for {name} in {names:?}"));
    let actions = board.attrs(".board-card form.move", "action");
    let versions = board.attrs(".board-card form.move input[name=version]", "value");
    (actions[at].clone(), versions[at].clone())
}

fn stage_of(app: &TestApp, name: &str) -> anyhow::Result<String> {
    use talent_tracker::schema::person;
    Ok(person::table
        .filter(person::full_name.eq(name))
        .select(person::stage)
        .first::<Stage>(&mut app.conn()?)?
        .as_str()
        .to_owned())
}

#[test]
fn the_board_has_a_column_per_stage_with_each_persons_card() -> anyhow::Result<()> {
    let app = TestApp::demo_as(Role::Viewer)?;
    let board = app.get("/pipeline");
    assert_eq!(board.status, Status::Ok);
    assert_eq!(board.texts(".board-column").len(), Stage::ALL.len());
    let hired = board.texts(".board-column:nth-of-type(5) a.name");
    assert!(hired.iter().any(|n| n == "Alexandr Wang"), "{hired:?}");
    assert!(
        board
            .texts(".board-card .companies")
            .iter()
            .any(|c| c.contains("to Meta"))
    );
    assert!(
        board
            .texts(".board-card .days")
            .iter()
            .all(|d| d.contains("in stage"))
    );
    assert!(
        board.attrs("form.move", "action").is_empty(),
        "a viewer moves nobody"
    );
    // Filters as on the people list.
    let meta = app.get("/pipeline?hiring_company=Meta&stage=hired");
    assert_eq!(meta.texts(".board-column").len(), 1);
    assert!(
        meta.texts(".board-card .companies")
            .iter()
            .all(|c| c.contains("to Meta"))
    );
    // A drill-down's filters apply on the board too, said in words and kept by its form.
    let reached = app.get("/pipeline?reached=offer");
    assert!(
        reached
            .texts("p.carried")
            .concat()
            .contains("reached Offer")
    );
    assert!(
        reached
            .texts(".board-column:first-of-type .board-card")
            .is_empty()
    );
    assert!(
        !reached
            .texts(".board-column:nth-of-type(5) .board-card")
            .is_empty()
    );
    assert!(
        reached
            .attrs("form.filters input[type=hidden]", "name")
            .contains(&"reached".to_owned())
    );
    for odd in [
        "/pipeline?stage=moon",
        "/pipeline?hired_from=yesterday",
        "/pipeline?origin_company=Nowhere%20Inc",
    ] {
        assert_eq!(app.get(odd).status, Status::UnprocessableEntity, "{odd}");
    }
    Ok(())
}

#[test]
fn a_recruiter_moves_a_card_and_the_history_and_audit_keep_it() -> anyhow::Result<()> {
    let app = TestApp::demo_as(Role::Recruiter)?;
    let board = app.get("/pipeline?q=Priya");
    let (action, version) = move_form(&board, "Priya Raman");
    assert!(
        action.contains("q=Priya"),
        "the board's filters come back: {action}"
    );
    let before = stage_of(&app, "Priya Raman")?;
    let moved = app.post(&action, &[("version", &version), ("stage", "offer")]);
    assert_eq!(moved.status, Status::SeeOther);
    assert_eq!(moved.location.as_deref(), Some("/pipeline?q=Priya&"));
    let after = app.get("/pipeline?q=Priya");
    assert!(after.contains("Priya Raman is now at Offer."));
    assert_eq!(stage_of(&app, "Priya Raman")?, "offer");
    let changes: i64 = diesel::sql_query(format!(
        "SELECT count(*) AS n FROM stage_change sc JOIN person p ON p.id = sc.person_id \
         WHERE p.full_name = 'Priya Raman' AND sc.from_stage = '{before}' \
         AND sc.to_stage = 'offer'"
    ))
    .get_result::<Count>(&mut app.conn()?)?
    .n;
    assert_eq!(changes, 1, "the move is in the stage history");
    let audited: i64 = diesel::sql_query(
        "SELECT count(*) AS n FROM audit_log WHERE record_table = 'person' AND action = 'update' AND actor LIKE '%recruiter%' \
         AND after->>'stage' = 'offer' AND after->>'full_name' = 'Priya Raman'",
    )
    .get_result::<Count>(&mut app.conn()?)?
    .n;
    assert_eq!(audited, 1, "the move is audited");

    // A move over the old version changes nothing and says why.
    let stale = app.post(&action, &[("version", &version), ("stage", "declined")]);
    assert_eq!(stale.status, Status::Conflict);
    assert!(stale.contains("changed by someone else"));
    assert_eq!(stage_of(&app, "Priya Raman")?, "offer");
    // Without the session's token, nothing moves either.
    let (action, version) = move_form(&app.get("/pipeline?q=Priya"), "Priya Raman");
    let forged = app.post_raw(&action, &[("version", &version), ("stage", "declined")]);
    assert_eq!(forged.status, Status::Forbidden);
    let odd = app.post(&action, &[("version", &version), ("stage", "moon")]);
    assert_eq!(odd.status, Status::UnprocessableEntity);
    assert_eq!(stage_of(&app, "Priya Raman")?, "offer");
    Ok(())
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

#[test]
fn only_recruiters_and_admins_move_cards() -> anyhow::Result<()> {
    for role in [Role::Viewer, Role::Analyst] {
        let app = TestApp::demo_as(role)?;
        let id: i64 = talent_tracker::schema::person::table
            .select(talent_tracker::schema::person::id)
            .first::<talent_tracker::domain::PersonId>(&mut app.conn()?)?
            .get();
        let page = app.post(
            &format!("/pipeline/{id}/move"),
            &[("version", "1"), ("stage", "hired")],
        );
        assert_eq!(page.status, Status::Forbidden, "{role:?}");
    }
    Ok(())
}

#[test]
fn a_crowded_column_shows_its_first_cards_and_links_to_the_rest() -> anyhow::Result<()> {
    let app = TestApp::logged_in(false, Role::Recruiter)?;
    diesel::sql_query(
        "INSERT INTO person (full_name, stage) SELECT 'Candidate ' || n, 'sourced' \
         FROM generate_series(1, 30) n",
    )
    .execute(&mut app.conn()?)?;
    let board = app.get("/pipeline");
    assert_eq!(
        board.texts(".board-column:first-of-type .board-card").len(),
        20
    );
    let more = board.attrs(".board-column:first-of-type a.more", "href");
    assert_eq!(
        board.texts(".board-column:first-of-type a.more"),
        ["and 10 more in the people list"]
    );
    let list = app.get(&more[0]);
    assert_eq!(list.texts("p.count"), ["30 people"]);
    Ok(())
}
