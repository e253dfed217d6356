//! Dates and moments as each language writes and reads them. German dates are CLDR's medium
//! pattern through ICU4X (`07.12.2026`); English pages keep ISO dates (`2026-12-07`), which
//! read the same on both sides of the Atlantic where `12/07/2026` does not.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use icu_calendar::{Date as IcuDate, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::YMD;

use super::{Lang, Msg};

thread_local! {
    /// Per thread: ICU4X's formatters are not `Sync` (see `numbers`).
    static GERMAN_DATES: FixedCalendarDateTimeFormatter<Gregorian, YMD> = {
        let locale = icu_locale_core::Locale::try_from_str("de").expect("a valid locale");
        FixedCalendarDateTimeFormatter::try_new((&locale).into(), YMD::medium())
            .expect("ICU4X's compiled data has German date patterns")
    };
}

pub fn format_date(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::En => date.format("%Y-%m-%d").to_string(),
        Lang::De => {
            let Ok(day) =
                IcuDate::try_new_gregorian(date.year(), date.month() as u8, date.day() as u8)
            else {
                return date.format("%Y-%m-%d").to_string();
            };
            GERMAN_DATES.with(|formatter| formatter.format(&day).to_string())
        }
    }
}

/// A moment in `zone`, named with the zone's abbreviation (`CET`, `CEST`, `UTC`), to the
/// minute: what an audit line or a decision needs.
pub fn format_timestamp(lang: Lang, zone: chrono_tz::Tz, at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&zone);
    format!(
        "{} {}",
        format_date(lang, local.date_naive()),
        local.format("%H:%M %Z")
    )
}

/// A date as a user of `lang` typed it. ISO (`2026-07-01`) always; German also `1.7.2026` and
/// `01.07.2026`. A two-digit year is refused rather than guessed into a century.
pub fn parse_date(lang: Lang, raw: &str) -> Result<NaiveDate, Msg> {
    let typed = raw.trim();
    if let Ok(date) = NaiveDate::parse_from_str(typed, "%Y-%m-%d") {
        return Ok(date);
    }
    let german = lang == Lang::De && typed.contains('.');
    if german {
        let parts: Vec<&str> = typed.split('.').collect();
        if let [day, month, year] = parts[..] {
            if year.len() != 4 {
                return Err(Msg::new("date-four-digit-year").arg("typed", typed));
            }
            let number = |s: &str| s.parse::<u32>().ok();
            if let (Some(d), Some(m), Ok(y)) = (number(day), number(month), year.parse::<i32>())
                && let Some(date) = NaiveDate::from_ymd_opt(y, m, d)
            {
                return Ok(date);
            }
        }
    }
    Err(Msg::new("date-unreadable").arg("typed", typed).arg(
        "example",
        format_date(
            lang,
            NaiveDate::from_ymd_opt(2025, 6, 30).expect("a real date"),
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn german_dates_are_day_month_year_with_points() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 7).expect("valid");
        assert_eq!(format_date(Lang::De, day), "07.12.2026");
        assert_eq!(format_date(Lang::En, day), "2026-12-07");
        assert_eq!(parse_date(Lang::De, "07.12.2026"), Ok(day));
        assert_eq!(parse_date(Lang::De, "7.12.2026"), Ok(day));
        assert_eq!(parse_date(Lang::De, "2026-12-07"), Ok(day));
        assert_eq!(parse_date(Lang::En, "2026-12-07"), Ok(day));
    }

    #[test]
    fn guesses_are_refused() {
        assert!(parse_date(Lang::De, "07.12.26").is_err());
        assert!(parse_date(Lang::De, "31.02.2026").is_err());
        assert!(parse_date(Lang::En, "07.12.2026").is_err());
        assert!(parse_date(Lang::En, "12/07/2026").is_err());
    }

    #[test]
    fn moments_are_shown_in_the_installations_zone_and_say_which() {
        let at = "2026-07-01T10:30:00Z"
            .parse::<DateTime<Utc>>()
            .expect("valid");
        let berlin: chrono_tz::Tz = "Europe/Berlin".parse().expect("valid");
        assert_eq!(
            format_timestamp(Lang::De, berlin, at),
            "01.07.2026 12:30 CEST"
        );
        assert_eq!(
            format_timestamp(Lang::En, chrono_tz::UTC, at),
            "2026-07-01 10:30 UTC"
        );
    }

    proptest! {
        #[test]
        fn writing_then_reading_a_date_gives_it_back(
            days in 0i64..73_000,
            lang in prop::sample::select(Lang::ALL.to_vec()),
        ) {
            let date = NaiveDate::from_ymd_opt(1900, 1, 1).expect("valid") + chrono::Duration::days(days);
            prop_assert_eq!(parse_date(lang, &format_date(lang, date)), Ok(date));
        }
    }
}
