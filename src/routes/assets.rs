//! The stylesheet, compiled into the binary so the app runs from any folder.

use rocket::http::ContentType;
use rocket::{Route, get, routes};

pub fn routes() -> Vec<Route> {
    routes![stylesheet]
}

#[get("/static/style.css")]
fn stylesheet() -> (ContentType, &'static str) {
    (ContentType::CSS, include_str!("../../static/style.css"))
}
