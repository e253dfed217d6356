//! What the fuzzing aims at, read from the running app: its routes, the records seeded in its
//! database, and the names, values and forms its pages show.

use std::collections::BTreeSet;

use diesel::prelude::*;
use proptest::sample::Index;
use rocket::http::Method;
use scraper::{ElementRef, Html, Selector};
use talent_tracker::schema::{
    company, exchange_rate, import_batch, outbox, pay_report, person, webhook_endpoint,
};

use crate::common::TestApp;

/// A route as the app declares it: `/people/<person_id>/pay/<id>/edit`, query template aside.
#[derive(Debug, Clone)]
pub struct RouteShape {
    pub method: Method,
    pub path: String,
}

impl RouteShape {
    /// The path with each parameter as `*`, to match the actions of rendered forms.
    fn pattern(&self) -> String {
        let segments = self.path.split('/').map(|s| match s.starts_with('<') {
            true => "*",
            false => s,
        });
        segments.collect::<Vec<_>>().join("/")
    }
}

/// Seeded records, so path parameters usually name something and the handler goes deep.
#[derive(Debug, Default)]
pub struct Ids {
    companies: Vec<i64>,
    people: Vec<i64>,
    /// (person, report): a pay route needs both to agree.
    pay: Vec<(i64, i64)>,
    rates: Vec<i64>,
    batches: Vec<i64>,
    webhooks: Vec<i64>,
    /// Webhook deliveries (outbox rows of an endpoint).
    deliveries: Vec<i64>,
    /// Pay reports alone, for the API's offers.
    reports: Vec<i64>,
}

/// A form as a page rendered it: where it posts (ids as `*`) and its fields' values.
#[derive(Debug, Clone)]
pub struct RenderedForm {
    pub action: String,
    pub fields: Vec<(String, String)>,
}

/// What the app's pages ask for: field and query names, the values they offer, their forms.
#[derive(Debug, Default)]
pub struct Vocabulary {
    pub names: Vec<String>,
    pub values: Vec<String>,
    pub forms: Vec<RenderedForm>,
}

impl Vocabulary {
    /// The forms that post to `route`. A create route takes its resource's edit form, which
    /// is filled in (a new record's form is empty).
    pub fn forms_for(&self, route: &RouteShape) -> Vec<&RenderedForm> {
        let pattern = route.pattern();
        let created = |action: &str| action.strip_suffix("/*/edit") == Some(pattern.as_str());
        let forms = self.forms.iter();
        forms
            .filter(|f| f.action == pattern || created(&f.action))
            .collect()
    }
}

pub fn seeded(app: &TestApp) -> anyhow::Result<Ids> {
    let conn = &mut app.conn()?;
    Ok(Ids {
        companies: company::table.select(company::id).load(conn)?,
        people: person::table.select(person::id).load(conn)?,
        pay: pay_report::table
            .select((pay_report::person_id, pay_report::id))
            .load(conn)?,
        rates: exchange_rate::table.select(exchange_rate::id).load(conn)?,
        batches: import_batch::table.select(import_batch::id).load(conn)?,
        webhooks: webhook_endpoint::table
            .select(webhook_endpoint::id)
            .load(conn)?,
        deliveries: outbox::table
            .filter(outbox::webhook_endpoint_id.is_not_null())
            .select(outbox::id)
            .load(conn)?,
        reports: pay_report::table.select(pay_report::id).load(conn)?,
    })
}

pub fn routes_of(app: &TestApp) -> Vec<RouteShape> {
    let routes = app.client.rocket().routes();
    routes
        .map(|route| RouteShape {
            method: route.method,
            path: route.uri.path().to_owned(),
        })
        .collect()
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e}"))
}

/// Names, values and forms from every page reachable with seeded ids, links' query keys
/// (filters, sorting, paging) included.
pub fn harvest(app: &TestApp, routes: &[RouteShape], ids: &Ids) -> Vocabulary {
    let (mut names, mut values) = (BTreeSet::new(), BTreeSet::new());
    let mut forms = Vec::new();
    let (fields, offered) = (selector("[name]"), selector("option[value], input[value]"));
    let (links, posted) = (selector("a[href]"), selector("form[method=post]"));
    for route in routes.iter().filter(|r| r.method == Method::Get) {
        let page = Html::parse_document(&app.get(&fill_path(&route.path, ids, &[])).body);
        let attrs = |css: &Selector, attr: &'static str| {
            let found = page.select(css).filter_map(move |e| e.value().attr(attr));
            found.map(str::to_owned).collect::<Vec<_>>()
        };
        names.extend(attrs(&fields, "name"));
        values.extend(attrs(&offered, "value"));
        for href in attrs(&links, "href") {
            let query = href.split_once('?').map_or("", |(_, q)| q);
            for (name, value) in url::form_urlencoded::parse(query.as_bytes()) {
                names.insert(name.into_owned());
                values.insert(value.into_owned());
            }
        }
        forms.extend(page.select(&posted).map(|form| rendered(form, &fields)));
    }
    names.remove("csrf_token");
    Vocabulary {
        names: names.into_iter().collect(),
        values: values.into_iter().collect(),
        forms,
    }
}

/// What a browser would send for `form` untouched (the CSRF token aside).
fn rendered(form: ElementRef<'_>, fields: &Selector) -> RenderedForm {
    let action = form.value().attr("action").unwrap_or_default();
    let action = action.split('/').map(|s| match s.parse::<i64>() {
        Ok(_) => "*",
        Err(_) => s,
    });
    let mut sent = Vec::new();
    for field in form.select(fields) {
        let element = field.value();
        let name = element.attr("name").unwrap_or_default().to_owned();
        let value = match element.name() {
            "textarea" => field.text().collect(),
            "select" => field
                .select(&selector("option[selected], option"))
                .next()
                .and_then(|o| o.value().attr("value"))
                .unwrap_or_default()
                .to_owned(),
            _ => element.attr("value").unwrap_or_default().to_owned(),
        };
        if name != "csrf_token" && element.attr("type") != Some("submit") {
            sent.push((name, value));
        }
    }
    RenderedForm {
        action: action.collect::<Vec<_>>().join("/"),
        fields: sent,
    }
}

/// What the reports' `<path>` takes, and one it does not.
const REPORTS: &[&str] = &["pipeline", "talent-flow", "compensation", "timeline", "x"];

/// A route's path with its parameters filled: mostly seeded ids of the record the segment
/// before names, otherwise the case's raw text (a huge number, a word, nothing). Without
/// choices (harvesting), the first record of each kind.
pub fn fill_path(path: &str, ids: &Ids, params: &[(bool, Index, String)]) -> String {
    let segments: Vec<&str> = path.split('/').collect();
    let mut filled = Vec::with_capacity(segments.len());
    let mut params = params.iter();
    // A pay route takes a person and one of their reports: the first choice picks the pair.
    let mut pair = None;
    for (i, segment) in segments.iter().enumerate() {
        let Some(name) = segment.strip_prefix('<').and_then(|s| s.strip_suffix('>')) else {
            filled.push((*segment).to_owned());
            continue;
        };
        let (seeded, pick, raw) = match params.next() {
            Some((seeded, pick, raw)) => (*seeded, Some(pick), raw.as_str()),
            None => (true, None, ""),
        };
        let before = if i > 0 { segments[i - 1] } else { "" };
        let value = if !seeded {
            None
        } else if name == "path" {
            choose(pick, REPORTS).map(str::to_owned)
        } else if before == "pay"
            || before == "pay-reports"
            || (name == "person_id" && (path.contains("/pay/<") || path.contains("/pay-reports/<")))
        {
            let (person, report) =
                *pair.get_or_insert_with(|| choose(pick, &ids.pay).unwrap_or((0, 0)));
            let report_side = before == "pay" || before == "pay-reports";
            Some(if report_side { report } else { person }.to_string())
        } else {
            let records = match before {
                "companies" => &ids.companies,
                "exchange-rates" => &ids.rates,
                "import" | "batches" => &ids.batches,
                "webhooks" => &ids.webhooks,
                "deliveries" => &ids.deliveries,
                "offers" => &ids.reports,
                _ => &ids.people,
            };
            choose(pick, records).map(|id| id.to_string())
        };
        filled.push(value.unwrap_or_else(|| encode_segment(raw)));
    }
    filled.join("/")
}

fn choose<T: Copy>(pick: Option<&Index>, list: &[T]) -> Option<T> {
    match pick {
        _ if list.is_empty() => None,
        Some(pick) => Some(*pick.get(list)),
        None => Some(list[0]),
    }
}

fn encode_segment(raw: &str) -> String {
    let encoded: String = url::form_urlencoded::byte_serialize(raw.as_bytes()).collect();
    encoded.replace('+', "%20")
}
