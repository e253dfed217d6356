//! A file's row laid over the stored record it updates: a column the file leaves out keeps
//! the stored value, a column it has gives the file's value (an empty cell clears the field).
//! A file of only names and stages therefore moves stages and touches nothing else.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// One field an update changes, as the preview shows it: cells as the file would write them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub field: &'static str,
    pub before: String,
    pub after: String,
}

/// `row` with every field whose column the file lacks (`in_file` says which it has) taken from
/// `stored`. Both are the same record type, so the copy cannot fail short of a bug, which it
/// reports rather than hides.
pub fn overlay<T: Serialize + DeserializeOwned>(
    stored: &T,
    row: &T,
    in_file: impl Fn(&str) -> bool,
) -> Result<T, String> {
    let broken = |e: serde_json::Error| format!("the stored values cannot be combined: {e}");
    let stored = serde_json::to_value(stored).map_err(broken)?;
    let mut merged = serde_json::to_value(row).map_err(broken)?;
    if let (Some(stored), Some(merged)) = (stored.as_object(), merged.as_object_mut()) {
        for (field, value) in stored {
            if !in_file(field) {
                merged.insert(field.clone(), value.clone());
            }
        }
    }
    serde_json::from_value(merged).map_err(broken)
}

/// The fields that differ between `before` and `after`, in the record's order.
pub fn changes<T: Serialize>(before: &T, after: &T) -> Vec<Change> {
    let (Ok(before), Ok(after)) = (
        crate::csv_format::cells(before),
        crate::csv_format::cells(after),
    ) else {
        return Vec::new();
    };
    before
        .into_iter()
        .zip(after)
        .filter(|((_, old), (_, new))| old != new)
        .map(|((field, before), (_, after))| Change {
            field,
            before,
            after,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, serde::Deserialize)]
    struct Record {
        name: String,
        title: Option<String>,
        notes: Option<String>,
    }

    fn stored() -> Record {
        Record {
            name: "Ada".into(),
            title: Some("Engineer".into()),
            notes: Some("met in London".into()),
        }
    }

    #[test]
    fn a_column_the_file_lacks_keeps_its_value_and_an_empty_one_clears_it() {
        let row = Record {
            name: "ADA".into(),
            title: None,
            notes: None,
        };
        let merged = overlay(&stored(), &row, |field| field != "notes").expect("same type");
        assert_eq!(
            merged,
            Record {
                name: "ADA".into(),
                title: None,
                notes: Some("met in London".into()),
            }
        );
        let fields: Vec<&str> = changes(&stored(), &merged)
            .iter()
            .map(|c| c.field)
            .collect();
        assert_eq!(fields, ["name", "title"]);
    }
}
