//! Every format read back the way a program (or a person) would: the HTML and Word exports
//! parsed as XML, and, for generated sessions full of awkward text, every card found exactly
//! once in each of its theme sections (or "Not yet themed") of every format.

// Helpers outside #[test] functions panic too: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use harvest::model::{Card, CardId, Category, Group, Session, Theme};
use harvest::summary::{Format, Summary, SummaryOptions, render};
use proptest::prelude::*;
use quick_xml::events::Event;
use std::io::Read;
use std::path::Path;

/// An element of a parsed XML document.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attributes: Vec<(String, String)>,
    children: Vec<Child>,
}

#[derive(Debug)]
enum Child {
    Element(Node),
    Text(String),
}

impl Node {
    fn attribute(&self, name: &str) -> Option<&str> {
        (self.attributes.iter())
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn has_class(&self, class: &str) -> bool {
        self.attribute("class")
            .is_some_and(|c| c.split(' ').any(|c| c == class))
    }

    fn elements(&self) -> impl Iterator<Item = &Node> {
        self.children.iter().filter_map(|c| match c {
            Child::Element(e) => Some(e),
            Child::Text(_) => None,
        })
    }

    /// Every element below this one, depth first, in document order.
    fn descendants(&self) -> Vec<&Node> {
        let mut out = Vec::new();
        for child in self.elements() {
            out.push(child);
            out.extend(child.descendants());
        }
        out
    }

    /// The text inside, with `<br/>` and `<w:br/>` read as line breaks.
    fn text(&self) -> String {
        let mut out = String::new();
        for child in &self.children {
            match child {
                Child::Text(t) => out.push_str(t),
                Child::Element(e) if e.name == "br" || e.name == "w:br" => out.push('\n'),
                Child::Element(e) => out.push_str(&e.text()),
            }
        }
        out
    }
}

/// Parses a whole document, failing on anything that is not well-formed: mismatched or
/// unclosed tags, bad attributes, unknown entities.
fn parse_xml(text: &str) -> Node {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut stack = vec![Node::default()];
    let open = |e: &quick_xml::events::BytesStart<'_>| Node {
        name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
        attributes: (e.attributes())
            .map(|a| {
                let a = a.expect("well-formed attribute");
                let key = String::from_utf8(a.key.as_ref().to_vec()).unwrap();
                (
                    key,
                    a.normalized_value(quick_xml::XmlVersion::Explicit1_0)
                        .unwrap()
                        .into_owned(),
                )
            })
            .collect(),
        children: Vec::new(),
    };
    let push_text = |stack: &mut Vec<Node>, text: String| {
        let node = stack.last_mut().unwrap();
        match node.children.last_mut() {
            Some(Child::Text(t)) => t.push_str(&text),
            _ => node.children.push(Child::Text(text)),
        }
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(open(&e)),
            Event::Empty(e) => {
                let node = open(&e);
                stack
                    .last_mut()
                    .unwrap()
                    .children
                    .push(Child::Element(node));
            }
            Event::End(_) => {
                let node = stack.pop().unwrap();
                stack
                    .last_mut()
                    .unwrap()
                    .children
                    .push(Child::Element(node));
            }
            Event::Text(t) => push_text(&mut stack, t.decode().unwrap().into_owned()),
            Event::CData(t) => push_text(&mut stack, t.decode().unwrap().into_owned()),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.decode().unwrap();
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .unwrap_or_else(|| panic!("unknown entity &{name};"))
                            .to_owned()
                    }
                };
                push_text(&mut stack, c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements at the end");
    stack.pop().unwrap()
}

fn sample() -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-workshop.ron");
    harvest::store::load(&path).unwrap()
}

fn html(session: &Session) -> Node {
    let summary = Summary::build(session, &SummaryOptions { appendix: true });
    let bytes = render(Format::Html, &summary).unwrap();
    parse_xml(std::str::from_utf8(&bytes).unwrap())
}

/// The parts of a .docx file, by name.
fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut parts = std::collections::BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        parts.insert(file.name().unwrap().into_owned(), text);
    }
    parts
}

/// The Word document's paragraphs: (style, text).
fn docx_paragraphs(session: &Session, appendix: bool) -> Vec<(String, String)> {
    let summary = Summary::build(session, &SummaryOptions { appendix });
    let parts = unzip(&render(Format::Docx, &summary).unwrap());
    let document = parse_xml(&parts["word/document.xml"]);
    (document.descendants().into_iter())
        .filter(|n| n.name == "w:p")
        .map(|p| {
            let style = (p.descendants().into_iter())
                .find(|n| n.name == "w:pStyle")
                .and_then(|s| s.attribute("w:val"))
                .unwrap_or("Normal")
                .to_owned();
            (style, p.text())
        })
        .collect()
}

#[test]
fn html_has_every_card_and_a_bar_per_theme() {
    let session = sample();
    let page = html(&session);
    let all = page.descendants();

    // Every card's words, in its theme sections (or Not yet themed) and in the appendix.
    let quotes: Vec<String> = (all.iter())
        .filter(|n| n.name == "blockquote")
        .map(|n| n.text().trim_start_matches("★ ").to_owned())
        .collect();
    for card in &session.cards {
        let found = quotes.iter().filter(|q| **q == card.text).count();
        let expected = card.themes.len().max(1) + 1;
        assert!(found >= expected, "{:?} found {found} times", card.text);
    }

    let svg = (all.iter())
        .find(|n| n.name == "svg")
        .expect("an inline chart");
    assert_eq!(svg.attribute("role"), Some("img"));
    let title = svg.elements().find(|n| n.name == "title").unwrap();
    assert_eq!(title.text(), "Cards per theme, by category");
    let bars: Vec<&Node> = (svg.descendants().into_iter())
        .filter(|n| n.name == "g" && n.has_class("bar"))
        .collect();
    assert_eq!(bars.len(), session.themes.len());
    for (bar, theme) in bars
        .iter()
        .zip(["Information and advice", "Managing money"])
    {
        assert!(bar.text().contains(theme), "{}", bar.text());
    }

    // Nothing external: no scripts, no links to fetch, styles inline.
    assert!(!all.iter().any(|n| n.name == "script" || n.name == "link"));
    assert!(!all.iter().any(|n| n.attribute("src").is_some()));
    let style = all.iter().find(|n| n.name == "style").unwrap().text();
    assert!(style.contains("@media print"));
}

#[test]
fn html_escapes_what_people_typed() {
    let mut session = Session::new("<Tom & Jerry's \"workshop\">");
    let group = session.groups[0].id;
    let said = "<script>alert('x')</script> & \"quotes\"\nsecond line";
    session.cards.push(Card::new(group, Category::Good, said));
    let mut theme = Theme::new("<b>bold</b>", 0);
    theme.name.push_str(" & co");
    session.cards[0].themes.push(theme.id);
    session.themes.push(theme);

    let page = html(&session);
    let all = page.descendants();
    assert!(!all.iter().any(|n| n.name == "script" || n.name == "b"));
    let title = all.iter().find(|n| n.name == "h1").unwrap();
    assert_eq!(title.text(), "<Tom & Jerry's \"workshop\">");
    // The one card is quoted under its theme and in the appendix, exactly as typed.
    let quotes: Vec<String> = (all.iter())
        .filter(|n| n.name == "blockquote")
        .map(|q| q.text())
        .collect();
    assert_eq!(quotes, [said, said]);
    let heading = (all.iter())
        .find(|n| n.name == "h3" && n.text().contains("bold"))
        .unwrap();
    assert_eq!(heading.text(), "<b>bold</b> & co");
}

#[test]
fn docx_is_a_word_package_with_every_card() {
    let session = sample();
    let summary = Summary::build(&session, &SummaryOptions::default());
    let parts = unzip(&render(Format::Docx, &summary).unwrap());
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/_rels/document.xml.rels",
        "word/document.xml",
        "word/styles.xml",
        "docProps/core.xml",
    ] {
        let part = parts
            .get(name)
            .unwrap_or_else(|| panic!("{name} is missing"));
        parse_xml(part);
    }
    let styles = parse_xml(&parts["word/styles.xml"]);
    let defined: Vec<&str> = (styles.descendants().into_iter())
        .filter(|n| n.name == "w:style")
        .filter_map(|n| n.attribute("w:styleId"))
        .collect();
    for style in [
        "Title",
        "Heading1",
        "Heading2",
        "Heading3",
        "Quote",
        "CountTable",
    ] {
        assert!(defined.contains(&style), "{style} is not defined");
    }

    let paragraphs = docx_paragraphs(&session, false);
    for (style, _) in &paragraphs {
        assert!(
            defined.contains(&style.as_str()),
            "{style} is used but not defined"
        );
    }
    let headings = |style: &str| -> Vec<String> {
        (paragraphs.iter())
            .filter(|(s, _)| s == style)
            .map(|(_, t)| t.clone())
            .collect()
    };
    assert_eq!(
        headings("Heading1"),
        [
            "Overview",
            "Themes",
            "What would make a difference",
            "Not yet themed"
        ]
    );
    // Theme headings carry a square of the theme's colour; "Not yet themed" has its
    // categories at this level too.
    let themes: Vec<String> = (headings("Heading2").into_iter())
        .filter(|h| h.starts_with("■ "))
        .collect();
    assert_eq!(themes.len(), session.themes.len());
    assert_eq!(themes[0], "■ Information and advice");
    assert!(headings("Heading3").contains(&"Not so good".to_owned()));

    let quotes: Vec<String> = (paragraphs.iter())
        .filter(|(s, _)| s == "Quote" || s == "Answer")
        .map(|(_, t)| {
            t.trim_start_matches("↳ ")
                .trim_start_matches("★ ")
                .to_owned()
        })
        .collect();
    for card in &session.cards {
        assert!(quotes.contains(&card.text), "{:?} is missing", card.text);
    }
    let document = parse_xml(&parts["word/document.xml"]);
    let tables = (document.descendants().into_iter())
        .filter(|n| n.name == "w:tbl")
        .count();
    // The overview's chart and counts, then one per theme.
    assert_eq!(tables, 2 + session.themes.len());
}

#[test]
fn docx_keeps_line_breaks_and_escapes_text() {
    let mut session = Session::new("A & B <C>");
    let group = session.groups[0].id;
    let said = "first line\nsecond <line> & \"more\"";
    session.cards.push(Card::new(group, Category::Good, said));
    let paragraphs = docx_paragraphs(&session, true);
    assert_eq!(paragraphs[0], ("Title".to_owned(), "A & B <C>".to_owned()));
    let quotes = paragraphs.iter().filter(|(s, t)| s == "Quote" && t == said);
    assert_eq!(quotes.count(), 2, "once unthemed, once in the appendix");
}

// Generated sessions.

/// Text people really type, behind a unique token so each card can be found.
fn awkward_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".*",
        Just("<b>&amp;</b> \"quoted\" 'single' | pipe * star _under_".to_owned()),
        Just("She said 🙂👍🏽 then مرحبا بالعالم — שלום".to_owned()),
        Just("line one\nline two\r\n\n# heading?\n- list?\n1. number?".to_owned()),
        Just("   ".to_owned()),
        Just(String::new()),
    ]
}

prop_compose! {
    fn session()(
        title in awkward_text(),
        group_names in prop::collection::vec(awkward_text(), 1..4),
        theme_names in prop::collection::vec(awkward_text(), 0..4),
        cards in prop::collection::vec(
            (any::<prop::sample::Index>(), prop::sample::select(Category::ALL.to_vec()), awkward_text(), -2i32..6, any::<bool>(),
             prop::collection::vec(any::<prop::sample::Index>(), 0..3),
             prop::collection::vec(any::<prop::sample::Index>(), 0..2)),
            0..14),
    ) -> Session {
        let mut session = Session::new(title);
        session.groups = group_names.into_iter().map(Group::new).collect();
        session.groups[0].participants.insert("Carers".into(), 2);
        session.themes = (theme_names.into_iter().enumerate())
            .map(|(i, n)| Theme::new(n, i))
            .collect();
        for (i, (group, category, text, votes, starred, themes, answers)) in cards.into_iter().enumerate() {
            let mut card = Card::new(group.get(&session.groups).id, category, format!("⟦{i}⟧{text}"));
            card.votes = votes;
            card.starred = starred;
            if !session.themes.is_empty() {
                for pick in themes {
                    let theme = pick.get(&session.themes).id;
                    if !card.themes.contains(&theme) {
                        card.themes.push(theme);
                    }
                }
            }
            let problems: Vec<CardId> = (session.cards.iter())
                .filter(|c| c.category == Category::NotSoGood)
                .map(|c| c.id)
                .collect();
            if category == Category::MakeADifference && !problems.is_empty() {
                for pick in answers {
                    let problem = *pick.get(&problems);
                    if !card.answers.contains(&problem) {
                        card.answers.push(problem);
                    }
                }
            }
            session.cards.push(card);
        }
        session
    }
}

/// How many times each card's token appears in `text`.
fn tokens_in(session: &Session, text: &str) -> Vec<usize> {
    (0..session.cards.len())
        .map(|i| text.matches(&format!("⟦{i}⟧")).count())
        .collect()
}

/// What each theme section (in summary order) and then "Not yet themed" should hold: each
/// card exactly once if it belongs there, else not at all.
fn expected_sections(session: &Session, summary: &Summary) -> Vec<Vec<usize>> {
    let mut sections: Vec<Vec<usize>> = (summary.themes.iter())
        .map(|t| {
            (session.cards.iter())
                .map(|c| usize::from(c.themes.contains(&t.id)))
                .collect()
        })
        .collect();
    sections.push(
        (session.cards.iter())
            .map(|c| usize::from(c.themes.is_empty()))
            .collect(),
    );
    sections
}

/// A line or paragraph of a document, as the section splitter sees it.
enum Part<'a> {
    /// A top-level heading ("Themes", "Not yet themed" …).
    Top(&'a str),
    /// A heading one level down: a theme, in the "Themes" section.
    Sub,
    Body,
}

/// The text of each theme section and then "Not yet themed", given a document's parts.
fn split_sections<'a>(parts: impl Iterator<Item = (Part<'a>, &'a str)>) -> Vec<String> {
    let mut sections = Vec::new();
    let mut region = "";
    let mut current: Option<String> = None;
    for (part, text) in parts {
        match part {
            Part::Top(heading) => {
                sections.extend(current.take());
                region = heading;
                if region == "Not yet themed" {
                    current = Some(String::new());
                }
                continue;
            }
            Part::Sub if region == "Themes" => {
                sections.extend(current.take());
                current = Some(String::new());
            }
            _ => {}
        }
        if let Some(section) = current.as_mut() {
            section.push_str(text);
            section.push('\n');
        }
    }
    sections.extend(current);
    sections
}

fn markdown_sections(text: &str) -> Vec<String> {
    split_sections(text.split('\n').map(|line| {
        let part = match line.strip_prefix("## ") {
            Some(heading) => Part::Top(heading),
            None if line.starts_with("### ") => Part::Sub,
            None => Part::Body,
        };
        (part, line)
    }))
}

fn html_sections(text: &str) -> Vec<String> {
    let page = parse_xml(text);
    let all = page.descendants();
    let mut sections: Vec<String> = (all.iter())
        .filter(|n| n.name == "section" && n.has_class("theme"))
        .map(|n| n.text())
        .collect();
    let unthemed = all.iter().find(|n| n.attribute("id") == Some("unthemed"));
    sections.push(unthemed.unwrap().text());
    sections
}

fn docx_sections(paragraphs: &[(String, String)]) -> Vec<String> {
    split_sections(paragraphs.iter().map(|(style, text)| {
        let part = match style.as_str() {
            "Heading1" => Part::Top(text),
            "Heading2" => Part::Sub,
            _ => Part::Body,
        };
        (part, text.as_str())
    }))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_card_once_per_theme_section_in_every_format(session in session()) {
        let summary = Summary::build(&session, &SummaryOptions { appendix: true });
        let expected = expected_sections(&session, &summary);

        // The summary itself.
        let mut from_summary: Vec<String> = (summary.themes.iter())
            .map(|t| format!("{:?}", t.cards))
            .collect();
        from_summary.push(format!("{:?}", summary.unthemed));
        let counted: Vec<Vec<usize>> = from_summary.iter().map(|s| tokens_in(&session, s)).collect();
        prop_assert_eq!(&counted, &expected);

        let markdown = String::from_utf8(render(Format::Markdown, &summary).unwrap()).unwrap();
        let counted: Vec<Vec<usize>> = (markdown_sections(&markdown).iter())
            .map(|s| tokens_in(&session, s))
            .collect();
        prop_assert_eq!(&counted, &expected, "Markdown:\n{}", markdown);
        // Nothing anyone typed starts a line of its own: each line is markup Harvest wrote.
        for section in markdown_sections(&markdown) {
            for line in section.lines().filter(|l| !l.is_empty()) {
                let ours = ["#", "|", "- ", "  ", "No cards", "_Every card has a theme._"].iter().any(|p| line.starts_with(p))
                    || line.starts_with(|c: char| c.is_ascii_digit());
                prop_assert!(ours, "line {:?} in\n{}", line, markdown);
            }
        }

        let html = String::from_utf8(render(Format::Html, &summary).unwrap()).unwrap();
        let counted: Vec<Vec<usize>> = (html_sections(&html).iter())
            .map(|s| tokens_in(&session, s))
            .collect();
        prop_assert_eq!(&counted, &expected, "HTML");

        let paragraphs = docx_paragraphs(&session, true);
        let counted: Vec<Vec<usize>> = (docx_sections(&paragraphs).iter())
            .map(|s| tokens_in(&session, s))
            .collect();
        prop_assert_eq!(&counted, &expected, "Word");

        // CSV: one row per card, with its themes.
        let csv = render(Format::Csv, &summary).unwrap();
        let mut reader = csv::Reader::from_reader(csv.as_slice());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        prop_assert_eq!(rows.len(), session.cards.len());
        for (i, card) in session.cards.iter().enumerate() {
            let token = format!("⟦{i}⟧");
            let matching: Vec<&csv::StringRecord> = rows.iter().filter(|r| r[3].contains(&token)).collect();
            prop_assert_eq!(matching.len(), 1);
            prop_assert_eq!(&matching[0][3], card.text.as_str());
            let names: Vec<&str> = (card.themes.iter())
                .map(|t| session.theme(*t).unwrap().name.as_str())
                .collect();
            let themes = names.join("; ");
            prop_assert_eq!(&matching[0][2], themes.as_str());
            prop_assert_eq!(&matching[0][1], card.category.label());
        }
    }

    #[test]
    fn overview_counts_add_up(session in session()) {
        let summary = Summary::build(&session, &SummaryOptions::default());
        prop_assert_eq!(summary.header.cards.total(), session.cards.len());
        let mut appearances = [0usize; 3];
        for card in &session.cards {
            appearances[card.category.index()] += card.themes.len().max(1);
        }
        prop_assert_eq!(summary.appearances().0, appearances);
        for section in &summary.themes {
            let mut counts = [0usize; 3];
            for card in session.cards.iter().filter(|c| c.themes.contains(&section.id)) {
                counts[card.category.index()] += 1;
            }
            prop_assert_eq!(section.counts.0, counts);
            prop_assert_eq!(section.cards.count(), section.counts.total());
        }
        let totals: Vec<usize> = summary.overview.iter().map(|t| t.counts.total()).collect();
        prop_assert!(totals.is_sorted_by(|a, b| a >= b));

        let markdown = String::from_utf8(render(Format::Markdown, &summary).unwrap()).unwrap();
        let [good, bad, difference] = appearances;
        let total = good + bad + difference;
        let row = format!("| **All appearances** | {good} | {bad} | {difference} | {total} |");
        prop_assert!(markdown.contains(&row), "{}", row);
    }
}
