//! The JSON API's pieces that are no resource: problem details, versions as ETags, cursors,
//! and a JSON body read as a form's fields. Its routes are in `routes::api`.

pub mod body;
pub mod cursor;
pub mod etag;
pub mod problem;
