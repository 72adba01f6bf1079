//! The phase timer's record: which phase of the agenda is on, since when, and how long each
//! phase has really taken. It is part of the session, so a crash or a restart loses none of
//! it, and every function takes the time from its caller, so tests can move the clock.

use super::{Changes, Phase, PhaseId};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the phase timer has recorded.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct PhaseTimer {
    /// The phase on now (running or paused); None before the first and after the last.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<PhaseId>,
    /// When the current phase last started running; None while paused. A session saved while
    /// running keeps counting through a crash: the room went on talking meanwhile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub running_since: Option<Timestamp>,
    /// Per phase, the time it has taken (pauses left out) and the minutes added to it.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub phases: BTreeMap<PhaseId, PhaseTime>,
    /// Who changed the record and when: copies merge by taking the later one.
    #[serde(skip_serializing_if = "Changes::is_empty")]
    pub changed: Changes,
}

/// One phase's time so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct PhaseTime {
    /// Seconds it has run, up to its last pause.
    pub seconds: u64,
    /// Minutes given to it on the day, on top of the agenda's.
    #[serde(skip_serializing_if = "is_zero")]
    pub added_minutes: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// What pressing a timer key did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimerChange {
    Started(Phase),
    Paused(Phase),
    /// The last phase ended; the agenda is done.
    Finished,
    /// A minute more for this phase.
    Extended(Phase),
    /// The agenda has no phases, or none is on to extend.
    Nothing,
}

impl PhaseTimer {
    /// Never started: nothing worth writing to the file.
    pub fn is_unused(&self) -> bool {
        *self == Self::default()
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    /// The phase on now, if it is still in the agenda.
    pub fn current_phase<'a>(&self, agenda: &'a [Phase]) -> Option<&'a Phase> {
        let current = self.current?;
        agenda.iter().find(|p| p.id == current)
    }

    /// Every phase has had its turn.
    pub fn finished(&self) -> bool {
        self.current.is_none() && !self.phases.is_empty()
    }

    /// Seconds the phase has run by `now`, pauses left out.
    pub fn spent(&self, phase: PhaseId, now: Timestamp) -> u64 {
        let closed = self.phases.get(&phase).map_or(0, |t| t.seconds);
        let running = match self.running_since {
            Some(since) if self.current == Some(phase) => seconds_between(since, now),
            _ => 0,
        };
        closed + running
    }

    /// Minutes the phases have run by `now`, to the nearest.
    pub fn spent_minutes<'a>(
        &self,
        phases: impl IntoIterator<Item = &'a Phase>,
        now: Timestamp,
    ) -> u64 {
        let seconds: u64 = phases.into_iter().map(|p| self.spent(p.id, now)).sum();
        (seconds + 30) / 60
    }

    /// Minutes the phase has in all: the agenda's and those added on the day.
    pub fn allowed_minutes(&self, phase: &Phase) -> u32 {
        let added = self.phases.get(&phase.id).map_or(0, |t| t.added_minutes);
        phase.minutes.saturating_add(added)
    }

    /// Seconds left of the current phase (below zero once it is over time).
    pub fn left(&self, agenda: &[Phase], now: Timestamp) -> Option<i64> {
        let phase = self.current_phase(agenda)?;
        let allowed = i64::from(self.allowed_minutes(phase)) * 60;
        Some(allowed - i64::try_from(self.spent(phase.id, now)).unwrap_or(i64::MAX))
    }

    /// Ctrl+T: pauses the phase that is running, or starts the current one (the first, before
    /// any has started or after the last has ended).
    pub fn start_or_pause(&mut self, agenda: &[Phase], now: Timestamp) -> TimerChange {
        if let Some(phase) = self.current_phase(agenda).cloned() {
            if self.is_running() {
                self.pause(now);
                return TimerChange::Paused(phase);
            }
            self.running_since = Some(now);
            return TimerChange::Started(phase);
        }
        match agenda.first() {
            Some(first) => self.start(first, now),
            None => TimerChange::Nothing,
        }
    }

    /// Ctrl+Shift+T: ends the current phase and starts the next; after the last, the agenda
    /// is done.
    pub fn next_phase(&mut self, agenda: &[Phase], now: Timestamp) -> TimerChange {
        self.pause(now);
        let next = match self.current_phase(agenda) {
            Some(current) => agenda.iter().skip_while(|p| p.id != current.id).nth(1),
            None if self.current.is_some() || self.phases.is_empty() => agenda.first(),
            None => None,
        };
        match next {
            Some(phase) => self.start(phase, now),
            None if agenda.is_empty() => TimerChange::Nothing,
            None => {
                self.current = None;
                TimerChange::Finished
            }
        }
    }

    /// +1 min: a minute more for the current phase.
    pub fn add_minute(&mut self, agenda: &[Phase]) -> TimerChange {
        let Some(phase) = self.current_phase(agenda).cloned() else {
            return TimerChange::Nothing;
        };
        let time = self.phases.entry(phase.id).or_default();
        time.added_minutes = time.added_minutes.saturating_add(1);
        TimerChange::Extended(phase)
    }

    fn start(&mut self, phase: &Phase, now: Timestamp) -> TimerChange {
        self.current = Some(phase.id);
        self.running_since = Some(now);
        self.phases.entry(phase.id).or_default();
        TimerChange::Started(phase.clone())
    }

    /// Adds the running stretch to the current phase's time and stops the clock.
    fn pause(&mut self, now: Timestamp) {
        let (Some(since), Some(current)) = (self.running_since.take(), self.current) else {
            return;
        };
        let time = self.phases.entry(current).or_default();
        time.seconds += seconds_between(since, now);
    }
}

/// Whole seconds from `since` to `now`; none when the clock has gone back.
fn seconds_between(since: Timestamp, now: Timestamp) -> u64 {
    let seconds = now.as_second().saturating_sub(since.as_second());
    u64::try_from(seconds).unwrap_or(0)
}

#[cfg(test)]
mod tests;
