//! The duplicates list and the person page's possible duplicates.

use askama::Template;

use super::Layout;
use crate::domain::PersonId;
use crate::models::{DuplicatePair, LikelyDuplicate};

#[derive(Template)]
#[template(path = "people/duplicates.html")]
pub struct DuplicatesPage {
    pub layout: Layout,
    pub pairs: Vec<DuplicatePair>,
    pub page: i64,
    /// Pairs listed in all, `None` past `COUNT_LIMIT`.
    pub total: Option<i64>,
    /// This page's cursor, which "Not a duplicate" comes back to; `None` on the first page.
    pub after: Option<String>,
    /// The query string of the next page, when there is one.
    pub next: Option<String>,
}

impl DuplicatesPage {
    /// Counting every pair reads the whole index; past this the page says "more than".
    pub const COUNT_LIMIT: i64 = 1_000;

    /// Why the pair is listed, in words; the same name is why any pair is kept.
    pub fn reasons(&self, pair: &DuplicatePair) -> Vec<String> {
        let mut reasons = vec!["duplicates-why-same-name"];
        if pair.same_origin {
            reasons.push("duplicates-why-same-origin");
        }
        if pair.shared_source {
            reasons.push("duplicates-why-shared-source");
        }
        reasons.into_iter().map(|key| self.layout.t(key)).collect()
    }
}

/// Someone the form's rule finds for the person shown, with the pair's ids lower first, as
/// the merge page and "Not a duplicate" take them.
pub struct PossibleDuplicate {
    pub duplicate: LikelyDuplicate,
    pub low: PersonId,
    pub high: PersonId,
}

impl PossibleDuplicate {
    pub fn all_of(person: PersonId, found: Vec<LikelyDuplicate>) -> Vec<PossibleDuplicate> {
        found
            .into_iter()
            .map(|duplicate| PossibleDuplicate {
                low: person.min(duplicate.id),
                high: person.max(duplicate.id),
                duplicate,
            })
            .collect()
    }
}
