//! Finding PostgreSQL's server programs and running them as a user they accept.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use anyhow::{Context, bail};
use nix::unistd::{Uid, User};

/// The folder holding initdb and pg_ctl: on PATH, else the newest /usr/lib/postgresql/*/bin.
pub(super) fn find_server_binaries() -> anyhow::Result<PathBuf> {
    let on_path = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default();
    let mut installed: Vec<PathBuf> = fs::read_dir("/usr/lib/postgresql")
        .map(|dirs| dirs.flatten().map(|d| d.path().join("bin")).collect())
        .unwrap_or_default();
    installed.sort_by_key(|p| version_of(p));
    on_path
        .into_iter()
        .chain(installed.into_iter().rev())
        .find(|dir| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file())
        .ok_or_else(|| {
            anyhow::anyhow!(
                "no PostgreSQL server binaries found (initdb and pg_ctl on PATH or under \
                 /usr/lib/postgresql/*/bin). Install them (Debian: apt-get install postgresql) \
                 or set DATABASE_URL to a PostgreSQL server you already run."
            )
        })
}

fn version_of(bin: &Path) -> u32 {
    bin.parent()
        .and_then(|v| v.file_name())
        .and_then(|v| v.to_str())
        .and_then(|v| v.split('.').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// Runs PostgreSQL's tools as ourselves, or as the `postgres` user when we are root
/// (PostgreSQL refuses to run as root).
pub(super) enum Runner {
    Myself,
    As(User),
}

impl Runner {
    pub(super) fn for_current_user() -> anyhow::Result<Self> {
        if !Uid::effective().is_root() {
            return Ok(Runner::Myself);
        }
        match User::from_name("postgres")? {
            Some(user) => Ok(Runner::As(user)),
            None => bail!(
                "running as root, and PostgreSQL refuses to run as root: create a `postgres` \
                 system user (Debian's postgresql package does) or set DATABASE_URL"
            ),
        }
    }

    pub(super) fn run(&self, command: &mut Command) -> anyhow::Result<Output> {
        if let Runner::As(user) = self {
            command
                .uid(user.uid.as_raw())
                .gid(user.gid.as_raw())
                .env("HOME", &user.dir)
                .current_dir("/");
        }
        command
            .output()
            .with_context(|| format!("cannot run {command:?}"))
    }

    /// `pgdata` inside the data folder, unless the postgres user cannot reach it there (a
    /// checkout under /root): then a folder of its own under /var/lib named after the project.
    pub(super) fn pgdata_for(&self, data_dir: &Path) -> anyhow::Result<PathBuf> {
        let reachable = match self {
            Runner::Myself => true,
            Runner::As(_) => self
                .run(Command::new("test").arg("-x").arg(data_dir))?
                .status
                .success(),
        };
        if reachable {
            return Ok(data_dir.join("pgdata"));
        }
        let name: String = data_dir
            .to_string_lossy()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        let outside = Path::new("/var/lib/talent-tracker").join(name);
        fs::create_dir_all(&outside)?;
        fs::set_permissions(&outside, fs::Permissions::from_mode(0o755))?;
        Ok(outside.join("pgdata"))
    }

    pub(super) fn prepare_dir(&self, dir: &Path) -> anyhow::Result<()> {
        fs::create_dir_all(dir)?;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
        self.give_file(dir)
    }

    pub(super) fn give_file(&self, path: &Path) -> anyhow::Result<()> {
        if let Runner::As(user) = self {
            std::os::unix::fs::chown(path, Some(user.uid.as_raw()), Some(user.gid.as_raw()))?;
        }
        Ok(())
    }
}
