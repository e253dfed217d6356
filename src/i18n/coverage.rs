//! The catalogues against the code: every key used exists in every language, every key of one
//! language exists in the others, and templates hold no words of their own.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{Lang, catalogue, lookup_exact};

/// Templates whose words are not in the catalogues yet (none now: a new template starts in
/// the catalogue). The scan below also fails when a listed one has become clean.
const NOT_YET_IN_THE_CATALOGUE: &[&str] = &[];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path, extension: &str, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a readable folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, extension, found);
        } else if path.extension().is_some_and(|e| e == extension) {
            found.push(path);
        }
    }
}

/// The string literals that follow each of `calls` in `text`: `t("nav-people"` → `nav-people`.
fn literal_keys(text: &str, calls: &[&str]) -> Vec<String> {
    let mut keys = Vec::new();
    for call in calls {
        let mut rest = text;
        while let Some(at) = rest.find(call) {
            rest = &rest[at + call.len()..];
            if let Some(end) = rest.find('"') {
                let key = &rest[..end];
                if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                    keys.push(key.to_owned());
                }
            }
        }
    }
    keys
}

fn english() -> std::collections::BTreeMap<String, BTreeSet<String>> {
    catalogue(Lang::En).expect("the English catalogue reads")
}

#[test]
fn every_language_has_every_key_of_every_other_with_the_same_arguments() {
    let english = english();
    for lang in Lang::ALL {
        let messages = catalogue(*lang).expect("readable");
        let keys: BTreeSet<&String> = messages.keys().collect();
        let missing: Vec<_> = english.keys().filter(|k| !keys.contains(k)).collect();
        let extra: Vec<_> = keys.iter().filter(|k| !english.contains_key(**k)).collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        assert!(extra.is_empty(), "{lang} has keys English lacks: {extra:?}");
        for (key, variables) in &messages {
            // A translation may leave an argument out (German needs no plural of a count it
            // writes out), never ask for one the code does not give.
            let unknown: Vec<_> = variables.difference(&english[key]).collect();
            assert!(unknown.is_empty(), "{lang}: {key} asks for {unknown:?}");
            assert!(
                lookup_exact(*lang, key, &english[key]).is_some(),
                "{lang}: {key} does not resolve"
            );
        }
    }
}

fn used_keys_resolve(keys: impl IntoIterator<Item = (String, String)>) -> Vec<String> {
    let english = english();
    let mut missing = Vec::new();
    for (place, key) in keys {
        for lang in Lang::ALL {
            let resolves = english
                .get(&key)
                .is_some_and(|variables| lookup_exact(*lang, &key, variables).is_some());
            if !resolves {
                missing.push(format!("{place} ({lang}): {key}"));
            }
        }
    }
    missing
}

#[test]
fn every_key_the_code_uses_is_in_the_catalogues() {
    let mut sources = Vec::new();
    files(&root().join("templates"), "html", &mut sources);
    files(&root().join("templates"), "txt", &mut sources);
    files(&root().join("src"), "rs", &mut sources);
    let calls = [".t(\"", ".t1(\"", ".t2(\"", ".t3(\"", "Msg::new(\""];
    let used = sources.iter().flat_map(|path| {
        let text = std::fs::read_to_string(path).expect("readable");
        literal_keys(&text, &calls)
            .into_iter()
            .map(|key| (path.display().to_string(), key))
            .collect::<Vec<_>>()
    });
    let missing = used_keys_resolve(used);
    assert!(
        missing.is_empty(),
        "keys used but missing:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_choice_has_a_label_in_every_language() {
    use crate::domain::ChoiceName;
    use crate::domain::*;
    fn keys<T: ChoiceName>() -> Vec<(String, String)> {
        T::all()
            .iter()
            .map(|c| (std::any::type_name::<T>().to_owned(), c.label_key()))
            .collect()
    }
    let all = [
        keys::<CompanyKind>(),
        keys::<Stage>(),
        keys::<PayKind>(),
        keys::<Period>(),
        keys::<Confidence>(),
        keys::<Role>(),
        keys::<Decision>(),
        keys::<ApprovalStatus>(),
        keys::<BatchStatus>(),
    ];
    let missing = used_keys_resolve(all.into_iter().flatten());
    assert!(
        missing.is_empty(),
        "labels missing:\n{}",
        missing.join("\n")
    );
}

/// What a template shows of its own: its text with askama's tags, HTML tags and entities
/// taken out, plus the attributes people read (placeholders, titles, labels for screen
/// readers, button values).
fn own_words(template: &str) -> Vec<String> {
    let mut text = String::new();
    let mut rest = template;
    // askama's expressions, statements and comments, then HTML tags, keeping read attributes.
    while let Some(start) = rest.find(['{', '<', '&']) {
        text.push_str(&rest[..start]);
        rest = &rest[start..];
        let close = if rest.starts_with("{{") {
            "}}"
        } else if rest.starts_with("{%") {
            "%}"
        } else if rest.starts_with("{#") {
            "#}"
        } else if rest.starts_with("<!--") {
            "-->"
        } else if rest.starts_with("<style") {
            "</style>"
        } else if rest.starts_with("<script") {
            "</script>"
        } else if rest.starts_with('<') {
            ">"
        } else if rest.starts_with('&') {
            ";"
        } else {
            text.push_str(&rest[..1]);
            rest = &rest[1..];
            continue;
        };
        let end = rest.find(close).map_or(rest.len(), |e| e + close.len());
        let piece = &rest[..end];
        if piece.starts_with('<') && !piece.starts_with("<!--") {
            for attribute in ["placeholder=\"", "title=\"", "aria-label=\"", "alt=\""] {
                if let Some(at) = piece.find(attribute) {
                    let value = &piece[at + attribute.len()..];
                    let value = value.split('"').next().unwrap_or("");
                    text.push(' ');
                    text.push_str(&own_words(value).join(" "));
                }
            }
        }
        rest = &rest[end..];
    }
    text.push_str(rest);
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn templates_hold_no_words_of_their_own() {
    let folder = root().join("templates");
    let mut templates = Vec::new();
    files(&folder, "html", &mut templates);
    templates.extend({
        let mut texts = Vec::new();
        files(&folder, "txt", &mut texts);
        texts
    });
    let mut worded = Vec::new();
    let mut listed_but_clean = Vec::new();
    for path in templates {
        let name = path
            .strip_prefix(&folder)
            .expect("readable")
            .to_string_lossy()
            .into_owned();
        let words = own_words(&std::fs::read_to_string(&path).expect("readable"));
        let listed = NOT_YET_IN_THE_CATALOGUE.contains(&name.as_str());
        match (words.is_empty(), listed) {
            (false, false) => worded.push(format!("{name}: {}", words.join(" "))),
            (true, true) => listed_but_clean.push(name),
            _ => {}
        }
    }
    assert!(
        worded.is_empty(),
        "words outside the catalogue:\n{}",
        worded.join("\n")
    );
    assert!(
        listed_but_clean.is_empty(),
        "take these off NOT_YET_IN_THE_CATALOGUE: {listed_but_clean:?}"
    );
}

#[test]
fn the_scan_sees_text_and_read_attributes_but_not_markup() {
    let words = own_words(
        r#"<p class="x">{{ layout.t("menu") }} Hello {% if y %}<input placeholder="Type here">{% endif %}</p>"#,
    );
    assert_eq!(words, ["Hello", "Type", "here"]);
    assert!(own_words(r#"<a href="/people">{{ layout.t("nav-people") }}</a> &middot;"#).is_empty());
}
