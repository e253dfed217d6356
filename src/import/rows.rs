//! Turning records into typed rows with the form's own parsers, collecting every error with its
//! line and column.

use std::collections::HashMap;

use chrono::NaiveDate;
use csv::StringRecord;

use crate::csv_format::unescape_text;
use crate::domain::{
    ChoiceName, CompanyKind, CountryCode, Currency, Date, LongText, Money, PeriodYears, Stage,
    Text, WebUrl, rules,
};
use crate::models::{CompanyFields, PayReportFields};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub column: String,
    pub message: String,
}

/// A person as a file describes them: companies by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonDetails {
    pub full_name: String,
    pub title: Option<String>,
    pub expertise: Option<String>,
    pub origin_company: Option<String>,
    pub hiring_company: Option<String>,
    pub team: Option<String>,
    pub stage: Stage,
    pub first_contact_on: Option<NaiveDate>,
    pub offer_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub start_on: Option<NaiveDate>,
    pub location: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone)]
pub struct PersonRow {
    pub line: u64,
    pub person: PersonDetails,
    pub pay: Option<PayReportFields>,
}

#[derive(Debug, Clone)]
pub struct CompanyRow {
    pub line: u64,
    pub fields: CompanyFields,
}

/// Where each known column is in the file.
pub struct Columns(HashMap<String, usize>);

impl Columns {
    pub fn new(headers: &[String]) -> Self {
        Columns(
            headers
                .iter()
                .enumerate()
                .map(|(i, h)| (h.clone(), i))
                .collect(),
        )
    }

    pub fn has(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }
}

fn choice<T: ChoiceName>(raw: &str) -> Result<T, String> {
    T::all()
        .iter()
        .copied()
        .find(|c| c.as_str() == raw.trim())
        .ok_or_else(|| {
            let names: Vec<&str> = T::all().iter().map(|c| c.as_str()).collect();
            format!("Choose one of: {}.", names.join(", "))
        })
}

/// Reads one record's cells, noting each error.
struct Cells<'a> {
    line: u64,
    record: &'a StringRecord,
    columns: &'a Columns,
    errors: &'a mut Vec<RowError>,
}

impl Cells<'_> {
    fn raw(&self, column: &str) -> &str {
        let cell = self
            .columns
            .0
            .get(column)
            .and_then(|i| self.record.get(*i))
            .unwrap_or_default();
        unescape_text(cell)
    }

    fn error(&mut self, column: &str, message: impl Into<String>) {
        self.errors.push(RowError {
            line: self.line,
            column: column.to_owned(),
            message: message.into(),
        });
    }

    /// A cell that must hold a value.
    fn required<T>(
        &mut self,
        column: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Option<T> {
        if self.raw(column).trim().is_empty() {
            self.error(column, "This field is required.");
            return None;
        }
        match parse(self.raw(column)) {
            Ok(value) => Some(value),
            Err(message) => {
                self.error(column, message);
                None
            }
        }
    }

    /// A cell that may be empty; an error is noted and read as empty.
    fn optional<T>(
        &mut self,
        column: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Option<T> {
        if self.raw(column).trim().is_empty() {
            None
        } else {
            self.required(column, parse)
        }
    }

    fn text(&mut self, column: &str) -> Option<String> {
        self.optional(column, |s| Text::<200>::parse(s).map(Text::into_inner))
    }

    fn notes(&mut self, column: &str) -> Option<String> {
        self.optional(column, |s| LongText::parse(s).map(Text::into_inner))
    }

    fn date(&mut self, column: &str) -> Option<NaiveDate> {
        self.optional(column, |s| Date::parse(s).map(Date::into_inner))
    }

    fn broken(&mut self, broken: Option<rules::Broken>) {
        if let Some((column, message)) = broken {
            self.error(column, message);
        }
    }
}

/// A company row, or `None` when the errors say why not.
pub fn company(
    line: u64,
    record: &StringRecord,
    columns: &Columns,
    errors: &mut Vec<RowError>,
) -> Option<CompanyRow> {
    let before = errors.len();
    let mut cells = Cells {
        line,
        record,
        columns,
        errors,
    };
    let name = cells.required("name", |s| Text::<200>::parse(s).map(Text::into_inner));
    let kind = cells.required("kind", choice::<CompanyKind>);
    let website = cells.optional("website", |s| WebUrl::parse(s).map(WebUrl::into_inner));
    let country = cells.optional("country", |s| {
        CountryCode::parse(s).map(CountryCode::into_inner)
    });
    let notes = cells.notes("notes");
    if cells.errors.len() > before {
        return None;
    }
    Some(CompanyRow {
        line,
        fields: CompanyFields {
            name: name?,
            kind: kind?,
            website,
            country,
            notes,
        },
    })
}

/// A person row with its pay report, if the row has one.
pub fn person(
    line: u64,
    record: &StringRecord,
    columns: &Columns,
    with_pay: bool,
    errors: &mut Vec<RowError>,
) -> Option<PersonRow> {
    let before = errors.len();
    let mut cells = Cells {
        line,
        record,
        columns,
        errors,
    };
    let full_name = cells.required("full_name", |s| Text::<200>::parse(s).map(Text::into_inner));
    let stage = cells.required("stage", choice::<Stage>);
    let offer_on = cells.date("offer_on");
    let decided_on = cells.date("decided_on");
    if let (Some(offer), Some(decided)) = (offer_on, decided_on) {
        cells.broken(rules::decided_after_offer(
            Date::from(offer),
            Date::from(decided),
        ));
    }
    let person = PersonDetails {
        full_name: full_name.unwrap_or_default(),
        title: cells.text("title"),
        expertise: cells.text("expertise"),
        origin_company: cells.text("origin_company"),
        hiring_company: cells.text("hiring_company"),
        team: cells.text("team"),
        stage: stage.unwrap_or(Stage::Sourced),
        first_contact_on: cells.date("first_contact_on"),
        offer_on,
        decided_on,
        start_on: cells.date("start_on"),
        location: cells.text("location"),
        notes: cells.notes("notes"),
    };
    let has_pay = with_pay
        && crate::csv_format::PAY_COLUMNS
            .iter()
            .any(|c| !cells.raw(c).trim().is_empty());
    let pay = if has_pay { pay(&mut cells) } else { None };
    (cells.errors.len() == before).then_some(PersonRow { line, person, pay })
}

fn pay(cells: &mut Cells<'_>) -> Option<PayReportFields> {
    let money = |s: &str| Money::parse(s);
    let low = cells.required("amount_low", money);
    let high = cells.required("amount_high", money);
    if let (Some(low), Some(high)) = (&low, &high) {
        cells.broken(rules::band_ordered(low, high));
    }
    let period = cells.required("period", choice);
    let period_years = cells.optional("period_years", |s| {
        PeriodYears::parse(s).map(PeriodYears::into_inner)
    });
    if let Some(period) = period {
        cells.broken(rules::years_match_period(period, period_years.is_some()));
    }
    let optional_money = |cells: &mut Cells<'_>, column| {
        cells.optional(column, |s| Money::parse(s).map(Money::into_inner))
    };
    // Every cell is read before any is given up on, so that each error is reported.
    let kind = cells.required("kind", choice);
    let currency = cells.required("currency", |s| Currency::parse(s).map(Currency::into_inner));
    let as_of = cells.required("as_of", |s| Date::parse(s).map(Date::into_inner));
    let confidence = cells.required("confidence", choice);
    Some(PayReportFields {
        base: optional_money(cells, "base"),
        bonus: optional_money(cells, "bonus"),
        equity: optional_money(cells, "equity"),
        sign_on: optional_money(cells, "sign_on"),
        source_name: cells.text("source_name"),
        source_url: cells.optional("source_url", |s| WebUrl::parse(s).map(WebUrl::into_inner)),
        notes: cells.notes("pay_notes"),
        kind: kind?,
        currency: currency?,
        as_of: as_of?,
        confidence: confidence?,
        amount_low: low?.into_inner(),
        amount_high: high?.into_inner(),
        period: period?,
        period_years,
    })
}
