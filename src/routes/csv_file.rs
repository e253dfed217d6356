//! A CSV download: the headers every CSV response carries.

use rocket::http::{ContentType, Header};
use rocket::response::{self, Responder};
use rocket::{Request, Response};

pub struct CsvFile {
    /// The file name without date or extension, e.g. "compensation".
    pub name: String,
    pub body: Vec<u8>,
}

impl<'r> Responder<'r, 'static> for CsvFile {
    fn respond_to(self, _: &'r Request<'_>) -> response::Result<'static> {
        let today = chrono::Utc::now().date_naive();
        let disposition = format!("attachment; filename=\"{}-{today}.csv\"", self.name);
        Response::build()
            .header(ContentType::new("text", "csv").with_params(("charset", "utf-8")))
            .header(Header::new("Content-Disposition", disposition))
            // Exports can hold pay: never leave a copy in a shared cache.
            .header(Header::new("Cache-Control", "no-store"))
            .sized_body(self.body.len(), std::io::Cursor::new(self.body))
            .ok()
    }
}
