//! People files: previewed with rows for new people, for stored people by id (renamed) and by
//! their current name, then confirmed; a confirmed row must be in exactly one person.

use diesel::prelude::*;
use proptest::sample::Index;
use rocket::http::Status;
use talent_tracker::schema::person;

use super::model::{Model, Preview, SentRow, Target, as_name};
use super::steps::{PERSONAL, answered, holders, people};
use super::{Pick, Row};
use crate::common::TestApp;

pub fn upload(
    app: &TestApp,
    db: &mut PgConnection,
    model: &mut Model,
    rows: &[Row],
    named_after: Option<&Index>,
    said: &mut String,
) -> anyhow::Result<()> {
    let mut stored = model.by_touch(people(db)?);
    let mut sent = Vec::new();
    for row in rows {
        // A person named twice in one file is an error of the file: each row names another.
        stored.retain(|id| {
            !sent
                .iter()
                .any(|r: &SentRow| r.target.person() == Some(*id))
        });
        let (target, name) = match row {
            Row::New => (Target::New, as_name(&model.marker(None, "name"))),
            Row::ById(pick) => {
                let Some(&id) = pick.of(&stored) else {
                    continue;
                };
                (Target::Id(id), as_name(&model.marker(Some(id), "name")))
            }
            Row::ByName {
                person: pick,
                shout,
            } => {
                let Some(&id) = pick.of(&stored) else {
                    continue;
                };
                let name: String = person::table.find(id).select(person::full_name).first(db)?;
                let name = if *shout { name.to_uppercase() } else { name };
                (Target::Name(id), name)
            }
        };
        let owner = target.person();
        let fresh = PERSONAL
            .iter()
            .map(|field| (*field, model.marker(owner, field)))
            .collect();
        sent.push(SentRow {
            target,
            name,
            fresh,
        });
    }
    // People name files after whom they are about.
    let file_name = match named_after {
        Some(pick) if !sent.is_empty() => format!("{}.csv", pick.get(&sent).name),
        _ => "people.csv".to_owned(),
    };
    let rows: Vec<_> = sent.iter().map(|r| (r.target, &r.name)).collect();
    *said = format!("upload {file_name} with rows {rows:?}");
    let preview = answered(
        app.upload(&file_name, people_file(&sent).as_bytes()),
        "POST /import",
    )?;
    let confirm = preview.attrs("form[action$='/confirm']", "action").pop();
    let batch = confirm
        .as_deref()
        .and_then(|action| action.split('/').nth(2)?.parse().ok());
    match (batch, confirm) {
        (Some(batch), Some(confirm)) => {
            said.push_str(&format!(" → preview of batch {batch}"));
            for id in sent.iter().filter_map(|row| row.target.person()) {
                model.touch(id);
            }
            model.previews.push(Preview {
                batch,
                confirm,
                rows: sent,
            });
        }
        _ => said.push_str(&format!(" → {}, nothing to confirm", preview.status)),
    }
    Ok(())
}

fn people_file(rows: &[SentRow]) -> String {
    let mut file = String::from("id,full_name,stage,title,expertise,team,location,notes\n");
    for row in rows {
        let id = match row.target {
            Target::Id(id) => id.to_string(),
            Target::New | Target::Name(_) => String::new(),
        };
        let personal: Vec<&str> = row.fresh.iter().map(|(_, value)| value.as_str()).collect();
        file.push_str(&format!(
            "{id},{},contacted,{}\n",
            row.name,
            personal.join(",")
        ));
    }
    file
}

pub fn confirm(
    app: &TestApp,
    db: &mut PgConnection,
    model: &mut Model,
    pick: Pick,
    said: &mut String,
) -> anyhow::Result<()> {
    let Some(preview) = pick.of(&model.previews).cloned() else {
        *said = "confirm: no preview shown yet".to_owned();
        return Ok(());
    };
    let before = people(db)?;
    *said = format!("confirm batch {}", preview.batch);
    let request = format!("POST {}", preview.confirm);
    let confirmed = answered(app.post(&preview.confirm, &[]), &request)?;
    said.push_str(&format!(" → {}", confirmed.status));
    if confirmed.status != Status::SeeOther {
        return Ok(());
    }
    for row in &preview.rows {
        stored_row(db, model, &preview, row, &before)?;
    }
    Ok(())
}

/// Checks a confirmed row is in exactly one person, and gives its markers to that person.
fn stored_row(
    db: &mut PgConnection,
    model: &mut Model,
    preview: &Preview,
    row: &SentRow,
    before: &[i64],
) -> anyhow::Result<()> {
    let batch = preview.batch;
    let stored = holders(db, "person", "title", row.title())?;
    let [holder] = stored[..] else {
        anyhow::bail!(
            "batch {batch} was confirmed: the row of {} is in the people {stored:?}",
            row.name
        );
    };
    let name_owner = match row.target {
        Target::New => {
            let named = holders(db, "person", "full_name", &row.name)?;
            anyhow::ensure!(
                named == [holder],
                "batch {batch} was confirmed: the people named {} are {named:?}",
                row.name
            );
            Some(Some(holder))
        }
        Target::Id(id) => {
            anyhow::ensure!(
                holder == id,
                "batch {batch} was confirmed: its row for person {id} went to person {holder}"
            );
            // Made anew under the id of someone merged away or reverted since the preview.
            if !before.contains(&id) {
                model.disown(id);
            }
            Some(Some(id))
        }
        // Renamed since the preview: the row made someone new under the earlier name, which
        // is no one's alone any more.
        Target::Name(id) if holder != id => Some(None),
        // The person's current name: whoever's it was, it still is.
        Target::Name(_) => None,
    };
    if let Some(owner) = name_owner {
        model.own(&row.name, owner);
    }
    for (_, value) in &row.fresh {
        model.own(value, Some(holder));
    }
    model.touch(holder);
    model.once.push(("person", "title", row.title().to_owned()));
    Ok(())
}
