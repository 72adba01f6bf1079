//! `harvest check` on the sample and on every kind of broken or hostile file: exit 1 with a
//! plain message (at a position where there is one) on stderr, never a panic, and the file's
//! bytes unchanged.
// Helpers outside #[test] functions are test code too: a panic is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::harvest;

use std::path::{Path, PathBuf};
use std::process::Command;

const SAMPLE: &str = include_str!("../assets/sample-workshop.ron");

fn check(path: &Path) -> (i32, String, String) {
    let output = harvest(&["check", path.to_str().unwrap()]);
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_sample_is_counted() {
    let output = harvest(&["check", "assets/sample-workshop.ron"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "assets/sample-workshop.ron: 6 groups, 48 cards, 5 themes\n"
    );
    assert!(output.stderr.is_empty());
}

#[test]
fn a_utf8_byte_order_mark_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.ron");
    std::fs::write(&path, format!("\u{feff}{SAMPLE}")).unwrap();
    let (code, stdout, _) = check(&path);
    assert_eq!(code, 0);
    assert!(stdout.ends_with(": 6 groups, 48 cards, 5 themes\n"));
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(harvest(&["check"]).status.code(), Some(2));
    assert_eq!(harvest(&["check", "a.ron", "b.ron"]).status.code(), Some(2));
    assert_eq!(
        harvest(&["check", "--no-such-flag", "a.ron"]).status.code(),
        Some(2)
    );
}

/// A broken file and what the message must say.
struct Bad {
    name: &'static str,
    bytes: Vec<u8>,
    says: &'static str,
    /// Whether the message points at a line and column.
    positioned: bool,
}

fn bad(name: &'static str, bytes: impl Into<Vec<u8>>, says: &'static str, positioned: bool) -> Bad {
    Bad {
        name,
        bytes: bytes.into(),
        says,
        positioned,
    }
}

fn nested(depth: usize, open: &str, close: &str) -> String {
    let mut text =
        "(format: \"harvest-session\", version: 1, session: (details: (facilitators: ".to_owned();
    text.push_str(&open.repeat(depth));
    text.push_str(&close.repeat(depth));
    text.push_str(")))");
    text
}

fn utf16(text: &str, bom: bool) -> Vec<u8> {
    let mut bytes = if bom { vec![0xff, 0xfe] } else { Vec::new() };
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

fn bad_files() -> Vec<Bad> {
    let group = "01a134b7-c830-7000-8000-000000000000";
    let theme = "01a134b6-1698-7000-8000-000000000000";
    let first_card_votes = SAMPLE.find("votes: 3,").unwrap();
    let mut invalid_utf8 = SAMPLE.as_bytes().to_vec();
    invalid_utf8[5000] = 0xff;
    let mut nul_tail = SAMPLE.as_bytes().to_vec();
    nul_tail.extend([0u8; 4096]);
    let header = "(format: \"harvest-session\", version: 1, session: ";
    vec![
        bad("empty", "", "the file is empty", false),
        bad("blank", "\n\n   \n", "the file is empty", false),
        bad(
            "cut off",
            &SAMPLE[..SAMPLE.len() / 2],
            "the file ends too early",
            true,
        ),
        bad("NUL tail", nul_tail, "NUL bytes", true),
        bad("all NUL", vec![0u8; 30_000], "NUL bytes", true),
        bad("invalid UTF-8", invalid_utf8, "not valid UTF-8", true),
        bad("UTF-16 with BOM", utf16(SAMPLE, true), "UTF-16", false),
        bad("UTF-16 without BOM", utf16(SAMPLE, false), "UTF-16", false),
        bad(
            "JSON",
            "{\"format\": \"harvest-session\", \"version\": 1}",
            "JSON",
            true,
        ),
        bad("JSON array", "[1, 2]", "JSON", true),
        bad(
            "plain text",
            "Table 1 said the forms are too long.\n",
            "not a Harvest session",
            true,
        ),
        bad(
            "wrong struct",
            format!("{header}(groups: 5))"),
            "a list",
            true,
        ),
        bad(
            "missing format",
            "(version: 1, session: ())",
            "no `format` field",
            false,
        ),
        bad(
            "wrong format",
            "(format: \"shopping-list\", version: 1)",
            "\"shopping-list\" file",
            false,
        ),
        bad(
            "missing version",
            "(format: \"harvest-session\", session: ())",
            "no `version` field",
            false,
        ),
        bad(
            "version not a number",
            "(format: \"harvest-session\", version: \"one\")",
            "a whole number",
            true,
        ),
        bad(
            "negative version",
            "(format: \"harvest-session\", version: -1)",
            "a whole number",
            true,
        ),
        bad(
            "newer version",
            SAMPLE.replacen("version: 2,", "version: 99,", 1),
            "newer Harvest",
            false,
        ),
        bad(
            "duplicate ids",
            SAMPLE.replacen("01a134bc-dcf8-7000-8000-000000000000", group, 1),
            "used more than once",
            true,
        ),
        bad(
            "card in a missing group",
            SAMPLE.replacen(
                &format!("group: \"{group}\""),
                "group: \"01a134b7-c830-7000-8000-00000000ffff\"",
                1,
            ),
            "which does not exist",
            true,
        ),
        bad(
            "card with a missing theme",
            SAMPLE.replacen(
                &format!("                    \"{theme}\""),
                "                    \"01a134b6-1698-7000-8000-00000000ffff\"",
                1,
            ),
            "which does not exist",
            true,
        ),
        bad(
            "NaN",
            format!(
                "{}votes: NaN,{}",
                &SAMPLE[..first_card_votes],
                &SAMPLE[first_card_votes + 9..]
            ),
            "a whole number",
            true,
        ),
        bad(
            "nested brackets",
            nested(100_000, "[", "]"),
            "nests far deeper",
            true,
        ),
        bad(
            "nested parentheses",
            nested(100_000, "(", ")"),
            "nests far deeper",
            true,
        ),
        bad(
            "unclosed nesting",
            "(".repeat(100_000),
            "expected a field name",
            true,
        ),
        bad(
            "bad id",
            SAMPLE.replacen(group, "not-an-id", 1),
            "not a valid id",
            true,
        ),
        bad(
            "unknown category",
            SAMPLE.replacen("category: Good", "category: Great", 1),
            "Great",
            true,
        ),
        bad(
            "unclosed string",
            SAMPLE.replacen("text: \"", "text: ", 1),
            "expected a comma here",
            true,
        ),
        bad(
            "trailing text",
            format!("{SAMPLE}\nextra"),
            "after the end of the session",
            true,
        ),
    ]
}

fn assert_rejected(path: &Path, name: &str, says: &str, positioned: bool) {
    // Only regular files are read here: reading /dev/zero or a FIFO would never end.
    let contents = |path: &Path| {
        std::fs::metadata(path)
            .is_ok_and(|m| m.is_file())
            .then(|| std::fs::read(path).unwrap())
    };
    let before = contents(path);
    let (code, stdout, stderr) = check(path);
    assert_eq!(code, 1, "{name}: exit code; stderr: {stderr}");
    assert!(stdout.is_empty(), "{name}: {stdout}");
    let file = path.display().to_string();
    let first = stderr.lines().next().unwrap_or_default();
    assert!(first.starts_with(&format!("{file}:")), "{name}: {stderr}");
    assert!(
        stderr.contains(says),
        "{name}: expected {says:?} in: {stderr}"
    );
    let rest = &first[file.len() + 1..];
    let has_position = rest
        .split(':')
        .take(2)
        .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()));
    assert_eq!(has_position, positioned, "{name}: position in {first:?}");
    assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    assert!(
        !stderr.to_lowercase().contains("expected option"),
        "{name}: {stderr}"
    );
    assert_eq!(contents(path), before, "{name}: the file is unchanged");
}

#[test]
fn every_bad_file_is_rejected_plainly_and_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    let cases = bad_files();
    // The README's "35 broken or hostile files and non-files": these, the five things that are
    // not files below, and the file over the size cap.
    assert_eq!(cases.len(), 29);
    for (index, case) in cases.into_iter().enumerate() {
        let path = dir.path().join(format!("bad-{index}.ron"));
        std::fs::write(&path, &case.bytes).unwrap();
        let outcome = std::panic::catch_unwind(|| {
            assert_rejected(&path, case.name, case.says, case.positioned)
        });
        if let Err(panic) = outcome {
            let message = panic.downcast_ref::<String>().cloned().unwrap_or_default();
            failures.push(message);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn things_that_are_not_files_are_rejected_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    assert_rejected(dir.path(), "a folder", "this is a folder", false);
    assert_rejected(
        Path::new("/dev/zero"),
        "/dev/zero",
        "not a regular file",
        false,
    );
    assert_rejected(
        Path::new("/dev/null"),
        "/dev/null",
        "not a regular file",
        false,
    );
    let fifo = dir.path().join("pipe.ron");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    assert_rejected(&fifo, "a FIFO", "not a regular file", false);
    let missing: PathBuf = dir.path().join("missing.ron");
    assert_rejected(&missing, "missing", "no such file", false);
}

#[test]
fn a_file_over_the_size_cap_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    // Sparse: takes no disk space.
    file.set_len(harvest::store::SIZE_LIMIT + 1).unwrap();
    drop(file);
    let (code, _, stderr) = check(&path);
    assert_eq!(code, 1);
    assert!(stderr.contains("more than the 256 MB"), "{stderr}");
    assert_eq!(
        std::fs::metadata(&path).unwrap().len(),
        harvest::store::SIZE_LIMIT + 1
    );
}

#[test]
fn truncations_are_rejected_as_cut_off_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("damaged.ron");
    let end = SAMPLE.rfind(')').unwrap();
    // Evenly spread from the very start, however long the sample grows.
    let cuts: Vec<usize> = (0..50).map(|i| i * end / 50).collect();
    // The README quotes this count ("50 truncations").
    assert_eq!(cuts.len(), 50);
    for cut in cuts {
        std::fs::write(&path, &SAMPLE.as_bytes()[..cut]).unwrap();
        let name = format!("cut at {cut}");
        if cut == 0 {
            assert_rejected(&path, &name, "the file is empty", false);
        } else {
            // Inside a field name, between values or inside text in quotes: all are cut off,
            // and the message says so at the place where the file stops.
            assert_rejected(&path, &name, "the file ends too early", true);
            let (_, _, stderr) = check(&path);
            assert!(
                stderr.contains("cut off while copying or saving"),
                "{name}: {stderr}"
            );
            let kept = String::from_utf8_lossy(&SAMPLE.as_bytes()[..cut]);
            let last_line = kept.trim_end().lines().count();
            let at = format!("{}:{last_line}:", path.display());
            assert!(
                stderr.starts_with(&at),
                "{name}: at line {last_line}: {stderr}"
            );
        }
    }
}
