//! Edits to groups, themes and the session details.

use super::{round_trip, sample};
use crate::edit::Edit;
use crate::model::{Group, Theme};

#[test]
fn group_edits() {
    let s = sample();
    let after = round_trip(Edit::AddGroup {
        group: Group::new("Group 3"),
        index: 2,
    });
    assert_eq!(after.groups[2].name, "Group 3");
    let after = round_trip(Edit::rename_group(&s, s.groups[0].id, "Table A".into()).unwrap());
    assert_eq!(after.groups[0].name, "Table A");
    let after = round_trip(Edit::MoveGroup {
        id: s.groups[1].id,
        index: 0,
    });
    assert_eq!(after.groups[0].name, "Group 2");
    let after = round_trip(Edit::DeleteGroup { id: s.groups[0].id });
    assert_eq!(after.groups.len(), 1);
    assert_eq!(after.cards.len(), 1, "the group's cards went with it");
}

#[test]
fn details_edit() {
    let s = sample();
    let mut details = s.details.clone();
    details.venue = "Town hall".into();
    details.targets.good = 5;
    let after = round_trip(Edit::SetDetails(Box::new(details)));
    assert_eq!(after.details.venue, "Town hall");
}

#[test]
fn theme_edits() {
    let s = sample();
    let after = round_trip(Edit::AddTheme {
        theme: Theme::new("Access", 2),
        index: 0,
    });
    assert_eq!(after.themes[0].name, "Access");
    let mut renamed = s.themes[1].clone();
    renamed.name = "Managing money".into();
    assert_eq!(
        round_trip(Edit::UpdateTheme { theme: renamed }).themes[1].name,
        "Managing money"
    );
    let after = round_trip(Edit::DeleteTheme { id: s.themes[1].id });
    assert!(after.cards.iter().all(|c| c.themes.is_empty()));
}
