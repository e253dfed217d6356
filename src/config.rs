//! The app's own settings; Rocket's (ROCKET_PORT, Rocket.toml, ...) are read by Rocket. The
//! command line fills them (`cli::serve`); the tests build them directly.

pub use crate::auth::client_address::ProxyTrust;

#[derive(Debug, Clone)]
pub struct AppConfig {
    pub database_url: String,
    /// A read replica for reports and CSV exports (`DATABASE_REPLICA_URL`); the primary
    /// serves them when there is none.
    pub replica_url: Option<String>,
    pub pool_size: u32,
    /// Seed the demo data into an empty database.
    pub demo: bool,
    /// The currency reports convert every pay figure into (ISO 4217).
    pub reporting_currency: String,
    pub import_limit: ImportLimit,
    /// The largest file that may be attached to a person.
    pub file_limit: FileLimit,
    /// Where attached files' bytes are kept: the database unless `TALENT_TRACKER_FILES_DIR`
    /// names a folder.
    pub files: crate::file_store::FileStore,
    /// The key for private cookies in the default local setup, kept in its data folder.
    pub secret_key: Option<String>,
    /// A reverse proxy's forwarding header to believe about the client's address; without it
    /// the address is the connection's peer.
    pub proxy: Option<ProxyTrust>,
    /// The session cookie is `Secure` and `__Host-` prefixed, for https behind a proxy that
    /// terminates TLS.
    pub secure_cookies: bool,
    /// SMTP and sender (`TALENT_TRACKER_SMTP_URL`, `TALENT_TRACKER_MAIL_FROM`): mail is off
    /// without them.
    pub mail: Option<crate::mail::MailSettings>,
    /// How webhooks are delivered (`TALENT_TRACKER_WEBHOOKS_ALLOW_PRIVATE`).
    pub webhooks: crate::webhooks::WebhookSettings,
    /// Single sign-on through an OpenID provider (`TALENT_TRACKER_OIDC_*`): off without it.
    pub sso: Option<crate::auth::sso::SsoSettings>,
    /// The default language and the time zone timestamps are shown in.
    pub languages: crate::i18n::LanguageSettings,
}

/// The largest CSV file the import takes.
#[derive(Debug, Clone, Copy)]
pub struct ImportLimit(pub u64);

impl ImportLimit {
    pub fn bytes(self) -> u64 {
        self.0 * 1024 * 1024
    }

    pub fn mib(&self) -> u64 {
        self.0
    }
}

/// The largest file that may be attached to a person, in bytes.
#[derive(Debug, Clone, Copy)]
pub struct FileLimit(pub u64);

impl Default for FileLimit {
    /// 10 MiB: a CV with pictures, a scanned reference letter.
    fn default() -> Self {
        FileLimit(10 * 1024 * 1024)
    }
}

/// The reporting currency, as Rocket managed state for the report and exchange-rate pages.
#[derive(Debug, Clone)]
pub struct ReportingCurrency(pub String);
