//! Backups: the version found before the first save is kept, later versions at most once a
//! minute, and pruning keeps the last ten plus one per hour within a size cap.
// Helpers outside #[test] functions are test code too: a panic is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use harvest::model::{Card, Category, Session};
use harvest::store::{self, Autosaver, backups};
use std::path::Path;
use std::time::Duration;

fn names(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_first_save_keeps_the_version_found_and_restoring_gives_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.ron");
    let mut original = Session::new("Workshop");
    let group = original.groups[0].id;
    original
        .cards
        .push(Card::new(group, Category::Good, "Kept"));
    store::save(&original, &path).unwrap();

    let saver = Autosaver::spawn(&path, 1).unwrap();
    let mut changed = original.clone();
    changed.cards.clear();
    saver.submit(2, changed.clone());
    saver.flush(Duration::from_secs(10)).unwrap();
    changed.details.venue = "Hall".into();
    saver.submit(3, changed.clone());
    saver.flush(Duration::from_secs(10)).unwrap();

    let list = backups::list(&path);
    // Only the version found: both saves came within a minute of it, and the newest version
    // is the session file itself.
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0].cards, Some(1));
    assert!(list[0].size > 100);
    assert_eq!(list[0].restore().unwrap(), original);
    assert!(backups::folder(&path).starts_with(dir.path().join(".harvest-backups")));

    // The next run keeps the version it finds: the last one saved above.
    drop(saver);
    let saver = Autosaver::spawn(&path, 3).unwrap();
    let mut later = changed.clone();
    later.details.venue = "Main hall".into();
    saver.submit(4, later);
    saver.flush(Duration::from_secs(10)).unwrap();
    let list = backups::list(&path);
    assert_eq!(list.len(), 2, "{list:?}");
    assert!(list[0].saved >= list[1].saved, "newest first");
    assert_eq!(list[0].restore().unwrap(), changed);

    // A run that finds the newest backup's version already does not keep it twice.
    drop(saver);
    std::fs::copy(&list[0].path, &path).unwrap();
    let saver = Autosaver::spawn(&path, 3).unwrap();
    saver.submit(5, original);
    saver.flush(Duration::from_secs(10)).unwrap();
    assert_eq!(backups::list(&path).len(), 2);
}

#[test]
fn pruning_keeps_the_last_ten_and_one_per_hour() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("backups");
    std::fs::create_dir(&folder).unwrap();
    // Three backups a minute for 60 hours: 10:00, 10:20, 10:40 … of every hour.
    let start = jiff::Timestamp::from_second(1_760_000_000 - 1_760_000_000 % 3600).unwrap();
    for i in 0..180 {
        let at = start + jiff::SignedDuration::from_mins(20 * i);
        let name = format!("{}.000Z.ron", at.strftime("%Y-%m-%dT%H-%M-%S"));
        std::fs::write(folder.join(name), "(format: \"harvest-session\")").unwrap();
    }
    std::fs::write(folder.join("notes.txt"), "not a backup").unwrap();
    backups::prune(&folder);
    let kept = names(&folder);
    assert_eq!(
        kept.len(),
        backups::KEEP_RECENT + backups::KEEP_HOURLY + 1,
        "ten recent, 48 hourly, and the unrelated file left alone"
    );
    assert!(kept.contains(&"notes.txt".to_owned()));
    let newest = start + jiff::SignedDuration::from_mins(20 * 179);
    let newest = format!("{}.000Z.ron", newest.strftime("%Y-%m-%dT%H-%M-%S"));
    assert!(kept.contains(&newest));
    // Beyond the recent ten, one an hour: the latest of each hour.
    let hourly: Vec<_> = kept.iter().filter(|n| n.contains("-40-00")).collect();
    assert!(hourly.len() >= backups::KEEP_HOURLY, "{kept:?}");
}

#[test]
fn pruning_keeps_the_folder_under_the_size_cap() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("backups");
    std::fs::create_dir(&folder).unwrap();
    let big = vec![b' '; (backups::SIZE_CAP / 4) as usize + 1];
    for minute in 0..6 {
        let name = format!("2026-10-14T14-0{minute}-00.000Z.ron");
        std::fs::write(folder.join(name), &big).unwrap();
    }
    backups::prune(&folder);
    let kept = names(&folder);
    assert_eq!(kept.len(), 3, "{kept:?}");
    assert_eq!(kept[2], "2026-10-14T14-05-00.000Z.ron", "the newest stays");
}
