//! Pay band pages.

use askama::Template;
use chrono::NaiveDate;

use super::{FormState, Layout};
use crate::domain::money::currency_symbol;
use crate::domain::{PayBandId, show_amount};
use crate::i18n::{Lang, Msg, format_date};
use crate::models::{PayBand, PayBandFields};

/// Where a version of a band stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    InForce,
    Superseded,
    /// Comes into force on that day.
    From(NaiveDate),
}

/// A band as the pages show it, amounts formatted exactly in the reader's language.
#[derive(Debug)]
pub struct BandRow {
    pub band: PayBand,
    pub zone: String,
    pub base: String,
    /// `None` where the band has no total range.
    pub total: Option<String>,
    /// Where this version stands today ("in force", "from <day>", "superseded"), in words;
    /// `None` where not worked out.
    pub status: Option<String>,
    pub standing: Option<Standing>,
    lang: Lang,
}

impl BandRow {
    pub fn new(band: PayBand, standing: Option<Standing>, lang: Lang) -> Self {
        let f = &band.fields;
        let range = |min, mid, max| {
            let amounts = format!(
                "{} / {} / {}",
                show_amount(lang, min),
                show_amount(lang, mid),
                show_amount(lang, max)
            );
            Msg::new("money")
                .arg("amount", amounts)
                .arg("currency", &f.currency)
                .arg(
                    "symbol",
                    currency_symbol(&f.currency).unwrap_or(&f.currency),
                )
                .text(lang)
        };
        let total = match (&f.total_min, &f.total_mid, &f.total_max) {
            (Some(min), Some(mid), Some(max)) => Some(range(min, mid, max)),
            _ => None,
        };
        let status = standing.map(|s| match s {
            Standing::InForce => Msg::new("band-in-force"),
            Standing::Superseded => Msg::new("band-superseded"),
            Standing::From(on) => Msg::new("band-scheduled").arg("date", format_date(lang, on)),
        });
        BandRow {
            zone: zone_label(&f.zone, lang),
            base: range(&f.base_min, &f.base_mid, &f.base_max),
            total,
            status: status.map(|m| m.text(lang)),
            standing,
            band,
            lang,
        }
    }

    /// The row's class: the style sheet greys superseded versions and marks scheduled ones.
    pub fn standing_class(&self) -> &'static str {
        match self.standing {
            Some(Standing::InForce) => "in-force",
            Some(Standing::Superseded) => "superseded",
            Some(Standing::From(_)) => "scheduled",
            None => "",
        }
    }

    /// "Research Scientist L7 (EU)", in English (the import preview's words, for now).
    pub fn name_of(fields: &PayBandFields) -> String {
        BandRow::name_in(fields, Lang::En)
    }

    /// "Research Scientist L7 (EU)" / "... (alle Zonen)".
    pub fn name_in(fields: &PayBandFields, lang: Lang) -> String {
        Msg::new("band-name")
            .arg("family", &fields.job_family)
            .arg("level", &fields.level)
            .arg("zone", zone_label(&fields.zone, lang))
            .text(lang)
    }

    pub fn name(&self) -> String {
        BandRow::name_in(&self.band.fields, self.lang)
    }

    /// Bands ordered by family, level, zone and newest version first, each marked by where
    /// it stands today.
    pub fn in_force_today(bands: Vec<PayBand>, lang: Lang) -> Vec<BandRow> {
        BandRow::standing_on(bands, chrono::Utc::now().date_naive(), lang)
    }

    fn standing_on(bands: Vec<PayBand>, today: NaiveDate, lang: Lang) -> Vec<BandRow> {
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
            let standing = if on > today {
                Standing::From(on)
            } else if in_force_seen {
                Standing::Superseded
            } else {
                in_force_seen = true;
                Standing::InForce
            };
            rows.push(BandRow::new(band, Some(standing), lang));
        }
        rows
    }
}

/// The empty zone is every zone.
pub fn zone_label(zone: &str, lang: Lang) -> String {
    if zone.is_empty() {
        Msg::new("band-every-zone").text(lang)
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
