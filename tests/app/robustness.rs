//! Malformed input at scale: the parsers and the CSV round trip never panic, and what they
//! accept comes back unchanged.

use proptest::prelude::*;
use talent_tracker::csv_format::{escape_text, unescape_text};
use talent_tracker::domain::{Currency, Date, Money, Rate, Text, WebUrl, format_money};

proptest! {
    #[test]
    fn value_parsers_never_panic(input in ".{0,300}") {
        let _ = Money::parse(&input);
        let _ = Rate::parse(&input);
        let _ = Date::parse(&input);
        let _ = Currency::parse(&input);
        let _ = WebUrl::parse(&input);
        let _ = Text::<200>::parse(&input);
    }

    #[test]
    fn money_keeps_every_cent(whole in 0u64..1_000_000_000_000, cents in 0u32..100) {
        let typed = format!("{whole}.{cents:02}");
        let money = Money::parse(&typed).expect("a valid amount");
        prop_assert_eq!(format_money(money.amount()).replace(',', ""), typed);
    }

    #[test]
    fn csv_text_cells_survive_the_round_trip(text in "['=+\\-@\t\r]{0,3}.{0,40}") {
        let written = escape_text(&text);
        prop_assert!(!written.starts_with(['=', '+', '-', '@', '\t', '\r']));
        prop_assert_eq!(unescape_text(&written), text.as_str());
    }

    #[test]
    fn the_import_reads_any_bytes_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = talent_tracker::import::parse(&bytes);
    }
}
