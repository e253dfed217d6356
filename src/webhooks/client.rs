//! One HTTP client for every delivery: the checked resolver, a timeout, and redirects followed
//! only on the same host and port (a redirect elsewhere is answered as it is: not delivered).

use std::net::IpAddr;
use std::sync::Arc;

use reqwest::redirect::Policy;

use super::address::{CheckedResolver, RefusedAddress, is_public};
use super::settings::WebhookSettings;

/// Redirects followed on one host at most; POST stays POST only on 307 and 308.
const MAX_REDIRECTS: usize = 3;

pub fn build(settings: &WebhookSettings) -> reqwest::Result<reqwest::Client> {
    let policy = Policy::custom(|attempt| {
        let origin = |url: &reqwest::Url| {
            (
                url.host_str().map(str::to_owned),
                url.port_or_known_default(),
            )
        };
        let same = attempt.previous().first().map(origin) == Some(origin(attempt.url()));
        if same && attempt.previous().len() <= MAX_REDIRECTS {
            attempt.follow()
        } else {
            attempt.stop()
        }
    });
    reqwest::Client::builder()
        .timeout(settings.timeout)
        .redirect(policy)
        .dns_resolver(Arc::new(CheckedResolver {
            allow_private: settings.allow_private,
        }))
        // No proxy from the environment: it would resolve the names, not our resolver.
        .no_proxy()
        .user_agent(concat!(
            "talent-tracker-webhooks/",
            env!("CARGO_PKG_VERSION")
        ))
        .build()
}

/// What came of one attempt.
pub enum Outcome {
    /// A 2xx answer.
    Delivered(u16),
    /// Another answer, or none; `code` when there was an answer.
    Failed {
        error: String,
        code: Option<u16>,
        retry: bool,
    },
}

/// Posts `body` to `url` with the Standard Webhooks headers.
pub async fn post(
    client: &reqwest::Client,
    allow_private: bool,
    url: &str,
    headers: [(&str, String); 3],
    body: String,
) -> Outcome {
    let parsed = match reqwest::Url::parse(url) {
        Ok(parsed) => parsed,
        Err(e) => return failed(format!("the URL {url:?}: {e}"), None, false),
    };
    // An address in the URL is not resolved, so the resolver never sees it: checked here.
    let literal = match parsed.host() {
        Some(url::Host::Ipv4(ip)) => Some(IpAddr::V4(ip)),
        Some(url::Host::Ipv6(ip)) => Some(IpAddr::V6(ip)),
        _ => None,
    };
    if let Some(ip) = literal.filter(|ip| !allow_private && !is_public(*ip)) {
        return failed(RefusedAddress(ip.to_string()).to_string(), None, false);
    }
    let mut request = client
        .post(parsed)
        .header(reqwest::header::CONTENT_TYPE, "application/json");
    for (name, value) in headers {
        request = request.header(name, value);
    }
    match request.body(body).send().await {
        Ok(response) if response.status().is_success() => {
            Outcome::Delivered(response.status().as_u16())
        }
        Ok(response) if response.status().is_redirection() => {
            let to = response
                .headers()
                .get(reqwest::header::LOCATION)
                .and_then(|l| l.to_str().ok())
                .unwrap_or("nowhere")
                .to_owned();
            let code = response.status().as_u16();
            failed(
                format!("answered {code}, a redirect to {to} (not followed to another host)"),
                Some(code),
                true,
            )
        }
        Ok(response) => {
            let code = response.status().as_u16();
            failed(format!("answered {}", response.status()), Some(code), true)
        }
        Err(e) => {
            // Without the URL, which the page shows anyway and the log must not.
            let e = e.without_url();
            let refused = chain_has::<RefusedAddress>(&e);
            failed(chain(&e), None, !refused)
        }
    }
}

fn failed(error: String, code: Option<u16>, retry: bool) -> Outcome {
    Outcome::Failed { error, code, retry }
}

/// The error and its causes, as one line (reqwest's own message hides the cause).
fn chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(e) = cause {
        text.push_str(": ");
        text.push_str(&e.to_string());
        cause = e.source();
    }
    text
}

fn chain_has<T: std::error::Error + 'static>(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(error);
    while let Some(e) = cause {
        if e.is::<T>() {
            return true;
        }
        cause = e.source();
    }
    false
}
