//! The tests' logger: keeps the security events (target `security`) for tests to read, and
//! prints the rest as Rocket's logger would have at the level ROCKET_LOG_LEVEL asks for.
//! Installed before any Rocket starts (by `common::quiet`), so Rocket keeps out of the way.

use std::sync::{Mutex, Once};

use log::{LevelFilter, Log, Metadata, Record};

static EVENTS: Mutex<Vec<String>> = Mutex::new(Vec::new());

struct Capture {
    /// What is printed besides the security events: errors only, unless asked for more.
    printed: LevelFilter,
}

impl Log for Capture {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.target() == talent_tracker::auth::events::TARGET
            || metadata.level() <= self.printed
    }

    fn log(&self, record: &Record<'_>) {
        if record.target() == talent_tracker::auth::events::TARGET {
            if let Ok(mut events) = EVENTS.lock() {
                events.push(record.args().to_string());
            }
        } else if record.level() <= self.printed {
            eprintln!("{} {}: {}", record.level(), record.target(), record.args());
        }
    }

    fn flush(&self) {}
}

pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let printed = match std::env::var("ROCKET_LOG_LEVEL").as_deref() {
            Ok("normal") => LevelFilter::Info,
            Ok("debug") => LevelFilter::Trace,
            _ => LevelFilter::Error,
        };
        if log::set_boxed_logger(Box::new(Capture { printed })).is_ok() {
            log::set_max_level(printed.max(LevelFilter::Info));
        }
    });
}

/// The security events logged so far (by every test) that mention `needle`.
pub fn events_mentioning(needle: &str) -> Vec<String> {
    EVENTS
        .lock()
        .map(|events| {
            events
                .iter()
                .filter(|line| line.contains(needle))
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}
