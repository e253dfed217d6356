//! The stylesheet and the board's script, compiled into the binary so the app runs from any
//! folder.

use rocket::http::ContentType;
use rocket::{Route, get, routes};

pub fn routes() -> Vec<Route> {
    routes![stylesheet, board_script]
}

#[get("/static/style.css")]
fn stylesheet() -> (ContentType, &'static str) {
    (ContentType::CSS, include_str!("../../static/style.css"))
}

/// The pipeline board's drag and drop (a progressive enhancement: the forms work without it).
#[get("/static/board.js")]
fn board_script() -> (ContentType, &'static str) {
    (
        ContentType::JavaScript,
        include_str!("../../static/board.js"),
    )
}
