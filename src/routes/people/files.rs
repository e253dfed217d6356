//! Files attached to a person: the upload (multipart, read by `csv_upload::read_file_field`
//! with the file limit), the download (always as an attachment) and the removal.

use rocket::data::{self, Data, FromData};
use rocket::http::{ContentType, Header, Status};
use rocket::outcome::Outcome;
use rocket::response::{self, Responder};
use rocket::{Request, Response, State, get, post};

use crate::auth::{Annotator, CurrentUser};
use crate::config::FileLimit;
use crate::db::Db;
use crate::domain::{DocumentKind, FileId, PersonId};
use crate::error::AppError;
use crate::file_store::FileStore;
use crate::models::{ContentError, Person, PersonFile, StoredFile};
use crate::routes::FormResponse;
use crate::routes::csv_upload::{UploadRefusal, read_file_field};
use crate::views::person_notes::FileFormPage;
use crate::views::person_notes::size_in;
use crate::views::{Layout, render};

/// The upload form's file, or why there is none to take: the refusal is shown beside the
/// field rather than as an error page.
pub(super) struct DocumentUpload(Result<(String, Vec<u8>), UploadRefusal>);

#[rocket::async_trait]
impl<'r> FromData<'r> for DocumentUpload {
    type Error = std::convert::Infallible;

    async fn from_data(request: &'r Request<'_>, data: Data<'r>) -> data::Outcome<'r, Self> {
        let limit = request
            .rocket()
            .state::<FileLimit>()
            .copied()
            .unwrap_or_default();
        Outcome::Success(DocumentUpload(
            read_file_field(request, data, limit.0).await,
        ))
    }
}

#[post("/people/<id>/files", data = "<upload>")]
pub(super) async fn attach(
    user: Annotator,
    db: &State<Db>,
    store: &State<FileStore>,
    limit: &State<FileLimit>,
    id: PersonId,
    upload: DocumentUpload,
) -> Result<(Status, FormResponse), AppError> {
    let limit = size_in(user.locale.lang, limit.0 as i64);
    let (file_name, bytes) = match upload.0 {
        Ok(file) => file,
        Err(UploadRefusal::TooLarge) => {
            let problem = user.locale.t1("person-file-too-large", "limit", &limit);
            return refused(&user, db, id, limit, Status::PayloadTooLarge, problem).await;
        }
        Err(UploadRefusal::NoFile) => {
            let problem = user.locale.t("person-file-missing");
            return refused(&user, db, id, limit, Status::UnprocessableEntity, problem).await;
        }
    };
    let Some(kind) = DocumentKind::of(&bytes) else {
        let problem = user.locale.t("person-file-refused-kind");
        return refused(&user, db, id, limit, Status::UnprocessableEntity, problem).await;
    };
    let file_name = match file_name.replace(['/', '\\'], "_") {
        name if name.is_empty() => "document".to_owned(),
        name => name,
    };
    let by = user.user.id;
    let folder = store.inner().clone();
    let stored = db
        .run_as(user.actor(), move |c| {
            Ok(PersonFile::attach(
                c, &folder, id, by, &file_name, kind, &bytes,
            )?)
        })
        .await?;
    store.publish(stored.id).map_err(anyhow::Error::from)?;
    Ok((
        Status::SeeOther,
        FormResponse::saved(
            format!("/people/{id}#files"),
            user.locale
                .t1("person-file-attached-flash", "name", &stored.file_name),
        ),
    ))
}

/// The upload form again, with why the file was not taken beside its field.
async fn refused(
    user: &Annotator,
    db: &Db,
    id: PersonId,
    limit: String,
    status: Status,
    problem: String,
) -> Result<(Status, FormResponse), AppError> {
    let person_name = db
        .run(move |c| Ok(Person::find(c, id)?.fields.full_name))
        .await?;
    let page = render(&FileFormPage {
        layout: Layout::new("people", None, user),
        person: id,
        person_name,
        problem,
        limit,
    })?;
    Ok((status, FormResponse::Invalid(page)))
}

/// A stored file, served only as a download: a browser never renders it as a page of ours,
/// whatever it holds.
pub(super) struct Download(StoredFile);

impl<'r> Responder<'r, 'static> for Download {
    fn respond_to(self, _: &'r Request<'_>) -> response::Result<'static> {
        let file = self.0;
        let content_type =
            ContentType::parse_flexible(file.kind.content_type()).unwrap_or(ContentType::Binary);
        Response::build()
            .header(content_type)
            .header(Header::new(
                "Content-Disposition",
                content_disposition(&file.file_name),
            ))
            .header(Header::new("X-Content-Type-Options", "nosniff"))
            .sized_body(file.content.len(), std::io::Cursor::new(file.content))
            .ok()
    }
}

/// After a write that may have removed files (a removal, an erasure, a deletion) committed:
/// their bytes go from the folder too, in the same request.
pub(super) async fn tidy_files(db: &Db, store: &FileStore) -> Result<(), AppError> {
    if let FileStore::Folder(_) = store {
        let store = store.clone();
        db.run(move |c| Ok(store.tidy(c, false)?)).await?;
    }
    Ok(())
}

/// `attachment` with the name twice (RFC 6266): an ASCII stand-in for old clients, and the
/// exact name percent-encoded as UTF-8 in `filename*`.
fn content_disposition(name: &str) -> String {
    let plain: String = name
        .chars()
        .map(|c| match c {
            ' '..='~' if c != '"' && c != '\\' && c != '%' => c,
            _ => '_',
        })
        .collect();
    let exact: String = name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("attachment; filename=\"{plain}\"; filename*=UTF-8''{exact}")
}

/// A file whose bytes the folder lost or holds changed is the operator's to restore: a 500
/// whose log says which, never a download of other bytes.
impl From<ContentError> for AppError {
    fn from(e: ContentError) -> Self {
        match e {
            ContentError::Db(e) => AppError::Database(e),
            ContentError::Store(e) => AppError::Internal(e.into()),
        }
    }
}

#[get("/people/<id>/files/<file>/download")]
pub(super) async fn download(
    _user: CurrentUser,
    db: &State<Db>,
    store: &State<FileStore>,
    id: PersonId,
    file: FileId,
) -> Result<Download, AppError> {
    let store = store.inner().clone();
    let stored = db
        .run(move |c| Ok(PersonFile::content(c, &store, id, file)?))
        .await?;
    Ok(Download(stored))
}

#[post("/people/<id>/files/<file>/remove")]
pub(super) async fn remove(
    user: Annotator,
    db: &State<Db>,
    store: &State<FileStore>,
    id: PersonId,
    file: FileId,
) -> Result<FormResponse, AppError> {
    let name = db
        .run_as(user.actor(), move |c| Ok(PersonFile::remove(c, id, file)?))
        .await?;
    tidy_files(db, store).await?;
    Ok(FormResponse::saved(
        format!("/people/{id}#files"),
        user.locale.t1("person-file-removed-flash", "name", &name),
    ))
}

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn the_download_name_is_given_plain_and_exact() {
        assert_eq!(
            content_disposition("CV Müller \"2026\".pdf"),
            "attachment; filename=\"CV M_ller _2026_.pdf\"; \
             filename*=UTF-8''CV%20M%C3%BCller%20%222026%22.pdf"
        );
    }
}
