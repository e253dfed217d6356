//! Passwords: the length rule and argon2id hashes.

use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::i18n::Msg;

pub const MIN_LENGTH: usize = 12;
pub const MAX_LENGTH: usize = 128;

/// OWASP's minimum for argon2id: 19 MiB of memory, two passes, one lane.
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// A message rather than words: the form shows it in its reader's language, the command line
/// in English.
pub fn check_length(password: &str) -> Result<(), Msg> {
    match password.chars().count() {
        n if n < MIN_LENGTH => Err(Msg::new("password-too-short").arg("min", MIN_LENGTH)),
        n if n > MAX_LENGTH => Err(Msg::new("password-too-long").arg("max", MAX_LENGTH)),
        _ => Ok(()),
    }
}

/// Why a new password and its repeat cannot be used, as (the field to show it by, why).
pub fn check_new(new: &str, repeat: &str) -> Result<(), (&'static str, Msg)> {
    check_length(new).map_err(|why| ("new_password", why))?;
    if repeat != new {
        return Err(("repeat_password", Msg::new("password-repeat-differs")));
    }
    Ok(())
}

/// Hashes on a blocking thread: argon2 takes tens of milliseconds of CPU, which must not stall
/// Rocket's async workers.
pub async fn hash_off_thread(password: String) -> anyhow::Result<String> {
    rocket::tokio::task::spawn_blocking(move || hash(&password))
        .await
        .map_err(|e| anyhow::anyhow!("hashing a password failed: {e}"))?
}

pub fn hash(password: &str) -> anyhow::Result<String> {
    check_length(password).map_err(|why| anyhow::anyhow!("{why}"))?;
    let salt = SaltString::generate(&mut OsRng);
    Ok(argon2()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("hashing the password failed: {e}"))?
        .to_string())
}

pub fn verify(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        argon2()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A hash to verify against when the e-mail is unknown, so that a failed login takes as long
/// either way and does not tell whether the account exists.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash("decoy password that never matches").unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_and_verify_only_the_right_password() -> anyhow::Result<()> {
        let hashed = hash("correct horse battery")?;
        assert!(hashed.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify("correct horse battery", &hashed));
        assert!(!verify("correct horse batterY", &hashed));
        assert!(hash("too short").is_err());
        assert!(hash(&"x".repeat(129)).is_err());
        Ok(())
    }
}
