//! Users of talent-tracker and their sessions.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;

use super::Session;
use crate::domain::Role;
use crate::schema::{app_user, login_attempt};

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = app_user, check_for_backend(diesel::pg::Pg))]
pub struct User {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub password_hash: String,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When the user's live password link expires, if they have one (`PasswordLink`).
    pub password_link_expires_at: Option<DateTime<Utc>>,
    /// The language the user chose on `/account`; none follows their browser.
    pub language: Option<String>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = app_user)]
pub struct NewUser<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub password_hash: &'a str,
}

/// The unique index behind "a user with that e-mail exists already".
pub const EMAIL_UNIQUE_INDEX: &str = "app_user_email_lower_key";

impl User {
    pub fn insert(conn: &mut PgConnection, user: &NewUser<'_>) -> QueryResult<User> {
        diesel::insert_into(app_user::table)
            .values(user)
            .returning(User::as_returning())
            .get_result(conn)
    }

    pub fn find_by_email(conn: &mut PgConnection, email: &str) -> QueryResult<Option<User>> {
        app_user::table
            .filter(lower(app_user::email).eq(email.trim().to_lowercase()))
            .select(User::as_select())
            .first(conn)
            .optional()
    }

    pub fn all(conn: &mut PgConnection) -> QueryResult<Vec<User>> {
        app_user::table
            .order(lower(app_user::email))
            .select(User::as_select())
            .load(conn)
    }

    pub fn count(conn: &mut PgConnection) -> QueryResult<i64> {
        app_user::table.count().get_result(conn)
    }

    pub fn find(conn: &mut PgConnection, id: i64) -> QueryResult<Option<User>> {
        app_user::table
            .find(id)
            .select(User::as_select())
            .first(conn)
            .optional()
    }

    /// Whether `id` is the only active admin. Every active admin's row stays locked until the
    /// transaction ends, so two admins demoting each other at once cannot both pass.
    fn is_last_active_admin(conn: &mut PgConnection, id: i64) -> QueryResult<bool> {
        let admins: Vec<i64> = app_user::table
            .filter(app_user::role.eq(Role::Admin))
            .filter(app_user::active.eq(true))
            .select(app_user::id)
            .for_update()
            .load(conn)?;
        Ok(admins == [id])
    }

    /// Gives a user another role, unless that leaves no active admin.
    pub fn set_role(conn: &mut PgConnection, id: i64, role: Role) -> QueryResult<AdminGuarded> {
        conn.transaction(|conn| {
            if role != Role::Admin && User::is_last_active_admin(conn, id)? {
                return Ok(AdminGuarded::LastAdmin);
            }
            diesel::update(app_user::table.find(id))
                .set((
                    app_user::role.eq(role),
                    app_user::updated_at.eq(diesel::dsl::now),
                ))
                .execute(conn)?;
            Ok(AdminGuarded::Done)
        })
    }

    /// Deactivates a user and ends every session they have, in one transaction, unless they
    /// are the last active admin.
    pub fn deactivate(conn: &mut PgConnection, id: i64) -> QueryResult<AdminGuarded> {
        conn.transaction(|conn| {
            if User::is_last_active_admin(conn, id)? {
                return Ok(AdminGuarded::LastAdmin);
            }
            Session::end_all_of(conn, id, None)?;
            diesel::update(app_user::table.find(id))
                .set((
                    app_user::active.eq(false),
                    app_user::updated_at.eq(diesel::dsl::now),
                ))
                .execute(conn)?;
            Ok(AdminGuarded::Done)
        })
    }

    pub fn activate(conn: &mut PgConnection, id: i64) -> QueryResult<usize> {
        diesel::update(app_user::table.find(id))
            .set((
                app_user::active.eq(true),
                app_user::updated_at.eq(diesel::dsl::now),
            ))
            .execute(conn)
    }

    /// The language the user reads the app in; `None` follows their browser again.
    pub fn set_language(conn: &mut PgConnection, id: i64, tag: Option<&str>) -> QueryResult<usize> {
        diesel::update(app_user::table.find(id))
            .set((
                app_user::language.eq(tag),
                app_user::updated_at.eq(diesel::dsl::now),
            ))
            .execute(conn)
    }

    /// Stores a new password hash and ends the user's sessions but `keep` (the session that
    /// changed it), in one transaction: whoever knew the old password is logged out.
    pub fn set_password(
        conn: &mut PgConnection,
        id: i64,
        password_hash: &str,
        keep: Option<&str>,
    ) -> QueryResult<usize> {
        conn.transaction(|conn| {
            Session::end_all_of(conn, id, keep)?;
            diesel::update(app_user::table.find(id))
                .set((
                    app_user::password_hash.eq(password_hash),
                    app_user::updated_at.eq(diesel::dsl::now),
                ))
                .execute(conn)
        })
    }
}

/// What a change that could leave nobody to manage users came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub enum AdminGuarded {
    Done,
    /// Refused: the user is the last active admin, and without one nobody could manage users
    /// from the browser.
    LastAdmin,
}

/// Failed logins, for throttling.
pub struct LoginAttempts;

/// What the throttle makes of a login attempt.
#[derive(Debug, PartialEq, Eq)]
pub enum Admission {
    /// The address has had its share of failures in the window: not even checked.
    Throttled,
    /// Recorded as a failure (`attempt`) until it succeeds; the account had this many other
    /// failures in the window.
    Admitted { attempt: i64, account_failures: i64 },
}

/// Namespaces the per-address advisory locks (two-key locks never meet the one-key lock that
/// migrations take).
const ADDRESS_LOCK_CLASS: i32 = 0x6c67_6e00;

/// What the attempts table records a wrong API token under (it names no account; no e-mail
/// address has parentheses and a space).
const API_TOKEN_LABEL: &str = "(api token)";

impl LoginAttempts {
    /// Admits an attempt from `address` if it had fewer than `allowed` failures since `since`,
    /// recording it as a failure before the password is checked. Attempts from one address
    /// queue on an advisory lock, so each one counts all the others before it: failures sent
    /// in parallel cannot all be checked against the same count.
    pub fn admit(
        conn: &mut PgConnection,
        email: &str,
        address: &str,
        since: DateTime<Utc>,
        allowed: i64,
    ) -> QueryResult<Admission> {
        conn.transaction(|conn| {
            diesel::sql_query("SELECT pg_advisory_xact_lock($1, hashtext($2))")
                .bind::<diesel::sql_types::Integer, _>(ADDRESS_LOCK_CLASS)
                .bind::<diesel::sql_types::Text, _>(address)
                .execute(conn)?;
            // Old attempts say nothing any more: prune them as new ones come in.
            diesel::delete(
                login_attempt::table
                    .filter(login_attempt::attempted_at.lt(Utc::now() - Duration::days(1))),
            )
            .execute(conn)?;
            let recent = login_attempt::table.filter(login_attempt::attempted_at.gt(since));
            // Failed API tokens have their own count (`token_failures_from`): an integration
            // with a stale token behind an office's one address must not lock its people out.
            let by_address: i64 = recent
                .filter(login_attempt::address.eq(address))
                .filter(login_attempt::email.ne(API_TOKEN_LABEL))
                .count()
                .get_result(conn)?;
            if by_address >= allowed {
                return Ok(Admission::Throttled);
            }
            let email = email.trim().to_lowercase();
            let account_failures = recent
                .filter(login_attempt::email.eq(&email))
                .count()
                .get_result(conn)?;
            let attempt = diesel::insert_into(login_attempt::table)
                .values((
                    login_attempt::email.eq(&email),
                    login_attempt::address.eq(address),
                ))
                .returning(login_attempt::id)
                .get_result(conn)?;
            Ok(Admission::Admitted {
                attempt,
                account_failures,
            })
        })
    }

    /// How many wrong API tokens `address` sent since `since`: what a bearer-token check asks
    /// before it looks a token up. Unlike `admit`, nothing is written and nothing queues: an
    /// API client's parallel requests must not wait on each other, and a token (256 random
    /// bits) is not guessed in the few extra tries a burst can slip past the count. Failed
    /// password logins do not count here, as failed tokens do not count against logins.
    pub fn token_failures_from(
        conn: &mut PgConnection,
        address: &str,
        since: DateTime<Utc>,
    ) -> QueryResult<i64> {
        login_attempt::table
            .filter(login_attempt::attempted_at.gt(since))
            .filter(login_attempt::address.eq(address))
            .filter(login_attempt::email.eq(API_TOKEN_LABEL))
            .count()
            .get_result(conn)
    }

    /// Records a wrong API token from `address` (it names no account).
    pub fn record_token_failure(conn: &mut PgConnection, address: &str) -> QueryResult<()> {
        diesel::insert_into(login_attempt::table)
            .values((
                login_attempt::email.eq(API_TOKEN_LABEL),
                login_attempt::address.eq(address),
            ))
            .execute(conn)
            .map(drop)
    }

    /// The attempt succeeded: it was no failure after all.
    pub fn forget(conn: &mut PgConnection, attempt: i64) -> QueryResult<usize> {
        diesel::delete(login_attempt::table.find(attempt)).execute(conn)
    }
}
