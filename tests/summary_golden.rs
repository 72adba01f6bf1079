//! The sample workshop's summary: golden Markdown and CSV, and what an organiser relies on in
//! the summary itself (order, nesting, counts).

// Helpers outside #[test] functions panic too: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use harvest::model::{Card, Category, Session, Theme};
use harvest::summary::{Format, Summary, SummaryOptions, render};
use std::path::Path;

fn sample() -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-workshop.ron");
    harvest::store::load(&path).unwrap()
}

fn text(format: Format, summary: &Summary) -> String {
    String::from_utf8(render(format, summary).unwrap()).unwrap()
}

#[test]
fn sample_markdown() {
    let summary = Summary::build(&sample(), &SummaryOptions { appendix: true });
    insta::assert_snapshot!(text(Format::Markdown, &summary));
}

#[test]
fn sample_csv() {
    let summary = Summary::build(&sample(), &SummaryOptions::default());
    insta::assert_snapshot!(text(Format::Csv, &summary));
}

#[test]
fn themes_are_ordered_by_cards_then_name() {
    let summary = Summary::build(&sample(), &SummaryOptions::default());
    let order: Vec<(usize, &str)> = (summary.overview.iter())
        .map(|t| (t.counts.total(), t.name.as_str()))
        .collect();
    let mut sorted = order.clone();
    sorted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    assert_eq!(order, sorted);
    // Two themes tie on 13 cards in the sample: the name decides.
    assert_eq!(order[0], (13, "Information and advice"));
    assert_eq!(order[1], (13, "Managing money and employing staff"));
    let sections: Vec<&str> = summary.themes.iter().map(|t| t.name.as_str()).collect();
    let rows: Vec<&str> = summary.overview.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(sections, rows);
}

#[test]
fn counts_add_up_on_the_sample() {
    let session = sample();
    let summary = Summary::build(&session, &SummaryOptions::default());
    assert_eq!(summary.header.cards.total(), session.cards.len());
    assert_eq!(summary.header.groups, session.groups.len());
    let appearances: usize = session.cards.iter().map(|c| c.themes.len().max(1)).sum();
    assert_eq!(summary.appearances().total(), appearances);
    for section in &summary.themes {
        assert_eq!(
            section.cards.count(),
            section.counts.total(),
            "{}",
            section.name
        );
        let by_group: usize = section.by_group.iter().map(|g| g.counts.total()).sum();
        assert_eq!(by_group, section.counts.total(), "{}", section.name);
    }
    let proposals = (session.cards.iter())
        .filter(|c| c.category == Category::MakeADifference)
        .count();
    assert_eq!(summary.proposals.len(), proposals);
}

#[test]
fn starred_then_most_voted_first() {
    let summary = Summary::build(&sample(), &SummaryOptions::default());
    for section in &summary.themes {
        for (_, entries) in section.cards.categories() {
            let keys: Vec<(bool, i32)> = (entries.iter())
                .map(|e| (!e.card.starred, -e.card.votes))
                .collect();
            assert!(keys.is_sorted(), "{}: {keys:?}", section.name);
        }
    }
}

/// A small session where one solution answers a problem in the same theme and another
/// answers a problem in a different theme.
fn linked_session() -> Session {
    let mut session = Session::new("Links");
    let group = session.groups[0].id;
    let money = Theme::new("Money", 0);
    let staff = Theme::new("Staff", 1);
    let mut problem = Card::new(group, Category::NotSoGood, "Forms are long");
    problem.themes = vec![money.id];
    let mut answer = Card::new(group, Category::MakeADifference, "One short form");
    answer.themes = vec![money.id, staff.id];
    answer.answers = vec![problem.id];
    let mut loose = Card::new(group, Category::MakeADifference, "More staff");
    loose.themes = vec![staff.id];
    session.themes = vec![money, staff];
    session.cards = vec![problem, answer, loose];
    session
}

#[test]
fn solutions_nest_under_the_problem_they_answer() {
    let summary = Summary::build(&linked_session(), &SummaryOptions::default());
    let money = summary.themes.iter().find(|t| t.name == "Money").unwrap();
    let problems = &money.cards.by_category[Category::NotSoGood.index()];
    assert_eq!(problems.len(), 1);
    let nested: Vec<&str> = problems[0].answers.iter().map(|a| &*a.text).collect();
    assert_eq!(nested, ["One short form"]);
    assert!(money.cards.by_category[Category::MakeADifference.index()].is_empty());
    assert_eq!(money.counts.get(Category::MakeADifference), 1);

    // Where the problem is not in the section, the solution stands on its own.
    let staff = summary.themes.iter().find(|t| t.name == "Staff").unwrap();
    let own: Vec<&str> = (staff.cards.by_category[Category::MakeADifference.index()].iter())
        .map(|e| &*e.card.text)
        .collect();
    assert_eq!(own.len(), 2);
    assert!(own.contains(&"One short form"));

    let proposal = (summary.proposals.iter())
        .find(|p| &*p.card.text == "One short form")
        .unwrap();
    let answers: Vec<&str> = proposal.answers.iter().map(|a| &**a).collect();
    assert_eq!(answers, ["Forms are long"]);
    let themes: Vec<&str> = proposal.card.themes.iter().map(|t| &**t).collect();
    assert_eq!(themes, ["Money", "Staff"]);

    let markdown = text(Format::Markdown, &summary);
    assert!(markdown.contains("- Forms are long — _Group 1_\n  - **Answer:** One short form"));
}

#[test]
fn appendix_only_when_asked_for() {
    let session = sample();
    let without = text(
        Format::Markdown,
        &Summary::build(&session, &SummaryOptions::default()),
    );
    let with = text(
        Format::Markdown,
        &Summary::build(&session, &SummaryOptions { appendix: true }),
    );
    assert!(!without.contains("## Appendix"));
    assert!(with.contains("## Appendix: all cards by group\n\n### Table 1\n"));
}

#[test]
fn awkward_card_text_cannot_break_the_markdown() {
    let mut session = Session::new("Escapes");
    let group = session.groups[0].id;
    session.cards.push(Card::new(
        group,
        Category::Good,
        "# not a heading\n- not a list | pipe *star* <b>tag</b>\n\nafter a blank line",
    ));
    let markdown = text(
        Format::Markdown,
        &Summary::build(&session, &SummaryOptions::default()),
    );
    let item = "- \\# not a heading\\\n  \\- not a list \\| pipe \\*star\\* \\<b>tag\\</b>\\\n  \\\n  after a blank line — _Group 1_\n";
    assert!(markdown.contains(item), "{markdown}");
}

#[test]
fn a_theme_without_cards_says_so() {
    let mut session = Session::new("Empty theme");
    session.themes.push(Theme::new("Transport", 0));
    let summary = Summary::build(&session, &SummaryOptions::default());
    assert_eq!(summary.overview.len(), 1);
    let markdown = text(Format::Markdown, &summary);
    assert!(
        markdown.contains("### Transport\n\nNo cards yet.\n\n## What would make"),
        "{markdown}"
    );
    assert!(markdown.contains("| Transport | 0 | 0 | 0 | 0 |"));
}

#[test]
fn a_summary_can_be_built_on_a_worker_thread() {
    fn send_and_share<T: Send + Sync + 'static>(_: &T) {}
    let summary = Summary::build(&sample(), &SummaryOptions::default());
    send_and_share(&summary);
    let handle = std::thread::spawn(move || render(Format::Html, &summary).map(|b| b.len()));
    assert!(handle.join().unwrap().unwrap() > 10_000);
}
