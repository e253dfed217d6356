//! Column headings that sort a list: a link per column, the current one marked with its
//! direction (and `aria-sort`), a second click reversing it.

use crate::domain::ChoiceName;
use crate::i18n::Lang;

pub struct SortHeader {
    /// The order's name in links.
    pub name: &'static str,
    /// In the reader's language.
    pub label: String,
    pub href: String,
    /// `Some(descending)` for the column the list is sorted by.
    pub current: Option<bool>,
}

impl SortHeader {
    /// A heading per order of `T`; `filtered` is the list's path and query without its order
    /// (ending in `?` or `&`).
    pub fn all<T: ChoiceName + PartialEq>(
        filtered: &str,
        sort: T,
        descending: bool,
        lang: Lang,
    ) -> Vec<Self> {
        T::all()
            .iter()
            .map(|&s| {
                let current = (s == sort).then_some(descending);
                let dir = if current == Some(false) {
                    "desc"
                } else {
                    "asc"
                };
                SortHeader {
                    name: s.as_str(),
                    label: s.label_in(lang),
                    href: format!("{filtered}sort={}&dir={dir}", s.as_str()),
                    current,
                }
            })
            .collect()
    }

    /// The heading of the order called `name` (one of those `all` made).
    pub fn find<'a>(headers: &'a [SortHeader], name: &str) -> &'a SortHeader {
        headers
            .iter()
            .find(|h| h.name == name)
            .unwrap_or(&headers[0])
    }

    /// The value of `aria-sort`.
    pub fn aria_sort(&self) -> &'static str {
        match self.current {
            None => "none",
            Some(false) => "ascending",
            Some(true) => "descending",
        }
    }

    pub fn arrow(&self) -> &'static str {
        match self.current {
            None => "",
            Some(false) => " ▲",
            Some(true) => " ▼",
        }
    }
}

/// A list's `sort` and `dir` parameters: an order of `T` (its default when not given) and
/// whether it is descending. A wrong value is named in the answer.
pub fn parse_order<T: ChoiceName + Default>(
    sort: Option<&str>,
    dir: Option<&str>,
    list: &str,
) -> Result<(T, bool), crate::error::AppError> {
    use crate::error::AppError;
    let order = match sort {
        None => T::default(),
        Some(name) => T::all()
            .iter()
            .copied()
            .find(|s| s.as_str() == name)
            .ok_or_else(|| {
                AppError::Unprocessable(format!("The {list} cannot be sorted by “{name}”."))
            })?,
    };
    let descending = match dir {
        None | Some("asc") => false,
        Some("desc") => true,
        Some(other) => {
            return Err(AppError::Unprocessable(format!(
                "“{other}” is not a sort direction (asc or desc)."
            )));
        }
    };
    Ok((order, descending))
}
