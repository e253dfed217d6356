//! The first-run setup link: issued at startup while there are no users, printed like
//! Jupyter's token URL, so a new installation needs no terminal command before its first page.

use diesel::PgConnection;

use crate::models::SetupLink;

/// The setup link this instance printed at startup, if it printed one (managed state; the
/// tests follow it as a person would).
#[derive(Debug, Clone, Default)]
pub struct FirstRunLink(pub Option<String>);

/// Issues a setup link when there are no users and says where it is. Each instance starting
/// while there are no users issues its own; the first one used voids them all.
pub fn issue(conn: &mut PgConnection, site: &str) -> anyhow::Result<FirstRunLink> {
    let token = super::random_token();
    if !SetupLink::issue(conn, &token)? {
        return Ok(FirstRunLink(None));
    }
    let link = format!("{site}/setup?token={token}");
    eprintln!(
        "talent-tracker has no users yet. Open this link to create the first admin (it works \
         once, for {days} days):\n\n    {link}\n\n(or on the command line: talent-tracker user \
         create --email you@example.com --role admin)",
        days = crate::models::SETUP_LINK_DAYS
    );
    Ok(FirstRunLink(Some(link)))
}

/// Where this instance is reached, as the printed link names it.
pub fn site_of(config: &rocket::Config) -> String {
    let scheme = if config.tls_enabled() {
        "https"
    } else {
        "http"
    };
    // An instance listening everywhere is reached on this machine at least at loopback.
    let address = if config.address.is_unspecified() {
        std::net::IpAddr::from([127, 0, 0, 1])
    } else {
        config.address
    };
    let host = match address {
        std::net::IpAddr::V6(v6) => format!("[{v6}]"),
        v4 => v4.to_string(),
    };
    format!("{scheme}://{host}:{}", config.port)
}
