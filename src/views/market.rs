//! A job family and level's market as the offer and band pages show it.

use bigdecimal::BigDecimal;

use crate::domain::exact_money;
use crate::i18n::{Lang, Msg, format_decimal};

/// The market of a job family and level as the offer and band pages show it.
#[derive(Debug, Clone)]
pub struct MarketView {
    /// "Research Scientist L7 in USD".
    pub of: String,
    /// "n = 4: P25 …, median …, P75 …", or "too few comparable figures (2)".
    pub spread: String,
    /// Where the offer lies, for an offer's page.
    pub rank: Option<String>,
}

impl MarketView {
    pub fn new(
        market: &crate::models::market::Market,
        family: &str,
        level: &str,
        reporting: &str,
        for_offer: bool,
        lang: Lang,
    ) -> Self {
        use crate::models::market::Market;
        let money = |m: &Option<BigDecimal>| {
            m.as_ref()
                .map_or("—".to_owned(), |m| exact_money(lang, m, reporting))
        };
        let enough = market.n >= Market::ENOUGH;
        let spread = if enough {
            Msg::new("band-market-spread")
                .arg("n", market.n)
                .arg("p25", money(&market.p25))
                .arg("median", money(&market.median))
                .arg("p75", money(&market.p75))
        } else {
            Msg::new("band-market-too-few").arg("n", market.n)
        };
        let rank = match (
            for_offer && enough,
            &market.offer_value,
            market.offer_rank(),
        ) {
            (false, _, _) => None,
            (true, Some(value), Some(rank)) => Some(
                Msg::new("band-market-rank")
                    .arg("value", money(&Some(value.clone())))
                    .arg("rank", rank_in(lang, &rank)),
            ),
            (true, _, _) => Some(Msg::new("band-market-no-value").arg("reporting", reporting)),
        };
        MarketView {
            of: Msg::new("band-market-of-family")
                .arg("family", family)
                .arg("level", level)
                .arg("reporting", reporting)
                .text(lang),
            spread: spread.text(lang),
            rank: rank.map(|r| r.text(lang)),
        }
    }
}

/// A percentile rank with the decimals it was computed with ("50.0" / "50,0").
fn rank_in(lang: Lang, rank: &BigDecimal) -> String {
    format_decimal(lang, rank, Some(rank.fractional_digit_count()))
}
