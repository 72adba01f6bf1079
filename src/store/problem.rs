use std::fmt;

/// A place in a text file, counted from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

/// What is wrong with a file, said so a person can find and fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub position: Option<Position>,
    /// The line at `position`, shown under the message.
    pub line_text: Option<String>,
    /// What to do about it.
    pub hint: Option<String>,
}

impl Problem {
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            position: None,
            line_text: None,
            hint: None,
        }
    }

    /// Places the problem in `text`, keeping the offending line to show.
    pub fn at(mut self, position: Position, text: &str) -> Self {
        self.position = Some(position);
        self.line_text = text
            .lines()
            .nth(position.line.saturating_sub(1))
            .map(|line| line.chars().take(200).collect());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// `FILE:LINE:COL: message` (or `FILE: message`), then the line and the hint if any.
    pub fn report(&self, file: &str) -> String {
        let mut out = match self.position {
            Some(Position { line, col }) => format!("{file}:{line}:{col}: {}", self.message),
            None => format!("{file}: {}", self.message),
        };
        if let Some(line) = &self.line_text {
            out.push_str(&format!("\n    | {line}"));
        }
        if let Some(hint) = &self.hint {
            out.push_str(&format!("\n    hint: {hint}"));
        }
        out
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
