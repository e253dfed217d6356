//! Generated secrets kept in files only their owner can read: the cluster's password and the
//! app's secret key.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// The secret key of the default setup: generated once, kept in the data folder (mode 600).
pub fn secret_key(data_dir: &Path) -> anyhow::Result<String> {
    use base64::Engine;
    let path = data_dir.join("secret-key");
    if let Ok(key) = fs::read_to_string(&path) {
        return Ok(key.trim().to_owned());
    }
    fs::create_dir_all(data_dir)?;
    let mut bytes = [0u8; 64];
    std::io::Read::read_exact(&mut File::open("/dev/urandom")?, &mut bytes)?;
    let key = base64::engine::general_purpose::STANDARD.encode(bytes);
    write_private(&path, &key)?;
    Ok(key)
}

pub(super) fn random_password() -> anyhow::Result<String> {
    let mut bytes = [0u8; 24];
    std::io::Read::read_exact(&mut File::open("/dev/urandom")?, &mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

pub(super) fn write_private(path: &Path, contents: &str) -> anyhow::Result<()> {
    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(contents.as_bytes())?;
    Ok(())
}
