//! The audit log, for admins.

use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::{FromForm, Route, State, get, routes};

use super::{given, query_string};
use crate::auth::Admin;
use crate::db::Db;
use crate::domain::Date;
use crate::error::AppError;
use crate::models::{AuditEntry, AuditFilter};
use crate::views::audit::{AuditPage, AuditRow};
use crate::views::{FormState, Layout, Pager, render};

pub fn routes() -> Vec<Route> {
    routes![index]
}

/// The tables the audit covers, each with the words the filter offers it by (the query
/// string keeps the table's name, which links from elsewhere use).
pub const TABLES: [(&str, &str); 8] = [
    ("company", "Companies"),
    ("person", "People"),
    ("pay_report", "Pay reports"),
    ("exchange_rate", "Exchange rates"),
    ("import_batch", "Imports"),
    ("app_user", "Users"),
    ("pay_band", "Pay bands"),
    ("pay_decision", "Offer decisions"),
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
    fn filter(&self) -> Result<AuditFilter, AppError> {
        let bad =
            |what: &str, value: &str| AppError::Unprocessable(format!("“{value}” is not {what}."));
        let date = |value: &Option<String>, name: &str| {
            given(value)
                .map(|d| {
                    Date::parse(&d)
                        .map(Date::into_inner)
                        .map_err(|e| AppError::Unprocessable(format!("“{name}”: {e}")))
                })
                .transpose()
        };
        let record_table = given(&self.record_table);
        if let Some(table) = &record_table
            && !TABLES.iter().any(|(name, _)| name == table)
        {
            return Err(bad("a table the audit covers", table));
        }
        Ok(AuditFilter {
            record_table,
            record_id: given(&self.record_id)
                .map(|id| id.parse().map_err(|_| bad("a record id", &id)))
                .transpose()?,
            actor: given(&self.actor),
            from: date(&self.from, "from")?,
            to: date(&self.to, "to")?,
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
    let filter = params.filter()?;
    let page = given(&params.page).and_then(|p| p.parse().ok());
    let (entries, pager) = db
        .run(move |c| {
            let pager = Pager::new(page, AuditEntry::count(c, &filter)?);
            let entries = AuditEntry::list(c, &filter, pager.offset(), Pager::PER_PAGE)?;
            Ok((AuditRow::all(c, &entries)?, pager))
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
            .map(|(name, words)| crate::views::Choice::new(*name, *words))
            .collect(),
        entries,
        pager,
    })
}
