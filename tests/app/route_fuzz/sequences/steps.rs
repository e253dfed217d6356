//! Each step through HTTP, as the app's forms send it, said in words. What the app
//! acknowledged with a redirect is checked to be stored, once, before the model learns it.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use proptest::sample::Index;
use rocket::http::Status;
use talent_tracker::domain::Role;
use talent_tracker::models::User;
use talent_tracker::schema::{import_batch, person};

use super::files::{confirm, upload};
use super::merging::{merge, undo};
use super::model::{Model, as_name};
use super::{Op, Pick};
use crate::common::{Page, TestApp, id_from};

/// The personal fields a person form and a people file take besides the name.
pub const PERSONAL: [&str; 5] = ["title", "expertise", "team", "location", "notes"];

const ROLES: [Role; 4] = [Role::Admin, Role::Recruiter, Role::Analyst, Role::Viewer];

pub fn apply(
    app: &TestApp,
    db: &mut PgConnection,
    model: &mut Model,
    op: &Op,
    step: usize,
    said: &mut String,
) -> anyhow::Result<()> {
    match op {
        Op::Create => create(app, db, model, said),
        Op::Upload { rows, named_after } => {
            upload(app, db, model, rows, named_after.as_ref(), said)
        }
        Op::Confirm(pick) => confirm(app, db, model, *pick, said),
        Op::Merge {
            left,
            right,
            survivor_right,
            take_right,
        } => merge(
            app,
            db,
            model,
            [*left, *right],
            *survivor_right,
            take_right,
            said,
        ),
        Op::Undo(pick) => undo(app, db, model, *pick, said),
        Op::Erase(pick) => erase(app, db, model, *pick, step, said),
        Op::Revert(pick) => revert(app, db, *pick, said),
        Op::Role { user, role } => change_role(app, db, model, [user, role], said),
    }
}

/// Fails on a 5xx, with the request and the start of the answer.
pub fn answered(page: Page, request: &str) -> anyhow::Result<Page> {
    let body: String = page.body.chars().take(600).collect();
    anyhow::ensure!(
        page.status.code < 500,
        "{request} answered {}:\n{body}",
        page.status
    );
    Ok(page)
}

/// The people whose `column` is `value` (for pay reports: the people they belong to).
pub fn holders(
    db: &mut PgConnection,
    table: &str,
    column: &str,
    value: &str,
) -> anyhow::Result<Vec<i64>> {
    #[derive(QueryableByName)]
    struct Holder {
        #[diesel(sql_type = BigInt)]
        id: i64,
    }
    let key = if table == "pay_report" {
        "person_id"
    } else {
        "id"
    };
    let sql = format!("SELECT {key} AS id FROM {table} WHERE {column} = $1 ORDER BY 1");
    let found: Vec<Holder> = diesel::sql_query(sql).bind::<Text, _>(value).load(db)?;
    Ok(found.into_iter().map(|h| h.id).collect())
}

pub fn people(db: &mut PgConnection) -> anyhow::Result<Vec<i64>> {
    let ids = person::table.select(person::id).order(person::id);
    Ok(ids.load(db)?)
}

fn create(
    app: &TestApp,
    db: &mut PgConnection,
    model: &mut Model,
    said: &mut String,
) -> anyhow::Result<()> {
    let name = as_name(&model.marker(None, "name"));
    let personal: Vec<(&str, String)> = PERSONAL
        .iter()
        .map(|field| (*field, model.marker(None, field)))
        .collect();
    *said = format!("create {name}");
    let mut fields = vec![("full_name", name.as_str()), ("stage", "sourced")];
    fields.extend(
        personal
            .iter()
            .map(|(field, value)| (*field, value.as_str())),
    );
    let created = answered(app.post("/people", &fields), "POST /people")?;
    if created.status != Status::SeeOther {
        said.push_str(&format!(" → {}, not saved", created.status));
        return Ok(());
    }
    let id = id_from(&created);
    model.touch(id);
    said.push_str(&format!(" → person {id}"));
    let stored = holders(db, "person", "full_name", &name)?;
    anyhow::ensure!(
        stored == [id],
        "{name} was created as person {id}; the people so named: {stored:?}"
    );
    model.own(&name, Some(id));
    for (_, value) in &personal {
        model.own(value, Some(id));
    }
    // Titles are fresh in every write; names are not (a revert gives an earlier one back).
    model.once.push(("person", "title", personal[0].1.clone()));
    add_pay(app, db, model, id, said)?;
    add_note(app, model, id, said)
}

/// A note with a marker: it moves with merges and goes with an erasure like the rest.
fn add_note(app: &TestApp, model: &mut Model, id: i64, said: &mut String) -> anyhow::Result<()> {
    let body = model.marker(Some(id), "note");
    let uri = format!("/people/{id}/notes");
    let added = answered(app.post(&uri, &[("body", &body)]), &format!("POST {uri}"))?;
    said.push_str(&format!(", a note → {}", added.status));
    Ok(())
}

/// A pay report with a marked source name, address and notes.
fn add_pay(
    app: &TestApp,
    db: &mut PgConnection,
    model: &mut Model,
    id: i64,
    said: &mut String,
) -> anyhow::Result<()> {
    let source = model.marker(Some(id), "pay report's source");
    let address = model.marker(Some(id), "pay report's address");
    let url = format!("https://example.com/{address}");
    let notes = model.marker(Some(id), "pay report's notes");
    let fields = [
        ("kind", "reported"),
        ("confidence", "reported"),
        ("currency", "USD"),
        ("amount_low", "200000"),
        ("amount_high", "250000"),
        ("period", "annual"),
        ("as_of", "2025-06-30"),
        ("source_name", source.as_str()),
        ("source_url", url.as_str()),
        ("notes", notes.as_str()),
    ];
    let uri = format!("/people/{id}/pay");
    let added = answered(app.post(&uri, &fields), &format!("POST {uri}"))?;
    said.push_str(&format!(", a pay report → {}", added.status));
    if added.status == Status::SeeOther {
        let stored = holders(db, "pay_report", "source_name", &source)?;
        anyhow::ensure!(
            stored == [id],
            "a pay report was added to person {id}; the reports from {source} belong to {stored:?}"
        );
        model.once.push(("pay_report", "source_name", source));
    }
    Ok(())
}

fn erase(
    app: &TestApp,
    db: &mut PgConnection,
    model: &mut Model,
    pick: Pick,
    step: usize,
    said: &mut String,
) -> anyhow::Result<()> {
    let stored = model.by_touch(people(db)?);
    let Some(&id) = pick.of(&stored) else {
        *said = "erase: nobody yet".to_owned();
        return Ok(());
    };
    model.touch(id);
    let uri = format!("/people/{id}/erase");
    let erased = answered(app.post(&uri, &[]), &format!("POST {uri}"))?;
    *said = format!("erase person {id} → {}", erased.status);
    if erased.status == Status::SeeOther {
        let name: String = person::table.find(id).select(person::full_name).first(db)?;
        anyhow::ensure!(
            name == format!("Erased person {id}"),
            "person {id} was erased, yet is called {name}"
        );
        model.erased(db, id, step)?;
    }
    Ok(())
}

fn revert(
    app: &TestApp,
    db: &mut PgConnection,
    pick: Pick,
    said: &mut String,
) -> anyhow::Result<()> {
    let batches: Vec<i64> = import_batch::table
        .select(import_batch::id)
        .order(import_batch::id)
        .load(db)?;
    let Some(&id) = pick.of(&batches) else {
        *said = "revert: no import yet".to_owned();
        return Ok(());
    };
    let uri = format!("/import/batches/{id}/revert");
    let reverted = answered(app.post(&uri, &[]), &format!("POST {uri}"))?;
    *said = format!("revert batch {id} → {}", reverted.status);
    if reverted.status == Status::SeeOther {
        let marked: bool = import_batch::table
            .find(id)
            .select(import_batch::reverted_at.is_not_null())
            .first(db)?;
        anyhow::ensure!(marked, "batch {id} was reverted, yet not marked so");
    }
    Ok(())
}

fn change_role(
    app: &TestApp,
    db: &mut PgConnection,
    model: &Model,
    [user, role]: [&Index; 2],
    said: &mut String,
) -> anyhow::Result<()> {
    let (id, email) = user.get(&model.users);
    let role = *role.get(&ROLES);
    let uri = format!("/users/{id}/role");
    let changed = answered(
        app.post(&uri, &[("role", role.as_str())]),
        &format!("POST {uri}"),
    )?;
    *said = format!("make {email} {} → {}", role.as_str(), changed.status);
    if changed.status == Status::SeeOther {
        let stored = User::find_by_email(db, email)?.map(|u| u.role);
        anyhow::ensure!(
            stored == Some(role),
            "{email} was made {}, yet is {stored:?}",
            role.as_str()
        );
    }
    Ok(())
}
