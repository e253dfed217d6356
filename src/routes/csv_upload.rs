//! The import's upload, and the reader of every upload: the request bodies allowed to be large.
//! Every other form keeps Rocket's small limits, so these read their multipart bodies
//! themselves, each with its own limit.

use rocket::data::{self, Data, FromData, ToByteUnit};
use rocket::http::Status;
use rocket::{Request, outcome::Outcome};

use crate::config::ImportLimit;

/// Room for the rest of the form: the CSRF token and each part's headers.
const FORM_ROOM: u64 = 64 * 1024;
/// The largest field besides the file (the token is 64 characters).
const FIELD_ROOM: u64 = 8 * 1024;

/// The `file` field of the upload form, read whole (the import parses it in memory).
pub struct CsvUpload {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug)]
pub enum UploadRefusal {
    /// Past the import limit.
    TooLarge,
    /// No file in the form, or no multipart form at all.
    NoFile,
}

impl From<multer::Error> for UploadRefusal {
    fn from(error: multer::Error) -> Self {
        match error {
            multer::Error::StreamSizeExceeded { .. } | multer::Error::FieldSizeExceeded { .. } => {
                UploadRefusal::TooLarge
            }
            _ => UploadRefusal::NoFile,
        }
    }
}

#[rocket::async_trait]
impl<'r> FromData<'r> for CsvUpload {
    type Error = UploadRefusal;

    async fn from_data(request: &'r Request<'_>, data: Data<'r>) -> data::Outcome<'r, Self> {
        let limit = request
            .rocket()
            .state::<ImportLimit>()
            .map_or(0, |l| l.bytes());
        match read(request, data, limit).await {
            Ok(upload) => Outcome::Success(upload),
            Err(UploadRefusal::TooLarge) => {
                Outcome::Error((Status::PayloadTooLarge, UploadRefusal::TooLarge))
            }
            Err(refusal) => Outcome::Error((Status::UnprocessableEntity, refusal)),
        }
    }
}

async fn read(
    request: &Request<'_>,
    data: Data<'_>,
    limit: u64,
) -> Result<CsvUpload, UploadRefusal> {
    let (file_name, bytes) = read_file_field(request, data, limit).await?;
    Ok(CsvUpload {
        file_name: match file_name.trim() {
            "" => "upload.csv".to_owned(),
            name => name.to_owned(),
        },
        bytes,
    })
}

/// The `file` field of a multipart form, at most `limit` bytes, with the name the browser gave
/// it (control characters dropped, at most 200 characters; empty when it gave none): the one
/// reader of uploads, for the import and for files attached to people.
pub(crate) async fn read_file_field(
    request: &Request<'_>,
    data: Data<'_>,
    limit: u64,
) -> Result<(String, Vec<u8>), UploadRefusal> {
    let boundary = request
        .content_type()
        .filter(|c| c.is_form_data())
        .and_then(|c| c.param("boundary"))
        .ok_or(UploadRefusal::NoFile)?;
    let whole = limit + FORM_ROOM;
    let constraints = multer::Constraints::new().size_limit(
        multer::SizeLimit::new()
            .whole_stream(whole)
            .per_field(FIELD_ROOM)
            .for_field("file", limit),
    );
    // One byte past the limit, so that multer sees a larger body and says so.
    let body = data.open((whole + 1).bytes());
    let mut form = multer::Multipart::with_reader_with_constraints(body, boundary, constraints);
    while let Some(field) = form.next_field().await? {
        if field.name() != Some("file") {
            continue;
        }
        let file_name: String = field
            .file_name()
            .unwrap_or_default()
            .chars()
            .filter(|c| !c.is_control())
            .take(200)
            .collect();
        let bytes = field.bytes().await?;
        // A browser sends an empty, nameless part when no file was chosen.
        if file_name.trim().is_empty() && bytes.is_empty() {
            return Err(UploadRefusal::NoFile);
        }
        return Ok((file_name.trim().to_owned(), bytes.to_vec()));
    }
    Err(UploadRefusal::NoFile)
}
