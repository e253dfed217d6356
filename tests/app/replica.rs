//! Reading your own writes with a real streaming replica: a session that just wrote reads the
//! primary until the replica has replayed its write; every other session reads the replica.

use rocket::http::{ContentType, Status};
use rocket::local::blocking::Client;
use talent_tracker::domain::Role;

use crate::common::{Page, TestApp, quiet, server_url};
use crate::standby::Standby;

/// The secret key every instance of a test shares, as instances behind one address must.
const SHARED_KEY: &str = "5f1d3c2b4a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0a1";

/// An admin logged in on an app that reads reports and exports from `standby`, which has
/// replayed the test's database and the login.
fn app_reading(standby: &Standby) -> anyhow::Result<TestApp> {
    let app = TestApp::anonymous_with(|config| {
        config.replica_url = Some(standby.url_of(&config.database_url));
        config.secret_key = Some(SHARED_KEY.to_owned());
    })?;
    app.add_user("admin@example.com", Role::Admin)?;
    app.log_in("admin@example.com")?;
    standby.catch_up()?;
    Ok(app)
}

/// Another browser, on a second instance of the app over the same primary and replica.
struct OtherSession(Client);

impl OtherSession {
    fn log_in(app: &TestApp) -> anyhow::Result<OtherSession> {
        let client = Client::tracked(talent_tracker::app_with(quiet(), app.config.clone())?)?;
        let form = Page::from(client.get("/login").dispatch());
        let token = form.attrs("input[name=csrf_token]", "value").pop();
        let body: String = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs([
                ("csrf_token", token.unwrap_or_default().as_str()),
                ("email", "admin@example.com"),
                ("password", crate::common::PASSWORD),
            ])
            .finish();
        let status = client
            .post("/login")
            .header(ContentType::Form)
            .body(body)
            .dispatch()
            .status();
        anyhow::ensure!(status == Status::SeeOther, "logging in: {status}");
        Ok(OtherSession(client))
    }

    fn people_csv(&self) -> String {
        let response = self.0.get("/people.csv").dispatch();
        assert_eq!(response.status(), Status::Ok);
        response.into_string().unwrap_or_default()
    }
}

/// The people export: a read that goes to the replica when it may.
fn people_csv(app: &TestApp) -> String {
    app.download("/people.csv")
}

#[test]
fn a_session_reads_its_own_write_at_once_while_the_replica_is_paused() -> anyhow::Result<()> {
    let standby = Standby::start(&server_url()?)?;
    let writer = app_reading(&standby)?;
    let other = OtherSession::log_in(&writer)?;
    standby.catch_up()?;
    standby.pause()?;

    writer.create_person(&[("full_name", "Saved A Moment Ago"), ("stage", "sourced")]);

    // The replica has not replayed the save: the writer's read went to the primary...
    assert!(people_csv(&writer).contains("Saved A Moment Ago"));
    // ...and a session that did not write reads the replica, which does not have it yet.
    assert!(!other.people_csv().contains("Saved A Moment Ago"));
    standby.resume()?;
    Ok(())
}

#[test]
fn a_session_reads_the_replica_again_once_it_has_caught_up() -> anyhow::Result<()> {
    let standby = Standby::start(&server_url()?)?;
    let writer = app_reading(&standby)?;
    let other = OtherSession::log_in(&writer)?;
    standby.catch_up()?;
    standby.pause()?;
    writer.create_person(&[("full_name", "Saved While Paused"), ("stage", "sourced")]);
    standby.resume()?;
    standby.catch_up()?;

    // With replay paused again, a change the writer did not make shows where it reads: the
    // primary has it, the replica does not.
    standby.pause()?;
    let mut conn = writer.conn()?;
    diesel::RunQueryDsl::execute(
        diesel::sql_query("UPDATE person SET full_name = 'Renamed Elsewhere'"),
        &mut conn,
    )?;
    let export = people_csv(&writer);
    assert!(export.contains("Saved While Paused"), "{export}");
    assert!(!export.contains("Renamed Elsewhere"), "{export}");
    drop(other);
    standby.resume()?;
    Ok(())
}

#[test]
fn a_stopped_replica_sends_every_read_to_the_primary() -> anyhow::Result<()> {
    let standby = Standby::start(&server_url()?)?;
    let writer = app_reading(&standby)?;
    let other = OtherSession::log_in(&writer)?;
    standby.stop()?;

    writer.create_person(&[("full_name", "Saved With No Replica"), ("stage", "sourced")]);

    assert!(people_csv(&writer).contains("Saved With No Replica"));
    assert!(other.people_csv().contains("Saved With No Replica"));
    let pipeline = writer.get("/reports/pipeline");
    assert_eq!(pipeline.status, Status::Ok);
    let ready = writer.get("/readyz");
    assert_eq!(ready.status, Status::Ok, "{}", ready.body);
    assert!(
        ready.body.contains("replica: not replaying"),
        "{}",
        ready.body
    );
    Ok(())
}

#[test]
fn readiness_reports_the_replicas_lag_without_failing() -> anyhow::Result<()> {
    let standby = Standby::start(&server_url()?)?;
    let writer = app_reading(&standby)?;
    standby.pause()?;
    writer.create_person(&[("full_name", "Not Yet Replayed"), ("stage", "sourced")]);

    let ready = writer.get("/readyz");
    assert_eq!(ready.status, Status::Ok, "{}", ready.body);
    let behind = ready
        .body
        .lines()
        .find_map(|line| line.strip_prefix("replica: ")?.split_once(" bytes behind"))
        .and_then(|(bytes, _)| bytes.parse::<u64>().ok());
    assert!(behind.is_some_and(|bytes| bytes > 0), "{}", ready.body);

    standby.resume()?;
    Ok(())
}

/// Two instances behind one address share only the secret key and the databases: a save one
/// of them answered, then a report the other answers, still reads the save.
#[test]
fn a_write_on_one_instance_is_read_back_on_another() -> anyhow::Result<()> {
    let standby = Standby::start(&server_url()?)?;
    let first = app_reading(&standby)?;
    let second = Client::tracked(talent_tracker::app_with(quiet(), first.config.clone())?)?;
    standby.pause()?;

    first.create_person(&[("full_name", "Saved On The First"), ("stage", "sourced")]);

    // The browser sends the same cookies to whichever instance answers.
    let cookies: Vec<_> = first.client.cookies().iter().cloned().collect();
    let response = second.get("/people.csv").cookies(cookies).dispatch();
    assert_eq!(response.status(), Status::Ok);
    let export = response.into_string().unwrap_or_default();
    assert!(export.contains("Saved On The First"), "{export}");
    standby.resume()?;
    Ok(())
}
