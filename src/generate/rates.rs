//! Synthetic exchange rates over the generated history.

use chrono::{Datelike, Months};
use diesel::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::Options;
use super::synth::{self, CURRENCIES};

/// Monthly rates over the synthetic history for every other currency, wandering a few percent
/// around their usual level. Days that already have a rate (the demo's) keep it.
pub(super) fn exchange_rates(
    conn: &mut PgConnection,
    options: &Options,
    reporting_per_usd: f64,
) -> QueryResult<u64> {
    use crate::schema::exchange_rate;
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed ^ 0x05ee_d0f7_a7e5);
    let first = synth::history_start()
        .with_day(1)
        .expect("first of the month")
        - Months::new(1);
    let months = (chrono::Utc::now().date_naive() - first).num_days() / 30 + 2;
    let mut written = 0;
    for &(currency, _, per_usd) in CURRENCIES {
        if currency == options.reporting_currency {
            continue;
        }
        let mut level = reporting_per_usd / per_usd;
        let rows: Vec<_> = (0..months as u32)
            .map(|m| {
                level *= 1.0 + rng.random_range(-0.02..0.02);
                let on = first + Months::new(m);
                let rate = bigdecimal::BigDecimal::try_from(level)
                    .unwrap_or_default()
                    .with_scale_round(8, bigdecimal::RoundingMode::HalfEven);
                (
                    exchange_rate::currency.eq(currency),
                    exchange_rate::rate_on.eq(on),
                    exchange_rate::rate.eq(rate),
                )
            })
            .collect();
        written += diesel::insert_into(exchange_rate::table)
            .values(&rows)
            .on_conflict_do_nothing()
            .execute(conn)? as u64;
    }
    Ok(written)
}
