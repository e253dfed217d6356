//! The random part of a request: which route, what fills its path, and the query, body and
//! headers sent.

use proptest::prelude::*;
use proptest::sample::Index;

/// One request's random choices, turned into a request against the live routes and records.
#[derive(Debug, Clone)]
pub struct Case {
    pub route: Index,
    /// Per path parameter: a seeded record (when the flag is set) or this raw text.
    pub params: Vec<(bool, Index, String)>,
    pub query: Vec<(Index, String)>,
    pub with_token: bool,
    pub body: Body,
    pub headers: Vec<(Index, String)>,
}

#[derive(Debug, Clone)]
pub enum Body {
    /// Names and values from the app's vocabulary or random.
    Form(Vec<(Index, String)>),
    /// A form the app rendered for this route, a few fields changed: valid but for those, so
    /// the save itself runs.
    Edited(Index, Vec<(Index, String)>),
    /// A file upload (the import), possibly not CSV at all.
    Multipart(Vec<u8>),
    /// Any bytes with any content type.
    Raw(String, Vec<u8>),
}

pub const HEADERS: &[&str] = &[
    "Accept",
    "Accept-Language",
    "Accept-Encoding",
    "Referer",
    "Origin",
    "User-Agent",
    "X-Forwarded-For",
    "X-Real-IP",
    "Forwarded",
    "If-None-Match",
    "If-Modified-Since",
    "Range",
    "Cookie",
    "Authorization",
    "Host",
    "Content-Type",
    "X-Requested-With",
];

/// Values that have broken parsers elsewhere: overflow, signs, NUL, odd Unicode, odd dates.
const NASTY: &[&str] = &[
    "",
    "0",
    "-1",
    "9223372036854775807",
    "-9223372036854775808",
    "9223372036854775808",
    "99999999999999999999999999999999",
    "1e308",
    "NaN",
    "0.000000001",
    "99999999999999.99",
    "\0",
    "%00",
    "%ff",
    "ü",
    "𝔘𝔫𝔦",
    "\u{202e}",
    "' OR 1=1 --",
    "<script>",
    "0000-00-00",
    "9999-12-31",
    "2024-02-30",
    "-0001-01-01",
    "..",
    "/",
];

pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(NASTY).prop_map(str::to_owned),
        2 => any::<i64>().prop_map(|n| n.to_string()),
        2 => "\\PC{0,24}",
        1 => "[ -~]{0,300}",
        1 => "[0-9]{1,40}",
    ]
}

fn header_value() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[ -~]{0,60}",
        1 => prop::sample::select(NASTY).prop_map(|v| v.replace('\0', "")),
        1 => Just("multipart/form-data; boundary=".to_owned()),
        1 => Just("application/x-www-form-urlencoded; charset=latin9".to_owned()),
    ]
}

fn body() -> impl Strategy<Value = Body> {
    let changes = || prop::collection::vec((any::<Index>(), text()), 0..3);
    prop_oneof![
        4 => prop::collection::vec((any::<Index>(), text()), 0..10).prop_map(Body::Form),
        4 => (any::<Index>(), changes()).prop_map(|(form, changed)| Body::Edited(form, changed)),
        2 => prop_oneof![
            prop::collection::vec(any::<u8>(), 0..300),
            "(name|full_name|kind|stage|currency|amount_low),[ -~,\n]{0,200}"
                .prop_map(String::into_bytes),
        ]
        .prop_map(Body::Multipart),
        1 => ("[ -~]{0,60}", prop::collection::vec(any::<u8>(), 0..200))
            .prop_map(|(kind, bytes)| Body::Raw(kind, bytes)),
    ]
}

pub fn case() -> impl Strategy<Value = Case> {
    (
        any::<Index>(),
        prop::collection::vec((prop::bool::weighted(0.8), any::<Index>(), text()), 3),
        prop::collection::vec((any::<Index>(), text()), 0..6),
        prop::bool::weighted(0.9),
        body(),
        prop::collection::vec((any::<Index>(), header_value()), 0..4),
    )
        .prop_map(|(route, params, query, with_token, body, headers)| Case {
            route,
            params,
            query,
            with_token,
            body,
            headers,
        })
}
