//! The kinds of document a person's files may be, told from the file's first bytes: neither
//! its name nor the browser's content type decides what it is served as.

/// A PDF, a Word document, a PNG or a JPEG image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    Pdf,
    Docx,
    Png,
    Jpeg,
}

/// What the upload form says of a file of any other kind.
pub const REFUSED_KIND: &str = "This file is not a PDF, a Word document (.docx), a PNG or a JPEG image: only those can be \
     attached.";

impl DocumentKind {
    const ALL: [DocumentKind; 4] = [Self::Pdf, Self::Docx, Self::Png, Self::Jpeg];

    /// The kind by its signature (as the CHECK on `person_file_content` tests it). A DOCX is a
    /// zip archive with a `word/` part; other zips (an .xlsx, a folder of anything) are not.
    pub fn of(bytes: &[u8]) -> Option<DocumentKind> {
        if bytes.starts_with(b"%PDF-") {
            Some(Self::Pdf)
        } else if bytes.starts_with(b"PK\x03\x04") && bytes.windows(5).any(|w| w == b"word/") {
            Some(Self::Docx)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Self::Png)
        } else if bytes.starts_with(b"\xff\xd8\xff") {
            Some(Self::Jpeg)
        } else {
            None
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
        }
    }

    /// A stored content type back as its kind.
    pub fn stored(content_type: &str) -> Option<DocumentKind> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.content_type() == content_type)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Pdf => "PDF",
            Self::Docx => "Word document",
            Self::Png => "PNG image",
            Self::Jpeg => "JPEG image",
        }
    }
}

/// A byte count as people read it: "830 bytes", "12.5 KB", "3.2 MB".
pub fn format_size(bytes: i64) -> String {
    match bytes {
        b if b < 1000 => format!("{b} bytes"),
        b if b < 1_000_000 => format!("{:.1} KB", b as f64 / 1000.0),
        b => format!("{:.1} MB", b as f64 / 1_000_000.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_comes_from_the_signature() {
        assert_eq!(DocumentKind::of(b"%PDF-1.7\n"), Some(DocumentKind::Pdf));
        assert_eq!(
            DocumentKind::of(b"PK\x03\x04....word/document.xml"),
            Some(DocumentKind::Docx)
        );
        assert_eq!(DocumentKind::of(b"PK\x03\x04....xl/workbook.xml"), None);
        assert_eq!(
            DocumentKind::of(b"\x89PNG\r\n\x1a\n...."),
            Some(DocumentKind::Png)
        );
        assert_eq!(
            DocumentKind::of(b"\xff\xd8\xff\xe0"),
            Some(DocumentKind::Jpeg)
        );
        assert_eq!(DocumentKind::of(b"<html><script>"), None);
        assert_eq!(DocumentKind::of(b""), None);
        for kind in DocumentKind::ALL {
            assert_eq!(DocumentKind::stored(kind.content_type()), Some(kind));
        }
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(format_size(830), "830 bytes");
        assert_eq!(format_size(12_500), "12.5 KB");
        assert_eq!(format_size(10_000_000), "10.0 MB");
    }
}
