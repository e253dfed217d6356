//! Imports that lose nothing: a column a file leaves out keeps its stored value, the preview
//! shows what each update changes, and ids in files leave the id sequences room.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::schema::{company, person};

use crate::common::TestApp;

type Kept = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<chrono::NaiveDate>,
    bool,
);

fn stored(app: &TestApp, id: i64) -> anyhow::Result<Kept> {
    Ok(person::table
        .find(id)
        .select((
            person::full_name,
            person::stage,
            person::title,
            person::notes,
            person::job_family,
            person::zone,
            person::offer_on,
            person::origin_company_id.is_not_null(),
        ))
        .first(&mut app.conn()?)?)
}

fn ada(app: &TestApp) -> i64 {
    app.create_company("Meta");
    app.create_company("Scale AI");
    app.create_person(&[
        ("full_name", "Ada Lovelace"),
        ("stage", "contacted"),
        ("title", "Chief Scientist"),
        ("notes", "met at NeurIPS"),
        ("origin_company", "Scale AI"),
        ("hiring_company", "Meta"),
        ("job_family", "Research"),
        ("level", "L7"),
        ("zone", "US"),
        ("offer_on", "2026-07-01"),
    ])
}

#[test]
fn a_file_of_ids_names_and_stages_moves_the_stage_and_keeps_every_other_column()
-> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = ada(&app);
    let file = format!("id,full_name,stage\n{id},ADA LOVELACE,offer\n");

    let preview = app.upload("stages.csv", file.as_bytes());

    assert_eq!(preview.status, Status::Ok, "{}", preview.body);
    let changes = preview.texts("ul.changes li");
    assert_eq!(
        changes,
        vec![
            "full_name: Ada Lovelace → ADA LOVELACE",
            "stage: contacted → offer",
        ],
        "{}",
        preview.body
    );
    let confirm = preview.attrs("form[action$='/confirm']", "action");
    app.post_and_follow(&confirm[0], &[]);
    let (name, stage, title, notes, family, zone, offer_on, origin) = stored(&app, id)?;
    assert_eq!((name.as_str(), stage.as_str()), ("ADA LOVELACE", "offer"));
    assert_eq!(title.as_deref(), Some("Chief Scientist"));
    assert_eq!(notes.as_deref(), Some("met at NeurIPS"));
    assert_eq!(family.as_deref(), Some("Research"));
    assert_eq!(zone.as_deref(), Some("US"));
    assert_eq!(offer_on, chrono::NaiveDate::from_ymd_opt(2026, 7, 1));
    assert!(origin, "the origin company stays");
    Ok(())
}

#[test]
fn a_file_without_ids_matches_by_name_and_origin_and_keeps_the_columns_it_lacks()
-> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = ada(&app);
    app.import(
        "moves.csv",
        b"full_name,origin_company,stage\nAda Lovelace,Scale AI,hired\n",
    );
    let (_, stage, title, notes, family, _, offer_on, _) = stored(&app, id)?;
    assert_eq!(stage, "hired");
    assert_eq!(title.as_deref(), Some("Chief Scientist"));
    assert_eq!(notes.as_deref(), Some("met at NeurIPS"));
    assert_eq!(family.as_deref(), Some("Research"));
    assert!(offer_on.is_some());
    // Without the origin column, the name alone matches: still one Ada, still at Scale AI.
    app.import("names.csv", b"full_name,stage\nAda Lovelace,offer\n");
    let adas: i64 = person::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(adas, 1);
    assert_eq!(stored(&app, id)?.1, "offer");
    Ok(())
}

#[test]
fn an_empty_cell_in_a_column_the_file_has_clears_that_field() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = ada(&app);
    let file = format!("id,full_name,stage,notes\n{id},Ada Lovelace,contacted,\n");
    let preview = app.upload("clear.csv", file.as_bytes());
    assert_eq!(
        preview.texts("ul.changes li"),
        vec!["notes: met at NeurIPS → (empty)"]
    );
    let confirm = preview.attrs("form[action$='/confirm']", "action");
    app.post_and_follow(&confirm[0], &[]);
    let (_, _, title, notes, ..) = stored(&app, id)?;
    assert_eq!((title.as_deref(), notes), (Some("Chief Scientist"), None));
    Ok(())
}

#[test]
fn a_partial_file_whose_dates_break_the_order_with_stored_ones_is_refused_beside_the_row()
-> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = ada(&app);
    // The stored offer is on 1 July; a decision before it is out of order.
    let file = format!("id,full_name,stage,decided_on\n{id},Ada Lovelace,hired,2026-06-01\n");
    let preview = app.upload("dates.csv", file.as_bytes());
    assert_eq!(preview.status, Status::UnprocessableEntity);
    assert!(preview.contains("decided_on"), "{}", preview.body);
    Ok(())
}

#[test]
fn a_companies_file_of_names_and_kinds_keeps_websites_and_notes() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let posted = app.post(
        "/companies",
        &[
            ("name", "Meta"),
            ("kind", "ai_lab"),
            ("website", "https://meta.com"),
            ("notes", "Superintelligence lab"),
        ],
    );
    assert_eq!(posted.status, Status::SeeOther, "{}", posted.body);
    app.import("kinds.csv", b"name,kind\nMeta,other\n");
    let (kind, website, notes): (String, Option<String>, Option<String>) = company::table
        .select((company::kind, company::website, company::notes))
        .first(&mut app.conn()?)?;
    assert_eq!(kind, "other");
    assert_eq!(website.as_deref(), Some("https://meta.com"));
    assert_eq!(notes.as_deref(), Some("Superintelligence lab"));
    Ok(())
}

#[test]
fn an_id_past_the_range_files_may_give_is_refused_and_creating_still_works() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    for id in [
        "9223372036854775807",
        "9007199254740992",
        "99999999999999999999",
    ] {
        let file = format!("id,full_name,stage\n{id},Max Id,sourced\n");
        let preview = app.upload("max.csv", file.as_bytes());
        assert_eq!(preview.status, Status::UnprocessableEntity, "{id}");
        assert!(preview.contains("too large"), "{id}: {}", preview.body);
    }
    // The largest id a file may give still leaves the sequence room for new people.
    app.import(
        "largest.csv",
        b"id,full_name,stage\n9007199254740991,Largest Id,sourced\n",
    );
    let next = app.create_person(&[("full_name", "Next Person"), ("stage", "sourced")]);
    assert!(next > 9_007_199_254_740_991);
    let companies = app.upload(
        "companies.csv",
        b"id,name,kind\n9223372036854775807,Max Co,other\n",
    );
    assert_eq!(companies.status, Status::UnprocessableEntity);
    // Nor can any other path store an id the sequence could not go past.
    let direct = diesel::sql_query(
        "INSERT INTO company (id, name, name_key, kind) OVERRIDING SYSTEM VALUE
         VALUES (9223372036854775807, 'Direct', 'direct', 'other')",
    )
    .execute(&mut app.conn()?);
    assert!(direct.is_err());
    Ok(())
}

#[test]
fn a_bands_file_without_totals_keeps_a_stored_versions_totals() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.import(
        "bands.csv",
        b"job_family,level,currency,base_min,base_mid,base_max,total_min,total_mid,total_max,effective_on\n\
          Research,L7,USD,100,200,300,400,500,600,2026-01-01\n",
    );
    let preview = app.upload(
        "base.csv",
        b"job_family,level,currency,base_min,base_mid,base_max,effective_on\n\
          Research,L7,USD,150,200,300,2026-01-01\n",
    );
    assert_eq!(
        preview.texts("ul.changes li"),
        vec!["base_min: 100.00 → 150.00"],
        "{}",
        preview.body
    );
    let confirm = preview.attrs("form[action$='/confirm']", "action");
    app.post_and_follow(&confirm[0], &[]);
    let totals: Option<bigdecimal::BigDecimal> = talent_tracker::schema::pay_band::table
        .select(talent_tracker::schema::pay_band::total_mid)
        .first(&mut app.conn()?)?;
    assert_eq!(totals.map(|t| t.to_string()).as_deref(), Some("500.00"));
    Ok(())
}

#[test]
fn an_imported_pay_report_too_large_at_its_rate_is_refused_with_the_reason() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let rate = app.post(
        "/exchange-rates",
        &[
            ("currency", "IDR"),
            ("rate_on", "2025-01-01"),
            ("rate", "1000"),
        ],
    );
    assert_eq!(rate.status, Status::SeeOther, "{}", rate.body);
    let file = "full_name,stage,kind,currency,amount_low,amount_high,period,as_of,confidence\n\
                Ada Lovelace,offer,reported,IDR,999999999999,999999999999,annual,2025-06-30,reported\n";
    let preview = app.upload("large.csv", file.as_bytes());
    let confirm = preview.attrs("form[action$='/confirm']", "action");
    assert_eq!(confirm.len(), 1, "{}", preview.body);

    let confirmed = app.post(&confirm[0], &[]);

    assert_eq!(
        confirmed.status,
        Status::UnprocessableEntity,
        "{}",
        confirmed.body
    );
    assert!(
        confirmed.contains("more than reports can hold"),
        "{}",
        confirmed.body
    );
    let people: i64 = person::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(people, 0, "nothing of the file is saved");
    Ok(())
}
