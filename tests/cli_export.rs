//! `harvest export`: every format from the sample, to standard output and to a file.

// Helpers outside #[test] functions panic too: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::harvest;

use std::path::{Path, PathBuf};

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-workshop.ron")
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn text_formats_go_to_standard_output_and_to_a_file_alike() {
    let folder = tempfile::tempdir().unwrap();
    for (format, starts) in [
        ("md", "# Sample workshop: Personal budgets in social care\n"),
        ("html", "<!DOCTYPE html>\n"),
        (
            "csv",
            "group,category,themes,text,votes,starred,answers_text,written,id,answers\n",
        ),
    ] {
        let out = harvest(&["export", arg(&sample()), "--format", format]);
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.starts_with(starts),
            "{format}: {}",
            &text[..80.min(text.len())]
        );
        assert!(text.contains("Payroll and tax forms for employing a PA are frightening"));

        let file = folder.path().join(format!("summary.{format}"));
        let out = harvest(&["export", arg(&sample()), "-f", format, "-o", arg(&file)]);
        assert!(out.status.success());
        assert!(out.stdout.is_empty());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), text, "{format}");
    }
}

#[test]
fn docx_goes_to_a_file() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("summary.docx");
    let out = harvest(&[
        "export",
        arg(&sample()),
        "--format",
        "docx",
        "--output",
        arg(&file),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"), "a zip package");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    assert!(archive.by_name("word/document.xml").is_ok());
    // Nothing but the document is left in the folder.
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 1);
}

#[test]
fn docx_without_output_is_a_usage_error() {
    let out = harvest(&["export", arg(&sample()), "--format", "docx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "no binary on the terminal");
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("--output"), "{message}");
}

#[test]
fn appendix_is_added_on_request() {
    let out = harvest(&["export", arg(&sample()), "--format", "md", "--appendix"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("## Appendix: all cards by group"));
}

#[test]
fn an_unknown_format_or_a_missing_file_fails_clearly() {
    let out = harvest(&["export", arg(&sample()), "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2));

    let out = harvest(&["export", "no-such-session.ron", "--format", "md"]);
    assert_eq!(out.status.code(), Some(1));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("no-such-session.ron"), "{message}");
}

#[test]
fn an_existing_output_is_replaced_whole() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("summary.md");
    std::fs::write(
        &file,
        "old text that is much longer than nothing at all ".repeat(500),
    )
    .unwrap();
    let out = harvest(&["export", arg(&sample()), "-f", "md", "-o", arg(&file)]);
    assert!(out.status.success());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("# Sample workshop"));
    assert!(!text.contains("old text"));
}
