//! Pay band pages.

use askama::Template;
use chrono::NaiveDate;

use super::{FormState, Layout};
use crate::domain::{PayBandId, format_amount};
use crate::models::{PayBand, PayBandFields};

/// A band as the pages show it, amounts formatted exactly.
#[derive(Debug)]
pub struct BandRow {
    pub band: PayBand,
    pub zone: String,
    pub base: String,
    /// `None` where the band has no total range.
    pub total: Option<String>,
    /// Where this version stands today: "in force", "from <day>" or "superseded"; `None`
    /// where not worked out.
    pub status: Option<String>,
}

impl BandRow {
    pub fn new(band: PayBand, status: Option<String>) -> Self {
        let f = &band.fields;
        let range = |min, mid, max| {
            format!(
                "{} {} / {} / {}",
                f.currency,
                format_amount(min),
                format_amount(mid),
                format_amount(max)
            )
        };
        let total = match (&f.total_min, &f.total_mid, &f.total_max) {
            (Some(min), Some(mid), Some(max)) => Some(range(min, mid, max)),
            _ => None,
        };
        BandRow {
            zone: zone_label(&f.zone),
            base: range(&f.base_min, &f.base_mid, &f.base_max),
            total,
            status,
            band,
        }
    }

    /// "Research Scientist L7 (EU)".
    pub fn name_of(fields: &PayBandFields) -> String {
        format!(
            "{} {} ({})",
            fields.job_family,
            fields.level,
            zone_label(&fields.zone)
        )
    }

    pub fn name(&self) -> String {
        BandRow::name_of(&self.band.fields)
    }

    /// Bands ordered by family, level, zone and newest version first, each marked by where
    /// it stands today.
    pub fn in_force_today(bands: Vec<PayBand>) -> Vec<BandRow> {
        BandRow::standing_on(bands, chrono::Utc::now().date_naive())
    }

    fn standing_on(bands: Vec<PayBand>, today: NaiveDate) -> Vec<BandRow> {
        let mut group = None;
        let mut in_force_seen = false;
        let mut rows = Vec::with_capacity(bands.len());
        for band in bands {
            let (family, level, zone, on) = PayBand::key(&band.fields);
            let key = Some((family, level, zone));
            if key != group {
                group = key;
                in_force_seen = false;
            }
            let status = if on > today {
                format!("from {on}")
            } else if in_force_seen {
                "superseded".to_owned()
            } else {
                in_force_seen = true;
                "in force".to_owned()
            };
            rows.push(BandRow::new(band, Some(status)));
        }
        rows
    }
}

/// The empty zone is every zone.
pub fn zone_label(zone: &str) -> String {
    if zone.is_empty() {
        "every zone".to_owned()
    } else {
        zone.to_owned()
    }
}

#[derive(Template)]
#[template(path = "pay_bands/index.html")]
pub struct PayBandIndexPage {
    pub layout: Layout,
    pub filters: FormState,
    pub query: String,
    pub rows: Vec<BandRow>,
}

#[derive(Template)]
#[template(path = "pay_bands/show.html")]
pub struct PayBandShowPage {
    pub layout: Layout,
    pub band: BandRow,
    /// Every version of this family, level and zone, newest first.
    pub history: Vec<BandRow>,
    /// The market of this family and level, every zone together.
    pub market: super::market::MarketView,
}

#[derive(Template)]
#[template(path = "pay_bands/form.html")]
pub struct PayBandFormPage {
    pub layout: Layout,
    /// The band being edited; `None` on the new-band form.
    pub id: Option<PayBandId>,
    pub form: FormState,
    /// After a lost update: (field, as saved by someone else, as typed here).
    pub conflict: Vec<(String, String, String)>,
}

impl PayBandFormPage {
    pub fn new(layout: Layout, id: Option<PayBandId>, form: FormState) -> Self {
        PayBandFormPage {
            layout,
            id,
            form,
            conflict: Vec::new(),
        }
    }
}

#[derive(Template)]
#[template(path = "pay_bands/delete.html")]
pub struct PayBandDeletePage {
    pub layout: Layout,
    pub band: BandRow,
    /// Offers checked against this band (or decided on it); while there are any, it stays.
    pub offers: i64,
}
