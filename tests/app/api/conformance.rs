//! The served OpenAPI document against the live API, checked by an outside tool: schemathesis
//! (pinned, installed by .ci/run) sends what the document allows, and worse, with each role's
//! token and a read-only one, and fails on any 5xx or any answer the document does not
//! describe (status, content type, headers, body schema).

use std::net::TcpListener;
use std::process::Command;

use talent_tracker::domain::Role;

use super::token_for;
use crate::common::{TestApp, quiet};

/// The checks that make "matches the document": no 5xx, and every answer's status, content
/// type, headers and body as the document says.
const CHECKS: &str = "not_a_server_error,status_code_conformance,content_type_conformance,\
    response_headers_conformance,response_schema_conformance";

fn schemathesis_found() -> bool {
    let found = Command::new("schemathesis")
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success());
    // CI installs it (.ci/run): there, a missing tool is a failure, not a skip.
    assert!(
        found || std::env::var_os("CI").is_none(),
        "schemathesis is not installed: .ci/run installs it"
    );
    found
}

#[test]
fn the_live_api_matches_its_openapi_document_for_every_role_and_scope() -> anyhow::Result<()> {
    if !schemathesis_found() {
        eprintln!("schemathesis not found: skipped (pip install schemathesis)");
        return Ok(());
    }
    // The demo data: companies, people and pay reports for the reads to find.
    let app = TestApp::anonymous(true)?;
    let tokens = [
        ("admin", token_for(&app, Role::Admin, false)?),
        ("compensation", token_for(&app, Role::Compensation, false)?),
        ("recruiter", token_for(&app, Role::Recruiter, false)?),
        ("viewer", token_for(&app, Role::Viewer, false)?),
        (
            "read-only recruiter",
            token_for(&app, Role::Recruiter, true)?,
        ),
    ];
    let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let runtime = rocket::tokio::runtime::Runtime::new()?;
    let config = talent_tracker::AppConfig {
        pool_size: 4,
        ..app.config.clone()
    };
    let server = talent_tracker::app_with(
        quiet()
            .merge(("port", port))
            .merge(("address", "127.0.0.1")),
        config,
    )?;
    let shutdown = runtime.block_on(server.ignite())?;
    let handle = shutdown.shutdown();
    runtime.spawn(shutdown.launch());
    let base = format!("http://127.0.0.1:{port}");
    wait_for(&format!("{base}/api/openapi.json"))?;
    let examples = std::env::var("API_CONFORMANCE_EXAMPLES").unwrap_or_else(|_| "15".into());
    let mut failed = Vec::new();
    for (who, token) in &tokens {
        let report = std::env::temp_dir().join(format!(
            "tt-schemathesis-{port}-{}.txt",
            who.replace(' ', "-")
        ));
        let out = Command::new("schemathesis")
            .args(["run", &format!("{base}/api/openapi.json"), "--url", &base])
            .args(["--checks", CHECKS])
            .args([
                "--max-examples",
                &examples,
                "--seed",
                "28",
                "--workers",
                "1",
            ])
            .args(["--header", &format!("Authorization: Bearer {token}")])
            .args(["--suppress-health-check", "all", "--no-color"])
            .env("SCHEMATHESIS_HOOKS", "")
            .output()?;
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        std::fs::write(&report, &text)?;
        if !out.status.success() {
            let tail: String = text
                .lines()
                .rev()
                .take(60)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect::<Vec<_>>()
                .join("\n");
            failed.push(format!(
                "as {who} (whole report in {}):\n{tail}",
                report.display()
            ));
        }
    }
    handle.notify();
    anyhow::ensure!(failed.is_empty(), "{}", failed.join("\n\n"));
    Ok(())
}

/// Waits until the server answers.
fn wait_for(url: &str) -> anyhow::Result<()> {
    for _ in 0..100 {
        if ureq::get(url).call().is_ok() {
            return Ok(());
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    anyhow::bail!("the app never answered at {url}")
}
