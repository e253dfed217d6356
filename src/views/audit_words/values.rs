//! An audit entry's fields and values as a sentence says them.

use bigdecimal::BigDecimal;
use serde_json::{Map, Value};

use crate::domain::{
    BatchStatus, ChoiceName, CompanyKind, Confidence, PayKind, Period, Role, Stage,
};
use crate::i18n::{Lang, Msg, format_date, format_decimal};
use crate::models::AuditNames;

/// A field's name as a sentence says it: "the stage", "the origin company" (German names it
/// as a column would, "Phase": its sentences put it after a colon, where no article is needed).
pub(super) fn label(table: &str, field: &str, lang: Lang) -> String {
    let key = match (table, field) {
        (_, "full_name" | "display_name") => "audit-field-name",
        (_, "origin_company_id") => "audit-field-origin-company",
        (_, "hiring_company_id") => "audit-field-hiring-company",
        (_, "first_contact_on") => "audit-field-first-contact",
        (_, "offer_on") => "audit-field-offer-date",
        (_, "decided_on") => "audit-field-decision-date",
        (_, "start_on") => "audit-field-start-date",
        (_, "period_years") => "audit-field-period-years",
        (_, "sign_on") => "audit-field-sign-on",
        (_, "as_of") => "audit-field-as-of",
        (_, "source_name") => "audit-field-source",
        (_, "source_url") => "audit-field-source-link",
        (_, "email") => "audit-field-email",
        (_, "active") => "audit-field-active",
        (_, "rate_on") => "audit-field-day",
        ("company", "kind") => "audit-field-company-kind",
        ("person_note", "body") => "audit-field-text",
        ("pay_report", "kind") => "audit-field-report-kind",
        (_, other) => {
            // The other columns by their own names; the common ones have words of their own.
            let key = format!("audit-field-{}", other.replace('_', "-"));
            let known = Msg::new(key.clone()).text(lang);
            if known != key {
                return known;
            }
            return Msg::new("audit-field-other")
                .arg("name", other.replace('_', " "))
                .text(lang);
        }
    };
    Msg::new(key).text(lang)
}

/// "none": a value that is not there, and what a change from nothing to nothing says.
pub(super) fn none(lang: Lang) -> String {
    Msg::new("audit-none-value").text(lang)
}

/// A value as people read it: names for ids, labels for choices, grouped money.
pub(super) fn show(
    table: &str,
    field: &str,
    values: &Map<String, Value>,
    names: &AuditNames,
    lang: Lang,
) -> String {
    let currency = values.get("currency").and_then(Value::as_str).unwrap_or("");
    let money = |value: Option<&Value>| {
        let raw = match value {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => return None,
        };
        raw.parse::<BigDecimal>()
            .ok()
            .map(|amount| format_decimal(lang, &amount, Some(2)))
    };
    if field == "band" {
        let (low, high) = (
            money(values.get("amount_low")),
            money(values.get("amount_high")),
        );
        return match (low, high) {
            (Some(low), Some(high)) if low == high => money_words(lang, currency, &low),
            (Some(low), Some(high)) => range_words(lang, currency, &low, &high),
            _ => none(lang),
        };
    }
    let value = values.get(field);
    if table == "pay_decision" && field == "figures" {
        return figures(value, lang);
    }
    // A band for every zone is stored with an empty zone, and an import's old values of it
    // (the band's form) have none: both are the same band.
    if table == "pay_band"
        && field == "zone"
        && value.and_then(Value::as_str).unwrap_or("").is_empty()
    {
        return Msg::new("audit-every-zone").text(lang);
    }
    let band_amount =
        table == "pay_band" && (field.starts_with("base_") || field.starts_with("total_"));
    if band_amount
        || (table == "pay_report" && matches!(field, "base" | "bonus" | "equity" | "sign_on"))
    {
        return money(value).map_or_else(|| none(lang), |m| money_words(lang, currency, &m));
    }
    match value {
        None | Some(Value::Null) => none(lang),
        Some(Value::Bool(true)) => Msg::new("audit-yes").text(lang),
        Some(Value::Bool(false)) => Msg::new("audit-no").text(lang),
        Some(Value::Number(n)) => match (field, n.as_i64()) {
            ("origin_company_id" | "hiring_company_id", Some(id)) => names.company(id).map_or_else(
                || Msg::new("audit-company-id").arg("id", id).text(lang),
                str::to_owned,
            ),
            _ => n.to_string(),
        },
        Some(Value::String(s)) => choice(table, field, s, lang)
            .or_else(|| day(s, lang))
            .unwrap_or_else(|| s.clone()),
        Some(other) => other.to_string(),
    }
}

/// A stored day (`2026-12-07`) as the reader writes days.
fn day(stored: &str, lang: Lang) -> Option<String> {
    let date = chrono::NaiveDate::parse_from_str(stored, "%Y-%m-%d").ok()?;
    // Only a whole day: a longer text that starts like one is something else.
    (stored.len() == 10).then(|| format_date(lang, date))
}

/// An amount already written in `lang`, with its currency placed as `lang` places it.
fn money_words(lang: Lang, currency: &str, amount: &str) -> String {
    Msg::new("audit-money")
        .arg("currency", currency)
        .arg("amount", amount)
        .text(lang)
}

fn range_words(lang: Lang, currency: &str, low: &str, high: &str) -> String {
    Msg::new("audit-range")
        .arg("currency", currency)
        .arg("low", low)
        .arg("high", high)
        .text(lang)
}

fn label_of<T: ChoiceName>(parsed: Option<T>, lang: Lang) -> Option<String> {
    parsed.map(|c| c.label_in(lang))
}

fn choice(table: &str, field: &str, stored: &str, lang: Lang) -> Option<String> {
    match (table, field) {
        (_, "stage") => label_of(Stage::parse(stored), lang),
        (_, "confidence") => label_of(Confidence::parse(stored), lang),
        (_, "period") => label_of(Period::parse(stored), lang),
        (_, "role") => label_of(Role::parse(stored), lang),
        ("company", "kind") => label_of(CompanyKind::parse(stored), lang),
        ("pay_report", "kind") => label_of(PayKind::parse(stored), lang),
        ("import_batch", "status") => label_of(BatchStatus::parse(stored), lang),
        ("import_batch", "kind") => {
            Some(Msg::new(crate::views::imports::kind_key(stored)).text(lang))
        }
        _ => None,
    }
}

/// What a decision on an offer was made on (`offers::approval`'s figures), in a line: the
/// offer's amounts and base, and the band's base range with its day.
fn figures(value: Option<&Value>, lang: Lang) -> String {
    let Some(f) = value.and_then(Value::as_object) else {
        return none(lang);
    };
    let text = |v: Option<&Value>| match v {
        Some(Value::String(s)) => s.parse::<BigDecimal>().map_or_else(
            |_| day(s, lang).unwrap_or_else(|| s.clone()),
            |d| format_decimal(lang, &d, Some(2)),
        ),
        Some(Value::Number(n)) => n.to_string(),
        _ => none(lang),
    };
    let currency = text(f.get("currency"));
    let (low, high) = (text(f.get("amount_low")), text(f.get("amount_high")));
    let offer = if low == high {
        money_words(lang, &currency, &low)
    } else {
        range_words(lang, &currency, &low, &high)
    };
    let band = f.get("band_base").and_then(Value::as_array);
    let band = match band.map(|b| b.iter().map(|v| text(Some(v))).collect::<Vec<_>>()) {
        Some(b) if b.len() == 3 => Msg::new("audit-figures-band")
            .arg(
                "range",
                range_words(lang, &text(f.get("band_currency")), &b[0], &b[2]),
            )
            .arg("mid", &b[1])
            .arg("day", text(f.get("band_effective_on")))
            .text(lang),
        _ => Msg::new("audit-figures-no-band").text(lang),
    };
    Msg::new("audit-figures")
        .arg("offer", offer)
        .arg("as-of", text(f.get("as_of")))
        .arg("base", money_words(lang, &currency, &text(f.get("base"))))
        .arg("band", band)
        .text(lang)
}
