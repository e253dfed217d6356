//! A pay report as forms and CSV files give it, and its save.

use diesel::{PgConnection, QueryResult};
use rocket::FromForm;

use super::versioned::{Target, Versioned, Written, refused_by};
use super::{FieldErrors, RecordInput, TypedFields};
use crate::domain::{
    Confidence, Currency, Date, LongText, Maybe, Money, PayKind, PayReportId, Period, PeriodYears,
    PersonId, Text, WebUrl, rules,
};
use crate::models::outbox::Outbox;
use crate::models::pay_valuation::{FIGURE_VALUE_FITS, LARGEST_FIGURE};
use crate::models::{PayReport, PayReportFields, SaveOutcome, violates};

/// Fields are declared in the order a file's errors are listed in: the band and period first,
/// with the rules between them; the CSV's column order is `COLUMNS`.
#[derive(Debug, Clone, PartialEq, FromForm, serde::Serialize, serde::Deserialize)]
pub struct PayReportInput {
    /// The amount, or the low end of a range.
    pub amount_low: Money,
    /// The high end of a range; empty for a single figure, stored as low = high.
    pub amount_high: Maybe<Money>,
    pub period: Period,
    pub period_years: Maybe<PeriodYears>,
    pub kind: PayKind,
    pub currency: Currency,
    pub as_of: Date,
    pub confidence: Confidence,
    pub base: Maybe<Money>,
    pub bonus: Maybe<Money>,
    pub equity: Maybe<Money>,
    pub sign_on: Maybe<Money>,
    pub source_name: Maybe<Text>,
    pub source_url: Maybe<WebUrl>,
    pub notes: Maybe<LongText>,
}

impl RecordInput for PayReportInput {
    /// They follow the person's columns in a pay-reports file, so the report's notes are
    /// `pay_notes` there: `notes` is the person's.
    const COLUMNS: &'static [&'static str] = &[
        "kind",
        "currency",
        "amount_low",
        "amount_high",
        "period",
        "period_years",
        "base",
        "bonus",
        "equity",
        "sign_on",
        "as_of",
        "source_name",
        "source_url",
        "confidence",
        "pay_notes",
    ];
    const REQUIRED: &'static [&'static str] = &[
        "kind",
        "currency",
        "amount_low",
        // The column, that is: an empty cell is a single figure.
        "amount_high",
        "period",
        "as_of",
        "confidence",
    ];

    fn field_of(column: &str) -> &str {
        if column == "pay_notes" {
            "notes"
        } else {
            column
        }
    }

    fn column_of(field: &str) -> &str {
        if field == "notes" { "pay_notes" } else { field }
    }

    fn rules(typed: &dyn TypedFields) -> Vec<rules::Broken> {
        let low = Money::parse(typed.value("amount_low"));
        let high = Money::parse(typed.value("amount_high"));
        let band = match (low, high) {
            (Ok(low), Ok(high)) => rules::band_ordered(&low, &high),
            _ => None,
        };
        let has_years = !typed.value("period_years").trim().is_empty();
        let years = Period::parse(typed.value("period"))
            .and_then(|period| rules::years_match_period(period, has_years));
        band.into_iter().chain(years).collect()
    }
}

impl PayReportInput {
    pub fn into_fields(self) -> PayReportFields {
        let money = |m: Maybe<Money>| m.map(Money::into_inner);
        let amount_low = self.amount_low.into_inner();
        PayReportFields {
            kind: self.kind,
            currency: self.currency.into_inner(),
            amount_high: money(self.amount_high).unwrap_or_else(|| amount_low.clone()),
            amount_low,
            period: self.period,
            period_years: self.period_years.map(PeriodYears::into_inner),
            base: money(self.base),
            bonus: money(self.bonus),
            equity: money(self.equity),
            sign_on: money(self.sign_on),
            as_of: self.as_of.into_inner(),
            source_name: self.source_name.map(Text::into_inner),
            source_url: self.source_url.map(WebUrl::into_inner),
            confidence: self.confidence,
            notes: self.notes.map(Text::into_inner),
        }
    }

    /// A stored pay report as a form or file would give it: a single figure's high end empty,
    /// so it is entered (and shown) once.
    pub fn stored(fields: PayReportFields) -> Self {
        let money = |m: Option<_>| Maybe(m.map(Money::stored));
        let text = |t: Option<String>| Maybe(t.map(Text::stored));
        PayReportInput {
            kind: fields.kind,
            currency: Currency::stored(fields.currency),
            amount_high: Maybe(
                (fields.amount_high != fields.amount_low)
                    .then(|| Money::stored(fields.amount_high)),
            ),
            amount_low: Money::stored(fields.amount_low),
            period: fields.period,
            period_years: Maybe(fields.period_years.map(PeriodYears::stored)),
            base: money(fields.base),
            bonus: money(fields.bonus),
            equity: money(fields.equity),
            sign_on: money(fields.sign_on),
            as_of: Date::stored(fields.as_of),
            source_name: text(fields.source_name),
            source_url: Maybe(fields.source_url.map(WebUrl::stored)),
            confidence: fields.confidence,
            notes: Maybe(fields.notes.map(Text::stored)),
        }
    }
}

impl Versioned for PayReport {
    type Input = PayReportInput;
    type Parent = PersonId;
    type Key = (PersonId, PayReportId);
    type Checked = PayReportFields;
    type Listed = ();

    fn find(conn: &mut PgConnection, (person, id): Self::Key) -> QueryResult<PayReport> {
        PayReport::find(conn, person, id)
    }

    fn stored(&self, _conn: &mut PgConnection) -> QueryResult<PayReportInput> {
        Ok(PayReportInput::stored(self.fields.clone()))
    }

    fn version(&self) -> i32 {
        self.version
    }

    fn check(
        _conn: &mut PgConnection,
        input: PayReportInput,
        _errors: &mut FieldErrors,
    ) -> QueryResult<PayReportFields> {
        Ok(input.into_fields())
    }

    fn write(
        conn: &mut PgConnection,
        target: Target<PersonId, Self::Key>,
        version: Option<i32>,
        fields: PayReportFields,
        _typed: &dyn TypedFields,
        errors: &mut FieldErrors,
    ) -> QueryResult<Written<PayReport>> {
        let person = match target {
            Target::Existing((person, _)) | Target::New(person) => person,
        };
        if PayReport::refuses_pay_history(conn, person, fields.source_name.as_deref())? {
            errors.add("source_name", rules::said(rules::PAY_HISTORY_REFUSED));
            return Ok(Written::Refused(()));
        }
        let saved = diesel::Connection::transaction(conn, |conn| {
            let saved = match target {
                Target::Existing((person, id)) => {
                    PayReport::update(conn, person, id, version, &fields)?
                }
                Target::New(person) => {
                    SaveOutcome::Saved(PayReport::insert(conn, person, &fields)?)
                }
            };
            if let SaveOutcome::Saved(report) = &saved
                && report.fields.kind == PayKind::Offered
            {
                // An offer that now waits for a decision is mailed to its approvers once this
                // save commits, and never if it does not.
                Outbox::offers_pending(conn, &[report.id])?;
            }
            Ok(saved)
        });
        refused_by(saved, errors, |e| {
            violates(e, FIGURE_VALUE_FITS).then(|| {
                let lang = crate::i18n::input::lang();
                let too_large = crate::i18n::Msg::new("pay-too-large")
                    .arg("currency", &fields.currency)
                    .arg("date", crate::i18n::format_date(lang, fields.as_of))
                    .arg("largest", LARGEST_FIGURE)
                    .text(lang);
                ("amount_high", too_large)
            })
        })
    }
}
