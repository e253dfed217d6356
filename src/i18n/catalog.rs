//! The message catalogues: Fluent files under `templates/locales/<tag>/`, compiled into the
//! binary. Fluent rather than gettext: its messages carry their own plural and gender choices
//! per language (German and English differ in both), its keys are stable names rather than the
//! English sentence, and `fluent-templates` checks the files' syntax at compile time.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

use super::Lang;

fluent_templates::static_loader! {
    static CATALOGUES = {
        locales: "./templates/locales",
        fallback_language: "en",
        // Unicode isolation marks around arguments are for mixed-direction text; in these
        // left-to-right languages they would only end up inside CSV cells and mail subjects.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A message to show: a catalogue key with its arguments, put into words when the reader's
/// language is known (a form error is made before the page that shows it). `Text` carries
/// words that are data, not ours to translate (a database's message, a file's cell).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Key {
        key: Cow<'static, str>,
        args: Vec<(Cow<'static, str>, String)>,
    },
    Text(String),
}

impl Msg {
    pub fn new(key: impl Into<Cow<'static, str>>) -> Self {
        Msg::Key {
            key: key.into(),
            args: Vec::new(),
        }
    }

    /// Words shown as they are.
    pub fn plain(text: impl Into<String>) -> Self {
        Msg::Text(text.into())
    }

    /// The message in the language the input being parsed was typed in (`input::lang`): what
    /// a field's parse error says beside the field it came from. A file's rows are answered in
    /// their importer's language instead (`input::messages_lang`).
    pub fn for_input(&self) -> String {
        self.text(super::input::messages_lang())
    }

    pub fn arg(mut self, name: impl Into<Cow<'static, str>>, value: impl ToString) -> Self {
        if let Msg::Key { args, .. } = &mut self {
            args.push((name.into(), value.to_string()));
        }
        self
    }

    /// The message in `lang`; a key missing from that catalogue falls back to English, and one
    /// missing from English shows as the key itself (`tests/app/i18n` keeps both from
    /// happening in what we ship).
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Msg::Text(text) => text.clone(),
            Msg::Key { key, args } => {
                let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
                    .iter()
                    .map(|(name, value)| (name.clone(), fluent_value(value)))
                    .collect();
                let id = identifier(lang);
                CATALOGUES
                    .try_lookup_complete(&id, key, (!args.is_empty()).then_some(&args))
                    .unwrap_or_else(|| key.to_string())
            }
        }
    }
}

/// A count as a number, so that a message can choose its plural (`{ $count -> [one] ... }`);
/// anything else as text, exactly as given (an id with leading zeros, a formatted amount).
fn fluent_value(value: &str) -> FluentValue<'_> {
    let canonical = !value.is_empty()
        && value.len() <= 15
        && value.bytes().all(|b| b.is_ascii_digit())
        && (value == "0" || !value.starts_with('0'));
    match value.parse::<i64>() {
        Ok(number) if canonical => FluentValue::from(number),
        _ => FluentValue::from(value),
    }
}

impl From<String> for Msg {
    fn from(text: String) -> Self {
        Msg::Text(text)
    }
}

impl From<&str> for Msg {
    fn from(text: &str) -> Self {
        Msg::Text(text.to_owned())
    }
}

/// English words, for logs, the command line and the API's default.
impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

fn identifier(lang: Lang) -> LanguageIdentifier {
    lang.tag()
        .parse()
        .expect("the tags of Lang are valid language identifiers")
}

/// The message in `lang`'s own catalogue only, without falling back to English, with every
/// argument named in `variables` given: for the tests that every key exists in every language
/// and that no translation asks for an argument the code does not give.
pub fn lookup_exact<'a>(
    lang: Lang,
    key: &str,
    variables: impl IntoIterator<Item = &'a String>,
) -> Option<String> {
    let args: HashMap<&str, FluentValue<'_>> = variables
        .into_iter()
        .map(|name| (name.as_str(), FluentValue::from("x")))
        .collect();
    CATALOGUES
        .lookup_single_language(&identifier(lang), key, Some(&args))
        .ok()
}

/// Every message of `lang`'s catalogue files with the arguments it names, read from the files
/// the binary was built from.
pub fn catalogue(
    lang: Lang,
) -> std::io::Result<std::collections::BTreeMap<String, std::collections::BTreeSet<String>>> {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("templates/locales")
        .join(lang.tag());
    let mut messages = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(folder)? {
        let text = std::fs::read_to_string(entry?.path())?;
        let mut current: Option<String> = None;
        // Fluent's convention documents a message's arguments in the comment above it
        // (`# $symbol: ...`); they count as named by the message.
        let mut documented = std::collections::BTreeSet::new();
        for line in text.lines() {
            if let Some(variable) = line.strip_prefix("# $") {
                let name: String = variable
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                documented.insert(name);
                continue;
            }
            let starts_message = line
                .split_once('=')
                .map(|(name, _)| name.trim_end())
                .filter(|name| {
                    name.starts_with(|c: char| c.is_ascii_alphabetic())
                        && name
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                });
            if let Some(name) = starts_message {
                current = Some(name.to_owned());
                messages.insert(name.to_owned(), std::mem::take(&mut documented));
            } else if !line.starts_with(' ') {
                current = None;
                documented.clear();
            }
            if let Some(name) = &current {
                let variables: &mut std::collections::BTreeSet<String> =
                    messages.get_mut(name).expect("entered above");
                for piece in line.split('$').skip(1) {
                    let variable: String = piece
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                        .collect();
                    variables.insert(variable);
                }
            }
        }
    }
    Ok(messages)
}
