//! A pay band as forms and CSV files give it, and its save.

use diesel::{PgConnection, QueryResult};
use rocket::FromForm;

use super::versioned::{Target, Versioned, Written, refused_by};
use super::{FieldErrors, RecordInput, TypedFields};
use crate::domain::{Currency, Date, Maybe, Money, PayBandId, Text, Zone, rules};
use crate::models::pay_band::VERSION_KEY;
use crate::models::{PayBand, PayBandFields, SaveOutcome, violates};

/// Fields are declared in the CSV's column order, which is also the order a file's errors
/// are listed in.
#[derive(Debug, Clone, PartialEq, FromForm, serde::Serialize, serde::Deserialize)]
pub struct PayBandInput {
    pub job_family: Text,
    pub level: Text<50>,
    /// Empty: the band applies in every zone without one of its own.
    pub zone: Maybe<Zone>,
    pub currency: Currency,
    pub base_min: Money,
    pub base_mid: Money,
    pub base_max: Money,
    pub total_min: Maybe<Money>,
    pub total_mid: Maybe<Money>,
    pub total_max: Maybe<Money>,
    pub effective_on: Date,
}

impl RecordInput for PayBandInput {
    const COLUMNS: &'static [&'static str] = &[
        "job_family",
        "level",
        "zone",
        "currency",
        "base_min",
        "base_mid",
        "base_max",
        "total_min",
        "total_mid",
        "total_max",
        "effective_on",
    ];
    const REQUIRED: &'static [&'static str] = &[
        "job_family",
        "level",
        "currency",
        "base_min",
        "base_mid",
        "base_max",
        "effective_on",
    ];

    fn rules(typed: &dyn TypedFields) -> Vec<rules::Broken> {
        let amount = |field| Money::parse(typed.value(field)).ok();
        let base = ["base_min", "base_mid", "base_max"].map(amount);
        let total = ["total_min", "total_mid", "total_max"];
        let given = total.map(|field| !typed.value(field).trim().is_empty());
        let mut broken = rules::range_ordered(base.clone(), "base");
        if base[1]
            .as_ref()
            .is_some_and(|mid| bigdecimal::Zero::is_zero(mid.amount()))
        {
            broken.push(("base_mid", "The midpoint must be above zero."));
        }
        broken.extend(rules::all_or_none(total, given));
        let total = total.map(amount);
        if total[1]
            .as_ref()
            .is_some_and(|mid| bigdecimal::Zero::is_zero(mid.amount()))
        {
            broken.push(("total_mid", "The midpoint must be above zero."));
        }
        broken.extend(rules::range_ordered(total, "total"));
        broken
    }
}

impl PayBandInput {
    pub fn into_fields(self) -> PayBandFields {
        let money = |m: Maybe<Money>| m.map(Money::into_inner);
        PayBandFields {
            job_family: self.job_family.into_inner(),
            level: self.level.into_inner(),
            zone: self.zone.map(Zone::into_inner).unwrap_or_default(),
            currency: self.currency.into_inner(),
            base_min: self.base_min.into_inner(),
            base_mid: self.base_mid.into_inner(),
            base_max: self.base_max.into_inner(),
            total_min: money(self.total_min),
            total_mid: money(self.total_mid),
            total_max: money(self.total_max),
            effective_on: self.effective_on.into_inner(),
        }
    }

    /// A stored band as a form or file would give it.
    pub fn stored(fields: PayBandFields) -> Self {
        let money = |m: Option<_>| Maybe(m.map(Money::stored));
        PayBandInput {
            job_family: Text::stored(fields.job_family),
            level: Text::stored(fields.level),
            zone: Maybe(
                Some(fields.zone)
                    .filter(|z| !z.is_empty())
                    .map(Zone::stored),
            ),
            currency: Currency::stored(fields.currency),
            base_min: Money::stored(fields.base_min),
            base_mid: Money::stored(fields.base_mid),
            base_max: Money::stored(fields.base_max),
            total_min: money(fields.total_min),
            total_mid: money(fields.total_mid),
            total_max: money(fields.total_max),
            effective_on: Date::stored(fields.effective_on),
        }
    }
}

impl Versioned for PayBand {
    type Input = PayBandInput;
    type Parent = ();
    type Key = PayBandId;
    type Checked = PayBandFields;
    type Listed = ();

    fn find(conn: &mut PgConnection, id: PayBandId) -> QueryResult<PayBand> {
        PayBand::find(conn, id)
    }

    fn stored(&self, _conn: &mut PgConnection) -> QueryResult<PayBandInput> {
        Ok(PayBandInput::stored(self.fields.clone()))
    }

    fn version(&self) -> i32 {
        self.version
    }

    fn check(
        _conn: &mut PgConnection,
        input: PayBandInput,
        _errors: &mut FieldErrors,
    ) -> QueryResult<PayBandFields> {
        Ok(input.into_fields())
    }

    fn write(
        conn: &mut PgConnection,
        target: Target<(), PayBandId>,
        version: Option<i32>,
        fields: PayBandFields,
        _typed: &dyn TypedFields,
        errors: &mut FieldErrors,
    ) -> QueryResult<Written<PayBand>> {
        let saved = match target {
            Target::Existing(id) => PayBand::update(conn, id, version, &fields),
            Target::New(()) => PayBand::insert(conn, &fields).map(SaveOutcome::Saved),
        };
        refused_by(saved, errors, |e| {
            violates(e, VERSION_KEY).then(|| {
                let on = fields.effective_on;
                let lang = crate::i18n::input::lang();
                let taken = crate::i18n::Msg::new("band-version-taken")
                    .arg("date", crate::i18n::format_date(lang, on))
                    .text(lang);
                ("effective_on", taken)
            })
        })
    }
}
