//! The Easy Read report: what it says (plain words where they are set, a few points per part,
//! nothing unthemed, no one's personal details), and that its page and Word file are what
//! Easy Read readers need: large sans-serif text, headings in order, every picture described.

// Helpers outside #[test] functions panic too: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use harvest::model::{Card, Category, Group, Session, Theme};
use harvest::summary::easy_read::{self, EasyRead, POINTS_PER_PART};
use harvest::summary::{EasyReadError, Format, Report, export_easy_read};
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::Read;

fn sample() -> Session {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample-workshop.ron");
    harvest::store::load(std::path::Path::new(path)).unwrap()
}

/// Two themes (one with easy words), cards with and without easy words, five good cards on
/// one theme to show only three, and two cards with no theme.
fn small() -> Session {
    let mut session = Session::new("Carers' forum");
    session.details.date = jiff::civil::date(2026, 10, 14);
    session.details.venue = "The Old Library".into();
    session.details.facilitators = vec!["Rosalind Featherstone".into()];
    session.groups = vec![Group::new("Table 1"), Group::new("Table 2")];
    session.groups[0].participants.insert("Carers".into(), 4);
    session.groups[1].participants.insert("Carers".into(), 3);
    let group = session.groups[0].id;
    session.themes = vec![
        Theme::new("Domiciliary care provision", 0),
        Theme::new("Money", 1),
    ];
    session.themes[0].easy_words = "Help at home".into();
    let (home, money) = (session.themes[0].id, session.themes[1].id);

    let mut add = |category, text: &str, theme, votes, starred| {
        let mut card = Card::new(group, category, text);
        card.themes.extend(theme);
        card.votes = votes;
        card.starred = starred;
        session.cards.push(card);
        session.cards.len() - 1
    };
    add(Category::Good, "Carers come on time", Some(home), 0, false);
    add(Category::Good, "Carers are kind", Some(home), 2, false);
    add(
        Category::Good,
        "Same carer every week",
        Some(home),
        5,
        false,
    );
    add(Category::Good, "The office rings back", Some(home), 0, true);
    add(Category::Good, "Forms are short", Some(home), 1, false);
    let long = add(
        Category::NotSoGood,
        "The reablement package terminated prematurely without adequate consultation",
        Some(home),
        0,
        false,
    );
    add(
        Category::MakeADifference,
        "Pay carers more",
        Some(money),
        0,
        false,
    );
    add(
        Category::Good,
        "Tea and biscuits were lovely",
        None,
        0,
        false,
    );
    add(Category::NotSoGood, "The car park was full", None, 0, false);
    session.cards[long].easy_words = "The help at home stopped too soon".into();
    session
}

fn html(session: &Session) -> String {
    String::from_utf8(export_easy_read(session, Format::Html).unwrap()).unwrap()
}

/// Every part of the Word file, by name, as bytes.
fn docx_parts(session: &Session) -> HashMap<String, Vec<u8>> {
    let bytes = export_easy_read(session, Format::Docx).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).unwrap();
            (file.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

fn part(parts: &HashMap<String, Vec<u8>>, name: &str) -> String {
    let bytes = parts
        .get(name)
        .unwrap_or_else(|| panic!("no {name} in the Word file"));
    String::from_utf8(bytes.clone()).unwrap()
}

/// Every element of well-formed XML (or of the page, which is well-formed too), in order,
/// with its attributes; panics on anything malformed.
fn elements(xml: &str) -> Vec<(String, HashMap<String, String>)> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut found = Vec::new();
    let mut push = |e: &BytesStart| {
        let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
        let attributes = (e.attributes())
            .map(|a| {
                let a = a.unwrap();
                let key = String::from_utf8(a.key.as_ref().to_vec()).unwrap();
                (
                    key,
                    a.normalized_value(quick_xml::XmlVersion::Explicit1_0)
                        .unwrap()
                        .into_owned(),
                )
            })
            .collect();
        found.push((name, attributes));
    };
    loop {
        match reader.read_event().expect("well-formed markup") {
            Event::Start(e) | Event::Empty(e) => push(&e),
            Event::Eof => break,
            _ => {}
        }
    }
    found
}

/// The text of every element named `tag` (h1, h2, …) on the page, in order.
fn texts_of(html: &str, tag: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(html);
    let mut out = Vec::new();
    let mut inside: Option<String> = None;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == tag.as_bytes() => inside = Some(String::new()),
            Event::Text(t) => {
                if let Some(text) = &mut inside {
                    text.push_str(&t.decode().unwrap());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(text) = &mut inside {
                    let name = r.decode().unwrap();
                    text.push_str(match name.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "#39" => "'",
                        other => panic!("unexpected entity &{other};"),
                    });
                }
            }
            Event::End(e) if e.name().as_ref() == tag.as_bytes() => {
                out.extend(inside.take());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// Headings go down one level at a time and there is one h1, first: what a screen reader's
/// list of headings needs.
fn assert_headings_in_order(html: &str) {
    let levels: Vec<u8> = (elements(html).into_iter())
        .filter_map(|(name, _)| match name.as_str() {
            "h1" => Some(1),
            "h2" => Some(2),
            "h3" => Some(3),
            "h4" => Some(4),
            "h5" => Some(5),
            "h6" => Some(6),
            _ => None,
        })
        .collect();
    assert_eq!(levels.first(), Some(&1), "the page starts with its h1");
    assert_eq!(levels.iter().filter(|&&l| l == 1).count(), 1, "one h1");
    for pair in levels.windows(2) {
        assert!(
            pair[1] <= pair[0] + 1,
            "a heading level skipped: {levels:?}"
        );
    }
}

/// Every picture on the page says what it shows, and there is at least one picture.
fn assert_pictures_described(html: &str) -> usize {
    let mut pictures = 0;
    for (name, attributes) in elements(html) {
        let has = |key: &str| attributes.get(key).is_some_and(|v| !v.trim().is_empty());
        match name.as_str() {
            "img" => assert!(has("alt"), "an <img> without alt text"),
            "svg" => {
                assert_eq!(attributes.get("role").map(String::as_str), Some("img"));
                assert!(has("aria-label"), "an <svg> without an aria-label");
            }
            _ => continue,
        }
        pictures += 1;
    }
    assert!(pictures > 0, "no pictures on the page");
    pictures
}

/// The number before `unit` in the first `property: NNunit` of the rule for `selector`.
fn css_number(html: &str, selector: &str, property: &str) -> f32 {
    let rule_start = html
        .find(&format!("\n{selector} {{"))
        .unwrap_or_else(|| panic!("no CSS rule for {selector}"));
    let rule = &html[rule_start..];
    let rule = &rule[..rule.find('}').unwrap()];
    let at = rule
        .find(&format!("{property}:"))
        .unwrap_or_else(|| panic!("no {property} for {selector}"));
    let value = rule[at + property.len() + 1..].trim_start();
    let number: String = value
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    number.parse().unwrap()
}

/// No text on the page is set smaller than the body's 18px or more: every font size is at
/// least 18px, 16pt, or 1 (r)em of it.
fn assert_no_small_text(html: &str) {
    let mut sizes = 0;
    for (at, _) in html.match_indices("font-size:") {
        let value = html[at + "font-size:".len()..].trim_start();
        let number: String = (value.chars())
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let unit = &value[number.len()..];
        let number: f32 = number.parse().unwrap();
        let large = if unit.starts_with("px") {
            number >= 18.0
        } else if unit.starts_with("pt") {
            number >= 13.5
        } else if unit.starts_with("rem") || unit.starts_with("em") {
            number >= 1.0
        } else if unit.starts_with('%') {
            number >= 100.0
        } else {
            panic!("a font size in an unexpected unit: {unit}")
        };
        assert!(large, "small text: font-size: {number}{}", &unit[..2]);
        sizes += 1;
    }
    assert!(sizes > 0);
}

#[test]
fn every_theme_of_the_sample_is_there_with_at_most_three_points_a_part() {
    let session = sample();
    let report = EasyRead::build(&session);
    let page = html(&session);
    let parts = docx_parts(&session);
    let document = part(&parts, "word/document.xml");
    let headings = texts_of(&page, "h2");

    let mut capped = 0;
    for theme in &session.themes {
        let cards: Vec<&Card> = (session.cards.iter())
            .filter(|c| c.themes.contains(&theme.id))
            .collect();
        if cards.is_empty() {
            continue;
        }
        let heading = if theme.easy_words.is_empty() {
            &theme.name
        } else {
            &theme.easy_words
        };
        assert!(headings.contains(heading), "{heading} is not a heading");
        let escaped = heading.replace('&', "&amp;").replace('\'', "&#39;");
        assert!(
            document.contains(&escaped),
            "{heading} not in the Word file"
        );
        let easy = (report.themes.iter().find(|t| t.id == theme.id)).unwrap();
        for category in Category::ALL {
            let said = cards.iter().filter(|c| c.category == category).count();
            let shown =
                (easy.parts.iter().find(|p| p.category == category)).map_or(0, |p| p.points.len());
            assert_eq!(shown, said.min(POINTS_PER_PART), "{heading}: {category:?}");
            if said > POINTS_PER_PART {
                capped += 1;
            }
        }
    }
    assert!(
        capped > 0,
        "the sample should have a part with more than three cards"
    );
    let rows = document.matches("<w:tr>").count();
    let points: usize = (report.themes.iter())
        .flat_map(|t| &t.parts)
        .map(|p| p.points.len())
        .sum();
    assert_eq!(rows, points, "one table row per point");
    assert!(points <= report.themes.len() * 3 * POINTS_PER_PART);
}

#[test]
fn easy_words_replace_the_words_and_names_where_they_are_set() {
    let session = small();
    let page = html(&session);
    let document = part(&docx_parts(&session), "word/document.xml");
    for text in [&page, &document] {
        assert!(text.contains("Help at home"));
        assert!(!text.contains("Domiciliary"), "the theme's name was used");
        assert!(text.contains("The help at home stopped too soon"));
        assert!(
            !text.contains("reablement"),
            "the card's own words were used"
        );
        assert!(
            text.contains("Money"),
            "a theme without easy words keeps its name"
        );
        assert!(text.contains("Pay carers more"));
    }
    assert_eq!(texts_of(&page, "h2")[1..3], ["Help at home", "Money"]);
    let report = EasyRead::build(&session);
    let point = &report.themes[0].parts[1].points[0];
    let card = (session.cards.iter().find(|c| c.id == point.card)).unwrap();
    assert!(card.text.contains("reablement"), "the point names its card");
}

#[test]
fn each_part_shows_three_points_starred_first_then_most_votes() {
    let report = EasyRead::build(&small());
    let home = &report.themes[0];
    assert_eq!(home.heading, "Help at home");
    assert_eq!(home.parts[0].category, Category::Good);
    let words: Vec<&str> = (home.parts[0].points.iter())
        .map(|p| p.words.as_str())
        .collect();
    assert_eq!(
        words,
        [
            "The office rings back",
            "Same carer every week",
            "Carers are kind"
        ]
    );
    let page = html(&small());
    assert!(
        !page.contains("Carers come on time"),
        "a fourth point shown"
    );
    assert!(!page.contains("Forms are short"), "a fifth point shown");
}

#[test]
fn an_empty_part_is_left_out_rather_than_saying_none() {
    let session = small();
    let page = html(&session);
    assert_eq!(
        texts_of(&page, "h3"),
        [
            "What was good",
            "What was not so good",
            "What people want to change"
        ],
        "Help at home has good and not-so-good points, Money only a change"
    );
    for (at, _) in page.match_indices("</h3>\n") {
        let next = &page[at + "</h3>\n".len()..];
        assert!(
            next.starts_with("<ul class=\"points\">\n<li class=\"point\">"),
            "a heading with no points under it"
        );
    }
}

#[test]
fn cards_with_no_theme_are_left_out_and_counted() {
    let session = small();
    let page = html(&session);
    let document = part(&docx_parts(&session), "word/document.xml");
    let sentence = "We left out 2 things people said, because they did not fit a topic.";
    for text in [&page, &document] {
        assert!(!text.contains("Tea and biscuits"));
        assert!(!text.contains("car park"));
        assert!(text.contains(sentence));
    }

    let mut all_themed = small();
    all_themed.cards.retain(|c| !c.themes.is_empty());
    assert_eq!(EasyRead::build(&all_themed).left_out, 0);
    assert!(!html(&all_themed).contains("We left out"));
}

#[test]
fn about_the_event_says_when_where_and_how_many_in_plain_words() {
    let page = html(&small());
    let h1 = texts_of(&page, "h1");
    assert_eq!(h1, ["What people said at Carers' forum"]);
    let lines = texts_of(&page, "li");
    for line in [
        "The event was on Wednesday 14 October 2026.",
        "It was at The Old Library.",
        "7 people came.",
        "People talked in 2 groups.",
    ] {
        assert!(lines.iter().any(|l| l == line), "missing: {line}");
    }
    assert!(page.contains("<title>What people said at Carers&#39; forum"));
}

#[test]
fn no_ones_details_reach_the_report() {
    let session = sample();
    assert!(
        !session.people.is_empty(),
        "the sample has volunteers to keep out"
    );
    let page = html(&session);
    let parts = docx_parts(&session);
    let word: String = (parts.iter())
        .filter(|(name, _)| name.ends_with(".xml") || name.ends_with(".rels"))
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .collect();
    let names = (session.people.iter().map(|p| p.name.as_str()))
        .chain(session.details.facilitators.iter().map(String::as_str))
        .filter(|n| !n.trim().is_empty());
    for name in names {
        assert!(!page.contains(name), "{name} is on the page");
        assert!(!word.contains(name), "{name} is in the Word file");
    }
    let small = small();
    assert!(!html(&small).contains("Rosalind"), "a facilitator is named");
}

#[test]
fn the_page_reads_well_and_every_picture_is_described() {
    for session in [sample(), small()] {
        let page = html(&session);
        assert!(page.contains("<html lang=\"en\">"));
        assert!(!texts_of(&page, "title")[0].is_empty());
        assert_headings_in_order(&page);
        let pictures = assert_pictures_described(&page);
        assert_eq!(pictures, page.matches("<li class=\"point\">").count());
        assert!(css_number(&page, "html", "font-size") >= 18.0);
        assert!(css_number(&page, "body", "font-size") >= 18.0);
        assert_no_small_text(&page);
        assert!(css_number(&page, "body", "line-height") >= 1.5);
        assert!(page.contains("sans-serif"));
        // Each point: its picture, then its words.
        let point = page.find("<li class=\"point\"><svg").unwrap();
        let words = page[point..].find("<p>").unwrap();
        assert!(page[point..point + words].contains("</svg>"));
    }
}

#[test]
fn the_word_file_is_large_and_clear_with_described_pictures() {
    let parts = docx_parts(&sample());
    let styles = part(&parts, "word/styles.xml");
    let document = part(&parts, "word/document.xml");
    let mut sizes = 0;
    for (name, attributes) in elements(&styles).into_iter().chain(elements(&document)) {
        if name == "w:sz" || name == "w:szCs" {
            let half_points: u32 = attributes["w:val"].parse().unwrap();
            assert!(half_points >= 32, "text smaller than 16 pt: {half_points}");
            sizes += 1;
        }
        if name == "w:rFonts" {
            assert_eq!(attributes["w:ascii"], "Arial");
        }
    }
    assert!(sizes > 0);
    assert!(styles.contains("<w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\""));

    let mut pictures = 0;
    for (name, attributes) in elements(&document) {
        if name == "wp:docPr" {
            assert!(
                !attributes["descr"].trim().is_empty(),
                "a picture undescribed"
            );
            pictures += 1;
        }
    }
    assert_eq!(
        pictures,
        document.matches("<w:tr>").count(),
        "a picture per point"
    );

    let rels = part(&parts, "word/_rels/document.xml.rels");
    let types = part(&parts, "[Content_Types].xml");
    assert!(types.contains("<Default Extension=\"png\" ContentType=\"image/png\"/>"));
    for (id, file) in [
        ("rIdMedia1", "good.png"),
        ("rIdMedia2", "not-so-good.png"),
        ("rIdMedia3", "make-a-difference.png"),
    ] {
        let png = &parts[&format!("word/media/{file}")];
        assert_eq!(&png[1..4], b"PNG", "{file} is a PNG");
        assert!(rels.contains(&format!("Id=\"{id}\"")) && rels.contains(file));
    }
    assert!(document.contains("r:embed=\"rIdMedia1\""));
    // Theme colours shade the narrow cell beside each point.
    assert!(document.contains("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\""));
}

#[test]
fn only_a_page_or_a_word_document() {
    let session = small();
    for format in [Format::Markdown, Format::Csv] {
        let error = export_easy_read(&session, format).unwrap_err();
        assert!(matches!(error, EasyReadError::NotAFormat));
        assert_eq!(
            error.to_string(),
            "the Easy Read report is a web page or a Word document; choose html or docx"
        );
        assert!(!Report::EasyRead.offers(format));
    }
    assert!(Report::EasyRead.offers(Format::Html) && Report::EasyRead.offers(Format::Docx));
    assert!(Report::ALL.contains(&Report::EasyRead));
    assert_eq!(Report::EasyRead.label(), "Easy Read");
    assert_eq!(Report::EasyRead.file_suffix(), "-easy-read");
}

#[test]
fn long_cards_are_those_of_more_than_fifteen_words() {
    let fifteen = "one two three four five six seven eight nine ten eleven twelve thirteen \
                   fourteen fifteen";
    assert!(!easy_read::is_long(fifteen));
    assert!(easy_read::is_long(&format!("{fifteen} sixteen")));
    assert!(!easy_read::is_long("  short\n  words  "));
    assert_eq!(easy_read::LONG_CARD_WORDS, 15);
}
