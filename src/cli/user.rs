//! The `user` commands: accounts are made and reset on the command line, never by default.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::Subcommand;
use diesel::PgConnection;

use crate::auth::password;
use crate::domain::{Email, Role};
use crate::models::{AdminGuarded, NewUser, User};

#[derive(Debug, Subcommand)]
pub enum UserAction {
    /// Create a user. The password is asked for on a terminal, else read as one line from
    /// standard input.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        role: String,
        /// The name shown in the app; the e-mail when not given.
        #[arg(long)]
        name: Option<String>,
    },
    /// List the users.
    List,
    /// Change a user's role.
    SetRole {
        #[arg(long)]
        email: String,
        #[arg(long)]
        role: String,
    },
    /// Set a user's password and end their sessions. The password is read as for `create`.
    ResetPassword {
        #[arg(long)]
        email: String,
    },
    /// Stop a user from logging in and end their sessions.
    Deactivate {
        #[arg(long)]
        email: String,
    },
}

pub fn run(conn: &mut PgConnection, action: UserAction) -> anyhow::Result<ExitCode> {
    match action {
        UserAction::Create { email, role, name } => {
            let email = Email::parse(&email)
                .map_err(anyhow::Error::msg)?
                .into_inner();
            let role = parse_role(&role)?;
            if User::find_by_email(conn, &email)?.is_some() {
                bail!("a user with the e-mail {email} exists already");
            }
            let hash = password::hash(&read_password()?)?;
            let name = name.unwrap_or_else(|| email.clone());
            let user = User::insert(
                conn,
                &NewUser {
                    email: &email,
                    display_name: &name,
                    role,
                    password_hash: &hash,
                },
            )?;
            println!(
                "Created {} ({}) as {}.",
                user.email,
                user.display_name,
                user.role.as_str()
            );
        }
        UserAction::List => {
            for user in User::all(conn)? {
                let state = if user.active { "active" } else { "deactivated" };
                println!(
                    "{}\t{}\t{}\t{state}",
                    user.email,
                    user.role.as_str(),
                    user.display_name
                );
            }
        }
        UserAction::SetRole { email, role } => {
            let user = existing(conn, &email)?;
            refuse_last_admin(User::set_role(conn, user.id, parse_role(&role)?)?, &user)?;
            println!("{} is now {role}.", user.email);
        }
        UserAction::ResetPassword { email } => {
            let user = existing(conn, &email)?;
            let hash = password::hash(&read_password()?)?;
            User::set_password(conn, user.id, &hash, None)?;
            println!(
                "{} has a new password; their sessions are ended.",
                user.email
            );
        }
        UserAction::Deactivate { email } => {
            let user = existing(conn, &email)?;
            refuse_last_admin(User::deactivate(conn, user.id)?, &user)?;
            println!(
                "{} can no longer log in; their sessions are ended.",
                user.email
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn refuse_last_admin(outcome: AdminGuarded, user: &User) -> anyhow::Result<()> {
    match outcome {
        AdminGuarded::Done => Ok(()),
        AdminGuarded::LastAdmin => bail!(
            "{} is the last active admin: make another user admin first, or nobody could \
             manage users",
            user.email
        ),
    }
}

fn parse_role(name: &str) -> anyhow::Result<Role> {
    Role::parse(name).with_context(|| {
        format!("“{name}” is not a role: choose admin, recruiter, analyst or viewer")
    })
}

fn existing(conn: &mut PgConnection, email: &str) -> anyhow::Result<User> {
    User::find_by_email(conn, email)?
        .with_context(|| format!("there is no user with the e-mail {email}"))
}

/// On a terminal: asked twice without echo. Otherwise: the first line of standard input.
fn read_password() -> anyhow::Result<String> {
    let password = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password (12 to 128 characters): ")?;
        if rpassword::prompt_password("The same again: ")? != first {
            bail!("the two passwords differ");
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    };
    password::check_length(&password).map_err(|why| anyhow::anyhow!("{why}"))?;
    Ok(password)
}
