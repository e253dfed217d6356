//! The address this site is reached at, for the one-time links an admin hands on.

use rocket::request::{FromRequest, Outcome, Request};

use crate::auth::SessionCookie;

/// `scheme://host[:port]` as the browser asking sees the site. The Host header is the
/// asker's own: the link is only shown back to them.
#[derive(Debug, Clone)]
pub struct SiteUrl(pub String);

impl SiteUrl {
    pub fn link(&self, path: &str, token: &str) -> String {
        format!("{}{path}?token={token}", self.0)
    }
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for SiteUrl {
    type Error = ();

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, ()> {
        let https = request.rocket().config().tls_enabled()
            || request
                .rocket()
                .state::<SessionCookie>()
                .is_some_and(|c| c.secure());
        let scheme = if https { "https" } else { "http" };
        let host = request.host().map_or_else(
            || {
                let config = request.rocket().config();
                format!("{}:{}", config.address, config.port)
            },
            |host| host.to_string(),
        );
        Outcome::Success(SiteUrl(format!("{scheme}://{host}")))
    }
}
