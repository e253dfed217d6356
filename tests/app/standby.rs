//! A real streaming replica of the test cluster: `pg_basebackup -R` into a folder of its own,
//! started on a free port, stopped and removed when dropped.

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};
use nix::unistd::{Uid, User};

/// How long the standby may take to start, or to replay what a test waits for.
const PATIENCE: Duration = Duration::from_secs(30);

pub struct Standby {
    dir: PathBuf,
    bin: PathBuf,
    port: u16,
    /// The primary's URL, with the port swapped for a standby's URL.
    primary: url::Url,
}

#[derive(QueryableByName)]
struct Answer {
    #[diesel(sql_type = Bool)]
    yes: bool,
}

impl Standby {
    /// A standby of the cluster at `primary_url`, running and replaying.
    pub fn start(primary_url: &str) -> anyhow::Result<Standby> {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("tt-standby-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))?;
        if let Some(user) = postgres_user()? {
            std::os::unix::fs::chown(&dir, Some(user.uid.as_raw()), Some(user.gid.as_raw()))?;
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let standby = Standby {
            bin: server_binaries()?,
            dir,
            port,
            primary: url::Url::parse(primary_url)?,
        };
        // Without a slot: the primary's checkpoints (each test's CREATE DATABASE forces one)
        // sometimes ended a concurrent backup "to release replication slot", though nothing
        // limits the WAL slots keep. Instead the primary keeps enough WAL for the backups and
        // the standbys of a test run.
        keep_wal(primary_url)?;
        standby.tool(Command::new(standby.bin.join("pg_basebackup")).args([
            "-R",
            "--no-slot",
            "--checkpoint=fast",
            "-D",
            &standby.dir.to_string_lossy(),
            "-d",
            primary_url,
        ]))?;
        let log = standby.dir.join("standby.log");
        standby.tool(
            Command::new(standby.bin.join("pg_ctl"))
                .args(["start", "-w", "-t", "60", "-D"])
                .arg(&standby.dir)
                .arg("-l")
                .arg(&log)
                // A small cache: it shares the machine with the primary.
                .args(["-o", &format!("-p {port} -c shared_buffers=32MB")]),
        )?;
        Ok(standby)
    }

    /// The standby's URL of the database the primary's `url` names.
    pub fn url_of(&self, url: &str) -> String {
        let mut url = url::Url::parse(url).unwrap_or_else(|_| self.primary.clone());
        let _ = url.set_port(Some(self.port));
        url.to_string()
    }

    fn admin(&self) -> anyhow::Result<PgConnection> {
        Ok(PgConnection::establish(
            &self.url_of(self.primary.as_str()),
        )?)
    }

    /// Waits until the standby has replayed everything the primary has written so far (the
    /// creation of a test's database among it).
    pub fn catch_up(&self) -> anyhow::Result<()> {
        let mut primary = PgConnection::establish(self.primary.as_str())?;
        #[derive(QueryableByName)]
        struct Lsn {
            #[diesel(sql_type = Text)]
            lsn: String,
        }
        let Lsn { lsn } = diesel::sql_query("SELECT pg_current_wal_lsn()::text AS lsn")
            .get_result(&mut primary)?;
        self.wait_for(&format!(
            "SELECT COALESCE(pg_last_wal_replay_lsn() >= '{lsn}'::pg_lsn, false) AS yes"
        ))
    }

    /// Stops replaying the primary's WAL (the standby keeps answering with what it has).
    pub fn pause(&self) -> anyhow::Result<()> {
        diesel::sql_query("SELECT pg_wal_replay_pause()").execute(&mut self.admin()?)?;
        self.wait_for("SELECT pg_get_wal_replay_pause_state() = 'paused' AS yes")
    }

    pub fn resume(&self) -> anyhow::Result<()> {
        diesel::sql_query("SELECT pg_wal_replay_resume()").execute(&mut self.admin()?)?;
        Ok(())
    }

    /// Shuts the standby down (dropping it also removes its files).
    pub fn stop(&self) -> anyhow::Result<()> {
        self.tool(
            Command::new(self.bin.join("pg_ctl"))
                .args(["stop", "-m", "immediate", "-w", "-D"])
                .arg(&self.dir),
        )
        .map(drop)
    }

    fn wait_for(&self, query: &str) -> anyhow::Result<()> {
        let until = Instant::now() + PATIENCE;
        loop {
            let answer = self
                .admin()
                .and_then(|mut c| Ok(diesel::sql_query(query).get_result::<Answer>(&mut c)?));
            match answer {
                Ok(Answer { yes: true }) => return Ok(()),
                _ if Instant::now() < until => std::thread::sleep(Duration::from_millis(20)),
                other => bail!(
                    "the standby never answered yes to {query}: {:?}",
                    other.err()
                ),
            }
        }
    }

    /// Runs a PostgreSQL tool as the postgres user (PostgreSQL refuses root).
    fn tool(&self, command: &mut Command) -> anyhow::Result<Output> {
        if let Some(user) = postgres_user()? {
            command
                .uid(user.uid.as_raw())
                .gid(user.gid.as_raw())
                .env("HOME", &user.dir)
                .current_dir("/");
        }
        let out = command
            .output()
            .with_context(|| format!("running {command:?}"))?;
        if !out.status.success() {
            bail!(
                "{command:?} failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        Ok(out)
    }
}

impl Drop for Standby {
    fn drop(&mut self) {
        let _ = self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Has the primary keep recent WAL without a slot (a reload, no restart; kept by the
/// cluster for later runs).
fn keep_wal(primary_url: &str) -> anyhow::Result<()> {
    let mut primary = PgConnection::establish(primary_url)?;
    let kept: Answer = diesel::sql_query(
        "SELECT pg_size_bytes(current_setting('wal_keep_size')) >= 256 * 1024 * 1024 AS yes",
    )
    .get_result(&mut primary)?;
    if !kept.yes {
        diesel::sql_query("ALTER SYSTEM SET wal_keep_size = '256MB'").execute(&mut primary)?;
        diesel::sql_query("SELECT pg_reload_conf()").execute(&mut primary)?;
        // The reload reaches the checkpointer a moment later.
        std::thread::sleep(Duration::from_millis(200));
    }
    Ok(())
}

fn postgres_user() -> anyhow::Result<Option<User>> {
    if !Uid::effective().is_root() {
        return Ok(None);
    }
    User::from_name("postgres")?
        .map(Some)
        .context("running as root without a postgres user")
}

/// The newest installed server's programs (pg_basebackup must match the primary's version).
fn server_binaries() -> anyhow::Result<PathBuf> {
    let mut installed: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")?
        .flatten()
        .filter_map(|d| {
            let version = d.file_name().to_str()?.split('.').next()?.parse().ok()?;
            Some((version, d.path().join("bin")))
        })
        .filter(|(_, bin)| bin.join("pg_basebackup").is_file())
        .collect();
    installed.sort();
    installed
        .pop()
        .map(|(_, bin)| bin)
        .context("no pg_basebackup under /usr/lib/postgresql")
}
