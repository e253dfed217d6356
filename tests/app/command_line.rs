//! The `import`, `export` and `user` commands, run as a user runs them, on this test's database.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use diesel::prelude::*;
use rocket::http::Status;
use talent_tracker::auth::password;
use talent_tracker::models::User;
use talent_tracker::schema::{import_batch, person, user_session};

use crate::common::{PASSWORD, TestApp};

fn run(app: &TestApp, args: &[&str]) -> anyhow::Result<Output> {
    Ok(Command::new(env!("CARGO_BIN_EXE_talent-tracker"))
        .args(args)
        .env("DATABASE_URL", app.database_url())
        .output()?)
}

/// Runs a command with `input` on its standard input (not a terminal), as a script would.
fn run_with_input(app: &TestApp, args: &[&str], input: &str) -> anyhow::Result<Output> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_talent-tracker"))
        .args(args)
        .env("DATABASE_URL", app.database_url())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    child
        .stdin
        .take()
        .expect("a piped stdin")
        .write_all(input.as_bytes())?;
    Ok(child.wait_with_output()?)
}

fn people(app: &TestApp) -> anyhow::Result<i64> {
    Ok(person::table.count().get_result(&mut app.conn()?)?)
}

#[test]
fn import_previews_refuses_and_imports_like_the_web() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let dir = std::env::temp_dir().join(format!("tt-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let good = dir.join("people.csv");
    std::fs::write(
        &good,
        "full_name,origin_company,stage\nAda,Engines,hired\nGrace,,sourced\n",
    )?;
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "full_name,stage\nAda,hired\nBob,promoted\n")?;

    let dry = run(
        &app,
        &["import", good.to_str().unwrap_or_default(), "--dry-run"],
    )?;
    assert!(dry.status.success());
    let said = String::from_utf8_lossy(&dry.stdout);
    assert!(
        said.contains("3 to create")
            && said.contains("Companies to create: Engines.")
            && said.contains("Dry run"),
        "{said}"
    );
    assert_eq!(people(&app)?, 0);

    let refused = run(&app, &["import", bad.to_str().unwrap_or_default()])?;
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr)
            .contains("line 3 (Bob), stage “promoted”: Choose one of")
    );
    assert_eq!(people(&app)?, 0, "nothing written, not even the valid row");

    let imported = run(&app, &["import", good.to_str().unwrap_or_default()])?;
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    assert!(String::from_utf8_lossy(&imported.stdout).contains("3 created, 0 updated, 0 skipped"));
    assert_eq!(people(&app)?, 2);
    let by: String = import_batch::table
        .select(import_batch::imported_by)
        .first(&mut app.conn()?)?;
    assert!(by.starts_with("command line"));

    let exported = dir.join("out.csv");
    let export = run(
        &app,
        &[
            "export",
            "people",
            "--output",
            exported.to_str().unwrap_or_default(),
        ],
    )?;
    assert!(export.status.success());
    assert_eq!(
        std::fs::read_to_string(&exported)?,
        app.download("/people.csv")
    );
    let to_stdout = run(&app, &["export", "companies"])?;
    assert_eq!(
        String::from_utf8_lossy(&to_stdout.stdout),
        app.download("/companies.csv")
    );
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

#[test]
fn an_admin_resets_a_password_from_the_command_line_and_its_sessions_end() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let reset = ["user", "reset-password", "--email", "admin@example.com"];

    let short = run_with_input(&app, &reset, "too short\n")?;
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 12 characters"));
    let unknown = run_with_input(
        &app,
        &["user", "reset-password", "--email", "nobody@example.com"],
        "a new password for nobody\n",
    )?;
    assert!(!unknown.status.success());
    assert_eq!(app.get("/").status, Status::Ok, "nothing changed yet");

    let done = run_with_input(&app, &reset, "the password an admin chose\n")?;
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert!(String::from_utf8_lossy(&done.stdout).contains("sessions are ended"));
    let sessions: i64 = user_session::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(sessions, 0);
    assert_eq!(app.get("/").status, Status::SeeOther, "logged out");
    let user = User::find_by_email(&mut app.conn()?, "admin@example.com")?.expect("the admin");
    assert!(password::verify(
        "the password an admin chose",
        &user.password_hash
    ));
    assert!(!password::verify(PASSWORD, &user.password_hash));
    Ok(())
}

#[test]
fn the_command_line_keeps_the_last_active_admin_too() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    for args in [
        [
            "user",
            "set-role",
            "--email",
            "admin@example.com",
            "--role",
            "viewer",
        ]
        .as_slice(),
        ["user", "deactivate", "--email", "admin@example.com"].as_slice(),
    ] {
        let refused = run(&app, args)?;
        assert!(!refused.status.success());
        assert!(
            String::from_utf8_lossy(&refused.stderr).contains("is the last active admin"),
            "{}",
            String::from_utf8_lossy(&refused.stderr)
        );
    }
    let admin = User::find_by_email(&mut app.conn()?, "admin@example.com")?.expect("the admin");
    assert!(admin.active && admin.role == talent_tracker::domain::Role::Admin);

    // With a second admin from the command line, the first may step down.
    let created = run_with_input(
        &app,
        &[
            "user",
            "create",
            "--email",
            "ops@example.com",
            "--role",
            "admin",
        ],
        "a password for ops here\n",
    )?;
    assert!(created.status.success());
    let demoted = run(
        &app,
        &[
            "user",
            "set-role",
            "--email",
            "admin@example.com",
            "--role",
            "viewer",
        ],
    )?;
    assert!(demoted.status.success(), "another admin exists now");
    Ok(())
}

#[test]
fn the_command_line_imports_the_valid_rows_when_told_to_skip_the_others() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let bad = std::env::temp_dir().join(format!("tt-cli-skip-{}.csv", std::process::id()));
    std::fs::write(&bad, "full_name,stage\nAda,hired\nBob,promoted\n")?;
    let path = bad.to_string_lossy().into_owned();
    let skipping = run(&app, &["import", &path, "--skip-errors"])?;
    let said = String::from_utf8_lossy(&skipping.stderr);
    assert!(skipping.status.success(), "{said}");
    assert!(said.contains("line 3 (Bob), stage “promoted”"), "{said}");
    assert!(said.contains("Skipping 1 row with errors."), "{said}");
    assert!(String::from_utf8_lossy(&skipping.stdout).contains("1 new person"));
    assert_eq!(people(&app)?, 1, "the valid row only");
    let batches: i64 = import_batch::table.count().get_result(&mut app.conn()?)?;
    assert_eq!(batches, 1, "one batch, reverted as any other");
    Ok(())
}

/// A pool of no connections is refused with the setting's name, before anything starts.
#[test]
fn a_pool_size_of_zero_is_refused_with_a_message() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let out = Command::new(env!("CARGO_BIN_EXE_talent-tracker"))
        .env("DATABASE_URL", app.database_url())
        .env("DATABASE_POOL_SIZE", "0")
        .output()?;
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("--pool-size"), "{said}");
    assert!(!said.contains("panicked"), "{said}");
    Ok(())
}
