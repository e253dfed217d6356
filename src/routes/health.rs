//! Health checks for load balancers, without a login: `/healthz` says the process is up,
//! `/readyz` that the database answers and every migration is applied.

use diesel_migrations::MigrationHarness;
use rocket::http::Status;
use rocket::{Route, State, get, routes};

use crate::db::Db;
use crate::db::migrate::MIGRATIONS;

pub fn routes() -> Vec<Route> {
    routes![healthz, readyz]
}

#[get("/healthz")]
fn healthz() -> &'static str {
    "ok"
}

#[get("/readyz")]
async fn readyz(db: &State<Db>) -> (Status, &'static str) {
    let ready = db
        .run(|c| {
            let pending = c
                .pending_migrations(MIGRATIONS)
                .map_err(|e| crate::error::AppError::Internal(anyhow::anyhow!("{e}")))?;
            Ok(pending.is_empty())
        })
        .await;
    match ready {
        Ok(true) => (Status::Ok, "ready"),
        Ok(false) => (Status::ServiceUnavailable, "migrations pending"),
        Err(_) => (Status::ServiceUnavailable, "database unavailable"),
    }
}
