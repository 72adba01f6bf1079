//! What the status bar says about saving. It never says "Saved" for a change that is not on
//! the device.

use std::fmt;

/// The state of the session file, as the user should see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Every submitted change is on disk; `at` is when the file was last written (None if not
    /// known, e.g. a file that has not been saved in this run and has no modification time).
    Saved { at: Option<jiff::Timestamp> },
    /// A change is being written.
    Saving,
    /// The last attempt failed. The changes are kept in memory and saving is retried.
    NotSaved { reason: String, retrying: bool },
}

impl SaveStatus {
    pub fn is_saved(&self) -> bool {
        matches!(self, SaveStatus::Saved { .. })
    }
}

/// "Saved 14:02:31" (local time), "Saving…", "Not saved — disk full (retrying)".
impl fmt::Display for SaveStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveStatus::Saved { at: Some(at) } => write!(f, "Saved {}", clock_time(*at)),
            SaveStatus::Saved { at: None } => f.write_str("Saved"),
            SaveStatus::Saving => f.write_str("Saving…"),
            SaveStatus::NotSaved { reason, retrying } => {
                write!(f, "Not saved — {reason}")?;
                if *retrying {
                    f.write_str(" (retrying)")?;
                }
                Ok(())
            }
        }
    }
}

/// Local clock time of a moment, as shown in messages ("14:02:31").
pub fn clock_time(at: jiff::Timestamp) -> String {
    at.to_zoned(jiff::tz::TimeZone::system())
        .strftime("%H:%M:%S")
        .to_string()
}

/// The local clock time, with the date when it is not today ("3 Nov 2026 14:02:31").
pub fn local_moment(at: jiff::Timestamp) -> String {
    let zone = jiff::tz::TimeZone::system();
    let local = at.to_zoned(zone.clone());
    if local.date() == jiff::Timestamp::now().to_zoned(zone).date() {
        clock_time(at)
    } else {
        format!("{} {}", local.strftime("%-d %b %Y"), clock_time(at))
    }
}

#[cfg(test)]
mod tests {
    use super::SaveStatus;

    #[test]
    fn the_status_bar_says_plainly_what_is_true() {
        assert_eq!(SaveStatus::Saving.to_string(), "Saving…");
        assert_eq!(SaveStatus::Saved { at: None }.to_string(), "Saved");
        let saved = SaveStatus::Saved {
            at: Some(jiff::Timestamp::now()),
        };
        let text = saved.to_string();
        assert!(
            text.starts_with("Saved ") && text.len() == "Saved 14:02:31".len(),
            "{text}"
        );
        let failing = SaveStatus::NotSaved {
            reason: "disk full".into(),
            retrying: true,
        };
        assert_eq!(failing.to_string(), "Not saved — disk full (retrying)");
        assert!(!failing.is_saved());
    }
}
