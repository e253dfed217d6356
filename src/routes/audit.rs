//! The audit log, for admins.

use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::{FromForm, Route, State, get, routes};

use super::{given, query_string};
use crate::auth::Admin;
use crate::db::Db;
use crate::domain::Date;
use crate::error::AppError;
use crate::i18n::{Locale, Msg, input};
use crate::models::{AuditEntry, AuditFilter};
use crate::views::audit::{AuditPage, AuditRow};
use crate::views::{FormState, Layout, Pager, render};

pub fn routes() -> Vec<Route> {
    routes![index]
}

/// The tables the audit covers, each with the catalogue key of the words the filter offers
/// it by (the query string keeps the table's name, which links from elsewhere use).
pub const TABLES: [(&str, &str); 8] = [
    ("company", "audit-table-company"),
    ("person", "audit-table-person"),
    ("pay_report", "audit-table-pay-report"),
    ("exchange_rate", "audit-table-exchange-rate"),
    ("import_batch", "audit-table-import-batch"),
    ("app_user", "audit-table-app-user"),
    ("pay_band", "audit-table-pay-band"),
    ("pay_decision", "audit-table-pay-decision"),
];

#[derive(Debug, Default, FromForm)]
struct AuditParams {
    record_table: Option<String>,
    record_id: Option<String>,
    actor: Option<String>,
    from: Option<String>,
    to: Option<String>,
    page: Option<String>,
}

impl AuditParams {
    /// The filter, its dates read as the reader types them and its refusals in their words.
    fn filter(&self, locale: Locale) -> Result<AuditFilter, AppError> {
        let bad = |key: &'static str, value: &str| {
            AppError::Unprocessable(locale.say(&Msg::new(key).arg("value", value)))
        };
        let date = |value: &Option<String>, name: &'static str| {
            given(value)
                .map(|d| {
                    input::reading(locale.lang, || Date::parse(&d))
                        .map(Date::into_inner)
                        .map_err(|e| AppError::Unprocessable(locale.t1(name, "error", e)))
                })
                .transpose()
        };
        let record_table = given(&self.record_table);
        if let Some(table) = &record_table
            && !TABLES.iter().any(|(name, _)| name == table)
        {
            return Err(bad("audit-not-a-table", table));
        }
        Ok(AuditFilter {
            record_table,
            record_id: given(&self.record_id)
                .map(|id| id.parse().map_err(|_| bad("audit-not-a-record-id", &id)))
                .transpose()?,
            actor: given(&self.actor),
            from: date(&self.from, "audit-bad-from")?,
            to: date(&self.to, "audit-bad-to")?,
        })
    }
}

#[get("/audit?<params..>")]
async fn index(
    user: Admin,
    db: &State<Db>,
    flash: Option<FlashMessage<'_>>,
    params: AuditParams,
) -> Result<RawHtml<String>, AppError> {
    let filter = params.filter(user.locale)?;
    let locale = user.locale;
    let page = given(&params.page).and_then(|p| p.parse().ok());
    let (entries, pager) = db
        .run(move |c| {
            let pager = Pager::new(page, AuditEntry::count(c, &filter)?);
            let entries = AuditEntry::list(c, &filter, pager.offset(), Pager::PER_PAGE)?;
            Ok((AuditRow::all(c, &entries, locale)?, pager))
        })
        .await?;
    let typed = |v: &Option<String>| v.clone().unwrap_or_default();
    let values = [
        ("record_table", typed(&params.record_table)),
        ("record_id", typed(&params.record_id)),
        ("actor", typed(&params.actor)),
        ("from", typed(&params.from)),
        ("to", typed(&params.to)),
    ];
    render(&AuditPage {
        layout: Layout::new("audit", flash, &user),
        query: query_string(values.iter().map(|(k, v)| (*k, v.as_str()))),
        filters: FormState::with_values(values),
        tables: TABLES
            .iter()
            .map(|(name, key)| crate::views::Choice::new(*name, locale.t(key)))
            .collect(),
        entries,
        pager,
    })
}
