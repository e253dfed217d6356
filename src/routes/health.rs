//! Health checks for load balancers, without a login: `/healthz` says the process is up,
//! `/readyz` that the database answers and every migration is applied, and how far a read
//! replica is behind.

use diesel_migrations::MigrationHarness;
use rocket::http::Status;
use rocket::{Route, State, get, routes};

use crate::db::migrate::MIGRATIONS;
use crate::db::{Db, Lag, Replica};

pub fn routes() -> Vec<Route> {
    routes![healthz, readyz]
}

#[get("/healthz")]
fn healthz() -> &'static str {
    "ok"
}

#[get("/readyz")]
async fn readyz(db: &State<Db>, replica: &State<Replica>) -> (Status, String) {
    let ready = db
        .run(|c| {
            let pending = c
                .pending_migrations(MIGRATIONS)
                .map_err(|e| crate::error::AppError::Internal(anyhow::anyhow!("{e}")))?;
            Ok(pending.is_empty())
        })
        .await;
    let (status, answer) = match ready {
        Ok(true) => (Status::Ok, "ready"),
        Ok(false) => (Status::ServiceUnavailable, "migrations pending"),
        Err(_) => (Status::ServiceUnavailable, "database unavailable"),
    };
    // Lag is reported, never a reason to be unready: reads of sessions that wrote go to the
    // primary until the replica catches up, and every other read may be a little behind.
    match &replica.0 {
        Some(replica) => (status, format!("{answer}\n{}", lag_line(replica, db).await)),
        None => (status, answer.to_owned()),
    }
}

async fn lag_line(replica: &Db, primary: &Db) -> String {
    match replica.lag_behind(primary).await {
        Ok(Lag::Behind { bytes: 0, .. }) => "replica: caught up (0 bytes behind)".to_owned(),
        Ok(Lag::Behind { bytes, seconds }) => match seconds {
            Some(seconds) => {
                format!("replica: {bytes} bytes behind, last replayed commit {seconds:.1} s ago")
            }
            None => format!("replica: {bytes} bytes behind"),
        },
        Ok(Lag::NotReplaying) => {
            "replica: not replaying (down or no standby); reports read the primary".to_owned()
        }
        Err(e) => format!("replica: lag unknown ({e})"),
    }
}
