//! What a plan does, counted per kind of record: "5 people: 3 new, 2 updated; 7 pay reports".
//! A sum of companies, people, pay reports and bands together would count nothing anyone has.

use super::plan::{Action, Plan};
use crate::i18n::{Lang, Msg};

/// One kind of record's count, by what happens to it.
#[derive(Default)]
struct Tally {
    new: usize,
    updated: usize,
    unchanged: usize,
}

impl Tally {
    fn add(&mut self, action: Action) {
        match action {
            Action::Create => self.new += 1,
            Action::Update => self.updated += 1,
            Action::Skip => self.unchanged += 1,
        }
    }

    /// `7 new pay reports` when all are alike, else `5 people: 3 new, 2 updated`; `None` for none.
    /// `noun` ends the catalogue keys (`import-tally-new-people`): German inflects the word
    /// for "new" by the noun's gender, so each pair is a message of its own.
    fn describe(&self, lang: Lang, noun: &str) -> Option<String> {
        let total = self.new + self.updated + self.unchanged;
        let counted: Vec<(usize, &str)> = [
            (self.new, "new"),
            (self.updated, "updated"),
            (self.unchanged, "unchanged"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .collect();
        match counted[..] {
            [] => None,
            [(_, what)] => Some(
                Msg::new(format!("import-tally-{what}-{noun}"))
                    .arg("count", total)
                    .text(lang),
            ),
            _ => {
                let parts: Vec<String> = counted
                    .iter()
                    .map(|(n, what)| {
                        Msg::new(format!("import-tally-part-{what}"))
                            .arg("count", n)
                            .text(lang)
                    })
                    .collect();
                Some(
                    Msg::new(format!("import-tally-mixed-{noun}"))
                        .arg("count", total)
                        .arg("parts", parts.join(", "))
                        .text(lang),
                )
            }
        }
    }
}

impl Plan {
    /// How many rows of the file have errors (skipped when the valid rows are imported).
    pub fn lines_with_errors(&self) -> usize {
        let lines: std::collections::HashSet<u64> = self.errors.iter().map(|e| e.line).collect();
        lines.len()
    }

    /// The summary in English, for the command line.
    pub fn summary(&self) -> String {
        self.summary_in(Lang::En)
    }

    pub fn summary_in(&self, lang: Lang) -> String {
        let (mut companies, mut people, mut pay, mut bands) = (
            Tally::default(),
            Tally::default(),
            Tally::default(),
            Tally::default(),
        );
        companies.new += self.new_companies.len();
        self.companies.iter().for_each(|c| companies.add(c.action));
        self.bands.iter().for_each(|b| bands.add(b.action));
        for person in &self.people {
            people.add(person.action);
            person.pays.iter().for_each(|p| pay.add(p.action));
        }
        let parts: Vec<String> = [
            people.describe(lang, "people"),
            pay.describe(lang, "pay-reports"),
            companies.describe(lang, "companies"),
            bands.describe(lang, "pay-bands"),
        ]
        .into_iter()
        .flatten()
        .collect();
        if parts.is_empty() {
            Msg::new("import-tally-nothing").text(lang)
        } else {
            parts.join("; ")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_is_counted_in_its_own_unit() {
        let mut people = Tally::default();
        [
            Action::Create,
            Action::Create,
            Action::Create,
            Action::Update,
            Action::Update,
        ]
        .into_iter()
        .for_each(|a| people.add(a));
        assert_eq!(
            people.describe(Lang::En, "people").as_deref(),
            Some("5 people: 3 new, 2 updated")
        );
        assert_eq!(
            people.describe(Lang::De, "people").as_deref(),
            Some("5 Personen: 3 neu, 2 aktualisiert")
        );
        let pay = Tally {
            new: 7,
            ..Tally::default()
        };
        assert_eq!(
            pay.describe(Lang::En, "pay-reports").as_deref(),
            Some("7 new pay reports")
        );
        let one = Tally {
            unchanged: 1,
            ..Tally::default()
        };
        assert_eq!(
            one.describe(Lang::En, "companies").as_deref(),
            Some("1 unchanged company")
        );
        assert_eq!(
            one.describe(Lang::De, "companies").as_deref(),
            Some("1 unverändertes Unternehmen")
        );
        assert_eq!(Tally::default().describe(Lang::En, "people"), None);
    }

    #[test]
    fn every_kind_and_state_has_its_words_in_every_language() {
        for lang in Lang::ALL {
            for noun in ["people", "pay-reports", "companies", "pay-bands"] {
                for what in ["new", "updated", "unchanged", "mixed"] {
                    let key = format!("import-tally-{what}-{noun}");
                    let text = Msg::new(key.clone())
                        .arg("count", 2)
                        .arg("parts", "x")
                        .text(*lang);
                    assert_ne!(text, key, "{lang}");
                }
            }
        }
    }
}
