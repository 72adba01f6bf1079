//! What merging one file changed, counted for the CLI, the merge preview and the notices.

use crate::model::{Card, CardId, GroupId, Session, ThemeId};
use crate::summary::words::{people, plural};
use std::collections::{HashMap, HashSet};

/// What merging one file into a session changed there.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// The file, as named in its [`Side`].
    pub from: String,
    pub new_cards: usize,
    pub changed_cards: usize,
    pub deleted_cards: usize,
    /// Cards with a conflict that was not there before.
    pub conflicts: usize,
    pub new_groups: usize,
    pub new_themes: usize,
    /// Details fields (title, venue, …) that differed; the later change was kept.
    pub details: Vec<&'static str>,
    /// People withdrawn in one file but changed in the other without knowing, whose later
    /// version (with any details it holds) was kept: the organiser must look at them.
    pub withdrawn_changed: usize,
}

impl Report {
    /// Whether merging the file changed nothing.
    pub fn is_empty(&self) -> bool {
        *self
            == Report {
                from: self.from.clone(),
                ..Report::default()
            }
    }

    /// Everything several files brought, counted together.
    pub fn total(reports: &[Report]) -> Report {
        let mut total = Report::default();
        for report in reports {
            total.new_cards += report.new_cards;
            total.changed_cards += report.changed_cards;
            total.deleted_cards += report.deleted_cards;
            total.conflicts += report.conflicts;
            total.new_groups += report.new_groups;
            total.new_themes += report.new_themes;
            total.withdrawn_changed += report.withdrawn_changed;
            for field in &report.details {
                if !total.details.contains(field) {
                    total.details.push(field);
                }
            }
        }
        total
    }

    /// What the organiser must look at: "1 person withdrawn in one file but changed in
    /// another: check the register".
    pub fn to_check(&self) -> Option<String> {
        let n = u32::try_from(self.withdrawn_changed).unwrap_or(u32::MAX);
        (n > 0).then(|| {
            format!(
                "{} withdrawn in one file but changed in another: check the register",
                people(n)
            )
        })
    }

    /// "table-3.ron: 46 new cards, 1 deleted, 1 conflict", or "table-3.ron: nothing new".
    pub fn describe(&self) -> String {
        format!("{}: {}", self.from, self.changes())
    }

    /// "46 new cards, 1 deleted, 1 conflict", or "nothing new".
    pub fn changes(&self) -> String {
        let mut parts = Vec::new();
        let mut count = |n: usize, words: String| {
            if n > 0 {
                parts.push(words);
            }
        };
        count(self.new_cards, plural(self.new_cards, "new card"));
        count(
            self.changed_cards,
            format!("{} changed", self.changed_cards),
        );
        count(
            self.deleted_cards,
            format!("{} deleted", self.deleted_cards),
        );
        count(self.conflicts, plural(self.conflicts, "conflict"));
        count(self.new_groups, plural(self.new_groups, "new group"));
        count(self.new_themes, plural(self.new_themes, "new theme"));
        parts.extend(self.to_check());
        if !self.details.is_empty() {
            parts.push(format!("details differed ({})", self.details.join(", ")));
        }
        if parts.is_empty() {
            "nothing new".to_owned()
        } else {
            parts.join(", ")
        }
    }
}

/// What changed in `before` to make `after`.
pub(super) fn report(
    before: &Session,
    after: &Session,
    from: &str,
    details: Vec<&'static str>,
) -> Report {
    let old: HashMap<CardId, &Card> = before.cards.iter().map(|c| (c.id, c)).collect();
    let mut report = Report {
        from: from.to_owned(),
        details,
        ..Report::default()
    };
    let mut still = 0;
    for card in &after.cards {
        match old.get(&card.id) {
            None => report.new_cards += 1,
            Some(was) => {
                still += 1;
                if !was.same_content(card) {
                    report.changed_cards += 1;
                }
                if !card.others.is_empty() && was.others != card.others {
                    report.conflicts += 1;
                }
            }
        }
        if !card.others.is_empty() && !old.contains_key(&card.id) {
            report.conflicts += 1;
        }
    }
    report.deleted_cards = before.cards.len() - still;
    let groups: HashSet<GroupId> = before.groups.iter().map(|g| g.id).collect();
    report.new_groups = after
        .groups
        .iter()
        .filter(|g| !groups.contains(&g.id))
        .count();
    let themes: HashSet<ThemeId> = before.themes.iter().map(|t| t.id).collect();
    report.new_themes = after
        .themes
        .iter()
        .filter(|t| !themes.contains(&t.id))
        .count();
    report
}

#[cfg(test)]
mod tests {
    use super::Report;

    #[test]
    fn says_what_a_file_brought_in_a_few_words() {
        let report = Report {
            from: "table-3.ron".into(),
            new_cards: 46,
            deleted_cards: 1,
            conflicts: 1,
            ..Report::default()
        };
        assert_eq!(
            report.describe(),
            "table-3.ron: 46 new cards, 1 deleted, 1 conflict"
        );
        let nothing = Report {
            from: "table-3.ron".into(),
            ..Report::default()
        };
        assert_eq!(nothing.describe(), "table-3.ron: nothing new");
    }
}
