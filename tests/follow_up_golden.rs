//! The "You said, we did" follow-up: golden Markdown for a small session with actions, ideas
//! and volunteers, and the same story read back out of the HTML and Word versions.

// Helpers outside #[test] functions panic too: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_text;

use harvest::model::people::Status;
use harvest::model::{
    About, Action, ActionStatus, Card, CardId, Category, Group, Person, Session, Theme, ThemeId,
};
use harvest::summary::{FollowUp, Format, Summary, SummaryOptions, render_follow_up};
use jiff::civil::date;

/// Two themes, three actions against them (one not doing), one action about an idea, one
/// about a theme since deleted, ideas nobody has answered, and four volunteers.
fn session() -> Session {
    let mut session = Session::new("Carers' forum");
    session.details.date = date(2026, 10, 14);
    session.details.sign_up_options = vec!["Steering group".into(), "Future events".into()];
    session.groups = vec![Group::new("Table 1"), Group::new("Table 2")];
    let (one, two) = (session.groups[0].id, session.groups[1].id);
    session.themes = vec![Theme::new("Respite", 0), Theme::new("Money", 1)];
    let (respite, money) = (session.themes[0].id, session.themes[1].id);

    let mut card = |group, category, text: &str, theme: ThemeId, votes: i32, starred: bool| {
        let mut card = Card::new(group, category, text);
        card.themes.push(theme);
        card.votes = votes;
        card.starred = starred;
        session.cards.push(card.clone());
        card.id
    };
    card(
        one,
        Category::Good,
        "The sitting service is a lifeline",
        respite,
        4,
        true,
    );
    card(
        two,
        Category::NotSoGood,
        "Respite is booked up months ahead",
        respite,
        6,
        false,
    );
    let more_nights = card(
        one,
        Category::MakeADifference,
        "More short-break nights in the school holidays",
        respite,
        5,
        false,
    );
    card(
        two,
        Category::MakeADifference,
        "A carers' card for discounts",
        respite,
        1,
        false,
    );
    card(
        one,
        Category::NotSoGood,
        "Nobody explains the charges",
        money,
        3,
        false,
    );
    card(
        two,
        Category::MakeADifference,
        "A named finance contact",
        money,
        2,
        false,
    );
    let gone: CardId = Card::new(one, Category::MakeADifference, "x").id;

    let mut action = |about, what: &str, owner: &str, status, due, reason: &str, update: &str| {
        let mut action = Action::new(about, what);
        action.owner = owner.into();
        action.status = status;
        action.due = due;
        action.reason = reason.into();
        action.update = update.into();
        session.actions.push(action);
    };
    action(
        About::Theme(respite),
        "Publish the respite booking calendar",
        "Carers' centre",
        ActionStatus::InProgress,
        Some(date(2027, 1, 29)),
        "",
        "Draft shared with the forum on 25 November",
    );
    action(
        About::Theme(money),
        "Explain charges in every assessment letter",
        "Finance team",
        ActionStatus::Done,
        None,
        "",
        "",
    );
    action(
        About::Theme(money),
        "Waive all charges",
        "Council",
        ActionStatus::NotDoing,
        None,
        "charges are set nationally",
        "",
    );
    action(
        About::Idea(more_nights),
        "Fund 40 more short-break nights",
        "Commissioning",
        ActionStatus::Planned,
        Some(date(2027, 6, 30)),
        "",
        "",
    );
    action(
        About::Theme(ThemeId::new()),
        "Review transport",
        "Transport team",
        ActionStatus::Planned,
        None,
        "",
        "",
    );
    action(
        About::Idea(gone),
        "Start a newsletter",
        "Comms",
        ActionStatus::Done,
        None,
        "",
        "",
    );

    let mut person = |name: &str, options: &[&str], status| {
        let mut person = Person::new(name, date(2026, 10, 14));
        person.signed_up_for = options.iter().map(|o| (*o).to_owned()).collect();
        person.status = status;
        person.contact.email = format!("{}@example.org", name.to_lowercase());
        session.people.push(person);
    };
    person("Ann", &["Steering group", "Future events"], Status::New);
    person("Bob", &["Steering group"], Status::Joined);
    person("Cat", &["Future events"], Status::Contacted);
    person("Dan", &["Steering group"], Status::Withdrawn);
    session
}

fn follow_up(session: &Session) -> FollowUp {
    let summary = Summary::build(session, &SummaryOptions::default());
    FollowUp::build(session, &summary, date(2026, 12, 1))
}

fn rendered(format: Format) -> Vec<u8> {
    render_follow_up(format, &follow_up(&session())).unwrap()
}

#[test]
fn follow_up_markdown() {
    let text = String::from_utf8(rendered(Format::Markdown)).unwrap();
    insta::assert_snapshot!(text);
}

/// What every format must say, in this order.
const STORY: [&str; 16] = [
    "Carers' forum: you said, we did",
    "as of 1 December 2026",
    "Respite",
    "You said",
    "The sitting service is a lifeline",
    "We did / we will",
    "Publish the respite booking calendar",
    "Owner: Carers' centre · In progress · due 29 January 2027",
    "Latest: Draft shared with the forum on 25 November",
    "Fund 40 more short-break nights",
    "About the idea: More short-break nights in the school holidays",
    "Ideas with no action yet",
    "A carers' card for discounts",
    "Money",
    "Not doing, because charges are set nationally",
    "Other actions",
];

fn assert_tells_the_story(format: Format, text: &str) {
    let mut from = 0;
    for phrase in STORY {
        match text[from..].find(phrase) {
            Some(at) => from += at + phrase.len(),
            None => panic!("{format:?}: {phrase:?} missing or out of order in:\n{text}"),
        }
    }
    for phrase in [
        "2 people volunteered for Steering group",
        "2 people volunteered for Future events",
        "1 withdrew",
        "Review transport",
        "Start a newsletter",
    ] {
        assert!(
            text[from..].contains(phrase),
            "{format:?}: {phrase:?} missing"
        );
    }
    for name in ["Ann", "Bob", "Cat", "Dan", "example.org"] {
        assert!(
            !text.contains(name),
            "{format:?}: a volunteer's details leaked: {name}"
        );
    }
    // An idea an action answers is not listed as waiting for one.
    let waiting = &text[text.find("Ideas with no action yet").unwrap()..];
    let waiting = &waiting[..waiting.find("Money").unwrap()];
    assert!(!waiting.contains("More short-break nights"), "{format:?}");
}

#[test]
fn every_format_tells_the_same_story() {
    let markdown = String::from_utf8(rendered(Format::Markdown)).unwrap();
    assert_tells_the_story(Format::Markdown, &markdown.replace('\\', ""));
    let html = String::from_utf8(rendered(Format::Html)).unwrap();
    assert!(html.contains("<style>"), "the summary's stylesheet");
    assert_tells_the_story(Format::Html, &export_text::xml_text(&html));
    let docx = rendered(Format::Docx);
    assert_tells_the_story(Format::Docx, &export_text::docx_text(&docx));
    let styles = export_text::unzip(&docx);
    assert!(
        styles
            .iter()
            .any(|(name, text)| name == "word/styles.xml" && text.contains("Heading2")),
        "the summary's Word styles"
    );
}

#[test]
fn csv_is_not_a_follow_up_format() {
    let error = render_follow_up(Format::Csv, &follow_up(&session())).unwrap_err();
    assert!(error.to_string().contains("CSV"), "{error}");
}

#[test]
fn themes_come_in_the_summarys_order_with_its_counts() {
    let session = session();
    let summary = Summary::build(&session, &SummaryOptions::default());
    let follow_up = FollowUp::build(&session, &summary, date(2026, 12, 1));
    let names: Vec<&str> = follow_up.themes.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Respite", "Money"]);
    assert_eq!(follow_up.themes[0].counts, summary.themes[0].counts);
    // Only the starred card is quoted when there is one; the most voted otherwise.
    assert_eq!(follow_up.themes[0].quotes.len(), 1);
    let money: Vec<&str> = follow_up.themes[1]
        .quotes
        .iter()
        .map(|c| &*c.text)
        .collect();
    assert_eq!(
        money,
        ["Nobody explains the charges", "A named finance contact"]
    );
}

#[test]
fn an_action_about_an_idea_shows_under_each_of_its_themes() {
    let mut session = session();
    let money = session.themes[1].id;
    let idea = (session.cards.iter_mut())
        .find(|c| c.text.starts_with("More short-break nights"))
        .unwrap();
    idea.themes.push(money);
    let report = follow_up(&session);
    for theme in &report.themes {
        let whats: Vec<&str> = theme.actions.iter().map(|a| a.what.as_str()).collect();
        assert!(
            whats.contains(&"Fund 40 more short-break nights"),
            "{}: {whats:?}",
            theme.name
        );
        assert!(
            !(theme.open_ideas.iter()).any(|c| c.text.starts_with("More short-break nights")),
            "{}",
            theme.name
        );
    }
    // An idea whose themes are all gone takes its action to "Other actions", with its words.
    session.themes.retain(|t| t.id == money);
    let idea = (session.cards.iter_mut())
        .find(|c| c.text.starts_with("More short-break nights"))
        .unwrap();
    idea.themes.retain(|t| *t != money);
    let report = follow_up(&session);
    let other = (report.other_actions.iter())
        .find(|a| a.what == "Fund 40 more short-break nights")
        .unwrap();
    assert_eq!(
        other.idea.as_deref(),
        Some("More short-break nights in the school holidays")
    );
    // The "Respite" actions lost their theme too.
    assert!(
        (report.other_actions.iter()).any(|a| a.what == "Publish the respite booking calendar")
    );
}
