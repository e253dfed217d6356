//! Arbitrary bytes as an uploaded CSV file: `talent_tracker::import::parse` is what both the
//! web upload and `talent-tracker import` call before any database work. Whatever the file,
//! it must be refused or parsed row by row, never panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use talent_tracker::import::{ImportError, ImportKind, parse};

fuzz_target!(|data: &[u8]| {
    match parse(data) {
        Ok(parsed) => {
            // Each record gives at most one typed row, and only of the file's kind.
            assert!(parsed.companies.len() + parsed.people.len() <= parsed.rows);
            match parsed.kind {
                ImportKind::Companies => assert!(parsed.people.is_empty()),
                ImportKind::People => assert!(parsed.companies.is_empty()),
            }
        }
        // Parsing never touches the database.
        Err(ImportError::Refused(_)) => {}
        Err(ImportError::Database(e)) => panic!("parse reached the database: {e}"),
    }
});
