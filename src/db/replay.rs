//! Where the primary's write-ahead log stands, and whether a streaming replica has replayed it:
//! what lets a session that just wrote read its own writes from the replica.

use std::time::{Duration, Instant};

use diesel::sql_types::{Bool, Double, Nullable, Text};
use diesel::{QueryableByName, RunQueryDsl};

use super::{Db, DbError};

/// A position in the primary's write-ahead log (PostgreSQL's `pg_lsn`, written `16/B374D848`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct WalPosition(u64);

impl WalPosition {
    /// Reads PostgreSQL's text form: two hexadecimal halves of at most 8 digits each.
    pub fn parse(text: &str) -> Option<WalPosition> {
        let (high, low) = text.split_once('/')?;
        let half = |h: &str| {
            (!h.is_empty() && h.len() <= 8 && h.bytes().all(|b| b.is_ascii_hexdigit()))
                .then(|| u32::from_str_radix(h, 16).ok())
                .flatten()
        };
        Some(WalPosition(
            u64::from(half(high)?) << 32 | u64::from(half(low)?),
        ))
    }
}

impl std::fmt::Display for WalPosition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:X}/{:X}", self.0 >> 32, self.0 & 0xFFFF_FFFF)
    }
}

/// How far a replica is behind, as `/readyz` reports it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lag {
    /// Replaying, this many bytes of WAL behind the primary; and the time since the last
    /// transaction it replayed was committed on the primary (which also grows while the
    /// primary is idle, so it only means lag while bytes are outstanding).
    Behind { bytes: u64, seconds: Option<f64> },
    /// Not in recovery: down (its reads went to the primary) or not a streaming standby.
    NotReplaying,
}

/// How often a read waiting for the replica asks it again.
const POLL_EVERY: Duration = Duration::from_millis(10);

#[derive(QueryableByName)]
struct Position {
    #[diesel(sql_type = Nullable<Text>)]
    lsn: Option<String>,
}

#[derive(QueryableByName)]
struct Replayed {
    #[diesel(sql_type = Bool)]
    recovering: bool,
    #[diesel(sql_type = Bool)]
    caught_up: bool,
}

#[derive(QueryableByName)]
struct Behind {
    #[diesel(sql_type = Bool)]
    recovering: bool,
    #[diesel(sql_type = Nullable<Double>)]
    bytes: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    seconds: Option<f64>,
}

impl Db {
    /// The primary's current WAL position: every transaction committed before this call is
    /// in the WAL before it.
    pub async fn wal_position(&self) -> Result<Option<WalPosition>, DbError> {
        self.work(|c| {
            let row: Position =
                diesel::sql_query("SELECT pg_current_wal_lsn()::text AS lsn").get_result(c)?;
            Ok(row.lsn.as_deref().and_then(WalPosition::parse))
        })
        .await
    }

    /// Whether this replica has replayed the WAL up to `position`, asking again until `wait`
    /// has passed. A server not in recovery (no streaming standby, or the primary standing in
    /// for a replica that is down) has nothing to replay and counts as caught up.
    pub async fn has_replayed(&self, position: WalPosition, wait: Duration) -> bool {
        let position = position.to_string();
        let replayed = self
            .work(move |c| {
                let until = Instant::now() + wait;
                loop {
                    let row: Replayed = diesel::sql_query(
                        "SELECT pg_is_in_recovery() AS recovering, \
                         COALESCE(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS caught_up",
                    )
                    .bind::<Text, _>(&position)
                    .get_result(c)?;
                    if !row.recovering || row.caught_up || Instant::now() >= until {
                        return Ok::<_, DbError>(!row.recovering || row.caught_up);
                    }
                    std::thread::sleep(POLL_EVERY);
                }
            })
            .await;
        // A replica that cannot even answer this is no place for a fresh read.
        replayed.unwrap_or(false)
    }

    /// How far this replica is behind `primary`.
    pub async fn lag_behind(&self, primary: &Db) -> Result<Lag, DbError> {
        let Some(position) = primary.wal_position().await? else {
            return Ok(Lag::NotReplaying);
        };
        let position = position.to_string();
        let row: Behind = self
            .work(move |c| {
                Ok::<_, DbError>(
                    diesel::sql_query(
                        "SELECT pg_is_in_recovery() AS recovering, \
                         pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn())::float8 AS bytes, \
                         EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8 \
                         AS seconds",
                    )
                    .bind::<Text, _>(&position)
                    .get_result(c)?,
                )
            })
            .await?;
        Ok(match (row.recovering, row.bytes) {
            // The primary was asked first, so a replica that replayed more since is level.
            (true, Some(bytes)) => Lag::Behind {
                bytes: bytes.max(0.0) as u64,
                seconds: row.seconds,
            },
            _ => Lag::NotReplaying,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::WalPosition;

    #[test]
    fn a_wal_position_reads_back_as_postgresql_writes_it() {
        for text in ["0/0", "16/B374D848", "FFFFFFFF/FFFFFFFF"] {
            let position = WalPosition::parse(text).map(|p| p.to_string());
            assert_eq!(position.as_deref(), Some(text));
        }
        assert!(WalPosition::parse("1/2") < WalPosition::parse("2/1"));
        for bad in ["", "1", "/1", "1/", "x/1", "123456789/0", "+1/0", "1/2/3"] {
            assert_eq!(WalPosition::parse(bad), None, "{bad}");
        }
    }
}
