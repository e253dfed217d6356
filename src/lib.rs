//! talent-tracker: who is hired in the AI talent war, from where, and for how much.
//!
//! `app` builds the Rocket from the stages below, so the binary and the tests run the very
//! same application.

pub mod api;
pub mod auth;
pub mod charts;
pub mod cli;
pub mod config;
pub mod csv_format;
pub mod db;
pub mod demo;
pub mod domain;
pub mod error;
pub mod export;
pub mod file_store;
pub mod generate;
pub mod i18n;
pub mod import;
pub mod input;
pub mod mail;
pub mod models;
pub mod offers;
pub mod reports;
pub mod routes;
pub mod schema;
pub mod views;
pub mod webhooks;

use rocket::fairing::AdHoc;
use rocket::{Build, Rocket};

pub use config::AppConfig;

/// The app with Rocket's usual settings (Rocket.toml, ROCKET_* variables).
pub fn app(config: AppConfig) -> anyhow::Result<Rocket<Build>> {
    app_with(rocket::Config::figment(), config)
}

/// The app with the given Rocket settings (tests quieten the log this way).
pub fn app_with(
    figment: rocket::figment::Figment,
    config: AppConfig,
) -> anyhow::Result<Rocket<Build>> {
    // With mail on, every session says so, and the events' hooks queue their mails
    // (`models::outbox`).
    let session_settings = match &config.mail {
        Some(_) => vec![(models::outbox::MAIL_SETTING.to_owned(), "on".to_owned())],
        None => Vec::new(),
    };
    let primary = db::Db::with_settings(&config.database_url, config.pool_size, session_settings)?;
    let replica = match &config.replica_url {
        Some(url) => Some(db::Db::replica(url, config.pool_size, primary.clone())?),
        None => None,
    };
    let configured = figment
        .extract_inner::<rocket::config::SecretKey>("secret_key")
        .is_ok_and(|key| !key.is_zero());
    let figment = match &config.secret_key {
        // The default local setup keeps a generated key; a configured one always wins.
        Some(key) if !configured => figment.merge(("secret_key", key.as_str())),
        None if !configured && !cfg!(debug_assertions) => anyhow::bail!(
            "no secret key is configured: set ROCKET_SECRET_KEY to a 256-bit key (for example the \
             output of `openssl rand -base64 32`), the same for every instance"
        ),
        _ => figment,
    };
    // Rocket's small body limits stay for every form: only the import reads a large body, with
    // its own limit (`routes::csv_upload`).
    let figment = figment
        // Rocket believes X-Real-IP from anyone by default; a forwarding header is only
        // believed from the proxies configured (`auth::client_address`).
        .merge(("ip_header", false));
    let sso = match config.sso.clone() {
        Some(settings) => auth::sso::Sso(Some(std::sync::Arc::new(
            auth::sso::provider::Provider::new(settings)?,
        ))),
        None => auth::sso::Sso(None),
    };
    let rocket = match config.proxy.clone() {
        Some(trust) => rocket::custom(figment).manage(trust),
        None => rocket::custom(figment),
    };
    Ok(rocket
        .manage(primary)
        .manage(db::Replica(replica))
        .manage(config::ReportingCurrency(config.reporting_currency.clone()))
        .manage(config.import_limit)
        .manage(config.file_limit)
        .manage(config.files.clone())
        .manage(auth::SessionCookie::new(config.secure_cookies))
        .manage(sso)
        .manage(config.languages)
        .attach(auth::sso::provider::discover_at_liftoff())
        .attach(AdHoc::try_on_ignite("Database schema", move |rocket| {
            prepare_database(rocket, config.reporting_currency, config.demo, config.files)
        }))
        .attach(mail::sender::stage(config.mail.clone()))
        .attach(webhooks::sender::stage(config.webhooks.clone()))
        .attach(auth::csrf::CsrfCheck)
        .attach(auth::headers::SecurityHeaders)
        .attach(routes::nul_query::RefuseNul)
        .attach(routes::fresh_reads::RememberWrites)
        .mount("/", routes::sessions::routes())
        .mount("/", routes::sso::routes())
        .mount("/", routes::account::routes())
        .mount("/", routes::account_language::routes())
        .mount("/", routes::api_tokens::routes())
        .mount("/", routes::mail_choices::routes())
        .mount("/", routes::setup::routes())
        .mount("/", routes::password_link::routes())
        .mount("/", routes::users::routes())
        .mount("/", routes::outbox::routes())
        .mount("/", routes::webhooks::routes())
        .mount("/", auth::csrf::routes())
        .mount("/", routes::nul_query::routes())
        .mount("/", routes::dashboard::routes())
        .mount("/", routes::demo_data::routes())
        .mount("/", routes::companies::routes())
        .mount("/", routes::people::routes())
        .mount("/", routes::merges::routes())
        .mount("/", routes::pipeline::routes())
        .mount("/", routes::pay_reports::routes())
        .mount("/", routes::pay_bands::routes())
        .mount("/", routes::offers::routes())
        .mount("/", routes::offer_queue::routes())
        .mount("/", routes::band_reports::routes())
        .mount("/", routes::exchange_rates::routes())
        .mount("/", routes::reports::routes())
        .mount("/", routes::imports::routes())
        .mount("/", routes::import_files::routes())
        .mount("/", routes::audit::routes())
        .mount("/", routes::assets::routes())
        .mount("/", routes::health::routes())
        .mount("/api", routes::api::routes())
        .register("/", error::catchers())
        .register("/api", api::problem::catchers()))
}

/// Applies pending migrations, has the database keep report values in the reporting currency,
/// with `demo` seeds demo data into an empty database, and while there are no users issues
/// the first-run setup link, before the first request.
async fn prepare_database(
    rocket: Rocket<Build>,
    reporting_currency: String,
    demo: bool,
    files: file_store::FileStore,
) -> rocket::fairing::Result {
    let Some(db) = rocket.state::<db::Db>() else {
        return Err(rocket);
    };
    let pool = db.pool();
    let site = rocket::Config::try_from(rocket.figment())
        .map(|config| auth::first_run::site_of(&config))
        .unwrap_or_else(|_| "http://127.0.0.1:8000".to_owned());
    let prepared = rocket::tokio::task::spawn_blocking(move || -> anyhow::Result<_> {
        let mut conn = pool.get()?;
        db::migrate::migrate_then(&mut conn, |conn| {
            models::report_setting::use_reporting_currency(conn, &reporting_currency)?;
            files.open(conn)?;
            if demo {
                demo::seed_if_empty(conn, &reporting_currency)?;
            }
            auth::first_run::issue(conn, &site)
        })
    })
    .await;
    match prepared {
        Ok(Ok(link)) => Ok(rocket.manage(link)),
        Ok(Err(e)) => {
            log::error!("preparing the database failed: {e:#}");
            Err(rocket)
        }
        Err(e) => {
            log::error!("preparing the database failed: {e}");
            Err(rocket)
        }
    }
}
