//! One-time links in place of the command line: the first-run setup link and password links.
//! The tables keep only the SHA-256 of each token, so reading them opens nothing.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::session::digest;
use super::{NewUser, Session, User};
use crate::schema::{app_user, password_link, setup_link};

/// The first-run link, printed at startup while there are no users.
pub struct SetupLink;

/// How long a setup link works. Each start without users prints a new one; an old one left in
/// a log would otherwise stay a way in until the first admin is made.
pub const SETUP_LINK_DAYS: i64 = 3;

/// When a setup link made before it stops working.
fn setup_links_expire_before() -> DateTime<Utc> {
    Utc::now() - chrono::Duration::days(SETUP_LINK_DAYS)
}

impl SetupLink {
    /// Keeps `token` as a setup link, if there are still no users.
    pub fn issue(conn: &mut PgConnection, token: &str) -> QueryResult<bool> {
        if User::count(conn)? > 0 {
            return Ok(false);
        }
        // Expired links go, so restarts do not pile them up.
        let expired = setup_link::created_at.le(setup_links_expire_before());
        diesel::delete(setup_link::table.filter(expired)).execute(conn)?;
        diesel::insert_into(setup_link::table)
            .values(setup_link::token_hash.eq(digest(token)))
            .execute(conn)?;
        Ok(true)
    }

    /// Whether `token` opens the setup page now. A link issued while a user was being made
    /// elsewhere can outlive the trigger that voids links: no users is checked too.
    pub fn is_valid(conn: &mut PgConnection, token: &str) -> QueryResult<bool> {
        let live: bool = diesel::select(diesel::dsl::exists(
            setup_link::table
                .filter(setup_link::token_hash.eq(digest(token)))
                .filter(setup_link::created_at.gt(setup_links_expire_before())),
        ))
        .get_result(conn)?;
        Ok(live && User::count(conn)? == 0)
    }

    /// Creates the first admin with `token`, or `None` when it opens nothing (used, expired, or
    /// users exist). The links' rows are locked first: a second setup waits for the first and then
    /// finds them gone, because any new user deletes them all (a trigger).
    pub fn create_first_admin(
        conn: &mut PgConnection,
        token: &str,
        admin: &NewUser<'_>,
    ) -> QueryResult<Option<User>> {
        conn.transaction(|conn| {
            let live: Vec<Vec<u8>> = setup_link::table
                .filter(setup_link::created_at.gt(setup_links_expire_before()))
                .select(setup_link::token_hash)
                .for_update()
                .load(conn)?;
            if !live.contains(&digest(token)) || User::count(conn)? > 0 {
                return Ok(None);
            }
            User::insert(conn, admin).map(Some)
        })
    }
}

/// How long a password link (a new user's first, or a reset) works.
pub const PASSWORD_LINK_DAYS: i64 = 3;

/// A link with which a user sets their password: an admin's reset, or a new user's first.
pub struct PasswordLink;

impl PasswordLink {
    /// Keeps `token` as the user's one live link until `expires_at`, replacing an older one.
    pub fn issue(
        conn: &mut PgConnection,
        user_id: i64,
        token: &str,
        expires_at: DateTime<Utc>,
    ) -> QueryResult<()> {
        conn.transaction(|conn| {
            diesel::insert_into(password_link::table)
                .values((
                    password_link::user_id.eq(user_id),
                    password_link::token_hash.eq(digest(token)),
                    password_link::expires_at.eq(expires_at),
                ))
                .on_conflict(password_link::user_id)
                .do_update()
                .set((
                    password_link::token_hash.eq(digest(token)),
                    password_link::expires_at.eq(expires_at),
                ))
                .execute(conn)?;
            diesel::update(app_user::table.find(user_id))
                .set((
                    app_user::password_link_expires_at.eq(expires_at),
                    app_user::updated_at.eq(diesel::dsl::now),
                ))
                .execute(conn)
                .map(drop)
        })
    }

    /// Creates a user who sets their password with `token`, in one transaction; `None` when
    /// the e-mail is taken. Their stored hash is of a password nobody knows.
    pub fn new_user(
        conn: &mut PgConnection,
        user: &NewUser<'_>,
        token: &str,
        expires_at: DateTime<Utc>,
    ) -> QueryResult<Option<User>> {
        conn.transaction(|conn| {
            if User::find_by_email(conn, user.email)?.is_some() {
                return Ok(None);
            }
            let created = User::insert(conn, user)?;
            PasswordLink::issue(conn, created.id, token, expires_at)?;
            Ok(Some(created))
        })
    }

    /// The active user whose unexpired link this is.
    pub fn user_of(conn: &mut PgConnection, token: &str) -> QueryResult<Option<User>> {
        password_link::table
            .inner_join(app_user::table)
            .filter(password_link::token_hash.eq(digest(token)))
            .filter(password_link::expires_at.gt(Utc::now()))
            .filter(app_user::active.eq(true))
            .select(User::as_select())
            .first(conn)
            .optional()
    }

    /// Sets the password of the link's user and spends the link, ending their sessions; `None`
    /// when the link is used, expired or its user deactivated. Deleting the row is what
    /// decides: of two uses at once, only one deletes it.
    pub fn set_password(
        conn: &mut PgConnection,
        token: &str,
        password_hash: &str,
    ) -> QueryResult<Option<User>> {
        conn.transaction(|conn| {
            let spent: Option<i64> = diesel::delete(
                password_link::table
                    .filter(password_link::token_hash.eq(digest(token)))
                    .filter(password_link::expires_at.gt(Utc::now())),
            )
            .returning(password_link::user_id)
            .get_result(conn)
            .optional()?;
            let Some(user) = spent.map(|id| User::find(conn, id)).transpose()?.flatten() else {
                return Ok(None);
            };
            if !user.active {
                return Ok(None);
            }
            Session::end_all_of(conn, user.id, None)?;
            diesel::update(app_user::table.find(user.id))
                .set((
                    app_user::password_hash.eq(password_hash),
                    app_user::password_link_expires_at.eq(None::<DateTime<Utc>>),
                    app_user::updated_at.eq(diesel::dsl::now),
                ))
                .returning(User::as_returning())
                .get_result(conn)
                .map(Some)
        })
    }
}
