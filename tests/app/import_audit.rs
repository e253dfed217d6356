//! An import's audit is one entry per batch; its records' history is read from its items, on
//! a person's page and on `/audit` alike, and so is its revert's.

use diesel::prelude::*;
use serde_json::Value;
use talent_tracker::schema::{audit_log, import_batch, import_item};

use crate::common::TestApp;

fn audit_count(app: &TestApp) -> anyhow::Result<i64> {
    Ok(audit_log::table.count().get_result(&mut app.conn()?)?)
}

fn latest_batch(app: &TestApp) -> anyhow::Result<i64> {
    Ok(import_batch::table
        .order(import_batch::id.desc())
        .select(import_batch::id)
        .first(&mut app.conn()?)?)
}

/// Ada at Meta, titled Engineer, saved through the form.
fn ada(app: &TestApp) -> i64 {
    app.create_company("Meta");
    app.create_person(&[
        ("full_name", "Ada Lovelace"),
        ("stage", "sourced"),
        ("origin_company", "Meta"),
        ("title", "Engineer"),
    ])
}

/// A people file with pay that moves Ada on and brings `new` people with a report each.
fn file(new: usize) -> String {
    let mut file = String::from(
        "full_name,origin_company,stage,title,kind,currency,amount_low,amount_high,period,as_of,confidence\n\
         Ada Lovelace,Meta,offer,Chief Scientist,,,,,,,\n",
    );
    for n in 0..new {
        file.push_str(&format!(
            "Imported Person {n},Meta,sourced,,reported,USD,{low},{low},annual,2025-01-01,reported\n",
            low = 100_000 + n
        ));
    }
    file
}

#[test]
fn an_import_writes_one_audit_entry_for_its_batch() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    ada(&app);
    let preview = app.upload("people.csv", file(40).as_bytes());
    let confirm = preview.attrs("form[action$='/confirm']", "action");
    let before = audit_count(&app)?;
    app.post_and_follow(&confirm[0], &[]);

    assert_eq!(audit_count(&app)? - before, 1, "one entry for 81 records");
    let batch = latest_batch(&app)?;
    let (table, id, action, after): (String, i64, String, Option<Value>) = audit_log::table
        .order(audit_log::id.desc())
        .select((
            audit_log::record_table,
            audit_log::record_id,
            audit_log::action,
            audit_log::after,
        ))
        .first(&mut app.conn()?)?;
    assert_eq!(
        (table.as_str(), id, action.as_str()),
        ("import_batch", batch, "import")
    );
    let after = after.unwrap_or_default();
    assert_eq!(after["created_count"], 80, "40 people and their 40 reports");
    assert_eq!(after["updated_count"], 1);
    // Every item keeps its record as the import left it, without the hidden fields.
    let afters: Vec<Option<Value>> = import_item::table
        .filter(import_item::batch_id.eq(batch))
        .select(import_item::after)
        .load(&mut app.conn()?)?;
    assert_eq!(afters.len(), 81);
    assert!(afters.iter().all(|a| {
        a.as_ref()
            .is_some_and(|a| a.get("id").is_some() && a.get("name_key").is_none())
    }));
    Ok(())
}

#[test]
fn a_persons_history_shows_the_imports_change_and_its_revert() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = ada(&app);
    app.import("people.csv", file(2).as_bytes());
    let batch = latest_batch(&app)?;

    let page = app.get(&format!("/people/{id}"));
    let history = page.texts("table.audit tbody td").join("\n");
    assert!(
        history.contains(&format!("admin@example.com by import {batch} changed")),
        "{history}"
    );
    assert!(history.contains("Engineer") && history.contains("Chief Scientist"));
    assert!(
        history.contains("Sourced") && history.contains("Offer"),
        "{history}"
    );

    app.post_and_follow(&format!("/import/batches/{batch}/revert"), &[]);
    let page = app.get(&format!("/people/{id}"));
    let rows = page.texts("table.audit tbody tr");
    assert!(
        rows[0].contains(&format!("reverted import {batch} on")),
        "the revert is the newest entry: {rows:?}"
    );
    assert!(
        rows[0].contains("from Chief Scientist to Engineer"),
        "{rows:?}"
    );
    assert_eq!(
        rows.len(),
        3,
        "created by the form, changed by the import, reverted"
    );
    Ok(())
}

#[test]
fn the_audit_page_finds_an_imports_records_by_actor_table_and_record() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = ada(&app);
    app.import("people.csv", file(3).as_bytes());
    let batch = latest_batch(&app)?;
    let changed = format!("by import {batch} changed");
    let created = format!("by import {batch} created");

    let people = app.get("/audit?record_table=person&actor=admin");
    let rows = people.texts("table.audit tbody tr");
    assert_eq!(rows.iter().filter(|r| r.contains(&created)).count(), 3);
    assert_eq!(rows.iter().filter(|r| r.contains(&changed)).count(), 1);
    let reports = app.get("/audit?record_table=pay_report");
    assert_eq!(
        reports
            .texts("table.audit tbody tr")
            .iter()
            .filter(|r| r.contains(&created))
            .count(),
        3
    );
    let one = app.get(&format!("/audit?record_table=person&record_id={id}"));
    assert!(
        one.texts("table.audit tbody tr")
            .iter()
            .any(|r| r.contains(&changed))
    );
    let nobody = app.get("/audit?record_table=person&actor=nobody");
    assert!(nobody.texts("table.audit tbody tr").is_empty());
    let batch_entry = app.get(&format!(
        "/audit?record_table=import_batch&record_id={batch}"
    ));
    assert!(
        batch_entry
            .texts("table.audit tbody tr")
            .iter()
            .any(|r| r.contains(&format!("applied import batch {batch}"))),
    );

    app.post_and_follow(&format!("/import/batches/{batch}/revert"), &[]);
    let reverted = app.get("/audit?record_table=person&actor=admin");
    let reverted_rows = reverted.texts("table.audit tbody tr");
    let on = format!("reverted import {batch} on");
    assert_eq!(reverted_rows.iter().filter(|r| r.contains(&on)).count(), 4);
    Ok(())
}

#[test]
fn an_erased_persons_values_are_in_no_items_after() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = ada(&app);
    let file = "full_name,origin_company,stage,title,notes,kind,currency,amount_low,amount_high,period,as_of,confidence,source_name\n\
                Ada Lovelace,Meta,offer,Secret Title,met at a private dinner,reported,USD,1,2,annual,2025-01-01,reported,Private Source\n";
    app.import("people.csv", file.as_bytes());

    app.post_and_follow(&format!("/people/{id}/erase"), &[]);
    let kept: Vec<(Option<Value>, Option<Value>)> = import_item::table
        .select((import_item::before, import_item::after))
        .load(&mut app.conn()?)?;
    let kept = format!("{kept:?}");
    let page = app.get(&format!("/people/{id}"));
    for secret in [
        "Ada Lovelace",
        "Secret Title",
        "private dinner",
        "Private Source",
    ] {
        assert!(!kept.contains(secret), "an item holds {secret:?}: {kept}");
        assert!(!page.contains(secret), "the page shows {secret:?}");
    }
    assert!(kept.contains("offer"), "the stage is no personal data");
    Ok(())
}

#[test]
fn a_bands_import_lists_only_the_fields_it_changed() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.post(
        "/pay-bands",
        &crate::pay_bands::band("Engineer", "L5", "", "2024-01-01"),
    );
    let file = "job_family,level,zone,currency,base_min,base_mid,base_max,total_min,total_mid,total_max,effective_on\n\
                Engineer,L5,,EUR,200000.00,250000.00,310000.00,,,,2024-01-01\n";
    app.import("bands.csv", file.as_bytes());
    let batch = latest_batch(&app)?;

    let page = app.get("/audit?record_table=pay_band");
    let rows = page.texts("table.audit tbody tr");
    let changed: Vec<&String> = rows
        .iter()
        .filter(|r| r.contains(&format!("by import {batch} changed")))
        .collect();
    assert_eq!(changed.len(), 1, "{rows:?}");
    // A lone change is said as "the base max of the band from … to …".
    assert!(
        changed[0].contains("changed the base max of the Engineer L5 pay band")
            && changed[0].contains("300,000.00 to")
            && changed[0].ends_with("310,000.00"),
        "one change, none other: {changed:?}"
    );
    Ok(())
}

/// The unfiltered audit lists a batch as its one entry, linked to the batch, not its records
/// one by one (they are in their records' histories and found by naming a table or record).
#[test]
fn the_unfiltered_audit_lists_a_batch_as_one_entry() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    ada(&app);
    let preview = app.upload("people.csv", file(30).as_bytes());
    let confirm = preview.attrs("form[action$='/confirm']", "action");
    app.post_and_follow(&confirm[0], &[]);
    let batch = latest_batch(&app)?;
    for path in ["/audit", "/audit?actor=admin"] {
        let page = app.get(path);
        let text = page.texts("main").concat();
        assert!(!text.contains("by import"), "{path}: {text}");
        assert!(
            !page
                .attrs(&format!("a[href='/import/batches/{batch}']"), "href")
                .is_empty(),
            "{path} links the batch: {text}"
        );
    }
    let people = app.get("/audit?record_table=person").texts("main").concat();
    assert!(
        people.contains(&format!("by import {batch} created")),
        "{people}"
    );
    Ok(())
}
