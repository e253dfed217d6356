//! Writing rows in COPY's text format and handing them to Diesel's `copy_from` in large writes.

use std::fmt::Write as _;
use std::io::Write;

use chrono::NaiveDate;

/// COPY's text format: tab-separated, `\N` for NULL. The vocabulary has no tabs, backslashes
/// or line breaks (see `words` and `names`), so values are written as they are.
pub(super) fn field(line: &mut String, value: Option<&dyn std::fmt::Display>) {
    if !line.is_empty() {
        line.push('\t');
    }
    match value {
        Some(v) => {
            let _ = write!(line, "{v}");
        }
        None => line.push_str("\\N"),
    }
}

pub(super) fn opt<T: std::fmt::Display>(value: &Option<T>) -> Option<&dyn std::fmt::Display> {
    value.as_ref().map(|v| v as &dyn std::fmt::Display)
}

pub(super) fn timestamp(date: NaiveDate) -> String {
    format!("{date} 10:00:00+00")
}

/// Adapts a writer of COPY lines to what Diesel's `copy_from` expects of its callback.
pub(super) fn rows_of(
    write: impl Fn(&mut dyn Write) -> std::io::Result<()>,
) -> impl Fn(&mut dyn Write) -> Result<(), diesel::result::Error> {
    move |out| write(out).map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))
}

/// Buffers COPY lines and hands them over in large writes.
pub(super) struct Lines<'w> {
    out: &'w mut dyn Write,
    buffer: Vec<u8>,
}

impl<'w> Lines<'w> {
    pub(super) fn new(out: &'w mut dyn Write) -> Self {
        Self {
            out,
            buffer: Vec::with_capacity(1 << 17),
        }
    }

    pub(super) fn push(&mut self, line: &mut String) -> std::io::Result<()> {
        self.buffer.extend_from_slice(line.as_bytes());
        self.buffer.push(b'\n');
        line.clear();
        if self.buffer.len() >= 1 << 16 {
            self.out.write_all(&self.buffer)?;
            self.buffer.clear();
        }
        Ok(())
    }

    pub(super) fn finish(self) -> std::io::Result<()> {
        self.out.write_all(&self.buffer)
    }
}
