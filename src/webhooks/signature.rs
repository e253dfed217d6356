//! The Standard Webhooks signature: `v1,` and the base64 of HMAC-SHA256 over
//! `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the secret's decoded bytes; and the
//! secrets themselves, `whsec_` and the base64 of 32 random bytes.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use sha2::Sha256;

const PREFIX: &str = "whsec_";

/// A new secret, as the receiver's Standard Webhooks library takes it.
pub fn new_secret() -> String {
    let mut key = [0u8; 32];
    // The OS's generator, as for session ids (`auth::random_token`).
    argon2::password_hash::rand_core::RngCore::fill_bytes(
        &mut argon2::password_hash::rand_core::OsRng,
        &mut key,
    );
    format!("{PREFIX}{}", STANDARD.encode(key))
}

/// The `webhook-signature` header of one delivery.
pub fn sign(secret: &str, id: &str, timestamp: i64, body: &str) -> anyhow::Result<String> {
    let key = STANDARD.decode(secret.strip_prefix(PREFIX).unwrap_or(secret))?;
    let mut mac = Hmac::<Sha256>::new_from_slice(&key)?;
    mac.update(format!("{id}.{timestamp}.").as_bytes());
    mac.update(body.as_bytes());
    Ok(format!(
        "v1,{}",
        STANDARD.encode(mac.finalize().into_bytes())
    ))
}

/// The `webhook-signature` header signed with each of `secrets` (during a rotation's grace
/// period, the new and the old one), space-separated: a receiver accepts it when any one
/// verifies with the secret it holds.
pub fn sign_with_each(
    secrets: &[&str],
    id: &str,
    timestamp: i64,
    body: &str,
) -> anyhow::Result<String> {
    let signatures: anyhow::Result<Vec<String>> = secrets
        .iter()
        .map(|secret| sign(secret, id, timestamp, body))
        .collect();
    Ok(signatures?.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of the Standard Webhooks specification (its reference libraries' test).
    #[test]
    fn signs_the_specifications_example() -> anyhow::Result<()> {
        let signature = sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            r#"{"test": 2432232314}"#,
        )?;
        assert_eq!(signature, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        Ok(())
    }

    #[test]
    fn each_secret_signs_once_in_order() -> anyhow::Result<()> {
        let (new, old) = (new_secret(), new_secret());
        let both = sign_with_each(&[&new, &old], "msg_1", 1, "{}")?;
        let expected = [sign(&new, "msg_1", 1, "{}")?, sign(&old, "msg_1", 1, "{}")?];
        assert_eq!(both, expected.join(" "));
        Ok(())
    }

    #[test]
    fn a_new_secret_holds_32_bytes() -> anyhow::Result<()> {
        let secret = new_secret();
        let key = STANDARD.decode(secret.trim_start_matches(PREFIX))?;
        assert_eq!(key.len(), 32);
        assert_ne!(secret, new_secret());
        Ok(())
    }
}
