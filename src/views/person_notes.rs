//! The forms for a person's notes and files, when they come back with something to fix.

use askama::Template;

use super::{FormState, Layout};
use crate::domain::{DocumentKind, PersonId, format_size};
use crate::models::{ListedFile, ThreadNote};

/// Adding a note (`note: None`) or editing one, with what is wrong with the text.
#[derive(Template)]
#[template(path = "people/note_form.html")]
pub struct NoteFormPage {
    pub layout: Layout,
    pub person: PersonId,
    pub person_name: String,
    /// The note edited, with the version its form was read at.
    pub note: Option<i64>,
    pub form: FormState,
}

/// The upload form again, with why the file was refused.
#[derive(Template)]
#[template(path = "people/file_form.html")]
pub struct FileFormPage {
    pub layout: Layout,
    pub person: PersonId,
    pub person_name: String,
    pub problem: String,
    pub limit: String,
}

/// Helpers the person page's thread uses.
pub trait NoteWords {
    fn author_name(&self) -> &str;
}

impl NoteWords for ThreadNote {
    fn author_name(&self) -> &str {
        self.author.as_deref().unwrap_or("a former user")
    }
}

/// A listed file in words.
pub trait FileWords {
    fn kind_label(&self) -> &'static str;
    fn size(&self) -> String;
}

impl FileWords for ListedFile {
    fn kind_label(&self) -> &'static str {
        DocumentKind::stored(&self.file.content_type).map_or("file", DocumentKind::label)
    }

    fn size(&self) -> String {
        format_size(self.file.byte_size)
    }
}
