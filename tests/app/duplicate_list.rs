//! The duplicates list (`/people/duplicates`), "Not a duplicate" and its memory, the form's
//! "different person" tick, the person page's possible duplicates, and who sees them.

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::domain::{CompanyId, Role, Stage};
use talent_tracker::models::{Person, PersonFields};
use talent_tracker::schema::duplicate_dismissal;

use crate::common::{Page, TestApp};

/// Stores a person directly (the form would ask about the duplicates these tests arrange).
fn stored(app: &TestApp, name: &str, origin: Option<i64>, hiring: Option<i64>) -> i64 {
    let fields = PersonFields {
        full_name: name.to_owned(),
        origin_company_id: origin.map(CompanyId),
        hiring_company_id: hiring.map(CompanyId),
        stage: Stage::Interviewing,
        ..PersonFields::default()
    };
    let mut conn = app.conn().expect("a connection");
    Person::insert(&mut conn, &fields)
        .expect("a stored person")
        .id
        .get()
}

/// Adds a pay report citing `url` through the pay report form.
fn pay_citing(app: &TestApp, person: i64, url: &str) {
    let posted = app.post(
        &format!("/people/{person}/pay"),
        &[
            ("kind", "reported"),
            ("currency", "USD"),
            ("amount_low", "1000000"),
            ("amount_high", "2000000"),
            ("period", "annual"),
            ("as_of", "2025-06-30"),
            ("source_url", url),
            ("confidence", "reported"),
        ],
    );
    assert_eq!(posted.status, Status::SeeOther, "{}", posted.body);
}

/// The pairs a list page shows, in order, as (low id, high id) read from their merge links.
fn pairs(page: &Page) -> Vec<(i64, i64)> {
    page.attrs("tr.pair a[href^='/people/merge']", "href")
        .iter()
        .map(|href| {
            let query = href.split_once('?').map_or("", |(_, q)| q);
            let id = |key: &str| {
                url::form_urlencoded::parse(query.as_bytes())
                    .find(|(k, _)| k == key)
                    .and_then(|(_, v)| v.parse().ok())
                    .unwrap_or_else(|| panic!("no {key} in {href}"))
            };
            (id("left"), id("right"))
        })
        .collect()
}

fn list(app: &TestApp) -> Vec<(i64, i64)> {
    let page = app.get("/people/duplicates");
    assert_eq!(page.status, Status::Ok, "{}", page.body);
    pairs(&page)
}

fn dismiss(app: &TestApp, low: i64, high: i64) -> Page {
    app.post(
        "/people/duplicates/dismiss",
        &[("left", &low.to_string()), ("right", &high.to_string())],
    )
}

fn dismissals(app: &TestApp) -> anyhow::Result<Vec<(i64, i64, Option<i64>)>> {
    Ok(duplicate_dismissal::table
        .select((
            duplicate_dismissal::low_id,
            duplicate_dismissal::high_id,
            duplicate_dismissal::dismissed_by,
        ))
        .order(duplicate_dismissal::low_id)
        .load(&mut app.conn()?)?)
}

#[test]
fn the_list_shows_each_pair_with_both_people_and_why_most_likely_first() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let scale = app.create_company("Scale AI");
    let github = app.create_company("GitHub");
    let meta = app.create_company("Meta");
    let wei = stored(&app, "Wei Chen", Some(scale), Some(meta));
    let wei_again = stored(&app, "wei  CHEN", Some(scale), None);
    // Not pairs: the same name elsewhere, a similar name at the same company.
    stored(&app, "Wei Chen", Some(github), None);
    stored(&app, "Wei Cheng", Some(scale), None);
    // The same name with no company in common, but a story in common (the pay report form).
    let dan = stored(&app, "Daniel Gross", None, None);
    let dan_again = stored(&app, "Daniel Gross", Some(meta), None);
    pay_citing(&app, dan, "https://news.example/gross");
    pay_citing(&app, dan_again, "https://news.example/gross");
    // Both reasons: listed first although stored last.
    let nat = stored(&app, "Nat Friedman", Some(github), Some(meta));
    let nat_again = stored(&app, "Nat Friedman", Some(github), None);
    pay_citing(&app, nat, "https://news.example/nat");
    pay_citing(&app, nat_again, "https://news.example/nat");

    let page = app.get("/people/duplicates");

    assert_eq!(page.status, Status::Ok, "{}", page.body);
    assert_eq!(
        pairs(&page),
        vec![(nat, nat_again), (wei, wei_again), (dan, dan_again)]
    );
    assert_eq!(
        page.texts("tr.pair td.reasons"),
        vec![
            "same name, same origin company, a pay source in common",
            "same name, same origin company",
            "same name, a pay source in common",
        ]
    );
    let first = page.texts("tr.pair:first-child td.side");
    assert!(first[0].contains("Nat Friedman") && first[0].contains("GitHub"));
    assert!(first[0].contains("Meta") && first[0].contains("Interviewing"));
    assert!(first[0].contains("1 pay report "), "{}", first[0]);
    assert_eq!(
        page.attrs("tr.pair:first-child td.side a", "href"),
        vec![format!("/people/{nat}"), format!("/people/{nat_again}")]
    );
    assert!(page.contains("3 pairs"), "{}", page.body);
    // The page says why similar names are not listed here.
    // Read as text: the sentence comes from the catalogue, so its apostrophe is escaped.
    assert!(
        page.texts("p.muted")
            .iter()
            .any(|t| t.contains("each person's page lists those")),
        "{}",
        page.body
    );
    Ok(())
}

#[test]
fn pages_follow_each_other_by_cursor_without_gaps_or_repeats() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let acme = app.create_company("Acme");
    // A pair with one reason, stored first but listed last.
    let roe = stored(&app, "John Roe", Some(acme), None);
    let roe_again = stored(&app, "John Roe", Some(acme), None);
    // Eight namesakes at one company citing one story: 28 pairs with both reasons, more than
    // a page of 25, so page 2 starts inside them and goes on to the one-reason pair.
    let ids: Vec<i64> = (0..8)
        .map(|_| stored(&app, "Jane Doe", Some(acme), None))
        .collect();
    let mut expected = Vec::new();
    for (i, low) in ids.iter().enumerate() {
        pay_citing(&app, *low, "https://news.example/does");
        for high in &ids[i + 1..] {
            expected.push((*low, *high));
        }
    }
    expected.push((roe, roe_again));

    let first = app.get("/people/duplicates");
    let next = first.attrs("a[rel=next]", "href");
    assert_eq!(next.len(), 1, "{}", first.body);
    assert!(next[0].contains("after=") && !next[0].contains("offset"));
    let second = app.get(&next[0]);

    let mut seen = pairs(&first);
    assert_eq!(seen.len(), 25);
    seen.extend(pairs(&second));
    assert_eq!(seen, expected);
    assert!(second.texts(".pager span").join(" ").contains("Page 2"));
    assert!(second.attrs("a[rel=next]", "href").is_empty());

    // "Not a duplicate" on page 2 comes back to page 2, which then lacks that pair.
    let (low, high) = expected[26];
    let posted = app.post(
        "/people/duplicates/dismiss",
        &[
            ("left", &low.to_string()),
            ("right", &high.to_string()),
            ("after", &second.attrs("input[name=after]", "value")[0]),
            ("page", "2"),
        ],
    );
    assert_eq!(posted.status, Status::SeeOther, "{}", posted.body);
    assert_eq!(posted.location.as_deref(), Some(next[0].as_str()));
    let back = app.get(&next[0]);
    assert!(back.contains("are kept apart"), "{}", back.body);
    assert_eq!(pairs(&back), vec![expected[25], expected[27], expected[28]]);
    Ok(())
}

#[test]
fn the_list_follows_form_saves_imports_and_pay_reports() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let babbage = app.create_company("Babbage Co");
    app.create_company("Other Lab");
    let ada = stored(&app, "Ada Lovelace", Some(babbage), None);
    let namesake = stored(&app, "Ada Lovelace", Some(babbage), None);
    assert_eq!(list(&app), vec![(ada, namesake)]);

    // A form save moving one away to another company takes the pair off.
    let moved = app.post(
        &format!("/people/{namesake}/edit"),
        &[
            ("full_name", "Ada Lovelace"),
            ("origin_company", "Other Lab"),
            ("stage", "sourced"),
        ],
    );
    assert_eq!(moved.status, Status::SeeOther, "{}", moved.body);
    assert_eq!(list(&app), vec![]);

    // A pay report citing a story one of Ada's cites brings it back.
    pay_citing(&app, ada, "https://news.example/ada");
    assert_eq!(list(&app), vec![]);
    pay_citing(&app, namesake, "https://news.example/ada");
    assert_eq!(list(&app), vec![(ada, namesake)]);

    // An import creating a third Ada at Babbage Co pairs her with the first.
    app.import(
        "people.csv",
        b"id,full_name,origin_company,stage\n9001,ada lovelace,Babbage Co,sourced\n",
    );
    assert_eq!(list(&app), vec![(ada, namesake), (ada, 9001)]);
    Ok(())
}

#[test]
fn not_a_duplicate_keeps_a_pair_off_until_a_name_or_company_changes() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let admin = talent_tracker::models::User::find_by_email(&mut app.conn()?, "admin@example.com")?
        .map(|u| u.id);
    let babbage = app.create_company("Babbage Co");
    app.create_company("Other Lab");
    let ada = stored(&app, "Ada Lovelace", Some(babbage), None);
    let namesake = stored(&app, "Ada Lovelace", Some(babbage), None);

    let posted = dismiss(&app, ada, namesake);
    assert_eq!(posted.status, Status::SeeOther, "{}", posted.body);
    assert_eq!(posted.location.as_deref(), Some("/people/duplicates"));
    assert!(app.get("/people/duplicates").contains("are kept apart"));
    assert_eq!(list(&app), vec![]);
    // Again, or the other way round: nothing more happens.
    assert_eq!(dismiss(&app, namesake, ada).status, Status::SeeOther);
    assert_eq!(dismissals(&app)?, vec![(ada, namesake, admin)]);

    // Edits that keep name and company, and a source in common, do not bring it back.
    app.post_and_follow(
        &format!("/people/{namesake}/edit"),
        &[
            ("full_name", "Ada Lovelace"),
            ("origin_company", "Babbage Co"),
            ("stage", "hired"),
        ],
    );
    pay_citing(&app, ada, "https://news.example/ada");
    pay_citing(&app, namesake, "https://news.example/ada");
    assert_eq!(list(&app), vec![]);

    // The name changed away and back (a form, then an import): asked about again.
    app.post_and_follow(
        &format!("/people/{namesake}/edit"),
        &[
            ("full_name", "Ada King"),
            ("origin_company", "Babbage Co"),
            ("stage", "hired"),
        ],
    );
    let back =
        format!("id,full_name,origin_company,stage\n{namesake},Ada Lovelace,Babbage Co,hired\n");
    app.import("people.csv", back.as_bytes());
    assert_eq!(list(&app), vec![(ada, namesake)]);

    // The same for the origin company, away and back by import.
    dismiss(&app, ada, namesake);
    assert_eq!(list(&app), vec![]);
    for company in ["Other Lab", "Babbage Co"] {
        let row =
            format!("id,full_name,origin_company,stage\n{namesake},Ada Lovelace,{company},hired\n");
        app.import("people.csv", row.as_bytes());
    }
    assert_eq!(list(&app), vec![(ada, namesake)]);
    Ok(())
}

#[test]
fn not_a_duplicate_refuses_unknown_people_and_a_person_with_themselves() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let ada = stored(&app, "Ada Lovelace", None, None);
    for (low, high) in [(ada, 999_999), (999_998, 999_999), (ada, ada)] {
        let page = dismiss(&app, low, high);
        assert_eq!(page.status, Status::UnprocessableEntity, "{low} {high}");
        assert!(
            page.contains("not in the tracker") || page.contains("themselves"),
            "{}",
            page.body
        );
    }
    let garbled = app.post(
        "/people/duplicates/dismiss",
        &[("left", &ada.to_string()), ("right", "x")],
    );
    assert!(garbled.status.code < 500, "{}", garbled.status);
    assert_eq!(
        app.get("/people/duplicates?after=nonsense").status.code,
        422
    );
    assert_eq!(dismissals(&app)?, vec![]);
    Ok(())
}

#[test]
fn ticking_different_person_keeps_them_apart_in_the_form_the_list_and_the_page()
-> anyhow::Result<()> {
    let app = TestApp::new()?;
    app.create_company("Scale AI");
    let wang = app.create_person(&[
        ("full_name", "Alexandr Wang"),
        ("origin_company", "Scale AI"),
        ("stage", "hired"),
    ]);
    let mut fields = vec![
        ("full_name", "alexandr wang"),
        ("origin_company", "Scale AI"),
        ("stage", "sourced"),
    ];
    assert_eq!(
        app.post("/people", &fields).status,
        Status::UnprocessableEntity
    );
    fields.push(("different_person", "yes"));
    let namesake = app.create_person(&fields);

    assert_eq!(dismissals(&app)?.len(), 1);
    assert_eq!(dismissals(&app)?[0].0, wang);
    assert_eq!(dismissals(&app)?[0].1, namesake);
    assert_eq!(list(&app), vec![]);
    for id in [wang, namesake] {
        let page = app.get(&format!("/people/{id}"));
        assert!(page.texts("#duplicates li").is_empty(), "{}", page.body);
    }
    // A third namesake is asked about both.
    let third = app.post(
        "/people",
        &[
            ("full_name", "Alexandr Wang"),
            ("origin_company", "Scale AI"),
            ("stage", "sourced"),
        ],
    );
    assert_eq!(third.attrs(".duplicates a", "href").len(), 2);
    // Renaming ends the dismissal, so the form asks again rather than let the pair through.
    let renamed = app.post(
        &format!("/people/{namesake}/edit"),
        &[
            ("full_name", "Alexander Wang"),
            ("origin_company", "Scale AI"),
            ("stage", "sourced"),
        ],
    );
    assert_eq!(renamed.status, Status::UnprocessableEntity);
    assert_eq!(
        renamed.attrs(".duplicates a", "href"),
        vec![format!("/people/{wang}")]
    );
    Ok(())
}

#[test]
fn a_person_page_lists_similar_names_with_merge_and_not_a_duplicate() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let scale = app.create_company("Scale AI");
    let wang = stored(&app, "Alexandr Wang", Some(scale), None);
    // A similar name is never a kept pair, but the page finds it.
    let similar = stored(&app, "Alexander Wang", Some(scale), None);
    assert_eq!(list(&app), vec![]);

    let page = app.get(&format!("/people/{similar}"));

    assert_eq!(
        page.texts("#duplicates li a:first-child"),
        vec!["Alexandr Wang"]
    );
    assert!(page.texts("#duplicates li")[0].contains("a very similar name"));
    assert_eq!(
        page.attrs("#duplicates a[href^='/people/merge']", "href"),
        vec![format!("/people/merge?left={wang}&right={similar}")]
    );
    let form: Vec<String> = page.attrs("#duplicates form input", "value");
    assert!(form.contains(&app.csrf_token()), "{}", page.body);
    let posted = app.post(
        "/people/duplicates/dismiss",
        &[
            ("left", &wang.to_string()),
            ("right", &similar.to_string()),
            ("from", &similar.to_string()),
        ],
    );
    assert_eq!(
        posted.location.as_deref(),
        Some(format!("/people/{similar}#duplicates").as_str())
    );
    for id in [wang, similar] {
        let page = app.get(&format!("/people/{id}"));
        assert!(page.texts("#duplicates li").is_empty(), "{}", page.body);
    }
    Ok(())
}

#[test]
fn only_recruiters_and_admins_see_or_use_duplicates() -> anyhow::Result<()> {
    let app = TestApp::logged_in(false, Role::Recruiter)?;
    let scale = app.create_company("Scale AI");
    let wang = stored(&app, "Alexandr Wang", Some(scale), None);
    let namesake = stored(&app, "Alexandr Wang", Some(scale), None);
    let person = format!("/people/{wang}");
    let link = "a[href='/people/duplicates']";
    assert_eq!(list(&app), vec![(wang, namesake)]);
    assert_eq!(app.get("/people").attrs(link, "href").len(), 1);
    assert_eq!(app.get(&person).texts("#duplicates li").len(), 1);

    for role in [Role::Viewer, Role::Analyst, Role::Compensation] {
        app.switch_to(role)?;
        assert_eq!(app.get("/people/duplicates").status, Status::Forbidden);
        assert_eq!(dismiss(&app, wang, namesake).status, Status::Forbidden);
        assert!(app.get("/people").attrs(link, "href").is_empty());
        let page = app.get(&person);
        assert_eq!(page.status, Status::Ok);
        assert!(!page.contains("Possible duplicates"), "{role:?}");
        assert!(!page.contains("/people/merge"), "{role:?}");
    }
    assert_eq!(dismissals(&app)?, vec![]);
    Ok(())
}

#[test]
fn german_spellings_and_plain_letters_of_one_name_are_listed_and_warned_of() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let lab = app.create_company("Ångström Labs");
    let zoe = stored(&app, "Zoë Ångström-Müller", Some(lab), None);
    let zoe_again = stored(&app, "zoe angstrom muller", Some(lab), None);
    let juergen = stored(&app, "Juergen O'Brien", Some(lab), None);
    let jurgen = stored(&app, "Jürgen OBrien", Some(lab), None);
    // Not one name: the "e" of a diphthong spells no umlaut.
    stored(&app, "Jo Bauer", Some(lab), None);
    stored(&app, "Jo Baur", Some(lab), None);

    let mut listed = list(&app);
    listed.sort_unstable();
    assert_eq!(listed, vec![(zoe, zoe_again), (juergen, jurgen)]);

    let form = app.post(
        "/people",
        &[
            ("full_name", "ZOE ANGSTROEM MUELLER"),
            ("origin_company", "Angstrom Labs"),
            ("stage", "sourced"),
        ],
    );
    assert_eq!(form.status, Status::UnprocessableEntity, "{}", form.body);
    let mut warned = form.attrs(".duplicates a", "href");
    warned.sort_unstable();
    assert_eq!(
        warned,
        vec![format!("/people/{zoe}"), format!("/people/{zoe_again}")]
    );
    assert!(
        form.texts(".duplicates li")
            .iter()
            .all(|line| line.contains("the same name and the same origin company")),
        "{:?}",
        form.texts(".duplicates li")
    );
    Ok(())
}
