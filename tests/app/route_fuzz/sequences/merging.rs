//! Merges through their page, with the survivor and some fields chosen, and their undo; a
//! merge acknowledged is stored once and its merged-away record is gone, an undo brings it back.

use diesel::prelude::*;
use proptest::sample::Index;
use rocket::http::Status;
use talent_tracker::schema::{person, person_merge};

use super::Pick;
use super::model::Model;
use super::steps::{answered, people};
use crate::common::TestApp;

pub fn merge(
    app: &TestApp,
    db: &mut PgConnection,
    model: &mut Model,
    [left, right]: [Pick; 2],
    survivor_right: bool,
    take_right: &[Index],
    said: &mut String,
) -> anyhow::Result<()> {
    let mut stored = model.by_touch(people(db)?);
    let Some(&left) = left.of(&stored) else {
        *said = "merge: nobody yet".to_owned();
        return Ok(());
    };
    stored.retain(|id| *id != left);
    let Some(&right) = right.of(&stored) else {
        *said = "merge: one person only".to_owned();
        return Ok(());
    };
    let uri = format!("/people/merge?left={left}&right={right}");
    *said = format!("merge people {left} (left) and {right} (right)");
    let page = answered(app.get(&uri), &format!("GET {uri}"))?;
    if page.status != Status::Ok {
        said.push_str(&format!(": the merge page → {}", page.status));
        return Ok(());
    }
    // Each differing field and the side the page offers to take it from.
    let offered: Vec<(String, String)> = page
        .attrs("input[type=radio][checked]", "name")
        .into_iter()
        .zip(page.attrs("input[type=radio][checked]", "value"))
        .filter_map(|(name, side)| {
            Some((
                name.strip_prefix("take[")?.strip_suffix(']')?.to_owned(),
                side,
            ))
        })
        .collect();
    let (kept, other) = if survivor_right {
        ("right", "left")
    } else {
        ("left", "right")
    };
    let mut choices = vec![("survivor", kept)];
    if !offered.is_empty() {
        choices.extend(
            take_right
                .iter()
                .map(|pick| (pick.get(&offered).0.as_str(), "right")),
        );
    }
    let taken: Vec<&str> = offered
        .iter()
        .filter(|(field, offered)| {
            let chosen = choices
                .iter()
                .find(|(f, _)| f == field)
                .map(|(_, side)| *side);
            chosen.unwrap_or(offered.as_str()) == other
        })
        .map(|(field, _)| field.as_str())
        .collect();
    said.push_str(&format!(
        " keeping the {kept} one, with {taken:?} from the {other}"
    ));
    let last: Option<i64> = person_merge::table
        .select(diesel::dsl::max(person_merge::id))
        .first(db)?;
    let merged = answered(
        crate::merges::merge(app, &page, &choices),
        "POST /people/merge",
    )?;
    said.push_str(&format!(" → {}", merged.status));
    if merged.status != Status::SeeOther {
        return Ok(());
    }
    let (survivor, removed) = if survivor_right {
        (right, left)
    } else {
        (left, right)
    };
    let added: Vec<(i64, i64)> = person_merge::table
        .filter(person_merge::id.gt(last.unwrap_or(0)))
        .select((person_merge::survivor_id, person_merge::removed_id))
        .load(db)?;
    model.touch(removed);
    model.touch(survivor);
    let left_over = people(db)?.contains(&removed);
    anyhow::ensure!(
        added == [(survivor, removed)] && !left_over,
        "person {removed} was merged into person {survivor}: the merges it stored (survivor, \
         merged away) are {added:?}, and the merged-away person is {}",
        if left_over { "still there" } else { "gone" }
    );
    Ok(())
}

pub fn undo(
    app: &TestApp,
    db: &mut PgConnection,
    model: &mut Model,
    pick: Pick,
    said: &mut String,
) -> anyhow::Result<()> {
    let merges: Vec<(i64, i64, i64)> = person_merge::table
        .select((
            person_merge::id,
            person_merge::survivor_id,
            person_merge::removed_id,
        ))
        .order(person_merge::id)
        .load(db)?;
    let Some(&(id, survivor, removed)) = pick.of(&merges) else {
        *said = "undo: no merge yet".to_owned();
        return Ok(());
    };
    let uri = format!("/people/merges/{id}/undo");
    let undone = answered(app.post(&uri, &[]), &format!("POST {uri}"))?;
    *said = format!("undo merge {id} (of person {removed}) → {}", undone.status);
    if undone.status == Status::SeeOther {
        model.touch(survivor);
        model.touch(removed);
        let back: i64 = person::table.find(removed).count().get_result(db)?;
        anyhow::ensure!(
            back == 1,
            "merge {id} was undone, yet person {removed} is not back"
        );
    }
    Ok(())
}
