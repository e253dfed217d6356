//! The forms for a person's notes and files, when they come back with something to fix.

use askama::Template;

use super::{FormState, Layout};
use bigdecimal::BigDecimal;

use crate::domain::{DocumentKind, PersonId};
use crate::i18n::{Lang, Msg, format_decimal};
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

/// Helpers the person page's thread uses. The language comes by reference, as askama passes
/// a field.
pub trait NoteWords {
    fn author_name(&self, lang: &Lang) -> String;
}

impl NoteWords for ThreadNote {
    fn author_name(&self, lang: &Lang) -> String {
        match &self.author {
            Some(name) => name.clone(),
            None => Msg::new("person-note-former-user").text(*lang),
        }
    }
}

/// A listed file in words.
pub trait FileWords {
    fn kind_label(&self, lang: &Lang) -> String;
    fn size(&self, lang: &Lang) -> String;
}

impl FileWords for ListedFile {
    fn kind_label(&self, lang: &Lang) -> String {
        let key = match DocumentKind::stored(&self.file.content_type) {
            Some(DocumentKind::Pdf) => "person-file-kind-pdf",
            Some(DocumentKind::Docx) => "person-file-kind-docx",
            Some(DocumentKind::Png) => "person-file-kind-png",
            Some(DocumentKind::Jpeg) => "person-file-kind-jpeg",
            None => "person-file-kind-other",
        };
        Msg::new(key).text(*lang)
    }

    fn size(&self, lang: &Lang) -> String {
        size_in(*lang, self.file.byte_size)
    }
}

/// A byte count as `domain::format_size` words it, with the reader's decimal separator:
/// "830 bytes", "12.5 KB" / "12,5 KB".
pub fn size_in(lang: Lang, bytes: i64) -> String {
    let in_units = |unit: i64| {
        let value = (BigDecimal::from(bytes) / BigDecimal::from(unit))
            .with_scale_round(1, bigdecimal::RoundingMode::HalfEven);
        format_decimal(lang, &value, Some(1))
    };
    let msg = match bytes {
        b if b < 1000 => Msg::new("person-file-bytes").arg("count", b),
        b if b < 1_000_000 => Msg::new("person-file-kb").arg("size", in_units(1000)),
        _ => Msg::new("person-file-mb").arg("size", in_units(1_000_000)),
    };
    msg.text(lang)
}
