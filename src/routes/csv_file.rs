//! CSV downloads: a file made in memory, or a stream written as the rows arrive.

use std::io::Write;

use diesel::PgConnection;
use rocket::http::Status;
use rocket::http::{ContentType, Header};
use rocket::request::{FromRequest, Outcome};
use rocket::response::stream::ByteStream;
use rocket::response::{self, Responder};
use rocket::tokio::sync::mpsc;
use rocket::{Request, Response};

use crate::csv_format::Dialect;
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Locale;

/// A CSV file made in memory (a report's table is small).
pub struct CsvFile {
    /// The file name without date or extension, e.g. "compensation".
    pub name: String,
    /// What it was written for; it names the file too.
    pub dialect: Dialect,
    pub body: Vec<u8>,
}

/// Every CSV download takes `?for=excel` (a byte-order mark, so Excel reads UTF-8) and
/// `?for=excel-de` (semicolons, decimal commas and `DD.MM.YYYY` days too); without it, the
/// plain file. `&header=labels` writes the columns' labels in the reader's language over them
/// instead of their machine names (the import reads either).
#[rocket::async_trait]
impl<'r> FromRequest<'r> for Dialect {
    type Error = ();

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, ()> {
        let asked = request.query_value::<&str>("for").unwrap_or(Ok(""));
        let Some(dialect) = asked.ok().and_then(Dialect::parse) else {
            return Outcome::Error((Status::BadRequest, ()));
        };
        match request.query_value::<&str>("header") {
            None | Some(Ok("names")) => Outcome::Success(dialect),
            Some(Ok("labels")) => {
                let locale = request
                    .guard::<Locale>()
                    .await
                    .succeeded()
                    .unwrap_or_default();
                Outcome::Success(dialect.with_labels(locale.lang))
            }
            Some(_) => Outcome::Error((Status::BadRequest, ())),
        }
    }
}

/// The headers of every CSV download: its type, a dated file name, and no caching, since
/// exports can hold pay.
fn download_headers(name: &str, dialect: Dialect) -> [Header<'static>; 3] {
    let today = chrono::Utc::now().date_naive();
    [
        ContentType::new("text", "csv")
            .with_params(("charset", "utf-8"))
            .into(),
        Header::new(
            "Content-Disposition",
            format!(
                "attachment; filename=\"{name}-{today}{}.csv\"",
                dialect.file_suffix()
            ),
        ),
        Header::new("Cache-Control", "no-store"),
    ]
}

impl<'r> Responder<'r, 'static> for CsvFile {
    fn respond_to(self, _: &'r Request<'_>) -> response::Result<'static> {
        let mut response = Response::build();
        for header in download_headers(&self.name, self.dialect) {
            response.header(header);
        }
        response
            .sized_body(self.body.len(), std::io::Cursor::new(self.body))
            .ok()
    }
}

/// A CSV download written while PostgreSQL returns the rows: the writer runs on a blocking
/// thread and hands 64 KiB chunks over a small channel, so memory stays flat however many rows
/// there are, and a client that stops reading stops the export.
pub struct CsvStream {
    name: &'static str,
    dialect: Dialect,
    chunks: mpsc::Receiver<Vec<u8>>,
}

const CHUNK: usize = 64 * 1024;

impl CsvStream {
    /// Takes a connection first, so that an unreachable database still answers 503 rather than
    /// an empty file, then starts writing. Anything that can refuse the request (a filter
    /// naming an unknown company) must be checked before this: `write` runs after the 200.
    pub async fn start<F>(
        db: &Db,
        name: &'static str,
        dialect: Dialect,
        write: F,
    ) -> Result<CsvStream, AppError>
    where
        F: FnOnce(&mut PgConnection, &mut ChunkWriter) -> Result<u64, AppError> + Send + 'static,
    {
        let mut conn = db.checkout().await?;
        let (sender, chunks) = mpsc::channel(8);
        rocket::tokio::task::spawn_blocking(move || {
            let mut out = ChunkWriter {
                buffer: Vec::with_capacity(CHUNK),
                sender,
            };
            let written = write(&mut conn, &mut out)
                .and_then(|_| out.flush().map_err(|e| AppError::Internal(e.into())));
            if let Err(e) = written {
                // The status line has gone out already: all that is left is to stop and log.
                log::error!("the {name} CSV export stopped early: {e:?}");
            }
        });
        Ok(CsvStream {
            name,
            dialect,
            chunks,
        })
    }
}

/// Buffers what the CSV writer writes and sends it on in chunks.
pub struct ChunkWriter {
    buffer: Vec<u8>,
    sender: mpsc::Sender<Vec<u8>>,
}

impl Write for ChunkWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= CHUNK {
            self.flush()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let chunk = std::mem::replace(&mut self.buffer, Vec::with_capacity(CHUNK));
        self.sender.blocking_send(chunk).map_err(|_| {
            std::io::Error::new(std::io::ErrorKind::BrokenPipe, "the client went away")
        })
    }
}

impl<'r> Responder<'r, 'r> for CsvStream {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'r> {
        let chunks = rocket::futures::stream::unfold(self.chunks, |mut chunks| async move {
            chunks.recv().await.map(|chunk| (chunk, chunks))
        });
        let mut response = ByteStream(chunks).respond_to(request)?;
        for header in download_headers(self.name, self.dialect) {
            response.set_header(header);
        }
        Ok(response)
    }
}
