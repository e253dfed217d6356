//! The `token` commands: personal API tokens for automation, made, listed and revoked as on
//! the account page (`routes::api_tokens`), the same checks and table.

use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::Subcommand;
use diesel::PgConnection;

use crate::models::api_token::DEFAULT_DAYS;
use crate::models::{ApiToken, User};

#[derive(Debug, Subcommand)]
pub enum TokenAction {
    /// Make a token for a user and print it, once: only its hash is kept.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Reads only, whatever the user's role may change.
        #[arg(long)]
        read_only: bool,
        /// How many days it works.
        #[arg(long, default_value_t = DEFAULT_DAYS)]
        days: i64,
    },
    /// List every token (never the tokens themselves), or one user's.
    List {
        #[arg(long)]
        email: Option<String>,
    },
    /// Revoke a token by the id `list` shows.
    Revoke {
        #[arg(long)]
        id: i64,
    },
}

fn user_of(conn: &mut PgConnection, email: &str) -> anyhow::Result<User> {
    User::find_by_email(conn, email)?.with_context(|| format!("there is no user {email}"))
}

pub fn run(conn: &mut PgConnection, action: TokenAction) -> anyhow::Result<ExitCode> {
    match action {
        TokenAction::Create {
            email,
            name,
            read_only,
            days,
        } => {
            let user = user_of(conn, &email)?;
            if !user.active {
                bail!("{email} is deactivated: their tokens would open nothing");
            }
            if let Some((_, why)) = ApiToken::problems(&name, days).into_iter().next() {
                bail!("{why}");
            }
            let (token, secret) = ApiToken::create(conn, user.id, &name, read_only, days)?;
            eprintln!(
                "Token {} “{}” for {} until {}; shown only now:",
                token.id, token.name, user.email, token.expires_at
            );
            println!("{secret}");
        }
        TokenAction::List { email } => {
            let tokens = ApiToken::all(conn)?;
            let now = chrono::Utc::now();
            for owned in tokens {
                if email
                    .as_deref()
                    .is_some_and(|e| !e.trim().eq_ignore_ascii_case(&owned.email))
                {
                    continue;
                }
                let t = owned.token;
                let state = if t.revoked_at.is_some() {
                    "revoked"
                } else if t.live(now) {
                    "live"
                } else {
                    "expired"
                };
                let last = t
                    .last_used_at
                    .map_or_else(|| "never".to_owned(), |at| at.to_rfc3339());
                println!(
                    "{}\t{}\t{}\t{}\t{state}\texpires {}\tlast used {last}",
                    t.id,
                    owned.email,
                    t.name,
                    if t.read_only { "read-only" } else { "role" },
                    t.expires_at.to_rfc3339(),
                );
            }
        }
        TokenAction::Revoke { id } => {
            if ApiToken::revoke(conn, id, None)? == 0 {
                bail!("there is no live token {id}");
            }
            println!("Token {id} is revoked.");
        }
    }
    Ok(ExitCode::SUCCESS)
}
