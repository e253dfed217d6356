//! The test app: each test gets the real application over a database of its own, cloned from
//! a template migrated once per run.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use diesel::prelude::*;
use diesel::sql_types::BigInt;
use rocket::http::{ContentType, Status};
use rocket::local::blocking::{Client, LocalResponse};
use scraper::{Html, Selector};
use talent_tracker::AppConfig;
use talent_tracker::auth::password;
use talent_tracker::domain::Role;
use talent_tracker::models::{NewUser, User};
use talent_tracker::schema::user_session;

/// Every test user's password.
pub const PASSWORD: &str = "a test password of some length";
use talent_tracker::db::{local, migrate};

/// A server URL and the name of the migrated template database on it.
struct Template {
    server: String,
    name: String,
}

fn template() -> &'static Template {
    static TEMPLATE: OnceLock<Template> = OnceLock::new();
    TEMPLATE.get_or_init(|| prepare_template().expect("preparing the test database template"))
}

/// `TEST_DATABASE_URL` names a server (and a database to connect to for admin work);
/// without it the tests use the project's local cluster, as the app does.
pub fn server_url() -> anyhow::Result<String> {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(url) if !url.is_empty() => Ok(url),
        _ => Ok(local::ensure_running(&local::default_data_dir())?.url("postgres")),
    }
}

/// Swaps the database name at the end of a server URL.
fn with_database(url: &str, database: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let base = base.rsplit_once('/').map_or(base, |(server, _)| server);
    match query {
        Some(query) => format!("{base}/{database}?{query}"),
        None => format!("{base}/{database}"),
    }
}

/// The template is named after a fingerprint of the migrations and the live schema
/// (`src/db/sql/`), so it is rebuilt exactly when they change, and reused by every later run
/// until then.
fn prepare_template() -> anyhow::Result<Template> {
    let server = server_url()?;
    let name = format!("tt_template_{:016x}", schema_fingerprint()?);
    let mut admin = PgConnection::establish(&server)?;
    // Test processes starting together build the template once: the others wait here.
    diesel::sql_query("SELECT pg_advisory_lock($1)")
        .bind::<BigInt, _>(0x7465_7374)
        .execute(&mut admin)?;
    if !database_exists(&mut admin, &name)? {
        for stale in template_names(&mut admin)? {
            let _ = diesel::sql_query(format!("DROP DATABASE \"{stale}\" WITH (FORCE)"))
                .execute(&mut admin);
        }
        diesel::sql_query(format!("CREATE DATABASE \"{name}\"")).execute(&mut admin)?;
        let mut conn = PgConnection::establish(&with_database(&server, &name))?;
        migrate::migrate_then(&mut conn, |_| Ok(()))?;
    }
    diesel::sql_query("SELECT pg_advisory_unlock($1)")
        .bind::<BigInt, _>(0x7465_7374)
        .execute(&mut admin)?;
    Ok(Template { server, name })
}

fn schema_fingerprint() -> anyhow::Result<u64> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = walk(&root.join("migrations"))?;
    files.extend(walk(&root.join("src/db/sql"))?);
    files.sort();
    // FNV-1a: stable across runs and Rust versions, unlike the std hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in files {
        for byte in file.to_string_lossy().bytes().chain(std::fs::read(&file)?) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    Ok(hash)
}

fn walk(dir: &std::path::Path) -> anyhow::Result<Vec<std::path::PathBuf>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            found.extend(walk(&path)?);
        } else {
            found.push(path);
        }
    }
    Ok(found)
}

/// What `pg_dump` writes of the database at `url` with these arguments: the newest installed
/// server's own, else the one on the PATH.
pub fn pg_dump(url: &str, args: &[&str]) -> anyhow::Result<String> {
    let installed = std::fs::read_dir("/usr/lib/postgresql")
        .map(|dirs| {
            dirs.flatten()
                .map(|d| d.path().join("bin/pg_dump"))
                .collect()
        })
        .unwrap_or_else(|_| Vec::new());
    let pg_dump = installed
        .into_iter()
        .filter(|p: &std::path::PathBuf| p.is_file())
        .max()
        .unwrap_or_else(|| "pg_dump".into());
    let out = std::process::Command::new(pg_dump)
        .args(args)
        .args(["--dbname", url])
        .output()?;
    anyhow::ensure!(
        out.status.success(),
        "pg_dump: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[derive(QueryableByName)]
struct Datname {
    #[diesel(sql_type = diesel::sql_types::Text)]
    datname: String,
}

fn template_names(admin: &mut PgConnection) -> anyhow::Result<Vec<String>> {
    let rows: Vec<Datname> =
        diesel::sql_query("SELECT datname FROM pg_database WHERE datname LIKE 'tt\\_template\\_%'")
            .load(admin)?;
    Ok(rows.into_iter().map(|r| r.datname).collect())
}

fn database_exists(admin: &mut PgConnection, name: &str) -> anyhow::Result<bool> {
    Ok(template_names(admin)?.iter().any(|n| n == name))
}

/// The application over a fresh database of its own, dropped when the test ends.
pub struct TestApp {
    pub client: Client,
    /// The settings it was built with, for a further instance over the same database.
    pub config: AppConfig,
    /// The logged-in session's CSRF token, sent first with every form.
    csrf_token: std::cell::RefCell<String>,
    database_url: String,
    database: String,
    /// Further databases a test asked for, dropped with the test's own.
    extra: std::cell::RefCell<Vec<String>>,
}

impl TestApp {
    /// An empty database (no demo data), with an admin logged in.
    pub fn new() -> anyhow::Result<TestApp> {
        TestApp::logged_in(false, Role::Admin)
    }

    /// The demo data, with an admin logged in.
    pub fn with_demo(demo: bool) -> anyhow::Result<TestApp> {
        TestApp::logged_in(demo, Role::Admin)
    }

    /// With demo data and a user of `role` logged in.
    pub fn demo_as(role: Role) -> anyhow::Result<TestApp> {
        TestApp::logged_in(true, role)
    }

    /// A user of `role` logged in.
    pub fn logged_in(demo: bool, role: Role) -> anyhow::Result<TestApp> {
        let app = TestApp::anonymous(demo)?;
        app.add_user(&format!("{}@example.com", role.as_str()), role)?;
        app.log_in(&format!("{}@example.com", role.as_str()))?;
        Ok(app)
    }

    /// An admin logged in, with reports and exports read from `replica_url`.
    pub fn reading_from(replica_url: &str) -> anyhow::Result<TestApp> {
        let replica_url = Some(replica_url.to_owned());
        let app = TestApp::build(false, |config| config.replica_url = replica_url)?;
        app.add_user("admin@example.com", Role::Admin)?;
        app.log_in("admin@example.com")?;
        Ok(app)
    }

    /// Nobody logged in.
    pub fn anonymous(demo: bool) -> anyhow::Result<TestApp> {
        TestApp::build(demo, |_| {})
    }

    /// Nobody logged in, with the tests' usual settings changed by `adjust`.
    pub fn anonymous_with(adjust: impl FnOnce(&mut AppConfig)) -> anyhow::Result<TestApp> {
        TestApp::build(false, adjust)
    }

    fn build(demo: bool, adjust: impl FnOnce(&mut AppConfig)) -> anyhow::Result<TestApp> {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let template = template();
        let database = format!(
            "tt_test_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let mut admin = PgConnection::establish(&template.server)?;
        diesel::sql_query(format!(
            "CREATE DATABASE \"{database}\" TEMPLATE \"{}\" STRATEGY FILE_COPY",
            template.name
        ))
        .execute(&mut admin)?;
        let database_url = with_database(&template.server, &database);
        let mut config = AppConfig {
            replica_url: None,
            database_url: database_url.clone(),
            pool_size: 2,
            demo,
            reporting_currency: "USD".to_owned(),
            import_limit: talent_tracker::config::ImportLimit(2),
            file_limit: talent_tracker::config::FileLimit::default(),
            files: talent_tracker::file_store::FileStore::Database,
            secret_key: None,
            proxy: None,
            secure_cookies: false,
            mail: None,
            webhooks: Default::default(),
            sso: None,
            languages: Default::default(),
        };
        adjust(&mut config);
        let app = talent_tracker::app_with(quiet(), config.clone())?;
        Ok(TestApp {
            config,
            client: Client::tracked(app)?,
            database_url,
            database,
            extra: Default::default(),
            csrf_token: Default::default(),
        })
    }

    /// A user with the test password.
    pub fn add_user(&self, email: &str, role: Role) -> anyhow::Result<User> {
        // Hashing is slow on purpose: hash the one test password once per run.
        static HASH: OnceLock<String> = OnceLock::new();
        let hash =
            HASH.get_or_init(|| password::hash(PASSWORD).expect("hashing the test password"));
        let user = NewUser {
            email,
            display_name: email,
            role,
            password_hash: hash,
        };
        Ok(User::insert(&mut self.conn()?, &user)?)
    }

    /// Logs in through the login form, as a browser does, and keeps the session's CSRF token.
    pub fn log_in(&self, email: &str) -> anyhow::Result<Page> {
        let form = self.get("/login");
        let token = form
            .attrs("input[name=csrf_token]", "value")
            .pop()
            .unwrap_or_default();
        let page = self.post_raw(
            "/login",
            &[
                ("csrf_token", &token),
                ("email", email),
                ("password", PASSWORD),
            ],
        );
        let latest: String = user_session::table
            .order(user_session::created_at.desc())
            .select(user_session::csrf_token)
            .first(&mut self.conn()?)
            .unwrap_or_default();
        *self.csrf_token.borrow_mut() = latest;
        Ok(page)
    }

    /// Logs out and in again as a new user of `role` (`<role>@example.com`, created if new).
    pub fn switch_to(&self, role: Role) -> anyhow::Result<()> {
        let email = format!("{}@example.com", role.as_str());
        if User::find_by_email(&mut self.conn()?, &email)?.is_none() {
            self.add_user(&email, role)?;
        }
        self.post("/logout", &[]);
        self.log_in(&email)?;
        Ok(())
    }

    /// Fills in and sends the login form.
    pub fn log_in_with(&self, email: &str, password: &str) -> Page {
        let form = self.get("/login");
        let token = form
            .attrs("input[name=csrf_token]", "value")
            .pop()
            .unwrap_or_default();
        self.post_raw(
            "/login",
            &[
                ("csrf_token", &token),
                ("email", email),
                ("password", password),
            ],
        )
    }

    pub fn csrf_token(&self) -> String {
        self.csrf_token.borrow().clone()
    }

    /// A further database with no schema at all, as a new deployment starts with.
    pub fn empty_database(&self, label: &str) -> anyhow::Result<String> {
        let name = format!("{}_{label}", self.database);
        let mut admin = PgConnection::establish(&template().server)?;
        diesel::sql_query(format!("CREATE DATABASE \"{name}\"")).execute(&mut admin)?;
        self.extra.borrow_mut().push(name.clone());
        Ok(with_database(&template().server, &name))
    }

    /// This test's database URL, for the command line.
    pub fn database_url(&self) -> &str {
        &self.database_url
    }

    /// A direct connection to this test's database, to arrange data or check what was stored.
    pub fn conn(&self) -> anyhow::Result<PgConnection> {
        Ok(PgConnection::establish(&self.database_url)?)
    }

    /// Every user reads the app in `tag` (`de`, `en`), as if each had chosen it on `/account`.
    pub fn read_in(&self, tag: &str) -> anyhow::Result<()> {
        diesel::sql_query("UPDATE app_user SET language = $1")
            .bind::<diesel::sql_types::Text, _>(tag)
            .execute(&mut self.conn()?)?;
        Ok(())
    }

    pub fn get(&self, uri: &str) -> Page {
        Page::from(self.client.get(uri.to_owned()).dispatch())
    }

    /// Posts a form as a browser would, the session's CSRF token first. An edit form also
    /// sends the record version it was read at: like a browser, this reads the form first.
    pub fn post(&self, uri: &str, fields: &[(&str, &str)]) -> Page {
        let token = self.csrf_token();
        let mut all = vec![("csrf_token", token.as_str())];
        let version =
            if uri.ends_with("/edit") && !fields.iter().any(|(name, _)| *name == "version") {
                self.get(uri).attrs("input[name=version]", "value").pop()
            } else {
                None
            };
        if let Some(version) = &version {
            all.push(("version", version.as_str()));
        }
        all.extend_from_slice(fields);
        self.post_raw(uri, &all)
    }

    /// Posts exactly these fields (application/x-www-form-urlencoded).
    pub fn post_raw(&self, uri: &str, fields: &[(&str, &str)]) -> Page {
        let body: String = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        Page::from(
            self.client
                .post(uri.to_owned())
                .header(ContentType::Form)
                .body(body)
                .dispatch(),
        )
    }

    /// Posts a form and follows the redirect, as a browser does after a successful save.
    pub fn post_and_follow(&self, uri: &str, fields: &[(&str, &str)]) -> Page {
        let posted = self.post(uri, fields);
        assert_eq!(
            posted.status,
            Status::SeeOther,
            "expected a redirect, got {}:\n{}",
            posted.status,
            posted.body
        );
        // Browsers keep the fragment (#pay) to themselves.
        let location = posted.location.as_deref().unwrap_or("/");
        self.get(location.split('#').next().unwrap_or(location))
    }

    /// Uploads a file to the import, as the browser's file field does.
    pub fn upload(&self, file_name: &str, bytes: &[u8]) -> Page {
        const BOUNDARY: &str = "talent-tracker-test-boundary";
        let mut body = format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{}\r\n\
             --{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
             Content-Type: text/csv\r\n\r\n",
            self.csrf_token()
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
        let multipart =
            ContentType::new("multipart", "form-data").with_params(("boundary", BOUNDARY));
        Page::from(
            self.client
                .post("/import")
                .header(multipart)
                .body(body)
                .dispatch(),
        )
    }

    /// Uploads a file and confirms its preview: the page of the applied batch.
    pub fn import(&self, file_name: &str, bytes: &[u8]) -> Page {
        let preview = self.upload(file_name, bytes);
        assert_eq!(
            preview.status,
            Status::Ok,
            "the preview of {file_name}:\n{}",
            preview.body
        );
        let confirm = preview.attrs("form[action$='/confirm']", "action");
        assert_eq!(
            confirm.len(),
            1,
            "the preview of {file_name} offers to import"
        );
        self.post_and_follow(&confirm[0], &[])
    }

    /// A CSV download's body, after checking it is one.
    pub fn download(&self, uri: &str) -> String {
        let response = self.client.get(uri.to_owned()).dispatch();
        assert_eq!(response.status(), Status::Ok, "{uri}");
        assert_eq!(
            response.headers().get_one("Content-Type"),
            Some("text/csv; charset=utf-8"),
            "{uri}"
        );
        assert_eq!(
            response.headers().get_one("Cache-Control"),
            Some("no-store"),
            "{uri}"
        );
        response.into_string().unwrap_or_default()
    }

    /// Creates a company through its form and returns its id.
    pub fn create_company(&self, name: &str) -> i64 {
        let posted = self.post("/companies", &[("name", name), ("kind", "ai_lab")]);
        id_from(&posted)
    }

    /// Creates a person through the form and returns their id.
    pub fn create_person(&self, fields: &[(&str, &str)]) -> i64 {
        id_from(&self.post("/people", fields))
    }
}

/// Rocket's settings with the request log off, unless ROCKET_LOG_LEVEL asks for it.
pub fn quiet() -> rocket::figment::Figment {
    crate::log_capture::install();
    rocket::Config::figment().join(("log_level", "critical"))
}

/// The record id at the end of a redirect's location (`/people/42` → 42).
pub fn id_from(page: &Page) -> i64 {
    assert_eq!(
        page.status,
        Status::SeeOther,
        "expected a redirect, got {}:\n{}",
        page.status,
        page.body
    );
    page.location
        .as_deref()
        .and_then(|l| l.split(['#', '?']).next())
        .and_then(|l| l.rsplit('/').next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no id in the redirect to {:?}", page.location))
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let server = &template().server;
        if let Ok(mut admin) = PgConnection::establish(server) {
            for database in std::iter::once(&self.database).chain(self.extra.borrow().iter()) {
                let drop = format!("DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
                let _ = diesel::sql_query(drop).execute(&mut admin);
            }
        }
    }
}

/// A response read whole, with helpers to look into its HTML.
pub struct Page {
    pub status: Status,
    pub body: String,
    pub location: Option<String>,
    pub content_type: Option<String>,
}

impl From<LocalResponse<'_>> for Page {
    fn from(response: LocalResponse<'_>) -> Page {
        let location = response.headers().get_one("Location").map(str::to_owned);
        let content_type = response.content_type().map(|c| c.to_string());
        Page {
            status: response.status(),
            location,
            content_type,
            body: response.into_string().unwrap_or_default(),
        }
    }
}

impl Page {
    fn select(&self, css: &str) -> Vec<String> {
        let html = Html::parse_document(&self.body);
        let selector = Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e}"));
        html.select(&selector)
            .map(|e| e.text().collect::<String>().trim().to_owned())
            .collect()
    }

    /// The text of each element that `css` selects.
    pub fn texts(&self, css: &str) -> Vec<String> {
        self.select(css)
    }

    /// The value of `attribute` on each element that `css` selects.
    pub fn attrs(&self, css: &str, attribute: &str) -> Vec<String> {
        let html = Html::parse_document(&self.body);
        let selector = Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e}"));
        html.select(&selector)
            .filter_map(|e| e.value().attr(attribute).map(str::to_owned))
            .collect()
    }

    /// The error messages shown beside a form field.
    pub fn field_errors(&self, field: &str) -> Vec<String> {
        self.select(&format!(".field.invalid #{field}-error"))
    }

    /// What a form field holds: an input's value, a textarea's text or a select's choice.
    pub fn field_value(&self, field: &str) -> Option<String> {
        let html = Html::parse_document(&self.body);
        let sel = |css: String| {
            Selector::parse(&css).unwrap_or_else(|e| panic!("bad selector {css}: {e}"))
        };
        if let Some(input) = html.select(&sel(format!("input#{field}"))).next() {
            return input.value().attr("value").map(str::to_owned);
        }
        if let Some(area) = html.select(&sel(format!("textarea#{field}"))).next() {
            return Some(area.text().collect());
        }
        html.select(&sel(format!("select#{field} option[selected]")))
            .next()
            .and_then(|o| o.value().attr("value").map(str::to_owned))
    }

    pub fn contains(&self, text: &str) -> bool {
        self.body.contains(text)
    }
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// The number a query of one row and one bigint column `n` answers (`SELECT count(*) AS n …`).
pub fn count(conn: &mut PgConnection, query: &str) -> anyhow::Result<i64> {
    Ok(diesel::sql_query(query).get_result::<Count>(conn)?.n)
}
