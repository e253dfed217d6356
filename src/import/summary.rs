//! What a plan does, counted per kind of record: "5 people: 3 new, 2 updated; 7 pay reports".
//! A sum of companies, people, pay reports and bands together would count nothing anyone has.

use super::plan::{Action, Plan};

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
    fn describe(&self, one: &str, many: &str) -> Option<String> {
        let total = self.new + self.updated + self.unchanged;
        let noun = if total == 1 { one } else { many };
        let parts: Vec<String> = [
            (self.new, "new"),
            (self.updated, "updated"),
            (self.unchanged, "unchanged"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        match total {
            0 => None,
            _ if parts.len() == 1 => {
                let what = [
                    (self.new, "new"),
                    (self.updated, "updated"),
                    (self.unchanged, "unchanged"),
                ]
                .into_iter()
                .find(|(n, _)| *n > 0)
                .map_or("", |(_, what)| what);
                Some(format!("{total} {what} {noun}"))
            }
            _ => Some(format!("{total} {noun}: {}", parts.join(", "))),
        }
    }
}

impl Plan {
    /// How many rows of the file have errors (skipped when the valid rows are imported).
    pub fn lines_with_errors(&self) -> usize {
        let lines: std::collections::HashSet<u64> = self.errors.iter().map(|e| e.line).collect();
        lines.len()
    }

    pub fn summary(&self) -> String {
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
            people.describe("person", "people"),
            pay.describe("pay report", "pay reports"),
            companies.describe("company", "companies"),
            bands.describe("pay band", "pay bands"),
        ]
        .into_iter()
        .flatten()
        .collect();
        if parts.is_empty() {
            "nothing".to_owned()
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
            people.describe("person", "people").as_deref(),
            Some("5 people: 3 new, 2 updated")
        );
        let pay = Tally {
            new: 7,
            ..Tally::default()
        };
        assert_eq!(
            pay.describe("pay report", "pay reports").as_deref(),
            Some("7 new pay reports")
        );
        let one = Tally {
            unchanged: 1,
            ..Tally::default()
        };
        assert_eq!(
            one.describe("company", "companies").as_deref(),
            Some("1 unchanged company")
        );
        assert_eq!(Tally::default().describe("person", "people"), None);
    }
}
