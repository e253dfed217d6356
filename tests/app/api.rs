//! The JSON API under /api/v1/ with personal tokens: what each role and scope may read and
//! write, that a viewer never receives pay, versions and cursors, and the OpenAPI document
//! checked by an outside tool against the live API.

mod conformance;
mod decisions;
mod paging;
mod pay_privacy;
mod tokens;
mod webhooks;
mod writes;

use rocket::http::{ContentType, Header, Method, Status};
use serde_json::Value;
use talent_tracker::domain::Role;
use talent_tracker::models::{ApiToken, User};

use crate::common::TestApp;

/// An API answer: status, JSON body (Null when there is none), and the headers tests read.
#[derive(Debug)]
pub struct Answer {
    pub status: Status,
    pub body: Value,
    pub raw: String,
    pub etag: Option<String>,
    pub content_type: Option<String>,
    pub location: Option<String>,
}

/// Sends an API request with `token` as bearer (and `if_match`, `body` as JSON when given).
pub fn call(
    app: &TestApp,
    method: Method,
    uri: &str,
    token: Option<&str>,
    if_match: Option<&str>,
    body: Option<&Value>,
) -> Answer {
    let mut request = app.client.req(method, uri.to_owned());
    if let Some(token) = token {
        request.add_header(Header::new("Authorization", format!("Bearer {token}")));
    }
    if let Some(tag) = if_match {
        request.add_header(Header::new("If-Match", tag.to_owned()));
    }
    if let Some(body) = body {
        request.add_header(ContentType::JSON);
        request.set_body(body.to_string());
    }
    let response = request.dispatch();
    let header = |name: &str| response.headers().get_one(name).map(str::to_owned);
    let (etag, location) = (header("ETag"), header("Location"));
    let content_type = response.content_type().map(|c| c.to_string());
    let status = response.status();
    let raw = response.into_string().unwrap_or_default();
    Answer {
        status,
        body: serde_json::from_str(&raw).unwrap_or(Value::Null),
        raw,
        etag,
        content_type,
        location,
    }
}

pub fn get(app: &TestApp, uri: &str, token: &str) -> Answer {
    call(app, Method::Get, uri, Some(token), None, None)
}

pub fn post(app: &TestApp, uri: &str, token: &str, body: &Value) -> Answer {
    call(app, Method::Post, uri, Some(token), None, Some(body))
}

pub fn put(app: &TestApp, uri: &str, token: &str, tag: &str, body: &Value) -> Answer {
    call(app, Method::Put, uri, Some(token), Some(tag), Some(body))
}

/// A token for `<role>@example.com` (made a user if new), full scope or read-only.
pub fn token_for(app: &TestApp, role: Role, read_only: bool) -> anyhow::Result<String> {
    let email = format!("{}@example.com", role.as_str());
    let mut conn = app.conn()?;
    let user = match User::find_by_email(&mut conn, &email)? {
        Some(user) => user,
        None => app.add_user(&email, role)?,
    };
    let (_, secret) = ApiToken::create(&mut conn, user.id, "test", read_only, 30)?;
    Ok(secret)
}

/// A company as the API takes it.
pub fn company(name: &str) -> Value {
    serde_json::json!({ "name": name, "kind": "ai_lab", "country": "FR" })
}
