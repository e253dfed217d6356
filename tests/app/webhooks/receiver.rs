//! A webhook receiver on loopback for the webhook tests: tests/webhook_receiver.py, which
//! verifies every delivery with the Standard Webhooks reference library and writes it as a JSON
//! file into a folder.

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A delivery as the receiver got it.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Delivery {
    pub path: String,
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub verified: bool,
    #[serde(default)]
    pub error: Option<String>,
    #[serde(default)]
    pub payload: Option<serde_json::Value>,
    #[serde(default)]
    pub redirected: bool,
}

impl Delivery {
    pub fn event(&self) -> &str {
        self.payload
            .as_ref()
            .and_then(|p| p.get("type")?.as_str())
            .unwrap_or("")
    }

    pub fn data(&self) -> serde_json::Value {
        self.payload
            .as_ref()
            .and_then(|p| p.get("data").cloned())
            .unwrap_or_default()
    }
}

pub struct Receiver {
    pub port: u16,
    folder: PathBuf,
    server: Option<Child>,
}

impl Receiver {
    /// A receiver on a free port, running; `None` (the test skips) without standardwebhooks,
    /// except under CI, where .ci/run installs it and its absence is a failure.
    pub fn start() -> anyhow::Result<Option<Receiver>> {
        let installed = Command::new("python3")
            .args(["-c", "import standardwebhooks"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !installed {
            anyhow::ensure!(
                std::env::var_os("CI").is_none(),
                "CI must have standardwebhooks (pip install standardwebhooks)"
            );
            eprintln!("webhook test skipped: `pip install standardwebhooks` to run it");
            return Ok(None);
        }
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let folder = std::env::temp_dir().join(format!("tt-hooks-{}-{port}", std::process::id()));
        std::fs::create_dir_all(folder.join("secrets"))?;
        let mut receiver = Receiver {
            port,
            folder,
            server: None,
        };
        receiver.resume()?;
        Ok(Some(receiver))
    }

    /// The URL of the endpoint `name`, whose deliveries are verified with `secret`.
    pub fn endpoint(&self, name: &str, secret: &str) -> anyhow::Result<String> {
        std::fs::write(self.folder.join("secrets").join(name), secret)?;
        Ok(self.url(&format!("/hook/{name}")))
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Stops the receiver: deliveries now find nobody listening.
    pub fn stop(&mut self) {
        if let Some(mut server) = self.server.take() {
            let _ = server.kill();
            let _ = server.wait();
        }
    }

    /// Starts the receiver (again) on its port and waits until it listens.
    pub fn resume(&mut self) -> anyhow::Result<()> {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/webhook_receiver.py");
        let server = Command::new("python3")
            .arg(script)
            .arg(self.port.to_string())
            .arg(&self.folder)
            .stdout(Stdio::null())
            .spawn()?;
        self.server = Some(server);
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            anyhow::ensure!(
                Instant::now() < deadline,
                "the webhook receiver did not start listening"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(())
    }

    /// Every delivery received so far.
    pub fn received(&self) -> anyhow::Result<Vec<Delivery>> {
        let mut deliveries = Vec::new();
        for entry in std::fs::read_dir(&self.folder)? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "json") {
                deliveries.push(serde_json::from_str(&std::fs::read_to_string(&path)?)?);
            }
        }
        Ok(deliveries)
    }

    /// The deliveries to the endpoint `name`, once there are `count` (within a minute).
    pub fn wait_for(&self, name: &str, count: usize) -> anyhow::Result<Vec<Delivery>> {
        let path = format!("/hook/{name}");
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let theirs: Vec<Delivery> = self
                .received()?
                .into_iter()
                .filter(|d| d.path == path)
                .collect();
            if theirs.len() >= count {
                return Ok(theirs);
            }
            anyhow::ensure!(
                Instant::now() < deadline,
                "{count} deliveries to {name} did not arrive; got {theirs:?}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}
