//! Random runs of edits on the sample workshop, valid and not, single and batched, with undo
//! and redo between them. After every step the session still holds together, a refused edit
//! has changed nothing, undo and redo give back exactly what the user saw before, and every
//! change is marked for merging: what changed counts one more change, what went leaves a
//! deletion marker, and no count ever goes back (an undo is a change too).

use harvest::edit::{Edit, EditError, History, builders};
use harvest::model::{Card, CardId, Category, Group, GroupId, Relation, Session, Theme, ThemeId};
use proptest::prelude::*;
use proptest::sample::Index;

/// Something in the session to aim an edit at, or an id that is not there.
#[derive(Clone, Debug)]
enum Pick {
    Existing(Index),
    Missing,
}

fn pick() -> impl Strategy<Value = Pick> {
    prop_oneof![9 => any::<Index>().prop_map(Pick::Existing), 1 => Just(Pick::Missing)]
}

fn category() -> impl Strategy<Value = Category> {
    prop::sample::select(Category::ALL.to_vec())
}

fn picks() -> impl Strategy<Value = Vec<Pick>> {
    prop::collection::vec(pick(), 0..3)
}

/// Mostly none: a new card rarely answers anything.
fn answers() -> impl Strategy<Value = Vec<Pick>> {
    prop_oneof![3 => Just(Vec::new()), 1 => picks()]
}

/// One edit, described by what it aims at; made into an [`Edit`] against the session as it
/// is when the edit comes, so most of them fit and some do not.
#[derive(Clone, Debug)]
enum Recipe {
    AddCard {
        group: Pick,
        category: Category,
        votes: i32,
        themes: Vec<Pick>,
        answers: Vec<Pick>,
        reuse_id: Option<Pick>,
    },
    DeleteCard(Pick),
    SetCardText(Pick, String),
    MoveCard(Pick, Pick, Category, usize),
    SetVotes(Pick, i32),
    SetStarred(Pick, bool),
    SetCardThemes(Pick, Vec<Pick>),
    SetAnswers(Pick, Vec<Pick>),
    AddGroup(usize, Option<Pick>),
    DeleteGroup(Pick),
    UpdateGroup(Pick, String),
    MoveGroup(Pick, usize),
    SetDetails(String),
    AddTheme(usize, Option<Pick>),
    DeleteTheme(Pick),
    UpdateTheme(Pick, String),
    /// 0: the starting session, 1: a fresh one, 2: a copy with a card below zero votes.
    ReplaceSession(u8),
    /// Made by the builders the screens use.
    Reorder(Pick, bool),
    NeighbourCategory(Pick, bool),
    MergeThemes(Pick, Pick),
    ToggleTheme(Pick, Pick),
    /// An idea answering problems, as the links dialog makes it: mostly valid.
    LinkIdea(Index, Vec<Index>),
}

fn recipe() -> impl Strategy<Value = Recipe> {
    let index = 0usize..120;
    let name = "[a-z ]{0,8}";
    prop_oneof![
        3 => (pick(), category(), -1i32..6, picks(), answers(), prop::option::weighted(0.1, pick()))
            .prop_map(|(group, category, votes, themes, answers, reuse_id)| {
                Recipe::AddCard {
                    group,
                    category,
                    votes,
                    themes,
                    answers,
                    reuse_id,
                }
            }),
        1 => pick().prop_map(Recipe::DeleteCard),
        1 => (pick(), name).prop_map(|(c, t)| Recipe::SetCardText(c, t)),
        1 => (pick(), pick(), category(), index.clone())
            .prop_map(|(c, g, k, i)| Recipe::MoveCard(c, g, k, i)),
        1 => (pick(), -2i32..6).prop_map(|(c, v)| Recipe::SetVotes(c, v)),
        1 => (pick(), any::<bool>()).prop_map(|(c, s)| Recipe::SetStarred(c, s)),
        1 => (pick(), picks()).prop_map(|(c, t)| Recipe::SetCardThemes(c, t)),
        3 => (pick(), picks()).prop_map(|(c, a)| Recipe::SetAnswers(c, a)),
        1 => (0usize..10, prop::option::weighted(0.1, pick()))
            .prop_map(|(i, r)| Recipe::AddGroup(i, r)),
        1 => pick().prop_map(Recipe::DeleteGroup),
        1 => (pick(), name).prop_map(|(g, n)| Recipe::UpdateGroup(g, n)),
        1 => (pick(), 0usize..10).prop_map(|(g, i)| Recipe::MoveGroup(g, i)),
        1 => name.prop_map(|v| Recipe::SetDetails(v.to_owned())),
        1 => (0usize..10, prop::option::weighted(0.1, pick()))
            .prop_map(|(i, r)| Recipe::AddTheme(i, r)),
        1 => pick().prop_map(Recipe::DeleteTheme),
        1 => (pick(), name).prop_map(|(t, n)| Recipe::UpdateTheme(t, n)),
        1 => (0u8..3).prop_map(Recipe::ReplaceSession),
        1 => (pick(), any::<bool>()).prop_map(|(c, d)| Recipe::Reorder(c, d)),
        2 => (pick(), any::<bool>()).prop_map(|(c, d)| Recipe::NeighbourCategory(c, d)),
        1 => (pick(), pick()).prop_map(|(a, b)| Recipe::MergeThemes(a, b)),
        1 => (pick(), pick()).prop_map(|(c, t)| Recipe::ToggleTheme(c, t)),
        2 => (any::<Index>(), prop::collection::vec(any::<Index>(), 0..3))
            .prop_map(|(i, p)| Recipe::LinkIdea(i, p)),
    ]
}

/// What the user does next.
#[derive(Clone, Debug)]
enum Step {
    Edit(Recipe),
    Batch(Vec<Recipe>),
    Undo,
    Redo,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => recipe().prop_map(Step::Edit),
        2 => prop::collection::vec(recipe(), 0..5).prop_map(Step::Batch),
        1 => Just(Step::Undo),
        1 => Just(Step::Redo),
    ]
}

fn card(session: &Session, pick: &Pick) -> CardId {
    match pick {
        Pick::Existing(i) if !session.cards.is_empty() => i.get(&session.cards).id,
        _ => CardId::new(),
    }
}

fn group(session: &Session, pick: &Pick) -> GroupId {
    match pick {
        Pick::Existing(i) if !session.groups.is_empty() => i.get(&session.groups).id,
        _ => GroupId::new(),
    }
}

fn theme(session: &Session, pick: &Pick) -> ThemeId {
    match pick {
        Pick::Existing(i) if !session.themes.is_empty() => i.get(&session.themes).id,
        _ => ThemeId::new(),
    }
}

/// The number behind an id already in the session, to make a clashing one of another kind.
fn clash(session: &Session, pick: &Option<Pick>) -> Option<u128> {
    pick.as_ref().map(|p| card(session, p).as_u128())
}

fn cards(session: &Session, picks: &[Pick]) -> Vec<CardId> {
    picks.iter().map(|p| card(session, p)).collect()
}

fn themes(session: &Session, picks: &[Pick]) -> Vec<ThemeId> {
    picks.iter().map(|p| theme(session, p)).collect()
}

fn make(recipe: &Recipe, session: &Session, start: &Session) -> Option<Edit> {
    let edit = match recipe {
        Recipe::AddCard {
            group: g,
            category,
            votes,
            themes: t,
            answers,
            reuse_id,
        } => {
            let mut new = Card::new(group(session, g), *category, "New card");
            new.votes = *votes;
            new.themes = themes(session, t);
            new.answers = cards(session, answers);
            if let Some(id) = clash(session, reuse_id) {
                new.id = CardId::from_u128(id);
            }
            Edit::AddCard {
                card: new,
                index: usize::MAX,
            }
        }
        Recipe::DeleteCard(c) => Edit::DeleteCard {
            id: card(session, c),
        },
        Recipe::SetCardText(c, text) => Edit::SetCardText {
            id: card(session, c),
            text: text.clone(),
        },
        Recipe::MoveCard(c, g, category, index) => Edit::MoveCard {
            id: card(session, c),
            group: group(session, g),
            category: *category,
            index: *index,
        },
        Recipe::SetVotes(c, votes) => Edit::SetVotes {
            id: card(session, c),
            votes: *votes,
        },
        Recipe::SetStarred(c, starred) => Edit::SetStarred {
            id: card(session, c),
            starred: *starred,
        },
        Recipe::SetCardThemes(c, t) => Edit::SetCardThemes {
            id: card(session, c),
            themes: themes(session, t),
        },
        Recipe::SetAnswers(c, a) => Edit::SetAnswers {
            id: card(session, c),
            answers: cards(session, a),
        },
        Recipe::AddGroup(index, reuse_id) => {
            let mut new = Group::new("New group");
            if let Some(id) = clash(session, reuse_id) {
                new.id = GroupId::from_u128(id);
            }
            Edit::AddGroup {
                group: new,
                index: *index,
            }
        }
        Recipe::DeleteGroup(g) => Edit::DeleteGroup {
            id: group(session, g),
        },
        Recipe::UpdateGroup(g, name) => {
            Edit::rename_group(session, group(session, g), name.clone()).ok()?
        }
        Recipe::MoveGroup(g, index) => Edit::MoveGroup {
            id: group(session, g),
            index: *index,
        },
        Recipe::SetDetails(venue) => {
            let mut details = session.details.clone();
            details.venue = venue.clone();
            Edit::SetDetails(Box::new(details))
        }
        Recipe::AddTheme(index, reuse_id) => {
            let mut new = Theme::new("New theme", session.themes.len());
            if let Some(id) = clash(session, reuse_id) {
                new.id = ThemeId::from_u128(id);
            }
            Edit::AddTheme {
                theme: new,
                index: *index,
            }
        }
        Recipe::DeleteTheme(t) => Edit::DeleteTheme {
            id: theme(session, t),
        },
        Recipe::UpdateTheme(t, name) => {
            let mut changed = session.theme(theme(session, t))?.clone();
            changed.name = name.clone();
            Edit::UpdateTheme { theme: changed }
        }
        Recipe::ReplaceSession(kind) => {
            let replacement = match kind {
                0 => start.clone(),
                1 => Session::new("Fresh"),
                _ => {
                    let mut broken = session.clone();
                    broken.cards.first_mut()?.votes = -1;
                    broken
                }
            };
            Edit::ReplaceSession(Box::new(replacement))
        }
        Recipe::Reorder(c, down) => {
            builders::reorder(session, card(session, c), if *down { 1 } else { -1 })?
        }
        Recipe::NeighbourCategory(c, right) => {
            builders::to_neighbour_category(session, card(session, c), if *right { 1 } else { -1 })?
        }
        Recipe::MergeThemes(from, into) => {
            builders::merge_themes(session, theme(session, from), theme(session, into))
        }
        Recipe::ToggleTheme(c, t) => {
            builders::toggle_theme(session, card(session, c), theme(session, t))?
        }
        Recipe::LinkIdea(idea, problems) => {
            let of = |category| -> Vec<CardId> {
                let found = session.cards.iter().filter(|c| c.category == category);
                found.map(|c| c.id).collect()
            };
            let (ideas, found) = (of(Category::MakeADifference), of(Category::NotSoGood));
            if ideas.is_empty() || found.is_empty() {
                return None;
            }
            Edit::SetAnswers {
                id: *idea.get(&ideas),
                answers: problems.iter().map(|p| *p.get(&found)).collect(),
            }
        }
    };
    Some(edit)
}

/// Everything a person sees: the session without the change counts kept for merging.
fn seen(session: &Session) -> Session {
    let mut session = session.clone();
    session.deleted = Default::default();
    session.details.changed = Default::default();
    for group in &mut session.groups {
        group.changed = Default::default();
        group.made_as.clear();
    }
    for theme in &mut session.themes {
        theme.changed = Default::default();
        theme.made_as.clear();
    }
    for card in &mut session.cards {
        card.changed = Default::default();
    }
    for person in &mut session.people {
        person.changed = Default::default();
    }
    for action in &mut session.actions {
        action.changed = Default::default();
    }
    session
}

/// What a step that went through must have marked: a card, group or theme that changed
/// counts one more change, one that went leaves a marker that has seen all its changes, one
/// that came back has none, and no count goes back.
fn check_marks(before: &Session, after: &Session) -> Result<(), String> {
    for card in &after.cards {
        if after.deleted.cards.contains_key(&card.id) {
            return Err(format!("card {} is there and marked deleted", card.id));
        }
        match before.card(card.id) {
            Some(was)
                if !was.changed.relation(&card.changed).eq(&Relation::Older)
                    && !was.same_content(card) =>
            {
                return Err(format!("card {} changed without counting it", card.id));
            }
            Some(was) if !card.changed.covers(&was.changed) => {
                return Err(format!("card {}'s changes went back", card.id));
            }
            None if before
                .deleted
                .cards
                .get(&card.id)
                .is_some_and(|m| !card.changed.covers(m) || card.changed == *m) =>
            {
                return Err(format!(
                    "card {} came back without seeing its deletion",
                    card.id
                ));
            }
            _ => {}
        }
    }
    for card in &before.cards {
        if after.card(card.id).is_none() {
            match after.deleted.cards.get(&card.id) {
                Some(marker) if marker.covers(&card.changed) && *marker != card.changed => {}
                _ => return Err(format!("card {} went without a deletion marker", card.id)),
            }
        }
    }
    for (id, marker) in &before.deleted.cards {
        if let Some(now) = after.deleted.cards.get(id)
            && !now.covers(marker)
        {
            return Err(format!("the deletion marker of {id} went back"));
        }
    }
    for group in &after.groups {
        if let Some(was) = before.group(group.id) {
            let same = (&was.name, &was.notes, &was.participants)
                == (&group.name, &group.notes, &group.participants);
            if !same && (group.changed == was.changed || !group.changed.covers(&was.changed)) {
                return Err(format!("group {} changed without counting it", group.id));
            }
        }
    }
    for group in &before.groups {
        if after.group(group.id).is_none() && !after.deleted.groups.contains_key(&group.id) {
            return Err(format!("group {} went without a deletion marker", group.id));
        }
    }
    for theme in &after.themes {
        if let Some(was) = before.theme(theme.id) {
            let same = (&was.name, was.color) == (&theme.name, theme.color);
            if !same && (theme.changed == was.changed || !theme.changed.covers(&was.changed)) {
                return Err(format!("theme {} changed without counting it", theme.id));
            }
        }
    }
    for theme in &before.themes {
        if after.theme(theme.id).is_none() && !after.deleted.themes.contains_key(&theme.id) {
            return Err(format!("theme {} went without a deletion marker", theme.id));
        }
    }
    if before.details.title != after.details.title
        && before.details.changed.title == after.details.changed.title
    {
        return Err("the title changed without counting it".into());
    }
    Ok(())
}

fn sample() -> Session {
    harvest::store::format::from_text(harvest::store::places::SAMPLE)
        .map(|parsed| parsed.session)
        .unwrap_or_else(|e| panic!("the sample loads: {e:?}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn random_edits_keep_the_session_whole_and_undo_exactly(
        steps in prop::collection::vec(step(), 1..50),
    ) {
        let start = sample();
        prop_assert_eq!(start.validate(), Ok(()));
        let mut session = start.clone();
        let mut history = History::default();
        // The session before each step that can be undone, and after each undone step.
        let mut undo_to: Vec<Session> = Vec::new();
        let mut redo_to: Vec<Session> = Vec::new();
        for step in &steps {
            let before = session.clone();
            match step {
                Step::Edit(_) | Step::Batch(_) => {
                    let edit = match step {
                        Step::Edit(recipe) => make(recipe, &session, &start),
                        Step::Batch(recipes) => Some(Edit::Batch(
                            recipes.iter().filter_map(|r| make(r, &session, &start)).collect(),
                        )),
                        Step::Undo | Step::Redo => None,
                    };
                    let Some(edit) = edit else { continue };
                    match history.apply(&mut session, edit.clone()) {
                        Ok(()) => {
                            if let Err(why) = check_marks(&before, &session) {
                                prop_assert!(false, "{} after {:?}", why, edit);
                            }
                            undo_to.push(before);
                            redo_to.clear();
                        }
                        Err(error) => {
                            prop_assert!(
                                !matches!(error, EditError::RollbackFailed { .. }),
                                "a batch could not be taken back: {error} in {edit:?}"
                            );
                            prop_assert_eq!(&session, &before, "refused ({}) yet changed: {:?}", error, edit);
                        }
                    }
                }
                Step::Undo => {
                    let undone = history.undo(&mut session);
                    prop_assert_eq!(&undone, &Ok(!undo_to.is_empty()));
                    if let Some(earlier) = undo_to.pop() {
                        prop_assert_eq!(seen(&session), seen(&earlier), "undo gives back the session before");
                        if let Err(why) = check_marks(&before, &session) {
                            prop_assert!(false, "{} after undo", why);
                        }
                        redo_to.push(before);
                    }
                }
                Step::Redo => {
                    let redone = history.redo(&mut session);
                    prop_assert_eq!(&redone, &Ok(!redo_to.is_empty()));
                    if let Some(later) = redo_to.pop() {
                        prop_assert_eq!(seen(&session), seen(&later), "redo gives back the session after");
                        if let Err(why) = check_marks(&before, &session) {
                            prop_assert!(false, "{} after redo", why);
                        }
                        undo_to.push(before);
                    }
                }
            }
            if let Err(invalid) = session.validate() {
                prop_assert!(false, "{} after {:?}", invalid, step);
            }
        }

        let end = session.clone();
        let mut undone = 0;
        while history.undo(&mut session) == Ok(true) {
            undone += 1;
        }
        prop_assert_eq!(undone, undo_to.len());
        prop_assert_eq!(seen(&session), seen(&start), "undoing everything gives back the sample");
        for _ in 0..undone {
            prop_assert_eq!(history.redo(&mut session), Ok(true));
        }
        prop_assert_eq!(seen(&session), seen(&end), "redoing everything gives back the end");
    }
}
