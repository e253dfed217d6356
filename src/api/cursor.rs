//! List pages by an opaque cursor: where the last page ended (the last id, as every list is in
//! id order), so a page never repeats or skips a record that others add meanwhile, and a deep
//! page costs what the first does.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rocket::http::Status;

use super::problem::Problem;

/// Records on a page unless `limit` says otherwise, and at most.
pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 200;

/// The cursor that continues after the record `id`.
pub fn after(id: i64) -> String {
    URL_SAFE_NO_PAD.encode(format!("after:{id}"))
}

/// The id a cursor continues after (`None`: from the start).
pub fn parse(cursor: Option<&str>) -> Result<Option<i64>, Problem> {
    let Some(cursor) = cursor.filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| text.strip_prefix("after:")?.parse().ok())
        .map(Some)
        .ok_or_else(|| {
            Problem::new(
                Status::UnprocessableEntity,
                "The cursor is not one this API gave: start from the first page.",
            )
        })
}

/// How many records a page holds.
pub fn limit(limit: Option<i64>) -> Result<i64, Problem> {
    match limit {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(_) => Err(Problem::new(
            Status::UnprocessableEntity,
            format!("limit is from 1 to {MAX_LIMIT}."),
        )),
    }
}

/// The page's records (one more than `limit` was loaded, to know whether more follow) and the
/// cursor to the next page, if there is one.
pub fn page<T>(mut rows: Vec<T>, limit: i64, id: impl Fn(&T) -> i64) -> (Vec<T>, Option<String>) {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    if rows.len() > limit {
        rows.truncate(limit);
        let next = rows.last().map(|row| after(id(row)));
        (rows, next)
    } else {
        (rows, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_reads_back_and_nothing_else_does() {
        assert_eq!(parse(Some(&after(42))).ok(), Some(Some(42)));
        assert_eq!(parse(None).ok(), Some(None));
        assert!(parse(Some("after:42")).is_err());
        assert!(parse(Some("!!")).is_err());
    }
}
