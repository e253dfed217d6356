//! A job family and level's market as the offer and band pages show it.

use bigdecimal::BigDecimal;

use crate::domain::format_money;

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
    ) -> Self {
        use crate::models::market::Market;
        let money = |m: &Option<BigDecimal>| {
            m.as_ref().map_or("—".to_owned(), |m| {
                format!("{reporting} {}", format_money(m))
            })
        };
        let enough = market.n >= Market::ENOUGH;
        let spread = if enough {
            format!(
                "n = {}: P25 {}, median {}, P75 {}",
                market.n,
                money(&market.p25),
                money(&market.median),
                money(&market.p75)
            )
        } else {
            format!("too few comparable figures ({})", market.n)
        };
        let rank = match (
            for_offer && enough,
            &market.offer_value,
            market.offer_rank(),
        ) {
            (false, _, _) => None,
            (true, Some(value), Some(rank)) => Some(format!(
                "this offer's annualised midpoint, {}, is at percentile rank {rank}",
                money(&Some(value.clone()))
            )),
            (true, _, _) => Some(format!(
                "this offer has no value in {reporting} (no exchange rate on or before its date)"
            )),
        };
        MarketView {
            of: format!("{family} {level} in {reporting}"),
            spread,
            rank,
        }
    }
}
