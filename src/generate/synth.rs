//! Synthetic records. Each person is a pure function of the seed and their position, drawn
//! from their own ChaCha stream: the people, their stage history and their pay reports are
//! written by three separate COPYs, and each pass draws the same person again instead of
//! keeping a million of them in memory.

use chrono::{Days, NaiveDate};
use rand::distr::{Distribution, weighted::WeightedIndex};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::names::*;
use super::words::*;
use crate::domain::{Confidence, PayKind, Stage};

/// The first day of the synthetic history; people are sourced over the following years.
pub fn history_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 1, 1).expect("a valid date")
}
const HISTORY_DAYS: u64 = 2_860;

pub struct Company {
    pub name: String,
    pub kind: &'static str,
    pub website: String,
    pub country: &'static str,
}

/// The `index`th company name: every stem and suffix combination once, then numbered.
pub fn company(index: usize) -> Company {
    let combos = STEMS_A.len() * STEMS_B.len() * SUFFIXES.len();
    let k = index % combos;
    let stem = format!(
        "{}{}",
        STEMS_A[k % STEMS_A.len()],
        STEMS_B[(k / STEMS_A.len()) % STEMS_B.len()]
    );
    let suffix = SUFFIXES[k / (STEMS_A.len() * STEMS_B.len())];
    let round = index / combos;
    let name = if round == 0 {
        format!("{stem} {suffix}")
    } else {
        format!("{stem} {suffix} {}", round + 1)
    };
    // The biggest companies (lowest indexes) are the labs and big tech that hire.
    let kind = match index {
        0..30 => "ai_lab",
        30..60 => "big_tech",
        _ if suffix == "Capital" => "investor",
        _ if index.is_multiple_of(11) => "other",
        _ => "startup",
    };
    let slug: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    Company {
        website: format!("https://{slug}.example.com"),
        country: COUNTRIES[index % COUNTRIES.len()],
        name,
        kind,
    }
}

/// How often people come from, and go to, each company: a long tail (Zipf, s = 1.1).
pub struct CompanyWeights {
    origin: WeightedIndex<f64>,
    hiring: WeightedIndex<f64>,
}

impl CompanyWeights {
    pub fn new(companies: usize) -> Self {
        let zipf = |n: usize| (1..=n).map(|rank| 1.0 / (rank as f64).powf(1.1));
        let hiring_pool = companies.clamp(1, 200);
        Self {
            origin: WeightedIndex::new(zipf(companies)).expect("positive weights"),
            hiring: WeightedIndex::new(zipf(hiring_pool)).expect("positive weights"),
        }
    }
}

pub struct Person {
    pub full_name: String,
    pub title: Option<&'static str>,
    pub expertise: Option<&'static str>,
    /// Positions in the company list, not ids.
    pub origin: Option<usize>,
    pub hiring: Option<usize>,
    pub team: Option<&'static str>,
    pub stage: Stage,
    pub sourced_on: NaiveDate,
    pub first_contact_on: Option<NaiveDate>,
    pub offer_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub start_on: Option<NaiveDate>,
    pub location: Option<&'static str>,
    /// The stages passed through, in order, ending with `stage`.
    pub path: Vec<(Stage, NaiveDate)>,
    /// Left for the pay-report pass, which continues this person's stream.
    rng: ChaCha8Rng,
}

pub struct PayReport {
    pub kind: PayKind,
    pub currency: &'static str,
    pub amount_low: u64,
    pub amount_high: u64,
    pub period_years: Option<u8>,
    pub base: Option<u64>,
    pub as_of: NaiveDate,
    pub source: &'static str,
    pub confidence: Confidence,
}

/// Currencies of pay figures, how often each is used, and roughly how many units one US
/// dollar buys (the exchange rates wander around these).
pub const CURRENCIES: &[(&str, u32, f64)] = &[
    ("USD", 70, 1.0),
    ("EUR", 10, 0.92),
    ("GBP", 8, 0.79),
    ("CHF", 4, 0.88),
    ("CNY", 4, 7.2),
    ("CAD", 2, 1.36),
    ("JPY", 2, 150.0),
];

fn pick<T: Copy>(rng: &mut ChaCha8Rng, items: &[T]) -> T {
    items[rng.random_range(0..items.len())]
}

/// With the given chance, one of `items`. Both draws always happen, so every person takes
/// the same number of values from their stream whatever the outcome.
fn maybe_pick<T: Copy>(rng: &mut ChaCha8Rng, chance: f64, items: &[T]) -> Option<T> {
    let item = pick(rng, items);
    rng.random_bool(chance).then_some(item)
}

fn after(date: NaiveDate, rng: &mut ChaCha8Rng, days: std::ops::Range<u64>) -> NaiveDate {
    date + Days::new(rng.random_range(days))
}

pub fn person(seed: u64, index: u64, weights: &CompanyWeights) -> Person {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(index);
    let full_name = format!(
        "{} {}",
        pick(&mut rng, FIRST_NAMES),
        pick(&mut rng, LAST_NAMES)
    );
    let stage = match rng.random_range(0..100) {
        0..30 => Stage::Sourced,
        30..50 => Stage::Contacted,
        50..65 => Stage::Interviewing,
        65..70 => Stage::Offer,
        70..85 => Stage::Hired,
        85..93 => Stage::Declined,
        _ => Stage::Withdrawn,
    };
    let sourced_on = after(history_start(), &mut rng, 0..HISTORY_DAYS);
    let contact = after(sourced_on, &mut rng, 1..30);
    let interview = after(contact, &mut rng, 7..45);
    let offer = after(interview, &mut rng, 14..60);
    let decided = after(offer, &mut rng, 3..30);
    let start = after(decided, &mut rng, 14..90);
    // Withdrawn people leave after being contacted or interviewed.
    let withdrew_after = if rng.random_bool(0.5) {
        Stage::Contacted
    } else {
        Stage::Interviewing
    };
    let reached = |s: Stage| -> bool {
        use Stage::*;
        let rank = |s: Stage| match s {
            Sourced => 0,
            Contacted => 1,
            Interviewing => 2,
            Offer => 3,
            Hired | Declined => 4,
            Withdrawn => 9,
        };
        match stage {
            Withdrawn => rank(s) <= rank(withdrew_after),
            _ => rank(s) <= rank(stage) && (rank(s) < 4 || s == stage),
        }
    };
    let mut path = vec![(Stage::Sourced, sourced_on)];
    for (s, on) in [
        (Stage::Contacted, contact),
        (Stage::Interviewing, interview),
        (Stage::Offer, offer),
    ] {
        if reached(s) {
            path.push((s, on));
        }
    }
    match stage {
        Stage::Hired | Stage::Declined => path.push((stage, decided)),
        Stage::Withdrawn => path.push((stage, after(path[path.len() - 1].1, &mut rng, 1..20))),
        _ => {}
    }
    let origin = Some(weights.origin.sample(&mut rng));
    let hiring =
        (stage != Stage::Sourced || rng.random_bool(0.5)).then(|| weights.hiring.sample(&mut rng));
    Person {
        full_name,
        title: maybe_pick(&mut rng, 0.9, TITLES),
        expertise: maybe_pick(&mut rng, 0.8, EXPERTISE),
        origin,
        hiring,
        team: maybe_pick(&mut rng, 0.4, TEAMS),
        stage,
        sourced_on,
        first_contact_on: reached(Stage::Contacted).then_some(contact),
        offer_on: reached(Stage::Offer).then_some(offer),
        decided_on: matches!(stage, Stage::Hired | Stage::Declined).then_some(decided),
        start_on: (stage == Stage::Hired).then_some(start),
        location: maybe_pick(&mut rng, 0.7, LOCATIONS),
        path,
        rng,
    }
}

impl Person {
    /// One to five pay reports (three on average), continuing this person's stream.
    pub fn pay_reports(mut self, currencies: &WeightedIndex<u32>) -> Vec<PayReport> {
        let rng = &mut self.rng;
        let count = rng.random_range(1..=5);
        let last_date = self.path[self.path.len() - 1].1;
        let offered = self.offer_on.is_some();
        (0..count)
            .map(|_| {
                let (currency, _, per_usd) = CURRENCIES[currencies.sample(rng)];
                // Log-uniform annual pay between 150k and 3M dollars; one in a hundred is a
                // multi-year package in the hundreds of millions, as in the motivating hires.
                let mega = rng.random_bool(0.01);
                let usd = if mega {
                    10f64.powf(rng.random_range(7.0..8.7))
                } else {
                    10f64.powf(rng.random_range(5.18..6.48))
                };
                let low = ((usd * per_usd) / 1000.0).round().max(1.0) as u64 * 1000;
                let spread = rng.random_range(0..=30);
                let high = low + low / 100 * spread;
                let kind = match (offered, rng.random_range(0..3)) {
                    (true, 0) => PayKind::Offered,
                    (true, 1) => PayKind::Agreed,
                    _ => PayKind::Reported,
                };
                let span = (last_date - self.sourced_on).num_days().max(1) as u64;
                PayReport {
                    kind,
                    currency,
                    amount_low: low,
                    amount_high: high,
                    period_years: mega.then(|| rng.random_range(2..=5)),
                    base: (!mega && rng.random_bool(0.5)).then_some(low * 6 / 10),
                    as_of: after(self.sourced_on, rng, 0..span + 1),
                    source: pick(rng, SOURCES),
                    confidence: pick(
                        rng,
                        &[
                            Confidence::Rumor,
                            Confidence::Reported,
                            Confidence::Confirmed,
                        ],
                    ),
                }
            })
            .collect()
    }
}

pub fn currency_weights() -> WeightedIndex<u32> {
    WeightedIndex::new(CURRENCIES.iter().map(|c| c.1)).expect("positive weights")
}
