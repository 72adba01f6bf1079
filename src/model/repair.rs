//! Mending what a session file may hold that edits no longer allow, so such a file still opens.
//!
//! Older Harvests kept an idea's links when it was moved out of "What would make a
//! difference", and the links to a problem moved out of "Not so good"; files and imports may
//! also hold negative votes. Today's edits never make any of these, and
//! [`Session::validate`] refuses them, so loading mends them first and says what it did.

use super::{CardId, Category, Session};
use std::collections::{HashMap, HashSet};

/// One thing [`Session::repair`] changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Repair {
    #[error("card {card} had {votes} votes; it now has 0, as votes cannot go below zero")]
    NegativeVotes { card: CardId, votes: i32 },
    #[error(
        "card {card} no longer answers card {answered}: only ideas answer, and only problems are answered"
    )]
    StrayAnswer { card: CardId, answered: CardId },
    #[error("card {card} answered card {answered} twice; it now answers it once")]
    RepeatedAnswer { card: CardId, answered: CardId },
}

impl Session {
    /// Mends negative votes and links that only an older Harvest could make, and returns
    /// what it changed. Links to cards that do not exist are left for
    /// [`Session::validate`] to report: those mean the file is damaged.
    pub fn repair(&mut self) -> Vec<Repair> {
        let categories: HashMap<CardId, Category> =
            self.cards.iter().map(|c| (c.id, c.category)).collect();
        let mut repairs = Vec::new();
        for card in &mut self.cards {
            if card.votes < 0 {
                repairs.push(Repair::NegativeVotes {
                    card: card.id,
                    votes: card.votes,
                });
                card.votes = 0;
            }
            if card.answers.is_empty() {
                continue;
            }
            let idea = card.category == Category::MakeADifference;
            let mut seen = HashSet::new();
            let id = card.id;
            card.answers.retain(|&answered| {
                let fits = match categories.get(&answered) {
                    Some(category) => idea && *category == Category::NotSoGood,
                    None => true,
                };
                if !fits {
                    repairs.push(Repair::StrayAnswer { card: id, answered });
                } else if !seen.insert(answered) {
                    repairs.push(Repair::RepeatedAnswer { card: id, answered });
                    return false;
                }
                fits
            });
        }
        repairs
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Card, Category, Session};

    #[test]
    fn mends_votes_and_links_and_leaves_a_sound_session_alone() {
        let mut session = Session::new("Old file");
        let group = session.groups[0].id;
        let problem = Card::new(group, Category::NotSoGood, "Forms are long");
        let good = Card::new(group, Category::Good, "Kind staff");
        let mut idea = Card::new(group, Category::MakeADifference, "One form");
        idea.answers = vec![problem.id, good.id, problem.id];
        let mut moved_idea = Card::new(group, Category::Good, "Was an idea");
        moved_idea.answers = vec![problem.id];
        moved_idea.votes = -2;
        session.cards = vec![problem.clone(), good, idea, moved_idea];
        assert!(session.validate().is_err());

        let repairs = session.repair();
        assert_eq!(repairs.len(), 4, "{repairs:?}");
        assert_eq!(session.validate(), Ok(()));
        assert_eq!(session.cards[2].answers, [problem.id]);
        assert!(session.cards[3].answers.is_empty());
        assert_eq!(session.cards[3].votes, 0);
        assert!(repairs[0].to_string().contains("no longer answers"));

        let mended = session.clone();
        assert!(session.repair().is_empty());
        assert_eq!(session, mended);
    }
}
