//! A real SMTP server on loopback for the mail tests: Python's aiosmtpd with the handler in
//! tests/smtp_sink.py, which writes each message it accepts as a JSON file into a folder.

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A message as the server received it, its parts decoded.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Received {
    pub rcpt_tos: Vec<String>,
    pub from: String,
    pub subject: String,
    pub content_type: String,
    pub text: String,
    pub html: String,
}

pub struct SmtpSink {
    pub port: u16,
    folder: PathBuf,
    server: Option<Child>,
}

impl SmtpSink {
    /// A server on a free port, running; `None` (the test skips) without aiosmtpd, except
    /// under CI, where .ci/run installs it and its absence is a failure.
    pub fn start() -> anyhow::Result<Option<SmtpSink>> {
        let installed = Command::new("python3")
            .args(["-c", "import aiosmtpd"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !installed {
            anyhow::ensure!(
                std::env::var_os("CI").is_none(),
                "CI must have aiosmtpd (pip install aiosmtpd)"
            );
            eprintln!("mail test skipped: `pip install aiosmtpd` to run it");
            return Ok(None);
        }
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let folder = std::env::temp_dir().join(format!("tt-smtp-{}-{port}", std::process::id()));
        let mut sink = SmtpSink {
            port,
            folder,
            server: None,
        };
        sink.resume()?;
        Ok(Some(sink))
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Stops the server: mail sent now finds nobody listening.
    pub fn stop(&mut self) {
        if let Some(mut server) = self.server.take() {
            let _ = server.kill();
            let _ = server.wait();
        }
    }

    /// Starts the server (again) on its port and waits until it listens.
    pub fn resume(&mut self) -> anyhow::Result<()> {
        let tests = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
        let server = Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{}", self.port))
            .args(["-c", "smtp_sink.JsonFolder"])
            .arg(&self.folder)
            .env("PYTHONPATH", tests)
            .stdout(Stdio::null())
            .spawn()?;
        self.server = Some(server);
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            anyhow::ensure!(
                Instant::now() < deadline,
                "aiosmtpd did not start listening"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(())
    }

    /// Every message received so far.
    pub fn received(&self) -> anyhow::Result<Vec<Received>> {
        let mut messages = Vec::new();
        let Ok(entries) = std::fs::read_dir(&self.folder) else {
            return Ok(messages);
        };
        for entry in entries {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "json") {
                messages.push(serde_json::from_str(&std::fs::read_to_string(&path)?)?);
            }
        }
        Ok(messages)
    }

    /// The messages to `to`, once there are `count` of them (within a minute: a loaded
    /// machine is slower, not wrong).
    pub fn wait_for(&self, to: &str, count: usize) -> anyhow::Result<Vec<Received>> {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let theirs: Vec<Received> = self
                .received()?
                .into_iter()
                .filter(|m| m.rcpt_tos.iter().any(|r| r == to))
                .collect();
            if theirs.len() >= count {
                return Ok(theirs);
            }
            anyhow::ensure!(
                Instant::now() < deadline,
                "{count} mails to {to} did not arrive; got {theirs:?}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}
