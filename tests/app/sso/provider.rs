//! A real OpenID provider on loopback for the single sign-on tests: the certified
//! `oidc-provider` from npm on Node.js, with the script tests/oidc/provider.mjs, and a client
//! that plays the browser's part at the provider.

use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use talent_tracker::auth::sso::{RoleRule, SsoSettings};
use talent_tracker::domain::Role;

/// The site the test apps say they are at: the provider takes any loopback port.
pub const SITE: &str = "http://127.0.0.1:8000";

pub struct OidcProvider {
    pub port: u16,
    server: Child,
}

/// Whether node and the installed package are here; under CI (.ci/run installs them) their
/// absence is a failure, elsewhere the test skips.
pub fn installed() -> anyhow::Result<bool> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oidc");
    let node = Command::new("node")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if node && folder.join("node_modules/oidc-provider").is_dir() {
        return Ok(true);
    }
    anyhow::ensure!(
        std::env::var_os("CI").is_none(),
        "CI must have node and oidc-provider (npm ci in tests/oidc)"
    );
    eprintln!("single sign-on test skipped: `npm ci` in tests/oidc (with Node.js) to run it");
    Ok(false)
}

/// A free loopback port.
pub fn free_port() -> anyhow::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

impl OidcProvider {
    /// The provider on a free port, listening; `None` when the test skips.
    pub fn start() -> anyhow::Result<Option<OidcProvider>> {
        if !installed()? {
            return Ok(None);
        }
        Ok(Some(OidcProvider::on(free_port()?)?))
    }

    /// The provider on `port`, listening.
    pub fn on(port: u16) -> anyhow::Result<OidcProvider> {
        OidcProvider::serve(port, &[])
    }

    /// A provider that keeps the e-mail and groups out of the ID token, at its userinfo
    /// endpoint; `None` when the test skips.
    pub fn with_claims_at_userinfo() -> anyhow::Result<Option<OidcProvider>> {
        if !installed()? {
            return Ok(None);
        }
        Ok(Some(OidcProvider::serve(
            free_port()?,
            &["--claims-at-userinfo"],
        )?))
    }

    /// The provider on `port` signing with a key of its own, made as it starts: started again,
    /// it has rotated its keys.
    pub fn with_new_keys_on(port: u16) -> anyhow::Result<OidcProvider> {
        OidcProvider::serve(port, &["--new-keys"])
    }

    fn serve(port: u16, options: &[&str]) -> anyhow::Result<OidcProvider> {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oidc");
        let server = Command::new("node")
            .arg("provider.mjs")
            .arg(port.to_string())
            .args(options)
            .current_dir(folder)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        let provider = OidcProvider { port, server };
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            anyhow::ensure!(Instant::now() < deadline, "oidc-provider did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(provider)
    }

    pub fn issuer(&self) -> String {
        issuer(self.port)
    }

    /// The app's settings for this provider, the role from `groups`: hr-admins are admins,
    /// recruiting recruiters.
    pub fn settings(&self, site: &str) -> SsoSettings {
        settings(self.port, site)
    }

    /// Signs `email` in at the provider for the authorization URL the app sent the browser to,
    /// and answers where the provider sends the browser back to: the app's callback path with
    /// its query.
    pub fn sign_in(&self, authorization_url: &str, email: &str) -> anyhow::Result<String> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .max_redirects(0)
            .max_redirects_will_error(false)
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(30)))
            .build()
            .into();
        let mut url = format!("{authorization_url}&login_hint={}", encode(email));
        let mut cookies: Vec<String> = Vec::new();
        for _ in 0..10 {
            let mut request = agent.get(&url);
            if !cookies.is_empty() {
                request = request.header("Cookie", cookies.join("; "));
            }
            let response = request.call()?;
            for value in response.headers().get_all("set-cookie") {
                if let Some(pair) = value.to_str().ok().and_then(|v| v.split(';').next()) {
                    let name = pair.split('=').next().unwrap_or_default().to_owned();
                    cookies.retain(|c| !c.starts_with(&format!("{name}=")));
                    cookies.push(pair.to_owned());
                }
            }
            let status = response.status().as_u16();
            let location = response
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .map(str::to_owned);
            let Some(location) = location.filter(|_| (300..400).contains(&status)) else {
                let body = response.into_body().read_to_string().unwrap_or_default();
                anyhow::bail!("the provider answered {status} at {url}: {body}");
            };
            if let Some(back) = location.strip_prefix(SITE) {
                return Ok(back.to_owned());
            }
            url = if location.starts_with('/') {
                format!("{}{location}", self.issuer())
            } else {
                location
            };
        }
        anyhow::bail!("the provider kept redirecting")
    }
}

pub fn issuer(port: u16) -> String {
    format!("http://127.0.0.1:{port}")
}

pub fn settings(port: u16, site: &str) -> SsoSettings {
    SsoSettings {
        issuer: issuer(port),
        client_id: "talent-tracker".to_owned(),
        client_secret: "test-secret".to_owned(),
        redirect_url: format!("{site}/sso/callback"),
        name: "Test ID".to_owned(),
        roles: RoleRule::Claim {
            claim: "groups".to_owned(),
            groups: vec![
                ("hr-admins".to_owned(), Role::Admin),
                ("recruiting".to_owned(), Role::Recruiter),
            ],
        },
        password_login: true,
    }
}

fn encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

impl Drop for OidcProvider {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}
