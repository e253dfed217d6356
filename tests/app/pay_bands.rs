use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::Role;
use talent_tracker::schema::pay_band;

use crate::common::{TestApp, id_from};

fn band_count(app: &TestApp) -> anyhow::Result<i64> {
    Ok(pay_band::table.count().get_result(&mut app.conn()?)?)
}

/// A band's form fields: base EUR 200,000 / 250,000 / 300,000 unless changed.
pub fn band<'a>(
    family: &'a str,
    level: &'a str,
    zone: &'a str,
    effective_on: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("job_family", family),
        ("level", level),
        ("zone", zone),
        ("currency", "EUR"),
        ("base_min", "200000"),
        ("base_mid", "250000"),
        ("base_max", "300000"),
        ("effective_on", effective_on),
    ]
}

pub fn with<'a>(
    mut fields: Vec<(&'a str, &'a str)>,
    changes: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    for (name, value) in changes {
        match fields.iter_mut().find(|(n, _)| n == name) {
            Some(field) => field.1 = value,
            None => fields.push((name, value)),
        }
    }
    fields
}

#[test]
fn creating_a_band_shows_it_with_its_ranges() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let fields = with(
        band("Research Scientist", "L7", "eu", "2025-01-01"),
        &[
            ("total_min", "300000"),
            ("total_mid", "400000"),
            ("total_max", "500000.50"),
        ],
    );
    let page = app.post_and_follow("/pay-bands", &fields);
    assert_eq!(
        page.texts(".flash"),
        vec!["Saved the pay band Research Scientist L7 (EU)."]
    );
    assert_eq!(
        page.texts("#band-base"),
        vec!["EUR 200,000 / 250,000 / 300,000"]
    );
    assert_eq!(
        page.texts("#band-total"),
        vec!["EUR 300,000 / 400,000 / 500,000.50"]
    );
    Ok(())
}

#[test]
fn a_band_out_of_order_or_with_part_of_a_total_is_refused_beside_each_field() -> anyhow::Result<()>
{
    let app = TestApp::new()?;
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);
    let cases: [Case; 5] = [
        (
            &[("base_mid", "190000")],
            "base_mid",
            "The midpoint cannot be below the minimum.",
        ),
        (
            &[("base_max", "240000")],
            "base_max",
            "The maximum cannot be below the midpoint or the minimum.",
        ),
        (
            &[("total_min", "1"), ("total_max", "3")],
            "total_mid",
            "Give the minimum, midpoint and maximum together, or none of them.",
        ),
        (
            &[("base_min", "0"), ("base_mid", "0"), ("base_max", "0")],
            "base_mid",
            "The midpoint must be above zero.",
        ),
        (&[("zone", "E U")], "zone", "A zone is 2 to 10 letters"),
    ];
    for (changes, field, message) in cases {
        let fields = with(band("Research Scientist", "L7", "", "2025-01-01"), changes);
        let page = app.post("/pay-bands", &fields);
        assert_eq!(page.status, Status::UnprocessableEntity, "{changes:?}");
        assert!(
            page.field_errors(field).iter().any(|e| e.contains(message)),
            "{field}: {:?}",
            page.field_errors(field)
        );
        for (name, value) in changes {
            assert_eq!(page.field_value(name).as_deref(), Some(*value), "{name}");
        }
    }
    assert_eq!(band_count(&app)?, 0);
    Ok(())
}

#[test]
fn a_second_version_for_the_same_day_is_refused_and_later_ones_supersede() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.post(
        "/pay-bands",
        &band("Research Scientist", "L7", "EU", "2024-01-01"),
    );
    app.post(
        "/pay-bands",
        &with(
            band("Research Scientist", "L7", "EU", "2025-01-01"),
            &[("base_mid", "260000")],
        ),
    );
    app.post(
        "/pay-bands",
        &band("Research Scientist", "L7", "EU", "2099-01-01"),
    );
    let twice = app.post(
        "/pay-bands",
        &band("research scientist", "l7", "EU", "2025-01-01"),
    );
    assert_eq!(twice.status, Status::UnprocessableEntity);
    assert_eq!(
        twice.field_errors("effective_on"),
        vec!["This band has a version from 2025-01-01 already: edit that one."]
    );
    let list = app.get("/pay-bands?job_family=research+scientist&zone=eu");
    assert_eq!(
        list.texts("tbody td:nth-child(5)"),
        vec!["from 2099-01-01", "in force", "superseded"]
    );
    assert_eq!(band_count(&app)?, 3);
    Ok(())
}

#[test]
fn a_band_can_be_edited_and_a_stale_edit_is_refused() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = id_from(&app.post("/pay-bands", &band("Engineer", "L5", "US", "2025-01-01")));
    let form = app.get(&format!("/pay-bands/{id}/edit"));
    let version = form
        .attrs("input[name=version]", "value")
        .pop()
        .unwrap_or_default();
    let page = app.post_and_follow(
        &format!("/pay-bands/{id}/edit"),
        &with(
            band("Engineer", "L5", "US", "2025-01-01"),
            &[("base_max", "310000")],
        ),
    );
    assert_eq!(
        page.texts("#band-base"),
        vec!["EUR 200,000 / 250,000 / 310,000"]
    );
    let stale = app.post(
        &format!("/pay-bands/{id}/edit"),
        &with(
            band("Engineer", "L5", "US", "2025-01-01"),
            &[("version", version.as_str()), ("base_max", "320000")],
        ),
    );
    assert_eq!(stale.status, Status::Conflict);
    Ok(())
}

#[test]
fn deleting_a_band_is_refused_while_an_offer_is_checked_against_it() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let id = id_from(&app.post("/pay-bands", &band("Engineer", "L5", "", "2025-01-01")));
    let person = app.create_person(&[
        ("full_name", "Ada"),
        ("stage", "offer"),
        ("job_family", "engineer"),
        ("level", "L5"),
        ("zone", "US"),
    ]);
    app.post(
        &format!("/people/{person}/pay"),
        &[
            ("kind", "offered"),
            ("currency", "EUR"),
            ("amount_low", "250000"),
            ("amount_high", "250000"),
            ("period", "annual"),
            ("base", "250000"),
            ("as_of", "2025-06-01"),
            ("confidence", "confirmed"),
        ],
    );
    let refused = app.post(&format!("/pay-bands/{id}/delete"), &[]);
    assert_eq!(refused.status, Status::Conflict);
    assert!(refused.contains("1 offer is checked against it"));
    assert_eq!(band_count(&app)?, 1);
    app.post(&format!("/people/{person}/pay/1/delete"), &[]);
    let deleted = app.post(&format!("/pay-bands/{id}/delete"), &[]);
    assert_eq!(deleted.status, Status::SeeOther);
    assert_eq!(band_count(&app)?, 0);
    Ok(())
}

#[test]
fn only_compensation_and_admins_manage_bands_and_viewers_never_see_them() -> anyhow::Result<()> {
    let admin = TestApp::new()?;
    let id = id_from(&admin.post("/pay-bands", &band("Engineer", "L5", "", "2025-01-01")));
    for (role, reads, manages) in [
        (Role::Compensation, Status::Ok, true),
        (Role::Analyst, Status::Ok, false),
        (Role::Recruiter, Status::Ok, false),
        (Role::Viewer, Status::Forbidden, false),
    ] {
        admin.switch_to(role)?;
        for uri in ["/pay-bands", &format!("/pay-bands/{id}")] {
            let page = admin.get(uri);
            assert_eq!(page.status, reads, "{role:?} {uri}");
            assert!(!(role == Role::Viewer && page.contains("250,000")));
        }
        let csv = admin.client.get("/pay-bands.csv").dispatch();
        assert_eq!(csv.status(), reads, "{role:?} CSV");
        let created = admin.post("/pay-bands", &band("Engineer", "L6", "", "2025-01-01"));
        let expected = if manages {
            Status::SeeOther
        } else {
            Status::Forbidden
        };
        assert_eq!(created.status, expected, "{role:?} creates");
    }
    Ok(())
}

#[test]
fn bands_download_as_csv_with_the_form_columns() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.post(
        "/pay-bands",
        &with(
            band("Research Scientist", "L7", "EU", "2025-01-01"),
            &[("total_min", "1"), ("total_mid", "2"), ("total_max", "3")],
        ),
    );
    app.post("/pay-bands", &band("Engineer", "L5", "", "2024-01-01"));
    let csv = app.download("/pay-bands.csv");
    assert_eq!(
        csv.lines().collect::<Vec<_>>(),
        vec![
            "job_family,level,zone,currency,base_min,base_mid,base_max,total_min,total_mid,total_max,effective_on",
            "Engineer,L5,,EUR,200000.00,250000.00,300000.00,,,,2024-01-01",
            "Research Scientist,L7,EU,EUR,200000.00,250000.00,300000.00,1.00,2.00,3.00,2025-01-01",
        ]
    );
    Ok(())
}

#[test]
fn a_person_keeps_job_family_level_and_zone_and_the_list_filters_by_them() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let page = app.post(
        "/people",
        &[
            ("full_name", "Ada"),
            ("stage", "sourced"),
            ("job_family", "Research Scientist"),
            ("level", "L7"),
            ("zone", "EUROPE!"),
        ],
    );
    assert_eq!(page.status, Status::UnprocessableEntity);
    assert_eq!(
        page.field_value("job_family").as_deref(),
        Some("Research Scientist")
    );
    assert_eq!(
        page.field_errors("zone"),
        vec!["A zone is 2 to 10 letters, e.g. US or EU."]
    );
    app.create_person(&[
        ("full_name", "Ada"),
        ("stage", "sourced"),
        ("job_family", "Research Scientist"),
        ("level", "L7"),
        ("zone", "eu"),
        ("range_disclosed_on", "2025-03-01"),
    ]);
    app.create_person(&[("full_name", "Grace"), ("stage", "sourced")]);
    let list = app.get("/people?job_family=research+scientist&level=l7&zone=EU");
    assert_eq!(list.texts("tbody td:first-child a"), vec!["Ada"]);
    let csv = app.download("/people.csv?zone=EU");
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .is_some_and(|h| h.ends_with(",job_family,level,zone,range_disclosed_on"))
    );
    assert!(
        lines
            .next()
            .is_some_and(|row| row.ends_with(",Research Scientist,L7,EU,2025-03-01"))
    );
    Ok(())
}

#[test]
fn bands_import_from_their_csv_and_revert_by_compensation_only() -> anyhow::Result<()> {
    let app = TestApp::logged_in(false, Role::Compensation)?;
    app.post("/pay-bands", &band("Engineer", "L5", "", "2024-01-01"));
    let file = "job_family,level,zone,currency,base_min,base_mid,base_max,total_min,total_mid,total_max,effective_on\n\
                Engineer,L5,,EUR,200000.00,250000.00,310000.00,,,,2024-01-01\n\
                Research Scientist,L7,eu,EUR,1,2,3,4,5,6,2025-01-01\n";
    let preview = app.upload("bands.csv", file.as_bytes());
    assert_eq!(preview.status, Status::Ok, "{}", preview.body);
    assert!(
        preview.contains("A file of pay bands: 2 pay bands: 1 new, 1 updated."),
        "{}",
        preview.body
    );
    let batch = app.import("bands.csv", file.as_bytes());
    assert_eq!(
        batch.texts(".flash"),
        vec!["Imported 2 pay bands: 1 new, 1 updated."]
    );
    let csv = app.download("/pay-bands.csv");
    assert_eq!(
        csv.lines().skip(1).collect::<Vec<_>>(),
        file.lines()
            .skip(1)
            .map(|l| l
                .replace(",eu,", ",EU,")
                .replace(",1,2,3,4,5,6,", ",1.00,2.00,3.00,4.00,5.00,6.00,"))
            .collect::<Vec<_>>()
    );
    // A row out of order is refused with its line and column.
    let bad = "job_family,level,currency,base_min,base_mid,base_max,effective_on\nX,L1,USD,3,2,1,2025-01-01\n";
    let refused = app.upload("bad.csv", bad.as_bytes());
    assert_eq!(refused.status, Status::UnprocessableEntity);
    assert!(refused.contains("The midpoint cannot be below the minimum."));
    // Reverting brings back the old maximum and removes the new band.
    let revert = batch
        .attrs("form[action$='/revert']", "action")
        .pop()
        .or_else(|| batch.attrs("a[href$='/revert']", "href").pop())
        .unwrap_or_default();
    let revert = revert.trim_end_matches("/revert").to_owned() + "/revert";
    assert_eq!(app.post(&revert, &[]).status, Status::SeeOther);
    assert_eq!(band_count(&app)?, 1);
    assert!(app.download("/pay-bands.csv").contains(",300000.00,"));
    // Recruiters import people, not bands.
    app.switch_to(Role::Recruiter)?;
    let refused = app.upload("bands.csv", file.as_bytes());
    assert_eq!(refused.status, Status::UnprocessableEntity);
    assert!(refused.contains("This is a file of pay bands, which your role cannot import."));
    Ok(())
}

#[test]
fn families_and_levels_match_without_case_beyond_a_to_z() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let created = app.post(
        "/pay-bands",
        &band("Études Cliniques", "Ñ1", "EU", "2025-01-01"),
    );
    assert_eq!(created.status, Status::SeeOther, "{}", created.body);
    let twice = app.post(
        "/pay-bands",
        &band("ÉTUDES CLINIQUES", "ñ1", "EU", "2025-01-01"),
    );
    assert_eq!(twice.status, Status::UnprocessableEntity, "the same band");
    assert_eq!(band_count(&app)?, 1);

    app.create_person(&[
        ("full_name", "Ana"),
        ("stage", "offer"),
        ("job_family", "études cliniques"),
        ("level", "ñ1"),
        ("zone", "EU"),
    ]);
    let list = app.get("/people?job_family=%C3%89TUDES+CLINIQUES&level=%C3%911");
    assert_eq!(list.texts("tbody td:first-child a"), vec!["Ana"]);
    let bands = app.get("/pay-bands?job_family=%C3%A9tudes+cliniques");
    assert_eq!(bands.texts("tbody td:first-child").len(), 1);

    #[derive(QueryableByName)]
    struct InForce {
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::BigInt>)]
        id: Option<i64>,
    }
    let in_force: InForce = diesel::sql_query(
        "SELECT r.band_in_force('études cliniques', 'ñ1', 'EU', '2025-06-01') AS id",
    )
    .get_result(&mut app.conn()?)?;
    let stored: i64 = pay_band::table
        .select(pay_band::id)
        .first(&mut app.conn()?)?;
    assert_eq!(in_force.id, Some(stored), "an offer finds the band");
    Ok(())
}
