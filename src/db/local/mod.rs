//! The project-local PostgreSQL cluster used when no DATABASE_URL is configured.
//!
//! It lives in a data folder beside the project (git-ignored, outside `target/` so `cargo clean`
//! keeps it), is initialised on first use with a generated password, listens on 127.0.0.1 only,
//! and keeps running after the app exits, like any local database service would.

mod secrets;
mod sizing;
mod tools;

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

pub use secrets::secret_key;
use secrets::{random_password, write_private};
use tools::{Runner, find_server_binaries};

const SUPERUSER: &str = "talent_tracker";
pub const APP_DATABASE: &str = "talent_tracker";

/// A running local cluster and how to reach it.
#[derive(Debug, Clone)]
pub struct LocalCluster {
    port: u16,
    password: String,
}

impl LocalCluster {
    /// The URL of `database` on this cluster.
    pub fn url(&self, database: &str) -> String {
        format!(
            "postgres://{SUPERUSER}:{}@127.0.0.1:{}/{database}",
            self.password, self.port
        )
    }
}

/// Where the cluster lives: `TALENT_TRACKER_DATA_DIR`, or `.talent-tracker` in the project.
pub fn default_data_dir() -> PathBuf {
    match std::env::var_os("TALENT_TRACKER_DATA_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join(".talent-tracker"),
    }
}

/// Initialises the cluster if needed, starts it if it is not running, and returns how to reach
/// it. Safe to call from several processes at once: a file lock serialises them.
pub fn ensure_running(data_dir: &Path) -> anyhow::Result<LocalCluster> {
    let bin = find_server_binaries()?;
    let runner = Runner::for_current_user()?;
    fs::create_dir_all(data_dir)
        .with_context(|| format!("cannot create the data folder {}", data_dir.display()))?;
    // The postgres user only needs to pass through this folder to its own pgdata inside it.
    fs::set_permissions(data_dir, fs::Permissions::from_mode(0o755))?;
    let lock = File::create(data_dir.join("lock"))?;
    lock.lock()?;

    let pgdata = runner.pgdata_for(data_dir)?;
    if !pgdata.join("PG_VERSION").exists() {
        initialise(&bin, &runner, data_dir, &pgdata)?;
    }
    let cluster = LocalCluster {
        port: fs::read_to_string(data_dir.join("port"))?.trim().parse()?,
        password: fs::read_to_string(data_dir.join("password"))?
            .trim()
            .to_owned(),
    };
    let status = runner.run(
        Command::new(bin.join("pg_ctl"))
            .arg("status")
            .arg("-D")
            .arg(&pgdata),
    )?;
    if !status.status.success() {
        let log = pgdata.join("server.log");
        let started = runner.run(
            Command::new(bin.join("pg_ctl"))
                .args(["start", "-w", "-t", "60", "-D"])
                .arg(&pgdata)
                .arg("-l")
                .arg(&log),
        )?;
        if !started.status.success() {
            bail!(
                "the local PostgreSQL in {} did not start ({}); see {}",
                pgdata.display(),
                String::from_utf8_lossy(&started.stderr).trim(),
                log.display()
            );
        }
    }
    ensure_database(&cluster, APP_DATABASE)?;
    Ok(cluster)
}

/// Stops the local cluster with a fast shutdown (open sessions end at once). The load test
/// uses it to take the database away under traffic; `ensure_running` starts it again.
pub fn stop(data_dir: &Path) -> anyhow::Result<()> {
    let bin = find_server_binaries()?;
    let runner = Runner::for_current_user()?;
    let pgdata = runner.pgdata_for(data_dir)?;
    let out = runner.run(
        Command::new(bin.join("pg_ctl"))
            .args(["stop", "-m", "fast", "-w", "-D"])
            .arg(&pgdata),
    )?;
    if !out.status.success() {
        bail!(
            "pg_ctl stop failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(())
}

/// Where the local cluster writes its log (the benchmarks read the statements it logs).
pub fn server_log(data_dir: &Path) -> anyhow::Result<PathBuf> {
    Ok(Runner::for_current_user()?
        .pgdata_for(data_dir)?
        .join("server.log"))
}

fn initialise(bin: &Path, runner: &Runner, data_dir: &Path, pgdata: &Path) -> anyhow::Result<()> {
    let password = random_password()?;
    write_private(&data_dir.join("password"), &password)?;
    runner.prepare_dir(pgdata)?;
    // initdb runs as the postgres user, who may not reach the data folder: hand it a copy
    // beside pgdata for the moment it needs it.
    let pwfile = pgdata.with_extension("initdb-password");
    write_private(&pwfile, &password)?;
    runner.give_file(&pwfile)?;
    let out = runner.run(
        Command::new(bin.join("initdb"))
            .arg("-D")
            .arg(pgdata)
            // A UTF-8 locale, so PostgreSQL's own text functions know letters beyond A–Z (the
            // app's matching does not rely on it: see domain::name_key). C.UTF-8 ships with
            // glibc itself (Debian 12, any container), unlike en_US.UTF-8.
            .args([
                "-U",
                SUPERUSER,
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            ])
            .arg(format!("--pwfile={}", pwfile.display())),
    );
    fs::remove_file(&pwfile)?;
    let out = out?;
    if !out.status.success() {
        let _ = fs::remove_dir_all(pgdata);
        bail!(
            "initdb failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    // Ask the OS for a free port once; the cluster keeps it from then on.
    let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let mut conf = OpenOptions::new()
        .append(true)
        .open(pgdata.join("postgresql.conf"))?;
    writeln!(
        conf,
        "\n# talent-tracker: loopback only, no Unix socket (its default folder may not exist here)\n\
         listen_addresses = '127.0.0.1'\nport = {port}\nunix_socket_directories = ''\n\
         max_connections = 200"
    )?;
    if let Some(memory) = sizing::machine_memory() {
        writeln!(
            conf,
            "\n# talent-tracker: sized for this machine's memory at initdb\n{}",
            sizing::settings(memory)
        )?;
    }
    fs::write(data_dir.join("port"), port.to_string())?;
    Ok(())
}

/// Creates `database` on the cluster unless it exists.
fn ensure_database(cluster: &LocalCluster, database: &str) -> anyhow::Result<()> {
    use diesel::prelude::*;
    let mut conn = PgConnection::establish(&cluster.url("postgres"))?;
    let exists: bool = diesel::select(diesel::dsl::sql::<diesel::sql_types::Bool>(&format!(
        "EXISTS (SELECT 1 FROM pg_database WHERE datname = '{database}')"
    )))
    .get_result(&mut conn)?;
    if !exists {
        diesel::sql_query(format!("CREATE DATABASE \"{database}\"")).execute(&mut conn)?;
    }
    Ok(())
}
