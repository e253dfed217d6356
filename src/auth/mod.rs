//! Accounts: password hashing, sessions, who may do what, and request protection.

pub mod client_address;
pub mod csrf;
pub mod guards;
pub mod headers;
pub mod password;

pub use guards::{Admin, CurrentUser, Editor, PayReader};

/// The private cookie holding the session id, and nothing else.
pub const SESSION_COOKIE: &str = "tt_session";

/// A session unused for this long is over.
pub fn idle_timeout() -> chrono::Duration {
    chrono::Duration::hours(2)
}

/// 32 random bytes as 64 hex characters: session ids and CSRF tokens.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    argon2::password_hash::rand_core::RngCore::fill_bytes(
        &mut argon2::password_hash::rand_core::OsRng,
        &mut bytes,
    );
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
