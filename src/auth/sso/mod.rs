//! Single sign-on with an OpenID provider (authorization code flow with PKCE, state and nonce):
//! the settings and who gets which role here; `provider` talks to the provider, `flow` keeps a
//! sign-in's secrets between leaving for the provider and coming back, `routes::sso` serves it.

pub mod flow;
pub mod provider;

use crate::domain::Role;

/// The provider when single sign-on is configured, as managed state.
#[derive(Clone, Default)]
pub struct Sso(pub Option<std::sync::Arc<provider::Provider>>);

impl Sso {
    /// The provider's name when password login is off for those who sign in through it: the
    /// login refuses their password and no password link is issued to them.
    pub fn password_login_off(&self) -> Option<&str> {
        self.0
            .as_ref()
            .filter(|p| !p.settings.password_login)
            .map(|p| p.settings.name.as_str())
    }
}

/// Where the provider sends the browser back to, under the site's address.
pub const CALLBACK_PATH: &str = "/sso/callback";

/// The single sign-on settings (`TALENT_TRACKER_OIDC_*`). The client secret comes from the
/// configuration only, never from a page.
#[derive(Clone)]
pub struct SsoSettings {
    /// The provider's issuer URL, whose discovery document names everything else.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    /// `TALENT_TRACKER_SITE_URL` + `CALLBACK_PATH`, as registered at the provider.
    pub redirect_url: String,
    /// What the login page's button says: "Sign in with <name>".
    pub name: String,
    pub roles: RoleRule,
    /// With `false`, a user who has signed in through the provider can no longer log in with
    /// a password: the provider (its MFA, its offboarding) is then the only way in.
    pub password_login: bool,
}

/// The secret stays out of logs and panics.
impl std::fmt::Debug for SsoSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SsoSettings")
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("redirect_url", &self.redirect_url)
            .field("name", &self.name)
            .field("roles", &self.roles)
            .field("password_login", &self.password_login)
            .finish_non_exhaustive()
    }
}

/// How a user signing in through the provider gets their role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoleRule {
    /// Known users keep the role an admin gave them on /users; unknown users are created with
    /// `Some(role)`, or refused with `None` (an admin adds them on /users first).
    Local { new_users: Option<Role> },
    /// The provider decides: a claim (e.g. `groups`) holds group names, and the first pair
    /// whose group the user is in gives the role, at every sign-in, to known and new users
    /// alike. A user in none of the groups is refused.
    Claim {
        claim: String,
        groups: Vec<(String, Role)>,
    },
}

/// What the rule makes of a user, from what the provider says of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleDecision {
    /// The user gets (or keeps, when `None` and they exist) this role.
    Role(Option<Role>),
    Refused,
}

impl RoleRule {
    /// Parses `TALENT_TRACKER_OIDC_ROLES` ("group=role,group=role") for `claim`, or the role
    /// for unknown users when no claim is set.
    pub fn from_parts(
        new_user_role: Option<&str>,
        claim: Option<&str>,
        groups: Option<&str>,
    ) -> anyhow::Result<RoleRule> {
        fn given(s: Option<&str>) -> Option<&str> {
            s.map(str::trim).filter(|s| !s.is_empty())
        }
        let parse_role = |name: &str| {
            Role::parse(name.trim())
                .ok_or_else(|| anyhow::anyhow!("{name:?} is no role (admin, recruiter, ...)"))
        };
        match (given(claim), given(groups)) {
            (None, None) => Ok(RoleRule::Local {
                new_users: given(new_user_role).map(parse_role).transpose()?,
            }),
            (Some(claim), Some(groups)) => {
                anyhow::ensure!(
                    given(new_user_role).is_none(),
                    "TALENT_TRACKER_OIDC_NEW_USER_ROLE and TALENT_TRACKER_OIDC_ROLES exclude \
                     each other: with the roles mapped from a claim, the claim decides"
                );
                let groups = groups
                    .split(',')
                    .filter(|pair| !pair.trim().is_empty())
                    .map(|pair| {
                        let (group, role) = pair.split_once('=').ok_or_else(|| {
                            anyhow::anyhow!("TALENT_TRACKER_OIDC_ROLES: {pair:?} is not group=role")
                        })?;
                        Ok((group.trim().to_owned(), parse_role(role)?))
                    })
                    .collect::<anyhow::Result<Vec<_>>>()?;
                anyhow::ensure!(!groups.is_empty(), "TALENT_TRACKER_OIDC_ROLES is empty");
                Ok(RoleRule::Claim {
                    claim: claim.to_owned(),
                    groups,
                })
            }
            _ => anyhow::bail!(
                "TALENT_TRACKER_OIDC_ROLE_CLAIM and TALENT_TRACKER_OIDC_ROLES go together"
            ),
        }
    }

    /// The role for a user whose ID token holds `claims` (its JSON object); `known` says
    /// whether they have an account here already.
    pub fn decide(&self, claims: &serde_json::Value, known: bool) -> RoleDecision {
        match self {
            RoleRule::Local { .. } if known => RoleDecision::Role(None),
            RoleRule::Local { new_users: None } => RoleDecision::Refused,
            RoleRule::Local { new_users } => RoleDecision::Role(*new_users),
            RoleRule::Claim { claim, groups } => {
                // A provider sends one group as a string, several as an array.
                let held: Vec<&str> = match claims.get(claim) {
                    Some(serde_json::Value::String(one)) => vec![one.as_str()],
                    Some(serde_json::Value::Array(many)) => {
                        many.iter().filter_map(|g| g.as_str()).collect()
                    }
                    _ => Vec::new(),
                };
                groups
                    .iter()
                    .find(|(group, _)| held.contains(&group.as_str()))
                    .map_or(RoleDecision::Refused, |(_, role)| {
                        RoleDecision::Role(Some(*role))
                    })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_first_mapped_group_the_user_is_in_decides() -> anyhow::Result<()> {
        let rule = RoleRule::from_parts(
            None,
            Some("groups"),
            Some("hr-admins=admin, recruiting=recruiter"),
        )?;
        let both = json!({"groups": ["recruiting", "hr-admins"]});
        assert_eq!(
            rule.decide(&both, true),
            RoleDecision::Role(Some(Role::Admin))
        );
        let one = json!({"groups": "recruiting"});
        assert_eq!(
            rule.decide(&one, false),
            RoleDecision::Role(Some(Role::Recruiter))
        );
        assert_eq!(
            rule.decide(&json!({"groups": ["x"]}), true),
            RoleDecision::Refused
        );
        assert_eq!(rule.decide(&json!({}), true), RoleDecision::Refused);
        Ok(())
    }

    #[test]
    fn without_a_claim_known_users_keep_their_role_and_unknown_ones_get_the_setting()
    -> anyhow::Result<()> {
        let closed = RoleRule::from_parts(None, None, None)?;
        assert_eq!(closed.decide(&json!({}), true), RoleDecision::Role(None));
        assert_eq!(closed.decide(&json!({}), false), RoleDecision::Refused);
        let open = RoleRule::from_parts(Some("viewer"), None, None)?;
        assert_eq!(
            open.decide(&json!({}), false),
            RoleDecision::Role(Some(Role::Viewer))
        );
        assert!(RoleRule::from_parts(Some("boss"), None, None).is_err());
        assert!(RoleRule::from_parts(None, Some("groups"), None).is_err());
        assert!(RoleRule::from_parts(Some("viewer"), Some("groups"), Some("a=admin")).is_err());
        Ok(())
    }
}
