//! An audit entry's fields and values as a sentence says them.

use bigdecimal::BigDecimal;
use serde_json::{Map, Value};

use crate::domain::format_money;
use crate::domain::{
    BatchStatus, ChoiceName, CompanyKind, Confidence, PayKind, Period, Role, Stage,
};
use crate::models::AuditNames;

/// A field's name as a sentence says it: "the stage", "the origin company".
pub(super) fn label(table: &str, field: &str) -> String {
    let words = match (table, field) {
        (_, "full_name" | "display_name") => "name",
        (_, "origin_company_id") => "origin company",
        (_, "hiring_company_id") => "hiring company",
        (_, "first_contact_on") => "first contact",
        (_, "offer_on") => "offer date",
        (_, "decided_on") => "decision date",
        (_, "start_on") => "start date",
        (_, "period_years") => "years of the total",
        (_, "sign_on") => "sign-on bonus",
        (_, "as_of") => "as-of date",
        (_, "source_name") => "source",
        (_, "source_url") => "source link",
        (_, "email") => "e-mail",
        (_, "active") => "active state",
        (_, "rate_on") => "day",
        ("company", "kind") => "kind of company",
        ("person_note", "body") => "text",
        ("pay_report", "kind") => "kind of report",
        (_, other) => return format!("the {}", other.replace('_', " ")),
    };
    format!("the {words}")
}

/// A value as people read it: names for ids, labels for choices, grouped money.
pub(super) fn show(
    table: &str,
    field: &str,
    values: &Map<String, Value>,
    names: &AuditNames,
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
            .map(|amount| format_money(&amount))
    };
    if field == "band" {
        let (low, high) = (
            money(values.get("amount_low")),
            money(values.get("amount_high")),
        );
        return match (low, high) {
            (Some(low), Some(high)) if low == high => format!("{currency} {low}"),
            (Some(low), Some(high)) => format!("{currency} {low} – {high}"),
            _ => "none".to_owned(),
        };
    }
    let value = values.get(field);
    if table == "pay_decision" && field == "figures" {
        return figures(value);
    }
    // A band for every zone is stored with an empty zone, and an import's old values of it
    // (the band's form) have none: both are the same band.
    if table == "pay_band"
        && field == "zone"
        && value.and_then(Value::as_str).unwrap_or("").is_empty()
    {
        return "every zone".to_owned();
    }
    let band_amount =
        table == "pay_band" && (field.starts_with("base_") || field.starts_with("total_"));
    if band_amount
        || (table == "pay_report" && matches!(field, "base" | "bonus" | "equity" | "sign_on"))
    {
        return money(value).map_or_else(|| "none".to_owned(), |m| format!("{currency} {m}"));
    }
    match value {
        None | Some(Value::Null) => "none".to_owned(),
        Some(Value::Bool(true)) => "yes".to_owned(),
        Some(Value::Bool(false)) => "no".to_owned(),
        Some(Value::Number(n)) => match (field, n.as_i64()) {
            ("origin_company_id" | "hiring_company_id", Some(id)) => names
                .company(id)
                .map_or_else(|| format!("company {id}"), str::to_owned),
            _ => n.to_string(),
        },
        Some(Value::String(s)) => choice(table, field, s).map_or_else(|| s.clone(), str::to_owned),
        Some(other) => other.to_string(),
    }
}

fn label_of<T: ChoiceName>(parsed: Option<T>) -> Option<&'static str> {
    parsed.map(T::label)
}

fn choice(table: &str, field: &str, stored: &str) -> Option<&'static str> {
    match (table, field) {
        (_, "stage") => label_of(Stage::parse(stored)),
        (_, "confidence") => label_of(Confidence::parse(stored)),
        (_, "period") => label_of(Period::parse(stored)),
        (_, "role") => label_of(Role::parse(stored)),
        ("company", "kind") => label_of(CompanyKind::parse(stored)),
        ("pay_report", "kind") => label_of(PayKind::parse(stored)),
        ("import_batch", "status") => label_of(BatchStatus::parse(stored)),
        _ => None,
    }
}

/// What a decision on an offer was made on (`offers::approval`'s figures), in a line: the
/// offer's amounts and base, and the band's base range with its day.
fn figures(value: Option<&Value>) -> String {
    let Some(f) = value.and_then(Value::as_object) else {
        return "none".to_owned();
    };
    let text = |v: Option<&Value>| match v {
        Some(Value::String(s)) => s
            .parse::<BigDecimal>()
            .map_or_else(|_| s.clone(), |d| format_money(&d)),
        Some(Value::Number(n)) => n.to_string(),
        _ => "none".to_owned(),
    };
    let currency = text(f.get("currency"));
    let (low, high) = (text(f.get("amount_low")), text(f.get("amount_high")));
    let offer = if low == high {
        format!("{currency} {low}")
    } else {
        format!("{currency} {low} – {high}")
    };
    let band = f.get("band_base").and_then(Value::as_array);
    let band = match band.map(|b| b.iter().map(|v| text(Some(v))).collect::<Vec<_>>()) {
        Some(b) if b.len() == 3 => format!(
            "{} {} – {} (midpoint {}) from {}",
            text(f.get("band_currency")),
            b[0],
            b[2],
            b[1],
            text(f.get("band_effective_on"))
        ),
        _ => "no band".to_owned(),
    };
    format!(
        "offer {offer} as of {}, base {currency} {}, against the band {band}",
        text(f.get("as_of")),
        text(f.get("base"))
    )
}
