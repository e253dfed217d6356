//! Accounts: password hashing, sessions, who may do what, and request protection.

pub mod bearer;
pub mod client_address;
pub mod csrf;
pub mod events;
pub mod first_run;
pub mod guards;
pub mod headers;
pub mod password;
pub mod session_cookie;
pub mod sso;

pub use guards::{Admin, Annotator, BandManager, CurrentUser, Editor, ImportUser, PayReader};
pub use guards::{Asker, session_of};
pub use session_cookie::SessionCookie;

use crate::models::SessionLifetime;

/// A session unused for two hours is over, and any session twelve hours after its login.
pub fn session_lifetime() -> SessionLifetime {
    SessionLifetime {
        idle: chrono::Duration::hours(2),
        absolute: chrono::Duration::hours(12),
    }
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
