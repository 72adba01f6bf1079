//! Card text to terms: English words, lowercased, without stop words, stemmed.
//!
//! Suggestions must explain themselves, so every term remembers how it was written
//! (its surface form) as well as the stem it counts as.

use rust_stemmers::{Algorithm, Stemmer};

/// One word of a card as written (`surface`) and lowercased (`lower`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub surface: &'a str,
    pub lower: String,
}

/// Splits text into words: letters and digits, with apostrophes kept inside words
/// ("don't") and a possessive "'s" dropped ("children's" is "children").
/// Hyphens, slashes and other punctuation separate words.
pub fn words(text: &str) -> impl Iterator<Item = Word<'_>> {
    text.split(|c: char| !(c.is_alphanumeric() || is_apostrophe(c)))
        .map(|piece| piece.trim_matches(is_apostrophe))
        .filter(|piece| !piece.is_empty())
        .map(|piece| {
            let surface = strip_possessive(piece);
            let lower = surface
                .chars()
                .filter(|c| !is_apostrophe(*c))
                .flat_map(char::to_lowercase)
                .collect();
            Word { surface, lower }
        })
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}')
}

fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return stem;
        }
    }
    word
}

/// Turns lowercased words into the terms that suggestions compare.
pub struct Analyzer {
    stemmer: Stemmer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }
}

impl Analyzer {
    /// The term a word counts as, or None for a word that carries no topic: stop words,
    /// numbers and single letters.
    pub fn term(&self, word: &Word<'_>) -> Option<String> {
        let lower = word.lower.as_str();
        if lower.chars().count() < 2
            || lower.chars().all(|c| c.is_ascii_digit())
            || is_stop_word(lower)
        {
            return None;
        }
        // An acronym's plural ("PAs", "GPs") means the acronym; Snowball would keep the "s".
        if let Some(acronym) = acronym_plural(word.surface) {
            return Some(acronym.to_lowercase());
        }
        Some(self.stemmer.stem(lower).into_owned())
    }

    /// The terms of a whole text, in order, with the words they came from.
    pub fn terms<'a>(&self, text: &'a str) -> Vec<(String, Word<'a>)> {
        words(text)
            .filter_map(|word| Some((self.term(&word)?, word)))
            .collect()
    }
}

/// "PAs" → "PA": two or more capitals followed by a lowercase "s".
fn acronym_plural(surface: &str) -> Option<&str> {
    let acronym = surface.strip_suffix('s')?;
    (acronym.chars().count() >= 2 && acronym.chars().all(|c| c.is_uppercase())).then_some(acronym)
}

/// How a word is shown in a suggestion: acronyms as written ("PA", "BSL"), the rest lowercase.
pub fn display_form(word: &Word<'_>) -> String {
    let letters = word.surface.chars().filter(|c| c.is_alphabetic()).count();
    if let Some(acronym) = acronym_plural(word.surface) {
        return acronym.to_owned();
    }
    if letters >= 2 && word.surface.chars().all(|c| !c.is_lowercase()) {
        word.surface.to_owned()
    } else {
        word.lower.clone()
    }
}

/// Whether a lowercased word is too common to say what a card is about: English function
/// words, plus the filler of workshop talk ("really", "lots", "things").
pub fn is_stop_word(lower: &str) -> bool {
    STOP_WORDS.binary_search(&lower).is_ok()
}

/// Sorted, so it can be binary searched. Apostrophes are already removed ("dont").
const STOP_WORDS: &[&str] = &[
    "able",
    "about",
    "above",
    "across",
    "actually",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "anyone",
    "anything",
    "are",
    "arent",
    "around",
    "as",
    "ask",
    "asked",
    "at",
    "away",
    "back",
    "bad",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "best",
    "better",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cannot",
    "cant",
    "certain",
    "could",
    "couldnt",
    "did",
    "didnt",
    "difference",
    "do",
    "does",
    "doesnt",
    "doing",
    "done",
    "dont",
    "down",
    "during",
    "each",
    "eg",
    "either",
    "else",
    "enough",
    "especially",
    "etc",
    "even",
    "ever",
    "every",
    "everyone",
    "everything",
    "feel",
    "felt",
    "few",
    "first",
    "five",
    "for",
    "four",
    "from",
    "further",
    "generally",
    "get",
    "gets",
    "getting",
    "give",
    "given",
    "go",
    "goes",
    "going",
    "good",
    "got",
    "great",
    "had",
    "hadnt",
    "has",
    "hasnt",
    "have",
    "havent",
    "having",
    "he",
    "hed",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "id",
    "ie",
    "if",
    "ill",
    "im",
    "in",
    "into",
    "is",
    "isnt",
    "it",
    "itd",
    "itll",
    "its",
    "itself",
    "ive",
    "just",
    "keep",
    "kind",
    "know",
    "last",
    "least",
    "less",
    "let",
    "lets",
    "like",
    "little",
    "lot",
    "lots",
    "made",
    "make",
    "makes",
    "making",
    "many",
    "may",
    "maybe",
    "me",
    "mean",
    "means",
    "might",
    "mine",
    "more",
    "most",
    "much",
    "must",
    "mustnt",
    "my",
    "myself",
    "need",
    "needed",
    "needs",
    "neither",
    "never",
    "new",
    "next",
    "no",
    "nobody",
    "none",
    "nor",
    "not",
    "nothing",
    "now",
    "of",
    "off",
    "often",
    "ok",
    "okay",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "ought",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "particular",
    "people",
    "per",
    "perhaps",
    "please",
    "pretty",
    "quite",
    "rather",
    "really",
    "right",
    "said",
    "same",
    "say",
    "says",
    "second",
    "see",
    "seem",
    "seems",
    "several",
    "shall",
    "she",
    "shed",
    "shes",
    "should",
    "shouldnt",
    "since",
    "so",
    "some",
    "someone",
    "something",
    "sometimes",
    "somewhat",
    "still",
    "such",
    "sure",
    "take",
    "than",
    "thank",
    "thanks",
    "that",
    "thats",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "theres",
    "these",
    "they",
    "theyd",
    "theyll",
    "theyre",
    "theyve",
    "thing",
    "things",
    "think",
    "this",
    "those",
    "though",
    "three",
    "through",
    "thus",
    "to",
    "too",
    "towards",
    "try",
    "two",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "use",
    "used",
    "using",
    "usually",
    "very",
    "via",
    "want",
    "wanted",
    "wants",
    "was",
    "wasnt",
    "way",
    "we",
    "wed",
    "well",
    "were",
    "werent",
    "weve",
    "what",
    "whats",
    "when",
    "whenever",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whole",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "wont",
    "would",
    "wouldnt",
    "yeah",
    "yes",
    "yet",
    "you",
    "youd",
    "youll",
    "your",
    "youre",
    "yours",
    "yourself",
    "yourselves",
    "youve",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        Analyzer::default()
            .terms(text)
            .into_iter()
            .map(|(term, _)| term)
            .collect()
    }

    #[test]
    fn stop_word_list_is_sorted_and_lowercase() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(
            STOP_WORDS
                .iter()
                .all(|w| w.chars().all(|c| c.is_ascii_lowercase()))
        );
    }

    #[test]
    fn plural_and_singular_share_a_stem() {
        assert_eq!(terms("payments"), terms("payment"));
        assert_eq!(terms("Carers'"), terms("carer"));
        assert_eq!(terms("assessments"), terms("assessment"));
        assert_eq!(terms("waiting"), terms("wait"));
    }

    #[test]
    fn stop_words_numbers_and_filler_are_dropped() {
        assert_eq!(
            terms("It would really make a difference to us"),
            Vec::<String>::new()
        );
        assert_eq!(terms("Pay within 14 days"), vec!["pay", "day"]);
        assert!(is_stop_word("the"));
        assert!(is_stop_word("dont"));
        assert!(!is_stop_word("payroll"));
    }

    #[test]
    fn punctuation_splits_and_apostrophes_join() {
        let lower: Vec<String> = words("Plain-English leaflets; don't use jargon! (children's)")
            .map(|w| w.lower)
            .collect();
        assert_eq!(
            lower,
            [
                "plain", "english", "leaflets", "dont", "use", "jargon", "children"
            ]
        );
        assert_eq!(terms("Don\u{2019}t use \u{2018}ISF\u{2019}"), vec!["isf"]);
    }

    #[test]
    fn short_acronyms_are_kept_and_shown_as_written() {
        assert_eq!(terms("my PA"), vec!["pa"]);
        assert_eq!(terms("their PAs"), vec!["pa"]);
        let shown: Vec<String> = words("PAs and BSL video")
            .map(|w| display_form(&w))
            .collect();
        assert_eq!(shown, ["PA", "and", "BSL", "video"]);
    }
}
