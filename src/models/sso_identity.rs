//! Who signed in through the OpenID provider, as which of its subjects: the users that
//! "password login off for SSO users" means.

use diesel::prelude::*;

use super::{AdminGuarded, NewUser, User};
use crate::auth::sso::RoleDecision;
use crate::domain::Role;
use crate::schema::sso_identity;

/// What a sign-in through the provider came to.
#[derive(Debug)]
pub enum SsoAdmission {
    Admitted(User),
    /// No account with this e-mail, and the rule creates none.
    Unknown,
    /// An account with this e-mail, deactivated by an admin.
    Deactivated,
    /// The role rule refuses this user (in none of the mapped groups).
    NoRole,
}

pub struct SsoIdentity;

impl SsoIdentity {
    /// Whether the user has ever signed in through the provider.
    pub fn exists(conn: &mut PgConnection, user_id: i64) -> QueryResult<bool> {
        diesel::select(diesel::dsl::exists(
            sso_identity::table.filter(sso_identity::user_id.eq(user_id)),
        ))
        .get_result(conn)
    }

    /// The users who have signed in through the provider.
    pub fn user_ids(conn: &mut PgConnection) -> QueryResult<Vec<i64>> {
        sso_identity::table
            .select(sso_identity::user_id)
            .distinct()
            .load(conn)
    }

    /// Matches the provider's user to an account by their (verified) e-mail, creates it when
    /// `decision` gives a role to someone unknown (with `unusable_hash` for a password nobody
    /// knows), moves a known user to the role the claim gives (unless that leaves no active
    /// admin), and records the subject, in one transaction.
    pub fn admit(
        conn: &mut PgConnection,
        issuer: &str,
        subject: &str,
        email: &str,
        display_name: &str,
        decision: impl Fn(bool) -> RoleDecision,
        unusable_hash: &str,
    ) -> QueryResult<SsoAdmission> {
        conn.transaction(|conn| {
            let user = match User::find_by_email(conn, email)? {
                Some(user) => {
                    if !user.active {
                        return Ok(SsoAdmission::Deactivated);
                    }
                    let RoleDecision::Role(role) = decision(true) else {
                        return Ok(SsoAdmission::NoRole);
                    };
                    match role {
                        Some(role) if role != user.role => move_to(conn, user, role)?,
                        _ => user,
                    }
                }
                None => match decision(false) {
                    RoleDecision::Role(Some(role)) => User::insert(
                        conn,
                        &NewUser {
                            email,
                            display_name,
                            role,
                            password_hash: unusable_hash,
                        },
                    )?,
                    _ => return Ok(SsoAdmission::Unknown),
                },
            };
            // The e-mail is what matches (a provider may hand out new subjects when it is
            // replaced); the subject is kept to say who came, and as whom.
            diesel::insert_into(sso_identity::table)
                .values((
                    sso_identity::user_id.eq(user.id),
                    sso_identity::issuer.eq(issuer),
                    sso_identity::subject.eq(subject),
                ))
                .on_conflict(sso_identity::user_id)
                .do_update()
                .set((
                    sso_identity::issuer.eq(issuer),
                    sso_identity::subject.eq(subject),
                    sso_identity::last_login_at.eq(diesel::dsl::now),
                ))
                .execute(conn)?;
            Ok(SsoAdmission::Admitted(user))
        })
    }
}

/// The user with `role`, or as they were when they are the last active admin.
fn move_to(conn: &mut PgConnection, user: User, role: Role) -> QueryResult<User> {
    match User::set_role(conn, user.id, role)? {
        AdminGuarded::Done => Ok(User { role, ..user }),
        AdminGuarded::LastAdmin => Ok(user),
    }
}
