//! Request guards: who is asking, and whether their role allows it.

use crate::i18n::LanguageSettings;
use rocket::http::Status;
use rocket::request::{FromRequest, Outcome, Request};

use super::{SessionCookie, session_lifetime};
use crate::db::Db;
use crate::domain::Role;
use crate::models::{Session, User};

/// The logged-in user of this request. Without one the request gets 401: pages are redirected
/// to the login page by the catcher.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub user: User,
    /// The id from the cookie; the database knows only its hash.
    pub session_id: String,
    pub csrf_token: String,
    /// What pages and messages are written in for this user (`i18n::LanguageSettings`).
    pub locale: crate::i18n::Locale,
}

impl CurrentUser {
    pub fn role(&self) -> Role {
        self.user.role
    }

    /// Who the audit names for this user's changes.
    pub fn actor(&self) -> &str {
        &self.user.email
    }
}

/// Who is asking, as far as the database can tell.
#[derive(Debug, Clone)]
pub enum Asker {
    User(CurrentUser),
    Anonymous,
    /// The session could not be looked up: the database is down. Guards answer 503 rather
    /// than send a logged-in user to the login page.
    Unknown,
}

/// The user whose session a guard of this request already looked up, without a query of its
/// own. Only for the end of a request (error pages, events): asked before any guard, it
/// answers `None` and caches that, so the guards after it would answer 503.
pub fn known_user<'r>(request: &'r Request<'_>) -> Option<&'r CurrentUser> {
    match request.local_cache(|| Asker::Unknown) {
        Asker::User(user) => Some(user),
        _ => None,
    }
}

/// Looks the session up once per request; the CSRF check and every guard share the result.
pub async fn session_of(request: &Request<'_>) -> Asker {
    request
        .local_cache_async(async {
            let Some(&cookie) = request.rocket().state::<SessionCookie>() else {
                return Asker::Unknown;
            };
            let Some(id) = cookie.id(request.cookies()) else {
                return Asker::Anonymous;
            };
            let Some(db) = request.rocket().state::<Db>() else {
                return Asker::Unknown;
            };
            let lookup = id.clone();
            match db
                .run(move |c| Ok(Session::resume(c, &lookup, session_lifetime())?))
                .await
            {
                Ok(Some((session, user))) => Asker::User(CurrentUser {
                    locale: LanguageSettings::of_request(request, user.language.as_deref()),
                    user,
                    session_id: id,
                    csrf_token: session.csrf_token,
                }),
                Ok(None) => Asker::Anonymous,
                Err(_) => Asker::Unknown,
            }
        })
        .await
        .clone()
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for CurrentUser {
    type Error = ();

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, ()> {
        match session_of(request).await {
            Asker::User(user) => Outcome::Success(user),
            Asker::Anonymous => Outcome::Error((Status::Unauthorized, ())),
            Asker::Unknown => Outcome::Error((Status::ServiceUnavailable, ())),
        }
    }
}

/// Declares a guard admitting the logged-in users whose role passes `allowed`; others get 403.
macro_rules! role_guard {
    ($(#[$meta:meta])* $name:ident, $allowed:expr) => {
        $(#[$meta])*
        #[derive(Debug, Clone)]
        pub struct $name(pub CurrentUser);

        #[rocket::async_trait]
        impl<'r> FromRequest<'r> for $name {
            type Error = ();

            async fn from_request(request: &'r Request<'_>) -> Outcome<Self, ()> {
                let allowed: fn(Role) -> bool = $allowed;
                match session_of(request).await {
                    Asker::User(user) if allowed(user.role()) => Outcome::Success($name(user)),
                    Asker::User(user) => {
                        let events = $crate::auth::events::EventSource::of(request);
                        events.record($crate::auth::events::SecurityEvent::RoleDenied, Some(user.actor()));
                        Outcome::Error((Status::Forbidden, ()))
                    }
                    Asker::Anonymous => Outcome::Error((Status::Unauthorized, ())),
                    Asker::Unknown => Outcome::Error((Status::ServiceUnavailable, ())),
                }
            }
        }

        impl std::ops::Deref for $name {
            type Target = CurrentUser;

            fn deref(&self) -> &CurrentUser {
                &self.0
            }
        }
    };
}

role_guard!(
    /// Manages pay bands and decides on offers outside them: compensation staff and admins.
    BandManager,
    Role::manages_bands
);
role_guard!(
    /// Sees pay: analysts, recruiters, compensation staff, admins.
    PayReader,
    Role::sees_pay
);
role_guard!(
    /// Changes companies, people and pay reports, and imports: recruiters and admins.
    Editor,
    Role::edits
);
role_guard!(
    /// Imports CSV files: editors (companies and people) and those who manage pay bands
    /// (bands); which kind of file each may import is checked once it is read.
    ImportUser,
    |role| role.edits() || role.manages_bands()
);
role_guard!(
    /// Writes notes on people and attaches files: editors and compensation staff.
    Annotator,
    Role::annotates
);
role_guard!(
    /// Everything, including users, exchange rates and the audit: admins.
    Admin,
    |role| role == Role::Admin
);
