//! The events that are made by triggers on merges and import batches: whichever way in makes
//! them, the receiver hears of them once.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::schema::{import_batch, person_merge};

use super::receiver::Receiver;
use super::{hooked_app, register, settled};
use crate::merges::{merge, merge_page, pair};

#[test]
fn merges_their_undo_and_imports_and_their_revert_are_announced() -> anyhow::Result<()> {
    let Some(receiver) = Receiver::start()? else {
        return Ok(());
    };
    let app = hooked_app(true)?;
    let events = [
        "person.merged",
        "person.unmerged",
        "import.confirmed",
        "import.reverted",
    ];
    let (_, secret) = register(&app, &receiver.url("/hook/flow"), &events, false)?;
    receiver.endpoint("flow", &secret)?;

    // Imports one person, then merges the two.
    let pair = pair(&app)?;
    let merged = merge(&app, &merge_page(&app, &pair), &[]);
    assert_eq!(merged.status, Status::SeeOther, "{}", merged.body);
    let merge_id: i64 = person_merge::table
        .select(person_merge::id)
        .first(&mut app.conn()?)?;
    let undone = app.post(&format!("/people/merges/{merge_id}/undo"), &[]);
    assert_eq!(undone.status, Status::SeeOther, "{}", undone.body);
    app.import("companies.csv", b"name,kind\nReverted Co,other\n");
    let batch: i64 = import_batch::table
        .order(import_batch::id.desc())
        .select(import_batch::id)
        .first(&mut app.conn()?)?;
    app.post_and_follow(&format!("/import/batches/{batch}/revert"), &[]);

    let rows = settled(&app)?;
    assert_eq!(rows.len(), 5, "{rows:?}");
    let got = receiver.wait_for("flow", 5)?;
    assert!(got.iter().all(|d| d.verified), "{got:?}");
    let mut kinds: Vec<&str> = got.iter().map(|d| d.event()).collect();
    kinds.sort_unstable();
    assert_eq!(
        kinds,
        [
            "import.confirmed",
            "import.confirmed",
            "import.reverted",
            "person.merged",
            "person.unmerged",
        ]
    );
    let reverted = got.iter().find(|d| d.event() == "import.reverted");
    let data = reverted.map(|d| d.data()).unwrap_or_default();
    assert_eq!(
        (data["batch_id"].as_i64(), data["created"].as_i64()),
        (Some(batch), Some(1))
    );
    let merged = got.iter().find(|d| d.event() == "person.merged");
    let data = merged.map(|d| d.data()).unwrap_or_default();
    assert_eq!(
        (data["survivor_id"].as_i64(), data["removed_id"].as_i64()),
        (Some(pair.left), Some(pair.right))
    );
    Ok(())
}

#[test]
fn a_person_imported_as_hired_is_announced_as_created_and_hired() -> anyhow::Result<()> {
    let Some(receiver) = Receiver::start()? else {
        return Ok(());
    };
    let app = hooked_app(true)?;
    let events = ["person.created", "person.stage_changed", "person.hired"];
    let (_, secret) = register(&app, &receiver.url("/hook/people"), &events, false)?;
    receiver.endpoint("people", &secret)?;
    app.import("people.csv", b"full_name,stage\nAda Imported,hired\n");

    let rows = settled(&app)?;
    assert_eq!(rows.len(), 2, "{rows:?}");
    let got = receiver.wait_for("people", 2)?;
    let mut kinds: Vec<&str> = got.iter().map(|d| d.event()).collect();
    kinds.sort_unstable();
    // Its first stage is no change of stage.
    assert_eq!(kinds, ["person.created", "person.hired"]);
    let hired = got.iter().find(|d| d.event() == "person.hired");
    let data = hired.map(|d| d.data()).unwrap_or_default();
    assert_eq!(
        (data["from_stage"].is_null(), data["to_stage"].as_str()),
        (true, Some("hired"))
    );
    Ok(())
}
