//! Personal API tokens, stored by the SHA-256 of the token as sessions are: shown once, then
//! only their name, scope, expiry and last use are known.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;

use super::User;
use super::session::digest;
use crate::i18n::Msg;
use crate::schema::{api_token, app_user};

/// Tokens start with this, so that a leaked one is recognisable (secret scanners, logs).
pub const PREFIX: &str = "tt_";
/// How long a token lasts unless its maker says otherwise, and at most.
pub const DEFAULT_DAYS: i64 = 90;
pub const MAX_DAYS: i64 = 730;
/// A token's name, as the table's CHECK allows it.
pub const NAME_MAX: usize = 100;

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = api_token, check_for_backend(diesel::pg::Pg))]
pub struct ApiToken {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub read_only: bool,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A token with its owner's e-mail, for the admin's list.
#[derive(Debug, Clone)]
pub struct OwnedToken {
    pub token: ApiToken,
    pub email: String,
}

impl ApiToken {
    /// What is wrong with a new token's name and lifetime, by field (the form and the
    /// command line check the same).
    pub fn problems(name: &str, days: i64) -> Vec<(&'static str, Msg)> {
        let mut wrong = Vec::new();
        let name = name.trim();
        if name.is_empty() {
            wrong.push(("name", Msg::new("token-name-missing")));
        } else if name.chars().count() > NAME_MAX {
            wrong.push(("name", Msg::new("token-name-too-long").arg("max", NAME_MAX)));
        } else if name.chars().any(char::is_control) {
            wrong.push(("name", Msg::new("token-name-control")));
        }
        if !(1..=MAX_DAYS).contains(&days) {
            wrong.push(("days", Msg::new("token-days-range").arg("max", MAX_DAYS)));
        }
        wrong
    }

    /// Whether it still opens the API at `now`.
    pub fn live(&self, now: DateTime<Utc>) -> bool {
        self.revoked_at.is_none() && self.expires_at > now
    }

    /// Makes a token for a user; the secret is returned once and only its hash is kept.
    pub fn create(
        conn: &mut PgConnection,
        user_id: i64,
        name: &str,
        read_only: bool,
        days: i64,
    ) -> QueryResult<(ApiToken, String)> {
        let secret = format!("{PREFIX}{}", crate::auth::random_token());
        let token = diesel::insert_into(api_token::table)
            .values((
                api_token::user_id.eq(user_id),
                api_token::name.eq(name.trim()),
                api_token::token_hash.eq(digest(&secret)),
                api_token::read_only.eq(read_only),
                api_token::expires_at.eq(Utc::now() + Duration::days(days)),
            ))
            .returning(ApiToken::as_returning())
            .get_result(conn)?;
        Ok((token, secret))
    }

    /// The live token and its active user that `secret` names; its last use is written at
    /// most once a minute (every request reads, few need to write).
    pub fn authenticate(
        conn: &mut PgConnection,
        secret: &str,
    ) -> QueryResult<Option<(ApiToken, User)>> {
        let now = Utc::now();
        let found: Option<(ApiToken, User)> = api_token::table
            .inner_join(app_user::table)
            .filter(api_token::token_hash.eq(digest(secret)))
            .filter(api_token::revoked_at.is_null())
            .filter(api_token::expires_at.gt(now))
            .filter(app_user::active.eq(true))
            .select((ApiToken::as_select(), User::as_select()))
            .first(conn)
            .optional()?;
        if let Some((token, _)) = &found
            && token
                .last_used_at
                .is_none_or(|at| now - at > Duration::minutes(1))
        {
            diesel::update(api_token::table.find(token.id))
                .set(api_token::last_used_at.eq(now))
                .execute(conn)?;
        }
        Ok(found)
    }

    /// A user's tokens, newest first.
    pub fn of_user(conn: &mut PgConnection, user_id: i64) -> QueryResult<Vec<ApiToken>> {
        api_token::table
            .filter(api_token::user_id.eq(user_id))
            .order(api_token::id.desc())
            .select(ApiToken::as_select())
            .load(conn)
    }

    /// Everyone's tokens with their owners, newest first.
    pub fn all(conn: &mut PgConnection) -> QueryResult<Vec<OwnedToken>> {
        let rows: Vec<(ApiToken, String)> = api_token::table
            .inner_join(app_user::table)
            .order(api_token::id.desc())
            .select((ApiToken::as_select(), app_user::email))
            .load(conn)?;
        Ok(rows
            .into_iter()
            .map(|(token, email)| OwnedToken { token, email })
            .collect())
    }

    /// Revokes a token (of `owner`, when given); how many were revoked (0: none such, or
    /// revoked already).
    pub fn revoke(conn: &mut PgConnection, id: i64, owner: Option<i64>) -> QueryResult<usize> {
        let live = api_token::table
            .filter(api_token::id.eq(id))
            .filter(api_token::revoked_at.is_null());
        match owner {
            Some(owner) => diesel::update(live.filter(api_token::user_id.eq(owner)))
                .set(api_token::revoked_at.eq(diesel::dsl::now))
                .execute(conn),
            None => diesel::update(live)
                .set(api_token::revoked_at.eq(diesel::dsl::now))
                .execute(conn),
        }
    }
}
