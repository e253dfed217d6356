//! What the benchmark and the load test share: the local PostgreSQL, databases filled by
//! `talent-tracker generate`, the release server as a child process, a logged-in HTTP client,
//! and the SQL the server ran, read back from PostgreSQL's log.

#![allow(dead_code)] // each bench target uses its own part of this module

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use talent_tracker::db::local;

pub mod duckdb;
pub mod forms;
pub mod open_loop;
pub mod report_sql;

pub const BIN: &str = env!("CARGO_BIN_EXE_talent-tracker");
pub const EMAIL: &str = "bench@example.com";
pub const PASSWORD: &str = "a benchmark password";

/// The project's local cluster (the one `cargo run` uses), started if needed.
pub struct Cluster {
    pub data_dir: PathBuf,
    server: String,
}

impl Cluster {
    pub fn start() -> anyhow::Result<Cluster> {
        let data_dir = local::default_data_dir();
        let cluster = local::ensure_running(&data_dir)?;
        Ok(Cluster {
            server: cluster.url("postgres"),
            data_dir,
        })
    }

    /// A cluster of its own in `data_dir` (the load test stops and starts it).
    pub fn from_local(data_dir: &std::path::Path, cluster: &local::LocalCluster) -> Cluster {
        Cluster {
            server: cluster.url("postgres"),
            data_dir: data_dir.to_owned(),
        }
    }

    pub fn url(&self, database: &str) -> String {
        format!("{}/{database}", self.server.trim_end_matches("/postgres"))
    }

    /// psql on `database`, quiet, without reading ~/.psqlrc, stopping at the first error.
    pub fn psql(&self, database: &str) -> Command {
        let mut command = Command::new("psql");
        command
            .arg("-X")
            .arg("-q")
            .args(["-v", "ON_ERROR_STOP=1"])
            .arg(self.url(database));
        command
    }

    pub fn sql(&self, database: &str, sql: &str) -> anyhow::Result<String> {
        let out = self
            .psql(database)
            .args(["-A", "-t", "-c", sql])
            .output()
            .context("psql (install postgresql-client)")?;
        if !out.status.success() {
            bail!("psql: {}", String::from_utf8_lossy(&out.stderr));
        }
        Ok(String::from_utf8(out.stdout)?.trim().to_owned())
    }

    pub fn recreate(&self, database: &str) -> anyhow::Result<()> {
        self.sql(
            "postgres",
            &format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"),
        )?;
        self.sql("postgres", &format!("CREATE DATABASE {database}"))?;
        Ok(())
    }

    /// `to` made afresh as a copy of `from` (nobody may be connected to `from`).
    pub fn copy(&self, from: &str, to: &str) -> anyhow::Result<()> {
        self.sql(
            "postgres",
            &format!("DROP DATABASE IF EXISTS {to} WITH (FORCE)"),
        )?;
        // FILE_COPY copies the files as they are: for a database of gigabytes much quicker than
        // writing every block to the WAL (the default since PostgreSQL 15).
        self.sql(
            "postgres",
            &format!("CREATE DATABASE {to} TEMPLATE {from} STRATEGY FILE_COPY"),
        )?;
        Ok(())
    }

    pub fn exists(&self, database: &str) -> anyhow::Result<bool> {
        Ok(self.sql(
            "postgres",
            &format!("SELECT count(*) FROM pg_database WHERE datname = '{database}'"),
        )? == "1")
    }

    /// A database of `people` generated people from `seed`, made once and kept: generating a
    /// million takes a minute or two. Returns the seconds generation took, when it ran.
    pub fn generated(&self, database: &str, people: u64, seed: u64) -> anyhow::Result<Option<f64>> {
        let marker = format!("generated {people} people from seed {seed}");
        if self.exists(database)?
            && self.sql(
                database,
                "SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database \
                 WHERE datname = current_database()",
            )? == marker
        {
            return Ok(None);
        }
        self.recreate(database)?;
        eprintln!("Generating {people} people into {database} (once; kept for later runs)...");
        let started = Instant::now();
        let status = Command::new(BIN)
            .args([
                "generate",
                "--people",
                &people.to_string(),
                "--seed",
                &seed.to_string(),
            ])
            .env("DATABASE_URL", self.url(database))
            .status()?;
        if !status.success() {
            bail!("talent-tracker generate failed");
        }
        let seconds = started.elapsed().as_secs_f64();
        self.sql(
            database,
            &format!("COMMENT ON DATABASE {database} IS '{marker}'"),
        )?;
        Ok(Some(seconds))
    }

    /// Creates the benchmark's admin user unless it exists.
    pub fn ensure_user(&self, database: &str) -> anyhow::Result<()> {
        let known = self.sql(
            database,
            &format!("SELECT count(*) FROM app_user WHERE email = '{EMAIL}'"),
        )?;
        if known == "1" {
            return Ok(());
        }
        let mut child = Command::new(BIN)
            .args(["user", "create", "--email", EMAIL, "--role", "admin"])
            .env("DATABASE_URL", self.url(database))
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()?;
        child
            .stdin
            .take()
            .context("stdin")?
            .write_all(format!("{PASSWORD}\n").as_bytes())?;
        if !child.wait()?.success() {
            bail!("could not create the benchmark user");
        }
        Ok(())
    }

    /// Runs `during` with every statement logged, and returns the statements the app
    /// executed meanwhile with their parameters written in, ready for psql or pgbench.
    pub fn capture_sql(
        &self,
        during: impl FnOnce() -> anyhow::Result<()>,
    ) -> anyhow::Result<Vec<String>> {
        let log = local::server_log(&self.data_dir)?;
        let set = |value: &str| -> anyhow::Result<()> {
            self.sql(
                "postgres",
                &format!("ALTER SYSTEM SET log_min_duration_statement = {value}"),
            )?;
            self.sql("postgres", "SELECT pg_reload_conf()")?;
            // Sessions take the new setting at their next command; give the signal a moment.
            std::thread::sleep(Duration::from_millis(300));
            Ok(())
        };
        set("0")?;
        let start = std::fs::metadata(&log)?.len();
        let outcome = during();
        set("-1")?;
        outcome?;
        let mut text = String::new();
        let mut file = std::fs::File::open(&log)?;
        std::io::Seek::seek(&mut file, std::io::SeekFrom::Start(start))?;
        file.read_to_string(&mut text)?;
        Ok(statements_in_log(&text))
    }
}

/// Log records start with a timestamp line; a statement spans lines until the next record.
fn statements_in_log(text: &str) -> Vec<String> {
    let mut records: Vec<String> = Vec::new();
    for line in text.lines() {
        let is_start = line.len() > 24 && line.as_bytes()[4] == b'-' && line.contains(" UTC [");
        if is_start || records.is_empty() {
            records.push(line.to_owned());
        } else if let Some(last) = records.last_mut() {
            last.push('\n');
            last.push_str(line);
        }
    }
    let mut statements = Vec::new();
    let mut i = 0;
    while i < records.len() {
        let record = &records[i];
        if let Some(at) = record.find(" execute ") {
            let rest = &record[at + " execute ".len()..];
            let sql = rest
                .split_once(": ")
                .map_or(rest, |(_, sql)| sql)
                .to_owned();
            let params = records
                .get(i + 1)
                .and_then(|next| next.split_once("DETAIL:  parameters: "))
                .map(|(_, p)| parse_parameters(p))
                .unwrap_or_default();
            statements.push(inline(&sql, &params));
        }
        i += 1;
    }
    statements
}

/// `$1 = 'USD', $2 = NULL` → ["'USD'", "NULL"] (values stay SQL literals).
fn parse_parameters(text: &str) -> Vec<String> {
    let mut values = Vec::new();
    let mut rest = text.trim();
    while let Some(eq) = rest.find(" = ") {
        rest = &rest[eq + 3..];
        if let Some(after) = rest.strip_prefix("NULL") {
            values.push("NULL".to_owned());
            rest = after;
        } else if rest.starts_with('\'') {
            let bytes = rest.as_bytes();
            let mut end = 1;
            while end < bytes.len() {
                if bytes[end] == b'\'' {
                    if bytes.get(end + 1) == Some(&b'\'') {
                        end += 2;
                        continue;
                    }
                    break;
                }
                end += 1;
            }
            values.push(rest[..=end.min(rest.len() - 1)].to_owned());
            rest = &rest[(end + 1).min(rest.len())..];
        }
        rest = rest.trim_start_matches(", ");
    }
    values
}

fn inline(sql: &str, params: &[String]) -> String {
    let mut sql = sql.to_owned();
    // $10 before $1, so one never eats the other's prefix.
    for (n, value) in params.iter().enumerate().rev() {
        sql = sql.replace(&format!("${}", n + 1), value);
    }
    sql
}

/// The release server as a child process, on its own port.
pub struct Server {
    child: Child,
    pub port: u16,
}

impl Server {
    pub fn start(database_url: &str, extra_env: &[(&str, &str)]) -> anyhow::Result<Server> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let mut command = Command::new(BIN);
        command
            .env("DATABASE_URL", database_url)
            .env("ROCKET_PORT", port.to_string())
            .env("ROCKET_ADDRESS", "127.0.0.1")
            .env("ROCKET_LOG_LEVEL", "critical")
            .env(
                "ROCKET_SECRET_KEY",
                "hPRYyVRiMyxpw5sBB1XeCMN1kFsDCqKvBi2QJxBVHQk=",
            )
            .env("TALENT_TRACKER_DEMO", "false")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        for (key, value) in extra_env {
            command.env(key, value);
        }
        let server = Server {
            child: command.spawn()?,
            port,
        };
        // The server applies pending migrations before it answers: at a million people a
        // migration that rewrites the kept figures takes minutes.
        let deadline = Instant::now() + Duration::from_secs(15 * 60);
        while Instant::now() < deadline {
            if let Ok((200, _)) = Client::anonymous(port).get_text("/readyz") {
                return Ok(server);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        bail!("the server did not become ready");
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Resets the process's peak memory, so the next `peak_rss_kib` covers only what follows.
    pub fn reset_peak_rss(&self) -> anyhow::Result<()> {
        std::fs::write(format!("/proc/{}/clear_refs", self.pid()), "5")
            .context("resetting the peak RSS (Linux, run as root or as the server's owner)")
    }

    pub fn peak_rss_kib(&self) -> anyhow::Result<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()))?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
            .context("VmHWM")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A logged-in user's HTTP client: the session cookie and the form token.
#[derive(Clone)]
pub struct Client {
    agent: ureq::Agent,
    base: String,
    pub cookie: String,
    pub csrf: String,
}

impl Client {
    pub fn anonymous(port: u16) -> Client {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .max_redirects(0)
            .max_redirects_will_error(false)
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(120)))
            .build()
            .into();
        Client {
            agent,
            base: format!("http://127.0.0.1:{port}"),
            cookie: String::new(),
            csrf: String::new(),
        }
    }

    /// The same session over connections of its own (one per load-test worker).
    pub fn sharing(&self) -> Client {
        let mut client = Client::anonymous(0);
        client.base = self.base.clone();
        client.cookie = self.cookie.clone();
        client.csrf = self.csrf.clone();
        client
    }

    /// The same session, cookies and form token, sent to the instance on `port`.
    pub fn sharing_on(&self, port: u16) -> Client {
        let mut client = self.sharing();
        client.base = format!("http://127.0.0.1:{port}");
        client
    }

    pub fn log_in(port: u16) -> anyhow::Result<Client> {
        let mut client = Client::anonymous(port);
        let login = client.agent.get(format!("{}/login", client.base)).call()?;
        client.take_cookies(&login);
        let page = login.into_body().read_to_string()?;
        client.csrf = csrf_token(&page)?;
        let answer = client
            .agent
            .post(format!("{}/login", client.base))
            .header("Cookie", &client.cookie)
            .send_form([
                ("csrf_token", client.csrf.as_str()),
                ("email", EMAIL),
                ("password", PASSWORD),
            ])?;
        if answer.status() != 303 {
            bail!("logging in answered {}", answer.status());
        }
        client.take_cookies(&answer);
        let (_, page) = client.get_text("/people/new")?;
        client.csrf = csrf_token(&page)?;
        Ok(client)
    }

    fn take_cookies(&mut self, response: &ureq::http::Response<ureq::Body>) {
        for value in response.headers().get_all("set-cookie") {
            if let Some(pair) = value.to_str().ok().and_then(|v| v.split(';').next()) {
                let name = pair.split('=').next().unwrap_or_default();
                let mut kept: Vec<&str> = self
                    .cookie
                    .split("; ")
                    .filter(|c| !c.is_empty() && !c.starts_with(&format!("{name}=")))
                    .collect();
                kept.push(pair);
                self.cookie = kept.join("; ");
            }
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn get_text(&self, path: &str) -> anyhow::Result<(u16, String)> {
        let mut response = self
            .agent
            .get(self.url(path))
            .header("Cookie", &self.cookie)
            .call()?;
        let status = response.status().as_u16();
        let body = response
            .body_mut()
            .with_config()
            .limit(64 << 20)
            .read_to_string()?;
        Ok((status, body))
    }

    /// Streams a response away, returning its status and size: for downloads of any size.
    pub fn get_discard(&self, path: &str) -> anyhow::Result<(u16, u64)> {
        let response = self
            .agent
            .get(self.url(path))
            .header("Cookie", &self.cookie)
            .call()?;
        let status = response.status().as_u16();
        let bytes = std::io::copy(
            &mut response.into_body().into_reader(),
            &mut std::io::sink(),
        )?;
        Ok((status, bytes))
    }

    /// A form post with the session's token; returns the status and the Location header.
    pub fn post_form(
        &self,
        path: &str,
        fields: &[(&str, &str)],
    ) -> anyhow::Result<(u16, String, String)> {
        let mut all = vec![("csrf_token", self.csrf.as_str())];
        all.extend_from_slice(fields);
        let mut response = self
            .agent
            .post(self.url(path))
            .header("Cookie", &self.cookie)
            .send_form(all)?;
        let location = response
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let status = response.status().as_u16();
        let body = response.body_mut().read_to_string().unwrap_or_default();
        Ok((status, location, body))
    }

    /// Uploads a CSV to the import and confirms its preview; returns the seconds each took.
    pub fn import(&self, file_name: &str, bytes: &[u8]) -> anyhow::Result<(f64, f64)> {
        let started = Instant::now();
        const BOUNDARY: &str = "talent-tracker-bench-boundary";
        let mut body = format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{}\r\n\
             --{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
             Content-Type: text/csv\r\n\r\n",
            self.csrf
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
        let mut preview = self
            .agent
            .post(self.url("/import"))
            .header("Cookie", &self.cookie)
            .header(
                "Content-Type",
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .send(&body[..])?;
        let page = preview
            .body_mut()
            .with_config()
            .limit(256 << 20)
            .read_to_string()?;
        let action = page
            .split("action=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .find(|a| a.ends_with("/confirm"))
            .with_context(|| format!("no confirm form in the preview ({})", preview.status()))?
            .to_owned();
        let previewed = started.elapsed().as_secs_f64();
        let (status, _, _) = self.post_form(&action, &[])?;
        if status != 303 {
            bail!("confirming the import answered {status}");
        }
        Ok((previewed, started.elapsed().as_secs_f64() - previewed))
    }
}

fn csrf_token(page: &str) -> anyhow::Result<String> {
    page.split("name=\"csrf_token\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(str::to_owned)
        .context("no csrf_token in the page")
}

/// A numeric setting from the environment (TT_BENCH_*, TT_LOAD_*), or its default.
pub fn env_or<T: std::str::FromStr>(name: &str, default: T) -> anyhow::Result<T> {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .ok()
            .with_context(|| format!("{name}={v} is not a number")),
        Err(_) => Ok(default),
    }
}

/// The median of some timings.
pub fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// The `p`th percentile (0–100) of sorted values, nearest rank.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

pub fn time<T>(work: impl FnOnce() -> anyhow::Result<T>) -> anyhow::Result<(f64, T)> {
    let started = Instant::now();
    let value = work()?;
    Ok((started.elapsed().as_secs_f64(), value))
}
