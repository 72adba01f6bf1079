//! The session's invariants, checked in one place: after loading a file and in tests. Every
//! [`crate::edit::Edit`] keeps them; what older files may hold that edits no longer allow is
//! mended on loading by [`Session::repair`] first.

use super::{CardId, Category, Session};
use std::collections::{HashMap, HashSet};

/// Why a session does not hold together.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("the id {0} is used more than once")]
    DuplicateId(String),
    #[error("card {card} belongs to group {group}, which does not exist")]
    MissingGroup { card: CardId, group: String },
    #[error("card {card} has theme {theme}, which does not exist")]
    MissingTheme { card: CardId, theme: String },
    #[error("card {card} answers card {answered}, which does not exist")]
    MissingAnsweredCard { card: CardId, answered: CardId },
    #[error("card {card} lists theme {theme} twice")]
    RepeatedTheme { card: CardId, theme: String },
    #[error("card {card} answers other cards, but only “What would make a difference” cards can")]
    AnswersFromNonIdea { card: CardId },
    #[error("card {card} answers card {answered}, which is not a “Not so good” card")]
    AnswersNonProblem { card: CardId, answered: CardId },
    #[error("card {card} answers card {answered} twice")]
    RepeatedAnswer { card: CardId, answered: CardId },
    #[error("card {card} has {votes} votes; votes cannot go below zero")]
    NegativeVotes { card: CardId, votes: i32 },
}

impl Session {
    /// Checks that every id is unique, everything a card points at exists, only ideas answer
    /// and only problems are answered, and no card has fewer than zero votes.
    pub fn validate(&self) -> Result<(), Invalid> {
        let mut seen =
            HashSet::with_capacity(self.groups.len() + self.themes.len() + self.cards.len());
        let ids = (self
            .groups
            .iter()
            .map(|g| (g.id.as_u128(), g.id.to_string())))
        .chain(
            self.themes
                .iter()
                .map(|t| (t.id.as_u128(), t.id.to_string())),
        )
        .chain((self.people.iter()).map(|p| (p.id.as_u128(), p.id.to_string())))
        .chain((self.actions.iter()).map(|a| (a.id.as_u128(), a.id.to_string())));
        for (number, text) in ids {
            if !seen.insert(number) {
                return Err(Invalid::DuplicateId(text));
            }
        }
        // Cards are most of a session: compare numbers, and spell out only a duplicate.
        for card in &self.cards {
            if !seen.insert(card.id.as_u128()) {
                return Err(Invalid::DuplicateId(card.id.to_string()));
            }
        }
        let groups: HashSet<_> = self.groups.iter().map(|g| g.id).collect();
        let themes: HashSet<_> = self.themes.iter().map(|t| t.id).collect();
        let categories: HashMap<_, _> = self.cards.iter().map(|c| (c.id, c.category)).collect();
        for card in &self.cards {
            if !groups.contains(&card.group) {
                return Err(Invalid::MissingGroup {
                    card: card.id,
                    group: card.group.to_string(),
                });
            }
            // A card has a handful of themes: looking back along the list beats a set.
            for (at, theme) in card.themes.iter().enumerate() {
                if !themes.contains(theme) {
                    return Err(Invalid::MissingTheme {
                        card: card.id,
                        theme: theme.to_string(),
                    });
                }
                if card.themes[..at].contains(theme) {
                    return Err(Invalid::RepeatedTheme {
                        card: card.id,
                        theme: theme.to_string(),
                    });
                }
            }
            if card.votes < 0 {
                return Err(Invalid::NegativeVotes {
                    card: card.id,
                    votes: card.votes,
                });
            }
            check_answers(card, &categories)?;
        }
        Ok(())
    }
}

/// An idea's answers: existing "Not so good" cards, each once; any other card answers nothing.
fn check_answers(
    card: &super::Card,
    categories: &HashMap<CardId, Category>,
) -> Result<(), Invalid> {
    if card.answers.is_empty() {
        return Ok(());
    }
    if card.category != Category::MakeADifference {
        return Err(Invalid::AnswersFromNonIdea { card: card.id });
    }
    for (at, &answered) in card.answers.iter().enumerate() {
        let problem = categories
            .get(&answered)
            .ok_or(Invalid::MissingAnsweredCard {
                card: card.id,
                answered,
            })?;
        if *problem != Category::NotSoGood {
            return Err(Invalid::AnswersNonProblem {
                card: card.id,
                answered,
            });
        }
        if card.answers[..at].contains(&answered) {
            return Err(Invalid::RepeatedAnswer {
                card: card.id,
                answered,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Invalid;
    use crate::model::{Card, Category, Group, Session, Theme, ThemeId};

    fn session_with_card() -> Session {
        let mut session = Session::new("Test");
        let group = session.groups[0].id;
        session
            .cards
            .push(Card::new(group, Category::Good, "Direct payments help"));
        session
    }

    #[test]
    fn a_consistent_session_is_valid() {
        assert_eq!(session_with_card().validate(), Ok(()));
    }

    #[test]
    fn finds_a_card_whose_group_is_gone() {
        let mut session = session_with_card();
        session.groups.clear();
        assert!(
            session
                .validate()
                .unwrap_err()
                .to_string()
                .contains("does not exist")
        );
    }

    #[test]
    fn finds_a_missing_or_repeated_theme() {
        let mut session = session_with_card();
        session.cards[0].themes.push(ThemeId::new());
        assert!(
            session
                .validate()
                .unwrap_err()
                .to_string()
                .contains("has theme")
        );

        let mut session = session_with_card();
        let theme = Theme::new("Carers", 0);
        session.cards[0].themes = vec![theme.id, theme.id];
        session.themes.push(theme);
        assert!(
            session
                .validate()
                .unwrap_err()
                .to_string()
                .contains("twice")
        );
    }

    #[test]
    fn finds_duplicate_ids_across_kinds() {
        let mut session = session_with_card();
        let copy = session.groups[0].clone();
        session.groups.push(copy);
        assert!(
            session
                .validate()
                .unwrap_err()
                .to_string()
                .contains("more than once")
        );

        let mut session = session_with_card();
        let mut group = Group::new("Other");
        group.id = session.groups[0].id;
        session.groups.push(group);
        assert!(session.validate().is_err());
    }

    #[test]
    fn only_ideas_answer_and_only_problems_are_answered() {
        let mut session = session_with_card();
        let group = session.groups[0].id;
        let problem = Card::new(group, Category::NotSoGood, "Forms are long");
        let mut idea = Card::new(group, Category::MakeADifference, "One form");
        idea.answers = vec![problem.id];
        session.cards.extend([problem, idea]);
        assert_eq!(session.validate(), Ok(()));

        let mut answers_good = session.clone();
        answers_good.cards[2].answers = vec![answers_good.cards[0].id];
        assert!(matches!(
            answers_good.validate(),
            Err(Invalid::AnswersNonProblem { .. })
        ));
        let mut moved_idea = session.clone();
        moved_idea.cards[2].category = Category::Good;
        assert!(matches!(
            moved_idea.validate(),
            Err(Invalid::AnswersFromNonIdea { .. })
        ));
        let mut twice = session.clone();
        let problem = twice.cards[1].id;
        twice.cards[2].answers.push(problem);
        assert!(matches!(
            twice.validate(),
            Err(Invalid::RepeatedAnswer { .. })
        ));
    }

    #[test]
    fn finds_negative_votes() {
        let mut session = session_with_card();
        session.cards[0].votes = -1;
        assert!(
            session
                .validate()
                .unwrap_err()
                .to_string()
                .contains("below zero")
        );
    }
}
