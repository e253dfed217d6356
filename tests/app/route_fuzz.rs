//! Every route, for every role, survives random query strings, form bodies and headers: no
//! answer is a 5xx (a handler's panic is one too). The routes come from the built app, so a new
//! route is covered without touching this file; the field names, values and forms to try come
//! from the app's own pages.

mod app_map;
mod inputs;
mod sequences;

use proptest::sample::Index;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use rocket::http::{ContentType, Header, Method, Status};
use rocket::local::blocking::LocalRequest;
use talent_tracker::domain::Role;

use self::app_map::{Ids, RouteShape, Vocabulary, fill_path, harvest, routes_of, seeded};
use self::inputs::{Body, Case, HEADERS, case};
use crate::common::{Page, TestApp};

/// Enough to reach every route a few times with each kind of input, in seconds per role.
/// `PROPTEST_CASES=5000` hunts longer.
const CASES_PER_ROLE: u32 = 128;

#[test]
fn no_route_answers_5xx_to_any_role_whatever_it_is_sent() -> anyhow::Result<()> {
    let mut vocabulary = None;
    let roles = [Role::Admin, Role::Recruiter, Role::Analyst, Role::Viewer];
    // Nobody logged in is a role too: the first in line for whatever the internet sends.
    for role in roles.map(Some).into_iter().chain([None]) {
        let app = match role {
            Some(role) => TestApp::demo_as(role)?,
            None => TestApp::anonymous(true)?,
        };
        if role.is_some_and(Role::edits) {
            give_batches(&app);
        }
        give_webhook(&app)?;
        // The API's routes with this role's token, of full scope or read-only by the case.
        let tokens = match role {
            Some(role) => Some((
                crate::api::token_for(&app, role, false)?,
                crate::api::token_for(&app, role, true)?,
            )),
            None => None,
        };
        let (ids, routes) = (seeded(&app)?, routes_of(&app));
        // Harvested once, from what an admin sees, which is everything.
        let vocabulary = vocabulary.get_or_insert_with(|| harvest(&app, &routes, &ids));
        let mut runner = TestRunner::new(Config {
            cases: std::env::var("PROPTEST_CASES")
                .ok()
                .and_then(|cases| cases.parse().ok())
                .unwrap_or(CASES_PER_ROLE),
            failure_persistence: None,
            ..Config::default()
        });
        let outcome = runner.run(&case(), |case| {
            let (method, uri, page) = send(&app, &routes, &ids, vocabulary, &case, &tokens);
            let path = uri.split('?').next().unwrap_or_default();
            // Logging out (or in) changes who is asking: the next case is this role again.
            if let Some(role) = role
                && method == Method::Post
                && (path == "/logout" || path == "/login")
            {
                keep_logged_in(&app, &format!("{}@example.com", role.as_str()));
            }
            if page.status.code >= 500 {
                let body: String = page.body.chars().take(600).collect();
                let why = format!("{method} {uri} as {role:?}: {}\n{body}", page.status);
                return Err(TestCaseError::fail(why));
            }
            Ok(())
        });
        if let Err(failure) = outcome {
            anyhow::bail!("as {role:?}: {failure}");
        }
    }
    Ok(())
}

/// A previewed and an applied import, so the batch routes have something to act on.
fn give_batches(app: &TestApp) {
    app.import("fuzz-applied.csv", b"name,kind\nFuzz Applied Lab,ai_lab\n");
    app.upload(
        "fuzz-previewed.csv",
        b"name,kind\nFuzz Previewed Lab,ai_lab\n",
    );
}

/// An endpoint with a delivery queued, so the webhook routes (pages and API) act on records.
fn give_webhook(app: &TestApp) -> anyhow::Result<()> {
    use diesel::RunQueryDsl;
    use talent_tracker::domain::WebhookEvent;
    use talent_tracker::models::webhook_endpoint::{EndpointChanges, WebhookEndpoint};
    use talent_tracker::webhooks::signature::new_secret;
    let changes = EndpointChanges::new(
        "https://hooks.invalid/fuzz".to_owned(),
        &WebhookEvent::ALL,
        false,
        true,
    );
    let conn = &mut app.conn()?;
    let endpoint = WebhookEndpoint::insert(conn, &changes, &new_secret())?;
    // One delivery in its log, as a trigger writes them.
    diesel::sql_query(
        "INSERT INTO outbox (channel, kind, webhook_endpoint_id, recipient, payload)
         VALUES ('webhook', 'person.created', $1, $2, '{}')",
    )
    .bind::<diesel::sql_types::BigInt, _>(endpoint.id)
    .bind::<diesel::sql_types::Text, _>(&endpoint.url)
    .execute(conn)?;
    Ok(())
}

/// Sends the request a case describes; the method, the URI and the answer.
fn send(
    app: &TestApp,
    routes: &[RouteShape],
    ids: &Ids,
    vocabulary: &Vocabulary,
    case: &Case,
    tokens: &Option<(String, String)>,
) -> (Method, String, Page) {
    let route = case.route.get(routes);
    let mut uri = fill_path(&route.path, ids, &case.params);
    let query = pairs(&case.query, vocabulary);
    if !query.is_empty() {
        uri = format!("{uri}?{query}");
    }
    let mut request = app.client.req(route.method, uri.clone());
    for (name, value) in &case.headers {
        request.add_header(Header::new(*name.get(HEADERS), value.clone()));
    }
    if uri.starts_with("/api/") {
        return (
            route.method,
            uri.clone(),
            api_request(request, route, vocabulary, case, tokens),
        );
    }
    if route.method == Method::Post {
        let token = match case.with_token {
            true => app.csrf_token(),
            false => String::new(),
        };
        request = with_body(request, &token, route, vocabulary, &case.body);
    }
    (route.method, uri, Page::from(request.dispatch()))
}

fn with_body<'c>(
    request: LocalRequest<'c>,
    token: &str,
    route: &RouteShape,
    vocabulary: &Vocabulary,
    body: &Body,
) -> LocalRequest<'c> {
    let fields = match body {
        Body::Form(fields) => pairs(fields, vocabulary),
        Body::Edited(pick, changes) => edited(route, vocabulary, pick, changes),
        Body::Multipart(file) => return multipart(request, token, file),
        Body::Raw(kind, bytes) => {
            let mut body = format!("csrf_token={token}&").into_bytes();
            body.extend_from_slice(bytes);
            let kind = Header::new("Content-Type", kind.clone());
            return request.header(kind).body(body);
        }
    };
    let body = format!("csrf_token={token}&{fields}");
    request.header(ContentType::Form).body(body)
}

/// An API request: the role's token (read-only or not by the case), the version the write
/// names, and the case's fields as a JSON body (or its raw bytes as they are).
fn api_request(
    mut request: LocalRequest<'_>,
    route: &RouteShape,
    vocabulary: &Vocabulary,
    case: &Case,
    tokens: &Option<(String, String)>,
) -> Page {
    if let Some((full, read_only)) = tokens {
        let token = if case.with_token { full } else { read_only };
        request.add_header(Header::new("Authorization", format!("Bearer {token}")));
    }
    request.add_header(Header::new("If-Match", "\"1\""));
    if matches!(route.method, Method::Post | Method::Put) {
        request = match &case.body {
            Body::Raw(kind, bytes) => request
                .header(Header::new("Content-Type", kind.clone()))
                .body(bytes.clone()),
            Body::Form(fields) => {
                let encoded = pairs(fields, vocabulary);
                let object: serde_json::Map<String, serde_json::Value> =
                    url::form_urlencoded::parse(encoded.as_bytes())
                        .map(|(k, v)| (k.into_owned(), serde_json::Value::String(v.into_owned())))
                        .collect();
                request
                    .header(ContentType::JSON)
                    .body(serde_json::Value::Object(object).to_string())
            }
            _ => request.header(ContentType::JSON).body("{}"),
        };
    }
    Page::from(request.dispatch())
}

/// A form the app rendered for `route`, with a few fields' values changed.
fn edited(
    route: &RouteShape,
    vocabulary: &Vocabulary,
    pick: &Index,
    changes: &[(Index, String)],
) -> String {
    let forms = vocabulary.forms_for(route);
    let mut fields = match forms.is_empty() {
        true => Vec::new(),
        false => pick.get(&forms).fields.clone(),
    };
    if !fields.is_empty() {
        for (field, value) in changes {
            field.get_mut(&mut fields).1 = value.clone();
        }
    }
    let mut encoded = url::form_urlencoded::Serializer::new(String::new());
    encoded.extend_pairs(fields).finish()
}

/// `name=value&…`, names from the vocabulary and values from it or the case's text.
fn pairs(chosen: &[(Index, String)], vocabulary: &Vocabulary) -> String {
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (i, (pick, value)) in chosen.iter().enumerate() {
        let name = match vocabulary.names.is_empty() {
            true => "q",
            false => pick.get(&vocabulary.names).as_str(),
        };
        // Every other value is one the app itself offers, so a field is often valid.
        let value = match i % 2 == 0 && !vocabulary.values.is_empty() {
            true => pick.get(&vocabulary.values).as_str(),
            false => value.as_str(),
        };
        out.append_pair(name, value);
    }
    out.finish()
}

fn multipart<'c>(request: LocalRequest<'c>, token: &str, file: &[u8]) -> LocalRequest<'c> {
    const BOUNDARY: &str = "route-fuzz-boundary";
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{token}\r\n\
         --{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fuzz.csv\"\r\n\
         Content-Type: text/csv\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    let kind = ContentType::new("multipart", "form-data").with_params(("boundary", BOUNDARY));
    request.header(kind).body(body)
}

/// Logs the role's user in again when a case logged them out.
fn keep_logged_in(app: &TestApp, email: &str) {
    if app.get("/").status != Status::Ok {
        let _ = app.log_in(email);
    }
}
