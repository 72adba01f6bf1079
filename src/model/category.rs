use serde::{Deserialize, Serialize};

/// The three questions every group answers.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Category {
    #[default]
    Good,
    NotSoGood,
    MakeADifference,
}

impl Category {
    /// In the order they are asked and shown.
    pub const ALL: [Category; 3] = [
        Category::Good,
        Category::NotSoGood,
        Category::MakeADifference,
    ];

    /// The name people see.
    pub fn label(self) -> &'static str {
        match self {
            Category::Good => "Good",
            Category::NotSoGood => "Not so good",
            Category::MakeADifference => "What would make a difference",
        }
    }

    /// A short name for tight places (column counts, CSV).
    pub fn short_label(self) -> &'static str {
        match self {
            Category::Good => "Good",
            Category::NotSoGood => "Not so good",
            Category::MakeADifference => "Difference",
        }
    }

    /// Position in [`Category::ALL`].
    pub fn index(self) -> usize {
        match self {
            Category::Good => 0,
            Category::NotSoGood => 1,
            Category::MakeADifference => 2,
        }
    }

    /// Reads a category as people write it in a spreadsheet: any case, with spaces or dashes,
    /// and the short form "difference".
    pub fn parse(text: &str) -> Option<Category> {
        let words: Vec<String> = text
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        match words.join(" ").as_str() {
            "good" => Some(Category::Good),
            "not so good" | "notsogood" => Some(Category::NotSoGood),
            "what would make a difference" | "difference" | "make a difference" => {
                Some(Category::MakeADifference)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_spellings_people_use() {
        assert_eq!(Category::parse("Good"), Some(Category::Good));
        assert_eq!(Category::parse(" NOT SO GOOD "), Some(Category::NotSoGood));
        assert_eq!(Category::parse("not-so-good"), Some(Category::NotSoGood));
        assert_eq!(
            Category::parse("What would make a difference"),
            Some(Category::MakeADifference)
        );
        assert_eq!(
            Category::parse("difference"),
            Some(Category::MakeADifference)
        );
        assert_eq!(Category::parse("bad"), None);
        assert_eq!(Category::parse(""), None);
    }
}
