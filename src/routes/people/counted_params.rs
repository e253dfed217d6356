//! The people list's query parameters for what a report counted (a report's numbers link to
//! the list with them), checked before any query runs: a wrong value is named, never ignored.

use super::super::given;
use super::ListParams;
use crate::domain::{ChoiceName, Confidence, Date, DateError, PayKind, Stage};
use crate::error::AppError;
use crate::i18n::Msg;
use crate::models::person::counted::{CountedFilter, DateRange, PayFilter};

/// The names that `without` takes.
const WITHOUT: [&str; 3] = ["origin_company", "hiring_company", "title"];

impl ListParams {
    /// Every filter as typed (not the order or page), to carry into other links and show again.
    pub(crate) fn filter_pairs(&self) -> Vec<(&'static str, String)> {
        let typed = |v: &Option<String>| v.clone().unwrap_or_default();
        let mut pairs = vec![
            ("q", typed(&self.q)),
            ("origin_company", typed(&self.origin_company)),
            ("hiring_company", typed(&self.hiring_company)),
            ("stage", typed(&self.stage)),
            ("job_family", typed(&self.job_family)),
            ("level", typed(&self.level)),
            ("zone", typed(&self.zone)),
        ];
        pairs.extend(self.counted_pairs());
        pairs
    }

    /// The pairs of what a report counted, as typed.
    fn counted_pairs(&self) -> [(&'static str, String); 12] {
        let typed = |v: &Option<String>| v.clone().unwrap_or_default();
        [
            ("hired_from", typed(&self.hired_from)),
            ("hired_to", typed(&self.hired_to)),
            ("entered_from", typed(&self.entered_from)),
            ("entered_to", typed(&self.entered_to)),
            ("reached", typed(&self.reached)),
            ("title", typed(&self.title)),
            ("without", typed(&self.without)),
            ("with_pay", typed(&self.with_pay)),
            ("pay_kind", typed(&self.pay_kind)),
            ("pay_confidence", typed(&self.pay_confidence)),
            ("pay_from", typed(&self.pay_from)),
            ("pay_to", typed(&self.pay_to)),
        ]
    }

    /// The filter; pay may be asked about only by roles that see pay (a viewer could otherwise
    /// learn who has pay figures).
    pub(crate) fn counted(&self, sees_pay: bool) -> Result<CountedFilter, AppError> {
        let without = given(&self.without).unwrap_or_default();
        let without: Vec<&str> = without
            .split(',')
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .collect();
        if let Some(odd) = without.iter().find(|w| !WITHOUT.contains(w)) {
            return Err(AppError::Unprocessable(
                Msg::new("people-filter-without")
                    .arg("odd", odd)
                    .arg("names", WITHOUT.join(", "))
                    .for_input(),
            ));
        }
        let with_pay = match given(&self.with_pay).as_deref() {
            None => false,
            Some("yes") => true,
            Some(other) => {
                return Err(AppError::Unprocessable(
                    Msg::new("people-filter-with-pay")
                        .arg("other", other)
                        .for_input(),
                ));
            }
        };
        let pay = PayFilter {
            kind: choice::<PayKind>(&self.pay_kind, "pay_kind")?,
            confidence: choice::<Confidence>(&self.pay_confidence, "pay_confidence")?,
            as_of: range(&self.pay_from, &self.pay_to, "pay_from", "pay_to")?,
        };
        let pay = (with_pay || pay != PayFilter::default()).then_some(pay);
        if pay.is_some() && !sees_pay {
            return Err(AppError::Forbidden);
        }
        let hired = range(&self.hired_from, &self.hired_to, "hired_from", "hired_to")?;
        let entered = range(
            &self.entered_from,
            &self.entered_to,
            "entered_from",
            "entered_to",
        )?;
        Ok(CountedFilter {
            without_origin_company: without.contains(&"origin_company"),
            without_hiring_company: without.contains(&"hiring_company"),
            title: given(&self.title),
            without_title: without.contains(&"title"),
            hired: (!hired.is_open()).then_some(hired),
            entered: (!entered.is_open()).then_some(entered),
            reached: choice::<Stage>(&self.reached, "reached")?,
            pay,
        })
    }
}

fn choice<T: ChoiceName>(value: &Option<String>, what: &str) -> Result<Option<T>, AppError> {
    let Some(name) = given(value) else {
        return Ok(None);
    };
    match T::all().iter().copied().find(|c| c.as_str() == name) {
        Some(found) => Ok(Some(found)),
        None => {
            let names: Vec<&str> = T::all().iter().map(|c| c.as_str()).collect();
            Err(AppError::Unprocessable(
                Msg::new("people-filter-choice")
                    .arg("what", what)
                    .arg("name", name)
                    .arg("names", names.join(", "))
                    .for_input(),
            ))
        }
    }
}

fn range(
    from: &Option<String>,
    to: &Option<String>,
    from_name: &str,
    to_name: &str,
) -> Result<DateRange, AppError> {
    let date = |value: &Option<String>, name: &str| {
        given(value)
            .map(|raw| match Date::read(&raw) {
                Ok(date) => Ok(date.into_inner()),
                Err(DateError::NotADate) => Err(AppError::Unprocessable(
                    Msg::new("people-filter-not-a-date")
                        .arg("name", name)
                        .arg("raw", &raw)
                        .for_input(),
                )),
                Err(out_of_range) => Err(AppError::Unprocessable(
                    Msg::new("people-filter-date-problem")
                        .arg("name", name)
                        .arg("raw", &raw)
                        .arg("problem", out_of_range.message().for_input())
                        .for_input(),
                )),
            })
            .transpose()
    };
    let range = DateRange {
        from: date(from, from_name)?,
        to: date(to, to_name)?,
    };
    if let (Some(from), Some(to)) = (range.from, range.to)
        && from > to
    {
        return Err(AppError::Unprocessable(
            Msg::new("people-filter-dates-reversed")
                .arg("from-name", from_name)
                .arg("from", from)
                .arg("to-name", to_name)
                .arg("to", to)
                .for_input(),
        ));
    }
    Ok(range)
}
