//! Login sessions, stored by the SHA-256 of their id: the table alone opens no session.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use super::User;
use crate::schema::{app_user, user_session};

/// How long a session lasts: `idle` after its last use, and `absolute` after its login however
/// busy it is, so a stolen cookie does not live for ever.
#[derive(Debug, Clone, Copy)]
pub struct SessionLifetime {
    pub idle: Duration,
    pub absolute: Duration,
}

impl SessionLifetime {
    fn expired(&self, session: &Session, now: DateTime<Utc>) -> bool {
        now - session.last_seen_at > self.idle || now - session.created_at > self.absolute
    }
}

/// A session as stored; the id itself is only ever in the user's cookie.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = user_session, check_for_backend(diesel::pg::Pg))]
pub struct Session {
    pub user_id: i64,
    pub csrf_token: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

/// What the table keeps of a session id.
pub(super) fn digest(id: &str) -> Vec<u8> {
    Sha256::digest(id.as_bytes()).to_vec()
}

impl Session {
    /// Starts a session; expired sessions are cleared out on the way.
    pub fn insert(
        conn: &mut PgConnection,
        id: &str,
        user_id: i64,
        csrf_token: &str,
        lifetime: SessionLifetime,
    ) -> QueryResult<()> {
        let now = Utc::now();
        diesel::delete(
            user_session::table.filter(
                user_session::last_seen_at
                    .lt(now - lifetime.idle)
                    .or(user_session::created_at.lt(now - lifetime.absolute)),
            ),
        )
        .execute(conn)?;
        diesel::insert_into(user_session::table)
            .values((
                user_session::id_hash.eq(digest(id)),
                user_session::user_id.eq(user_id),
                user_session::csrf_token.eq(csrf_token),
            ))
            .execute(conn)
            .map(drop)
    }

    /// The session and its user, while the user is active and the session has not expired; it
    /// is marked as used now. An expired session is deleted.
    pub fn resume(
        conn: &mut PgConnection,
        id: &str,
        lifetime: SessionLifetime,
    ) -> QueryResult<Option<(Session, User)>> {
        let hash = digest(id);
        let found: Option<(Session, User)> = user_session::table
            .inner_join(app_user::table)
            .filter(user_session::id_hash.eq(&hash))
            .filter(app_user::active.eq(true))
            .select((Session::as_select(), User::as_select()))
            .first(conn)
            .optional()?;
        let Some((session, user)) = found else {
            return Ok(None);
        };
        let now = Utc::now();
        if lifetime.expired(&session, now) {
            Session::end(conn, id)?;
            return Ok(None);
        }
        // Written at most once a minute: every request reads, few need to write.
        if now - session.last_seen_at > Duration::minutes(1) {
            diesel::update(user_session::table.find(&hash))
                .set(user_session::last_seen_at.eq(now))
                .execute(conn)?;
        }
        Ok(Some((session, user)))
    }

    pub fn end(conn: &mut PgConnection, id: &str) -> QueryResult<usize> {
        diesel::delete(user_session::table.find(digest(id))).execute(conn)
    }

    /// How many sessions of a user there are besides `not`.
    pub fn count_others(conn: &mut PgConnection, user_id: i64, not: &str) -> QueryResult<i64> {
        user_session::table
            .filter(user_session::user_id.eq(user_id))
            .filter(user_session::id_hash.ne(digest(not)))
            .count()
            .get_result(conn)
    }

    /// Ends every session of a user but `keep`.
    pub fn end_all_of(
        conn: &mut PgConnection,
        user_id: i64,
        keep: Option<&str>,
    ) -> QueryResult<usize> {
        let sessions = user_session::table.filter(user_session::user_id.eq(user_id));
        match keep {
            Some(keep) => diesel::delete(sessions.filter(user_session::id_hash.ne(digest(keep))))
                .execute(conn),
            None => diesel::delete(sessions).execute(conn),
        }
    }
}
