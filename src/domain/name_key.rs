//! The one key names are matched by: the people search, the import, company uniqueness.
//!
//! It is computed here and nowhere else. PostgreSQL's `lower()` follows the server's locale
//! (under C it folds A–Z only), so the database never derives the key: the models store it
//! beside the name (`person.name_key`, `company.name_key`) and queries compare that column
//! with this function's answer, byte for byte, on a server of any locale.
//! Changing what this function answers for a stored name means resetting those columns to ''
//! in a migration: `db::name_keys` fills them again at startup.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The matching key of a name: case, accents, compatibility forms (full-width letters,
/// ligatures) and spacing do not count. "Jürgen Groß-Öztürk", "JURGEN GROSS-OZTURK" and
/// "jurgen  gross-ozturk" share one key.
pub fn name_key(name: &str) -> String {
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
        .collect();
    dotted.split_whitespace().collect::<Vec<_>>().join(" ")
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
mod tests {
    use super::name_key;

    fn same(names: &[&str]) {
        let first = name_key(names[0]);
        for name in &names[1..] {
            assert_eq!(name_key(name), first, "{name} and {}", names[0]);
        }
    }

    #[test]
    fn case_and_accents_do_not_count() {
        same(&["Öztürk", "ÖZTÜRK", "oztürk", "Ozturk"]);
        same(&["Tomás", "Tomas", "TOMÁS"]);
        same(&["Zoë", "Zoe"]);
        same(&["Dvořák", "DVORAK"]);
    }

    #[test]
    fn german_sharp_s_is_ss() {
        same(&["Groß", "GROSS", "gross", "GROẞ"]);
    }

    #[test]
    fn turkish_dotted_and_dotless_i_are_i() {
        same(&["İstanbul", "istanbul", "Istanbul", "ISTANBUL"]);
        same(&["ırmak", "Irmak", "IRMAK"]);
    }

    #[test]
    fn full_width_letters_and_ligatures_are_plain_letters() {
        same(&["ＡＢＣ", "abc", "ABC"]);
        same(&["ﬁnch", "Finch"]);
    }

    #[test]
    fn composed_and_decomposed_spellings_are_one() {
        same(&["Ma\u{308}dchen", "M\u{e4}dchen", "madchen"]);
    }

    #[test]
    fn spacing_does_not_count() {
        same(&[
            "  Ada   Lovelace ",
            "ada lovelace",
            "Ada\u{a0}Lovelace",
            "Ada\u{3000}Lovelace",
        ]);
    }

    #[test]
    fn other_scripts_fold_case_and_keep_their_letters() {
        same(&["ΣΩΚΡΆΤΗΣ", "σωκρατης", "Σωκράτης"]);
        same(&["ДМИТРИЙ", "дмитрий"]);
        assert_ne!(name_key("राम"), name_key("रम"));
        assert_ne!(name_key("が"), name_key("か"));
        assert_eq!(name_key("李小龍"), "李小龍");
    }

    #[test]
    fn different_names_stay_different() {
        assert_ne!(name_key("Müller"), name_key("Miller"));
        assert_ne!(name_key("Ada Lovelace"), name_key("AdaLovelace"));
    }
}
