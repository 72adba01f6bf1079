//! Reads the text back out of an HTML page or a Word document, as a reader would see it:
//! entities resolved, one line per closed element, so tests can look for sentences.

// Helpers outside #[test] functions panic too: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use quick_xml::events::Event;
use std::io::Read;

/// The text of well-formed XML (or the HTML exports, which are well-formed too). Panics on
/// anything malformed: a broken document is a failed test.
pub fn xml_text(xml: &str) -> String {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Text(t) => out.push_str(&t.decode().unwrap()),
            Event::CData(t) => out.push_str(&t.decode().unwrap()),
            Event::GeneralRef(r) => match r.resolve_char_ref().unwrap() {
                Some(c) => out.push(c),
                None => {
                    let name = r.decode().unwrap();
                    out.push_str(
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .unwrap_or_else(|| panic!("unknown entity &{name};")),
                    );
                }
            },
            Event::End(_) if !out.ends_with('\n') => out.push('\n'),
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// Every text part of a .docx (zip) file, by name; pictures (word/media) are left out.
pub fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .filter_map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let name = file.name().unwrap().into_owned();
            if name.starts_with("word/media/") {
                return None;
            }
            let mut text = String::new();
            file.read_to_string(&mut text).unwrap();
            Some((name, text))
        })
        .collect()
}

/// The text of a Word document's body.
pub fn docx_text(bytes: &[u8]) -> String {
    let parts = unzip(bytes);
    let (_, document) = parts
        .iter()
        .find(|(name, _)| name == "word/document.xml")
        .expect("a word/document.xml part");
    xml_text(document)
}

/// The text of every XML part of a Word document, raw and read: what anyone unzipping it
/// could find.
pub fn docx_all_text(bytes: &[u8]) -> String {
    let mut out = String::new();
    for (_, part) in unzip(bytes) {
        out.push_str(&part);
        out.push('\n');
        out.push_str(&xml_text(&part));
        out.push('\n');
    }
    out
}
