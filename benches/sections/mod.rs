//! Sections of `cargo bench --bench benchmarks` kept in files of their own.

pub mod duckdb;
pub mod writes;

/// A text cell as the app's CSV writes it: a leading quote guards what a spreadsheet would
/// take for a formula (`csv_format::escape_text`).
pub fn csv_text(text: &str) -> String {
    if text
        .trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
    {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}
