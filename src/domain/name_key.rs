//! The one key names are matched by: the people search, the import, duplicates, company
//! uniqueness.
//!
//! It is computed here and nowhere else. PostgreSQL's `lower()` follows the server's locale
//! (under C it folds A–Z only), so the database never derives the key: the models store it
//! beside the name (`person.name_key`, `company.name_key`) and queries compare that column
//! with this function's answer, byte for byte, on a server of any locale.
//! Changing what this function answers for a stored name means resetting those columns to ''
//! in a migration: `db::name_keys` fills them again at startup (the migration
//! `name_key_umlauts` did so when the German spellings below came in).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The matching key of a name: case, accents, compatibility forms (full-width letters,
/// ligatures), spacing, German umlaut spellings and the punctuation inside names do not count.
/// "Jürgen Groß-Öztürk", "JUERGEN GROSS OEZTUERK" and "jurgen  gross-ozturk" share one key,
/// as do "O'Brien" and "OBrien". Letters that are not a letter and an accent stay apart from
/// their look-alikes: "Sørensen" is not "Sorensen", "Łukasz" not "Lukasz", "æ" not "ae".
pub fn name_key(name: &str) -> String {
    key(name, End::Closed)
}

/// The key of what is typed into a search, to be found within the keys of names: as
/// `name_key`, except that the fragment's last word may go on, so its final "ae", "oe" or "ue"
/// may be the start of an umlaut's spelling ("Mue" finds "Müller", whose key has "mu"). The
/// search key of a whole name is always a prefix of its `name_key`, so a name finds itself.
pub fn name_search_key(fragment: &str) -> String {
    key(fragment, End::Open)
}

/// Whether the text ends where its last word ends (a name) or may go on (a search fragment).
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    Closed,
    Open,
}

fn key(name: &str, end: End) -> String {
    // NFKD would make "´" a space and an accent; as an apostrophe it joins, as "'" does.
    let name: String = name.chars().filter(|c| *c != '\u{B4}').collect();
    // Decomposed first, so accents stand apart from their letters ("İ" is "I" and a dot).
    let bare: String = name.nfkd().filter(|c| !is_accent(*c)).collect();
    // Full case folding: "ß" and "ẞ" become "ss", as "GROSS" does.
    let folded = caseless::default_case_fold_str(&bare);
    // Turkish dotless ı has no fold of its own; "IRMAK" and "ırmak" are one name.
    let dotted: String = folded
        .chars()
        .map(|c| if c == 'ı' { 'i' } else { c })
        .nfkd()
        .filter(|c| !is_accent(*c))
        .nfkc()
        .filter(|c| !is_apostrophe(*c))
        .map(|c| if is_separator(c) { ' ' } else { c })
        .collect();
    let words: Vec<&str> = dotted.split_whitespace().collect();
    let last = words.len().saturating_sub(1);
    let spelled: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, word)| without_umlaut_e(word, end == End::Open && i == last))
        .collect();
    spelled.join(" ")
}

/// Apostrophes join the parts of a name rather than separate them: "O'Brien", "O’Brien" and
/// "OBrien" are one name both ways (as a space they would make "o brien", which "OBrien" is
/// not, since spacing between words counts).
fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '`' | '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{AD}'
    )
}

/// Hyphens, dashes and dots separate parts of a name as a space does: "Jean-Luc" is "Jean Luc",
/// "J.R. Smith" is "J R Smith" ("JeanLuc" stays another name).
fn is_separator(c: char) -> bool {
    matches!(
        c,
        '-' | '.' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{2E3A}' | '\u{2E3B}'
    )
}

/// "ä", "ö" and "ü" have lost their dots by now ("Müller" is "muller"); their German spellings
/// "ae", "oe" and "ue" lose the "e" to match ("Mueller" is "muller" too). Not where the "e" is
/// no umlaut's, as far as a rule can tell without a dictionary, and the key then does not
/// equate the spellings:
/// - at the end of a word: "Joe" stays apart from "Jo", "Sue" from "Su", "Zoe" from "Zo", and
///   so "Andrae" from "Andrä";
/// - after another vowel, a diphthong's: "Bauer" stays apart from "Baur", "Neuer" from "Neur"
///   (while "Bäuerle" and "Baeuerle" still meet at "bauerle");
/// - in "que": "Jacqueline" stays apart from "Jacquline" (no German "qü").
///
/// Elsewhere the spelling is taken as an umlaut's, which equates some names that are not one:
/// over the 40,515 Latin-script first and last names of the Python package Faker 40.63 (86
/// locales), besides 13 umlaut spellings the rule joined 74 groups without any umlaut, mostly
/// variants of one name ("Braeden" and "Braden", Swiss "Ruedi" and "Rudi", Flemish "Maertens"
/// and "Martens") but also some that are not: "Michael" and "Michal", "Koech" and "Koch",
/// "Naeem" and "Nam", "Boer" and "Bor", "Luena" and "Luna". Such a pair at one company is
/// listed as a duplicate, to be dismissed once.
/// `open_end`: the word may go on (the last word of a search), so its end is no word's end.
fn without_umlaut_e(word: &str, open_end: bool) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == 'e' && umlaut_spelled(&out, chars.get(i + 1).copied(), open_end) {
            continue;
        }
        out.push(c);
    }
    out.into_iter().collect()
}

/// Whether an "e" after `before` (what is kept of the word so far) and before `next` spells an
/// umlaut. On what is kept rather than what was written, so the key of a key is itself: of
/// "Kueer", both "e"s go ("kur"), not just the first ("kuer", which would lose one more).
fn umlaut_spelled(before: &[char], next: Option<char>, open_end: bool) -> bool {
    let [.., vowel] = before else {
        return false;
    };
    if !matches!(vowel, 'a' | 'o' | 'u') {
        return false;
    }
    let ahead = before.len().checked_sub(2).map(|i| before[i]);
    let diphthong = ahead.is_some_and(|a| matches!(a, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'));
    let que = *vowel == 'u' && ahead == Some('q');
    let word_goes_on = match next {
        Some(next) => next.is_alphabetic(),
        None => open_end,
    };
    word_goes_on && !diphthong && !que
}

/// An accent of Latin, Greek or Cyrillic letters: a combining mark from the blocks of general
/// diacritics. Marks of other scripts spell the word (Devanagari vowel signs, Japanese voicing
/// marks) and are kept, or "राम" and "रम" would be one name.
fn is_accent(c: char) -> bool {
    is_combining_mark(c)
        && matches!(c,
            '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}')
}

#[cfg(test)]
mod tests;
