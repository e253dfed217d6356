//! Column labels: the words a spreadsheet's reader sees over each column (`Vollständiger Name`)
//! instead of the machine name the import matches (`full_name`). An export writes them when
//! asked to (`header=labels`); the import reads the machine names and the labels of every
//! language, so a file goes back in whoever wrote it.

use crate::i18n::{Lang, Msg};

/// Every column a file may have, by machine name.
pub const ALL_COLUMNS: [&str; 45] = [
    "id",
    "person_id",
    "name",
    "kind",
    "website",
    "country",
    "notes",
    "full_name",
    "title",
    "team",
    "expertise",
    "location",
    "stage",
    "origin_company",
    "hiring_company",
    "first_contact_on",
    "offer_on",
    "decided_on",
    "start_on",
    "range_disclosed_on",
    "currency",
    "amount_low",
    "amount_high",
    "period",
    "period_years",
    "base",
    "bonus",
    "equity",
    "sign_on",
    "as_of",
    "confidence",
    "source_name",
    "source_url",
    "pay_notes",
    "job_family",
    "level",
    "zone",
    "base_min",
    "base_mid",
    "base_max",
    "total_min",
    "total_mid",
    "total_max",
    "effective_on",
    "import_errors",
];

fn key(column: &str) -> String {
    format!("csv-column-{}", column.replace('_', "-"))
}

/// The label of `column` in `lang`; a column without one keeps its machine name.
pub fn label(column: &str, lang: Lang) -> String {
    let key = key(column);
    let label = Msg::new(key.clone()).text(lang);
    if label == key {
        column.to_owned()
    } else {
        label
    }
}

/// The machine name a header cell stands for: itself, or the column whose label it is in any
/// language (case and surrounding spaces aside). `None` for a column not known here.
pub fn machine_name(header: &str) -> Option<&'static str> {
    let header = header.trim().to_lowercase();
    ALL_COLUMNS.iter().copied().find(|column| {
        *column == header
            || Lang::ALL
                .iter()
                .any(|lang| label(column, *lang).to_lowercase() == header)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_names_one_column_in_every_language() {
        for lang in Lang::ALL {
            for column in ALL_COLUMNS {
                let label = label(column, *lang);
                assert_ne!(label, column, "{lang}: {column} has no label");
                assert_eq!(machine_name(&label), Some(column), "{lang}: {label}");
                assert_eq!(machine_name(&label.to_uppercase()), Some(column));
            }
        }
        assert_eq!(machine_name(" Full_Name "), Some("full_name"));
        assert_eq!(machine_name("Vollständiger Name"), Some("full_name"));
        assert_eq!(machine_name("shoe size"), None);
    }
}
