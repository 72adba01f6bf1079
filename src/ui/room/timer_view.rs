//! The phase timer as words, shared by the status bar and the projector.

use crate::model::{Phase, PhaseTimer};
use jiff::Timestamp;

/// How near the end of its time the current phase is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Urgency {
    Calm,
    /// Two minutes or less left.
    Soon,
    /// No time left.
    Over,
}

/// Left when [`Urgency::Soon`] begins.
const SOON_SECONDS: i64 = 120;

/// What the timer shows now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimerView {
    pub phase: String,
    /// "7:32 left", "paused, 7:32 left", "time is up, 0:42 over".
    pub time: String,
    pub urgency: Urgency,
    pub running: bool,
}

impl TimerView {
    /// None before the first phase starts and after the last ends.
    pub fn of(timer: &PhaseTimer, agenda: &[Phase], now: Timestamp) -> Option<Self> {
        let phase = timer.current_phase(agenda)?;
        let left = timer.left(agenda, now)?;
        let urgency = match left {
            ..=0 => Urgency::Over,
            1..=SOON_SECONDS => Urgency::Soon,
            _ => Urgency::Calm,
        };
        let mut time = match urgency {
            Urgency::Over => format!("time is up, {} over", clock_text(-left)),
            _ => format!("{} left", clock_text(left)),
        };
        if !timer.is_running() {
            time = format!("paused, {time}");
        }
        Some(Self {
            phase: phase.name.clone(),
            time,
            urgency,
            running: timer.is_running(),
        })
    }
}

/// "7:05", "12:00", "1:02:03".
pub fn clock_text(seconds: i64) -> String {
    let seconds = seconds.max(0);
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

/// How long until the timer's words next change: the next whole second of the clock.
pub fn until_next_second(now: Timestamp) -> std::time::Duration {
    let into = u64::try_from(now.subsec_nanosecond()).unwrap_or(0);
    std::time::Duration::from_nanos(1_000_000_000 - into.min(999_999_999))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::default_agenda;
    use jiff::SignedDuration;

    #[test]
    fn the_words_turn_to_soon_at_two_minutes_and_over_at_zero() {
        let agenda = default_agenda();
        let start = Timestamp::UNIX_EPOCH + SignedDuration::from_secs(1_800_000_000);
        let mut timer = PhaseTimer::default();
        timer.start_or_pause(&agenda, start);
        let at =
            |seconds| TimerView::of(&timer, &agenda, start + SignedDuration::from_secs(seconds));
        let calm = at(0).unwrap();
        assert_eq!(
            (calm.phase.as_str(), calm.time.as_str()),
            ("Good", "10:00 left")
        );
        assert_eq!(calm.urgency, Urgency::Calm);
        assert_eq!(at(479).unwrap().urgency, Urgency::Calm);
        assert_eq!(at(480).unwrap().urgency, Urgency::Soon);
        assert_eq!(at(480).unwrap().time, "2:00 left");
        let over = at(642).unwrap();
        assert_eq!(
            (over.time.as_str(), over.urgency),
            ("time is up, 0:42 over", Urgency::Over)
        );
    }

    #[test]
    fn a_paused_timer_says_so() {
        let agenda = default_agenda();
        let mut timer = PhaseTimer::default();
        timer.start_or_pause(&agenda, Timestamp::UNIX_EPOCH);
        let later = Timestamp::UNIX_EPOCH + SignedDuration::from_secs(65);
        timer.start_or_pause(&agenda, later);
        let view = TimerView::of(&timer, &agenda, later).unwrap();
        assert_eq!(view.time, "paused, 8:55 left");
        assert!(!view.running);
    }

    #[test]
    fn clock_text_reads_like_a_kitchen_timer() {
        assert_eq!(clock_text(425), "7:05");
        assert_eq!(clock_text(3723), "1:02:03");
        assert_eq!(clock_text(-5), "0:00");
    }
}
