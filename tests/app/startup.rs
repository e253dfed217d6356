use diesel::prelude::*;
use talent_tracker::schema::company;

use crate::common::TestApp;

/// Two instances starting together on one unmigrated database: the advisory lock lets one
/// migrate and seed while the other waits, so neither fails and nothing is seeded twice.
#[test]
fn two_instances_starting_together_migrate_and_seed_once() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let url = app.empty_database("tt_race")?;
    let start = || {
        let url = url.clone();
        std::thread::spawn(move || -> anyhow::Result<()> {
            let rocket = talent_tracker::app_with(
                crate::common::quiet(),
                talent_tracker::AppConfig {
                    replica_url: None,
                    database_url: url,
                    pool_size: 2,
                    demo: true,
                    reporting_currency: "USD".to_owned(),
                    import_limit: talent_tracker::config::ImportLimit(2),
                    file_limit: talent_tracker::config::FileLimit::default(),
                    files: talent_tracker::file_store::FileStore::Database,
                    secret_key: None,
                    proxy: None,
                    secure_cookies: false,
                    mail: None,
                    webhooks: Default::default(),
                    sso: None,
                    languages: Default::default(),
                },
            )?;
            rocket::local::blocking::Client::untracked(rocket)?;
            Ok(())
        })
    };
    let (first, second) = (start(), start());
    for started in [first, second] {
        started
            .join()
            .map_err(|_| anyhow::anyhow!("an instance panicked"))??;
    }
    let mut conn = PgConnection::establish(&url)?;
    let companies: i64 = company::table.count().get_result(&mut conn)?;
    assert_eq!(companies, 7);
    Ok(())
}

/// The app keeps nothing between requests but in PostgreSQL: a user logged in on one instance
/// carries on, request by request, on another behind the same load balancer.
#[test]
fn a_logged_in_user_can_alternate_between_two_instances() -> anyhow::Result<()> {
    use rocket::http::{ContentType, Cookie, Status};
    use rocket::local::blocking::Client;
    use talent_tracker::domain::Role;

    let app = TestApp::anonymous(false)?;
    app.add_user("ada@example.com", Role::Recruiter)?;
    let shared_key =
        "goAmPY62Z6X/augDpAkdipErLO6xX6xy9Ct/1xfP0wUl+D5L95nLlGYgbKTlW8YYvFbdXugJXhBV71qqapqrjw==";
    let instance = || -> anyhow::Result<Client> {
        let config = talent_tracker::AppConfig {
            replica_url: None,
            database_url: app.database_url().to_owned(),
            pool_size: 2,
            demo: false,
            reporting_currency: "USD".to_owned(),
            import_limit: talent_tracker::config::ImportLimit(2),
            file_limit: talent_tracker::config::FileLimit::default(),
            files: talent_tracker::file_store::FileStore::Database,
            secret_key: None,
            proxy: None,
            secure_cookies: false,
            mail: None,
            webhooks: Default::default(),
            sso: None,
            languages: Default::default(),
        };
        let figment = crate::common::quiet().merge(("secret_key", shared_key));
        Ok(Client::untracked(talent_tracker::app_with(
            figment, config,
        )?)?)
    };
    let (first, second) = (instance()?, instance()?);

    let login = first.get("/login").dispatch();
    let login_cookie = login
        .cookies()
        .get_private("tt_login_csrf")
        .expect("the login form's cookie");
    let form = format!(
        "csrf_token={}&email=ada%40example.com&password={}",
        login_cookie.value(),
        crate::common::PASSWORD.replace(' ', "+")
    );
    let logged_in = first
        .post("/login")
        .header(ContentType::Form)
        .private_cookie(login_cookie.clone())
        .body(form)
        .dispatch();
    assert_eq!(logged_in.status(), Status::SeeOther);
    let session: Cookie<'static> = logged_in
        .cookies()
        .get_private("tt_session")
        .expect("a session")
        .into_owned();

    for (n, client) in [&first, &second, &first, &second].into_iter().enumerate() {
        let page = client
            .get("/people")
            .private_cookie(session.clone())
            .dispatch();
        assert_eq!(page.status(), Status::Ok, "request {n}");
    }
    let token: String = {
        use diesel::prelude::*;
        talent_tracker::schema::user_session::table
            .select(talent_tracker::schema::user_session::csrf_token)
            .first(&mut app.conn()?)?
    };
    let created = second
        .post("/companies")
        .header(ContentType::Form)
        .private_cookie(session.clone())
        .body(format!(
            "csrf_token={token}&name=Made+on+the+second&kind=other"
        ))
        .dispatch();
    assert_eq!(created.status(), Status::SeeOther);
    let logout = first
        .post("/logout")
        .header(ContentType::Form)
        .private_cookie(session.clone())
        .body(format!("csrf_token={token}"))
        .dispatch();
    assert_eq!(logout.status(), Status::SeeOther);
    let after = second.get("/people").private_cookie(session).dispatch();
    assert_eq!(after.status(), Status::SeeOther, "logged out everywhere");
    Ok(())
}

/// With DATABASE_REPLICA_URL, reports and CSV exports read the replica; pages and writes use
/// the primary. Two databases with different people show which one answered.
#[test]
fn reports_and_exports_read_the_replica() -> anyhow::Result<()> {
    let replica = TestApp::new()?;
    replica.create_company("Scale AI");
    replica.create_person(&[
        ("full_name", "Only On The Replica"),
        ("stage", "hired"),
        ("origin_company", "Scale AI"),
        ("hiring_company", "Scale AI"),
        ("offer_on", "2025-06-01"),
        ("decided_on", "2025-06-10"),
    ]);
    let app = TestApp::reading_from(replica.database_url())?;
    app.create_person(&[("full_name", "Only On The Primary"), ("stage", "sourced")]);

    let list = app.get("/people");
    assert_eq!(
        list.texts("tbody td:first-child a"),
        vec!["Only On The Primary"]
    );
    let people_csv = app.download("/people.csv");
    assert!(people_csv.contains("Only On The Replica"), "{people_csv}");
    assert!(!people_csv.contains("Only On The Primary"));
    assert!(app.download("/pay-reports.csv").lines().count() == 1);
    let pipeline = app.get("/reports/pipeline");
    assert_eq!(pipeline.status, rocket::http::Status::Ok);
    // The replica's one person is hired; the primary's is only sourced.
    let hired_row = pipeline
        .texts("table tbody tr")
        .into_iter()
        .find(|row| row.starts_with("Hired"))
        .unwrap_or_default();
    assert!(hired_row.contains('1'), "{hired_row}");
    Ok(())
}

/// A read replica that is down does not take reports and exports with it: they read the
/// primary until it is back.
#[test]
fn reports_and_exports_read_the_primary_while_the_replica_is_down() -> anyhow::Result<()> {
    let unused = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let app = TestApp::reading_from(&format!("postgres://nobody@127.0.0.1:{unused}/replica"))?;
    app.create_person(&[("full_name", "Only On The Primary"), ("stage", "sourced")]);

    // The first export finds the replica down; the next ones go straight to the primary.
    for _ in 0..2 {
        let people_csv = app.download("/people.csv");
        assert!(people_csv.contains("Only On The Primary"), "{people_csv}");
    }
    let pipeline = app.get("/reports/pipeline");
    assert_eq!(pipeline.status, rocket::http::Status::Ok);
    let sourced_row = pipeline
        .texts("table tbody tr")
        .into_iter()
        .find(|row| row.starts_with("Sourced"))
        .unwrap_or_default();
    assert!(sourced_row.contains('1'), "{sourced_row}");
    Ok(())
}

/// Startup's work on a large database (a migration rewriting millions of rows) takes longer
/// than the 30 s a request's statement may: it runs without that limit, which then comes back.
#[test]
fn startup_work_is_not_held_to_a_requests_statement_limit() -> anyhow::Result<()> {
    #[derive(QueryableByName)]
    struct Setting {
        #[diesel(sql_type = diesel::sql_types::Text)]
        statement_timeout: String,
    }
    let app = TestApp::new()?;
    let url = app.empty_database("slow_startup")?;
    let mut conn = PgConnection::establish(&url)?;
    diesel::sql_query("SET statement_timeout = '20ms'").execute(&mut conn)?;

    talent_tracker::db::migrate::migrate_then(&mut conn, |conn| {
        // Longer than the connection's limit, as a migration at a million people is.
        diesel::sql_query("SELECT pg_sleep(0.2)").execute(conn)?;
        Ok(())
    })?;

    let after: Setting = diesel::sql_query("SHOW statement_timeout").get_result(&mut conn)?;
    assert_eq!(
        after.statement_timeout, "20ms",
        "the connection's own limit is back"
    );
    let companies = diesel::sql_query("SELECT 1 FROM company").execute(&mut conn)?;
    assert_eq!(companies, 0, "migrated: the company table is there, empty");
    Ok(())
}
