//! `escape_text` defuses spreadsheet formulas on export and `unescape_text` undoes it on
//! import: for any text, the round trip gives back exactly what was stored, and the written
//! cell never starts like a formula.

#![no_main]

use libfuzzer_sys::fuzz_target;
use talent_tracker::csv_format::{escape_text, unescape_text};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Any cell of an imported file is unescaped, escaped or not.
    let _ = unescape_text(text);
    let written = escape_text(text);
    assert_eq!(
        unescape_text(&written),
        text,
        "round trip of {text:?} via {written:?}"
    );
    assert!(
        !written.starts_with(['=', '+', '-', '@', '\t', '\r']),
        "{text:?} written as {written:?} still starts like a formula"
    );
});
