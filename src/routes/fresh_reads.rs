//! Reading your own writes from a read replica: after a write, the response leaves the
//! primary's WAL position in a cookie, and a later report reads the replica only once it has
//! replayed that far (else the primary), as GitLab's database load balancing does.

use std::time::Duration;

use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::{Cookie, Method, SameSite};
use rocket::request::{FromRequest, Outcome};
use rocket::{Request, Response};

use crate::auth::SessionCookie;
use crate::db::{Db, ReadDb, Replica, WalPosition};

/// How long a read waits for the replica to replay the session's last write before it reads
/// the primary instead: long enough for a replica keeping up (milliseconds behind), short
/// enough that a lagging one costs a report little.
const REPLAY_WAIT: Duration = Duration::from_millis(150);

/// The cookie's name; `__Host-` as the session cookie's when the site is served over https.
fn cookie_name(session: Option<&SessionCookie>) -> &'static str {
    match session.is_some_and(|s| s.secure()) {
        true => "__Host-tt_written",
        false => "tt_written",
    }
}

/// After a request that may have written (any method but GET, HEAD and OPTIONS) and did not
/// fail, asks the primary once for its WAL position and hands it to the browser.
///
/// A cookie rather than server-side state, so that any of several app instances behind one
/// address sees it. It is a plain cookie, not a private one: Rocket encrypts private cookies
/// only before the response fairings run, and the value is no secret and grants nothing. A
/// forged one can only send its own sender's reads to the primary, as writing would.
pub struct RememberWrites;

#[rocket::async_trait]
impl Fairing for RememberWrites {
    fn info(&self) -> Info {
        Info {
            name: "Remember the last write's WAL position",
            kind: Kind::Response,
        }
    }

    async fn on_response<'r>(&self, request: &'r Request<'_>, response: &mut Response<'r>) {
        if matches!(
            request.method(),
            Method::Get | Method::Head | Method::Options
        ) || response.status().code >= 400
        {
            return;
        }
        let rocket = request.rocket();
        // Without a replica every read is fresh: no query, no cookie.
        let (Some(Replica(Some(_))), Some(primary)) =
            (rocket.state::<Replica>(), rocket.state::<Db>())
        else {
            return;
        };
        match primary.wal_position().await {
            Ok(Some(position)) => {
                let secure = rocket.state::<SessionCookie>().is_some_and(|s| s.secure());
                let cookie = Cookie::build((
                    cookie_name(rocket.state::<SessionCookie>()),
                    position.to_string(),
                ))
                .path("/")
                .same_site(SameSite::Lax)
                .http_only(true)
                .secure(secure);
                response.adjoin_header(cookie.build());
            }
            // The write itself succeeded; at worst this session reads the replica as before.
            Ok(None) => {}
            Err(e) => log::warn!("could not read the primary's WAL position after a write: {e}"),
        }
    }
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for ReadDb {
    type Error = ();

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, ()> {
        let rocket = request.rocket();
        let Some(primary) = rocket.state::<Db>() else {
            return Outcome::Error((rocket::http::Status::InternalServerError, ()));
        };
        let Some(Replica(Some(replica))) = rocket.state::<Replica>() else {
            return Outcome::Success(ReadDb(primary.clone()));
        };
        let name = cookie_name(rocket.state::<SessionCookie>());
        let written = request
            .cookies()
            .get(name)
            .and_then(|c| WalPosition::parse(c.value()));
        let Some(written) = written else {
            return Outcome::Success(ReadDb(replica.clone()));
        };
        if replica.has_replayed(written, REPLAY_WAIT).await {
            // The cookie stays until a later write replaces it: asking a replica that is level
            // costs one short query, and a replica rebuilt from an older backup is then still
            // caught behind.
            Outcome::Success(ReadDb(replica.clone()))
        } else {
            Outcome::Success(ReadDb(primary.clone()))
        }
    }
}
