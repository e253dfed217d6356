//! No subcommand: the server, with its settings from flags or the environment.

use crate::i18n::LanguageSettings;
use std::process::ExitCode;

use clap::Args;

use super::ReportingCurrencyArg;
use crate::auth::client_address::{AddressRange, ProxyTrust};
use crate::auth::sso::{CALLBACK_PATH, RoleRule, SsoSettings};
use crate::config::{AppConfig, FileLimit, ImportLimit};
use crate::db::{self, local};
use crate::domain::Currency;
use crate::file_store::FileStore;
use crate::mail::{MailSettings, SmtpUrl};
use crate::webhooks::WebhookSettings;

/// The server's settings. Each can also come from the environment.
#[derive(Debug, Args)]
pub struct Settings {
    /// Start without the demo data, for people who bring their own.
    #[arg(long)]
    no_demo: bool,

    /// Seed demo data into an empty database.
    #[arg(long, env = "TALENT_TRACKER_DEMO", default_value_t = true, action = clap::ArgAction::Set, hide = true)]
    demo: bool,

    #[command(flatten)]
    pub(super) currency: ReportingCurrencyArg,

    /// The language of pages for users who chose none and whose browser asks for none we
    /// have (`en`, `de`).
    #[arg(long, env = "TALENT_TRACKER_LANGUAGE", default_value = "en")]
    language: String,

    /// The time zone timestamps are shown in (an IANA name such as Europe/Berlin); they are
    /// stored in UTC.
    #[arg(long, env = "TALENT_TRACKER_TIME_ZONE", default_value = "UTC")]
    time_zone: String,

    /// The largest CSV file the web import takes, in MiB.
    #[arg(long, env = "TALENT_TRACKER_IMPORT_LIMIT_MIB", default_value_t = 20)]
    import_limit_mib: u64,

    /// The largest file (a CV, a document) that may be attached to a person, in bytes.
    #[arg(long, env = "TALENT_TRACKER_MAX_FILE_BYTES", default_value_t = FileLimit::default().0,
          value_parser = clap::value_parser!(u64).range(1..))]
    max_file_bytes: u64,

    /// A folder for the bytes of files attached to people (made if missing), instead of the
    /// database: then back it up beside the database, which keeps only their descriptions.
    #[arg(long, env = "TALENT_TRACKER_FILES_DIR")]
    files_dir: Option<std::path::PathBuf>,

    /// A read replica of the database, for reports and CSV exports.
    #[arg(long, env = "DATABASE_REPLICA_URL")]
    database_replica_url: Option<String>,

    /// Connections kept to PostgreSQL. Two cores serve well with a handful.
    // At least one: r2d2 panics on an empty pool.
    #[arg(long, env = "DATABASE_POOL_SIZE", default_value_t = 10,
          value_parser = clap::value_parser!(u32).range(1..))]
    pool_size: u32,

    /// The header a reverse proxy writes the client's address into (e.g. X-Forwarded-For),
    /// believed only from the trusted proxies. Without it, the connection's peer is the client.
    #[arg(long, env = "TALENT_TRACKER_PROXY_HEADER")]
    proxy_header: Option<String>,

    /// The proxies' addresses or CIDR ranges, comma-separated, that the proxy header is
    /// believed from.
    #[arg(long, env = "TALENT_TRACKER_TRUSTED_PROXIES")]
    trusted_proxies: Option<String>,

    /// Mark the session cookie `Secure` (and name it with the `__Host-` prefix): for https
    /// behind a reverse proxy that terminates TLS, where the app itself sees plain http.
    #[arg(long, env = "TALENT_TRACKER_SECURE_COOKIES")]
    secure_cookies: bool,

    /// Let webhooks call loopback, private and link-local addresses (a receiver on the same
    /// host or network); off, such endpoints are refused.
    #[arg(long, env = "TALENT_TRACKER_WEBHOOKS_ALLOW_PRIVATE")]
    webhooks_allow_private: bool,

    /// The SMTP server mail goes through: smtp://host:port, smtps://user:password@host, or
    /// smtp://user:password@host:587?tls=required for STARTTLS. Mail is off without it.
    // Kept as `SmtpUrl` from the start: this struct's Debug shows it without the password.
    #[arg(long, env = "TALENT_TRACKER_SMTP_URL", hide_env_values = true,
          value_parser = SmtpUrl::unchecked)]
    smtp_url: Option<SmtpUrl>,

    /// Whom mails come from: `tracker@example.com` or `Talent Tracker <tracker@example.com>`.
    #[arg(long, env = "TALENT_TRACKER_MAIL_FROM")]
    mail_from: Option<String>,

    /// Where the links in mails point, e.g. https://talent.example.com (default: the address
    /// the server listens on).
    #[arg(long, env = "TALENT_TRACKER_SITE_URL")]
    site_url: Option<String>,

    #[command(flatten)]
    sso: SsoArgs,
}

/// Single sign-on through an OpenID provider; off without an issuer.
#[derive(Debug, Args)]
pub struct SsoArgs {
    /// The provider's issuer URL, e.g. https://login.example.com/realms/staff; its discovery
    /// document names the rest. The redirect URL to register there is
    /// TALENT_TRACKER_SITE_URL/sso/callback.
    #[arg(long, env = "TALENT_TRACKER_OIDC_ISSUER")]
    oidc_issuer: Option<String>,

    #[arg(long, env = "TALENT_TRACKER_OIDC_CLIENT_ID")]
    oidc_client_id: Option<String>,

    #[arg(
        long,
        env = "TALENT_TRACKER_OIDC_CLIENT_SECRET",
        hide_env_values = true
    )]
    oidc_client_secret: Option<String>,

    /// What the login page's button names: "Sign in with <name>".
    #[arg(
        long,
        env = "TALENT_TRACKER_OIDC_NAME",
        default_value = "single sign-on"
    )]
    oidc_name: String,

    /// The role of someone the provider vouches for who has no account yet (viewer, analyst,
    /// ...): created at their first sign-in. Without it they are refused until an admin adds
    /// them on /users.
    #[arg(long, env = "TALENT_TRACKER_OIDC_NEW_USER_ROLE")]
    oidc_new_user_role: Option<String>,

    /// The ID token claim holding the user's groups (e.g. `groups`), for
    /// TALENT_TRACKER_OIDC_ROLES.
    #[arg(long, env = "TALENT_TRACKER_OIDC_ROLE_CLAIM")]
    oidc_role_claim: Option<String>,

    /// group=role pairs, comma-separated, e.g. `hr-admins=admin,recruiting=recruiter`: the
    /// first group the user is in gives their role at every sign-in; users in none are refused.
    #[arg(long, env = "TALENT_TRACKER_OIDC_ROLES")]
    oidc_roles: Option<String>,

    /// Whether users who signed in through the provider may still log in with a password.
    #[arg(long, env = "TALENT_TRACKER_OIDC_PASSWORD_LOGIN", default_value_t = true,
          action = clap::ArgAction::Set)]
    oidc_password_login: bool,
}

impl SsoArgs {
    fn into_settings(self, site_url: Option<&str>) -> anyhow::Result<Option<SsoSettings>> {
        let given = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
        let Some(issuer) = given(self.oidc_issuer) else {
            return Ok(None);
        };
        let missing = |name: &str| anyhow::anyhow!("TALENT_TRACKER_OIDC_ISSUER needs {name}");
        let client_id =
            given(self.oidc_client_id).ok_or_else(|| missing("TALENT_TRACKER_OIDC_CLIENT_ID"))?;
        let client_secret = given(self.oidc_client_secret)
            .ok_or_else(|| missing("TALENT_TRACKER_OIDC_CLIENT_SECRET"))?;
        let site = site_url
            .map(|s| s.trim().trim_end_matches('/'))
            .filter(|s| !s.is_empty())
            .ok_or_else(|| missing("TALENT_TRACKER_SITE_URL (the redirect URL is built on it)"))?;
        let roles = RoleRule::from_parts(
            self.oidc_new_user_role.as_deref(),
            self.oidc_role_claim.as_deref(),
            self.oidc_roles.as_deref(),
        )?;
        Ok(Some(SsoSettings {
            issuer: issuer.trim().to_owned(),
            client_id,
            client_secret,
            redirect_url: format!("{site}{CALLBACK_PATH}"),
            name: self.oidc_name.trim().to_owned(),
            roles,
            password_login: self.oidc_password_login,
        }))
    }
}

impl Settings {
    /// Finds the database (DATABASE_URL, or the local cluster, started if needed).
    fn into_config(self) -> anyhow::Result<AppConfig> {
        let reporting_currency = Currency::parse(&self.currency.reporting_currency)
            .map_err(|e| anyhow::anyhow!("TALENT_TRACKER_REPORTING_CURRENCY: {e}"))?
            .into_inner();
        let sso = self.sso.into_settings(self.site_url.as_deref())?;
        let languages = LanguageSettings::parse(&self.language, &self.time_zone)?;
        let database = db::locate()?;
        Ok(AppConfig {
            secret_key: database
                .local_data_dir
                .as_deref()
                .map(local::secret_key)
                .transpose()?,
            reporting_currency,
            import_limit: ImportLimit(self.import_limit_mib),
            file_limit: FileLimit(self.max_file_bytes),
            files: match self.files_dir {
                Some(dir) => FileStore::Folder(dir),
                None => FileStore::Database,
            },
            database_url: database.url,
            replica_url: self
                .database_replica_url
                .filter(|url| !url.trim().is_empty()),
            pool_size: self.pool_size,
            demo: self.demo && !self.no_demo,
            proxy: proxy_trust(self.proxy_header, self.trusted_proxies)?,
            secure_cookies: self.secure_cookies,
            webhooks: WebhookSettings {
                allow_private: self.webhooks_allow_private,
                ..WebhookSettings::default()
            },
            mail: MailSettings::from_parts(
                self.smtp_url.as_ref().map(SmtpUrl::secret),
                self.mail_from.as_deref(),
                self.site_url.as_deref(),
            )?,
            sso,
            languages,
        })
    }
}

/// Both settings or neither: a header without proxies would be believed from nobody, and
/// proxies without a header say nothing.
fn proxy_trust(
    header: Option<String>,
    proxies: Option<String>,
) -> anyhow::Result<Option<ProxyTrust>> {
    let header = header.filter(|h| !h.trim().is_empty());
    let proxies = proxies.filter(|p| !p.trim().is_empty());
    match (header, proxies) {
        (None, None) => Ok(None),
        (Some(header), Some(proxies)) => Ok(Some(ProxyTrust {
            header: header.trim().to_owned(),
            proxies: proxies
                .split(',')
                .map(AddressRange::parse)
                .collect::<Result<_, _>>()
                .map_err(|e| anyhow::anyhow!("TALENT_TRACKER_TRUSTED_PROXIES: {e}"))?,
        })),
        _ => anyhow::bail!(
            "set TALENT_TRACKER_PROXY_HEADER and TALENT_TRACKER_TRUSTED_PROXIES together, or neither"
        ),
    }
}

pub async fn serve(settings: Settings) -> anyhow::Result<ExitCode> {
    crate::app(settings.into_config()?)?.launch().await?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use crate::cli::Cli;

    #[test]
    fn secure_cookies_are_off_unless_asked_for() -> anyhow::Result<()> {
        let plain = Cli::try_parse_from(["talent-tracker"])?;
        assert!(!plain.settings.secure_cookies);
        let secure = Cli::try_parse_from(["talent-tracker", "--secure-cookies"])?;
        assert!(secure.settings.secure_cookies);
        Ok(())
    }

    fn sso(args: &[&str]) -> anyhow::Result<Option<crate::auth::sso::SsoSettings>> {
        let all = ["talent-tracker"].iter().chain(args);
        let settings = Cli::try_parse_from(all)?.settings;
        settings.sso.into_settings(settings.site_url.as_deref())
    }

    #[test]
    fn single_sign_on_needs_its_client_and_the_site_and_builds_the_redirect_url()
    -> anyhow::Result<()> {
        assert!(sso(&[])?.is_none());
        let issuer = ["--oidc-issuer", "https://id.example.com"];
        let client = ["--oidc-client-id", "tt", "--oidc-client-secret", "s3cret"];
        let site = ["--site-url", "https://talent.example.com/"];
        assert!(sso(&issuer).is_err(), "an issuer alone");
        assert!(sso(&[&issuer[..], &site[..]].concat()).is_err());
        assert!(sso(&[&issuer[..], &client[..]].concat()).is_err());
        let settings = sso(&[&issuer[..], &client[..], &site[..]].concat())?
            .ok_or_else(|| anyhow::anyhow!("no settings"))?;
        assert_eq!(
            settings.redirect_url,
            "https://talent.example.com/sso/callback"
        );
        assert!(settings.password_login);
        assert!(!format!("{settings:?}").contains("s3cret"));
        let off = sso(&[
            &issuer[..],
            &client[..],
            &site[..],
            &["--oidc-password-login", "false"],
        ]
        .concat())?;
        assert_eq!(off.map(|s| s.password_login), Some(false));
        Ok(())
    }
}
