//! The orders of the people list, each defined once for the pages, their cursors and the
//! exports.

use std::sync::LazyLock;

use crate::domain::Stage;

/// The orders of the people list. Each is defined once, in `definition`: the name links
/// carry, the label the page shows, and the key as SQL, which the list's keyset pages and the
/// exports both sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PersonSort {
    #[default]
    Name,
    Stage,
    Origin,
    Hiring,
    /// By start date, or the decision date where no start date is known.
    Started,
    Updated,
}

/// A stage's place in the pipeline, so stages sort as `Stage` lists them.
static PIPELINE_POSITION: LazyLock<String> = LazyLock::new(|| {
    let names: Vec<String> = Stage::ALL
        .iter()
        .map(|s| format!("'{}'", s.as_str()))
        .collect();
    format!(
        "array_position(ARRAY[{}]::text[], {{p}}.stage)",
        names.join(", ")
    )
});

impl PersonSort {
    pub const ALL: &'static [PersonSort] = &[
        PersonSort::Name,
        PersonSort::Stage,
        PersonSort::Origin,
        PersonSort::Hiring,
        PersonSort::Started,
        PersonSort::Updated,
    ];

    /// (name, label, key, whether the key can be NULL). In the key, `{p}`, `{o}` and `{h}`
    /// stand for the person, origin and hiring company tables.
    fn definition(self) -> (&'static str, &'static str, &'static str, bool) {
        match self {
            PersonSort::Name => ("name", "Name", "{p}.full_name", false),
            PersonSort::Stage => ("stage", "Stage", PIPELINE_POSITION.as_str(), false),
            PersonSort::Origin => ("origin_company", "Origin company", "{o}.name", true),
            PersonSort::Hiring => ("hiring_company", "Hiring company", "{h}.name", true),
            PersonSort::Started => (
                "start",
                "Start date",
                "coalesce({p}.start_on, {p}.decided_on)",
                true,
            ),
            PersonSort::Updated => ("updated", "Last updated", "{p}.updated_at", false),
        }
    }

    /// The sort key as SQL over the given table names, and whether it can be NULL.
    pub(crate) fn key(self, people: &str, origins: &str, hirings: &str) -> (String, bool) {
        let (_, _, key, nullable) = self.definition();
        let key = key
            .replace("{p}", people)
            .replace("{o}", origins)
            .replace("{h}", hirings);
        (key, nullable)
    }
}

crate::models::sort_choice!(PersonSort);
