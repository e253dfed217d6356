//! talent-tracker: who is hired in the AI talent war, from where, and for how much.
//!
//! `app` builds the Rocket from the stages below, so the binary and the tests run the very
//! same application.

pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod error;
pub mod models;
pub mod routes;
pub mod schema;
pub mod views;

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
    let pool = db::pool(&config.database_url, config.pool_size)?;
    Ok(rocket::custom(figment)
        .manage(db::Db(pool))
        .attach(AdHoc::try_on_ignite("Database schema", move |rocket| {
            prepare_database(rocket, config.demo)
        }))
        .mount("/", routes::dashboard::routes())
        .mount("/", routes::companies::routes())
        .mount("/", routes::people::routes())
        .mount("/", routes::pay_reports::routes())
        .mount("/", routes::assets::routes())
        .register("/", error::catchers()))
}

/// Applies pending migrations (and demo data on an empty database) before the first request.
async fn prepare_database(rocket: Rocket<Build>, demo: bool) -> rocket::fairing::Result {
    let Some(db) = rocket.state::<db::Db>() else {
        return Err(rocket);
    };
    let pool = db.0.clone();
    let prepared = rocket::tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
        let mut conn = pool.get()?;
        db::migrate::migrate_then(&mut conn, |conn| {
            if demo {
                demo::seed_if_empty(conn)?;
            }
            Ok(())
        })
    })
    .await;
    match prepared {
        Ok(Ok(())) => Ok(rocket),
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
