//! The phase timer against a clock the tests move by hand.

use super::*;
use crate::model::{Category, Session, default_agenda};
use jiff::{SignedDuration, Timestamp};

fn at(minutes: i64, seconds: i64) -> Timestamp {
    Timestamp::UNIX_EPOCH + SignedDuration::from_secs(1_800_000_000 + minutes * 60 + seconds)
}

fn started(agenda: &[Phase]) -> PhaseTimer {
    let mut timer = PhaseTimer::default();
    assert_eq!(
        timer.start_or_pause(agenda, at(0, 0)),
        TimerChange::Started(agenda[0].clone())
    );
    timer
}

#[test]
fn the_first_press_starts_the_first_phase_and_the_clock_counts_down() {
    let agenda = default_agenda();
    let timer = started(&agenda);
    assert_eq!(timer.current_phase(&agenda), Some(&agenda[0]));
    assert_eq!(agenda[0].category, Some(Category::Good));
    assert_eq!(timer.left(&agenda, at(7, 30)), Some(150));
    // Over time, the time left goes below zero.
    assert_eq!(timer.left(&agenda, at(11, 0)), Some(-60));
}

#[test]
fn a_pause_stops_the_clock_and_the_paused_time_is_not_counted() {
    let agenda = default_agenda();
    let mut timer = started(&agenda);
    let good = agenda[0].clone();
    assert_eq!(
        timer.start_or_pause(&agenda, at(3, 0)),
        TimerChange::Paused(good.clone())
    );
    assert!(!timer.is_running());
    assert_eq!(timer.spent(good.id, at(9, 0)), 180);
    assert_eq!(
        timer.start_or_pause(&agenda, at(9, 0)),
        TimerChange::Started(good.clone())
    );
    assert_eq!(timer.spent(good.id, at(10, 0)), 240);
    assert_eq!(timer.left(&agenda, at(10, 0)), Some(360));
}

#[test]
fn a_minute_more_is_added_to_the_current_phase_only() {
    let agenda = default_agenda();
    let mut timer = started(&agenda);
    assert_eq!(
        timer.add_minute(&agenda),
        TimerChange::Extended(agenda[0].clone())
    );
    timer.add_minute(&agenda);
    assert_eq!(timer.left(&agenda, at(10, 0)), Some(120));
    assert_eq!(timer.allowed_minutes(&agenda[0]), 12);
    assert_eq!(timer.allowed_minutes(&agenda[1]), 10);
    // Nothing to extend before the timer has started.
    assert_eq!(
        PhaseTimer::default().add_minute(&agenda),
        TimerChange::Nothing
    );
}

#[test]
fn next_phase_closes_the_time_of_one_and_starts_the_next_until_the_agenda_is_done() {
    let agenda = default_agenda();
    let mut timer = started(&agenda);
    assert_eq!(
        timer.next_phase(&agenda, at(11, 0)),
        TimerChange::Started(agenda[1].clone())
    );
    assert_eq!(
        timer.next_phase(&agenda, at(20, 0)),
        TimerChange::Started(agenda[2].clone())
    );
    // The last phase squeezed: twelve minutes of twenty.
    assert_eq!(timer.next_phase(&agenda, at(32, 0)), TimerChange::Finished);
    assert!(timer.finished());
    assert!(!timer.is_running());
    let minutes: Vec<u64> = (agenda.iter())
        .map(|p| timer.spent(p.id, at(60, 0)) / 60)
        .collect();
    assert_eq!(minutes, [11, 9, 12]);
    assert_eq!(timer.left(&agenda, at(60, 0)), None);
}

#[test]
fn next_phase_before_any_start_starts_the_first() {
    let agenda = default_agenda();
    let mut timer = PhaseTimer::default();
    assert_eq!(
        timer.next_phase(&agenda, at(0, 0)),
        TimerChange::Started(agenda[0].clone())
    );
}

#[test]
fn an_empty_agenda_has_nothing_to_time() {
    let mut timer = PhaseTimer::default();
    assert_eq!(timer.start_or_pause(&[], at(0, 0)), TimerChange::Nothing);
    assert_eq!(timer.next_phase(&[], at(0, 0)), TimerChange::Nothing);
    assert!(timer.is_unused());
}

#[test]
fn a_phase_removed_from_the_agenda_while_on_is_no_longer_current() {
    let mut agenda = default_agenda();
    let mut timer = started(&agenda);
    agenda.remove(0);
    assert_eq!(timer.current_phase(&agenda), None);
    assert_eq!(timer.left(&agenda, at(1, 0)), None);
    // The next press starts what is first now.
    assert_eq!(
        timer.next_phase(&agenda, at(1, 0)),
        TimerChange::Started(agenda[0].clone())
    );
}

#[test]
fn a_clock_that_goes_back_counts_no_time_rather_than_negative_time() {
    let agenda = default_agenda();
    let mut timer = started(&agenda);
    timer.start_or_pause(&agenda, at(-5, 0));
    assert_eq!(timer.spent(agenda[0].id, at(-5, 0)), 0);
}

#[test]
fn a_crash_mid_phase_loses_no_time_the_file_remembers_the_running_phase() {
    let mut session = Session::new("Personal budgets");
    let agenda = session.details.agenda.clone();
    session.timer = started(&agenda);
    session.timer.next_phase(&agenda, at(10, 0));
    session.timer.add_minute(&agenda);
    // Saved continuously; the laptop dies at 14:00 and Harvest is open again at 16:00.
    let text = crate::store::format::to_text(&session).unwrap();
    let reopened = crate::store::format::from_text(&text).unwrap().session;
    assert_eq!(reopened.timer, session.timer);
    let timer = &reopened.timer;
    assert!(timer.is_running());
    assert_eq!(timer.current_phase(&agenda), Some(&agenda[1]));
    // The room went on meanwhile: six minutes of eleven gone.
    assert_eq!(timer.spent(agenda[1].id, at(16, 0)), 360);
    assert_eq!(timer.left(&agenda, at(16, 0)), Some(300));
    assert_eq!(timer.spent(agenda[0].id, at(16, 0)), 600);
}
