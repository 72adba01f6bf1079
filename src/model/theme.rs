use super::{Changes, ThemeId};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A named group of cards that say related things.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
// A field name the format does not know is damage, not something to drop in silence.
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: ThemeId,
    pub name: String,
    pub color: Rgb,
    /// The name it was made with: two laptops that made a theme of the same name (in any
    /// capitals) made the same theme. Empty for a theme from a version 1 file.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub made_as: String,
    #[serde(skip_serializing_if = "Changes::is_empty")]
    pub changed: Changes,
    /// Its heading in plain words for the Easy Read report; its name when empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub easy_words: String,
}

/// A name as merging compares it: any capitals, no surrounding spaces.
pub(super) fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

impl Default for Theme {
    fn default() -> Self {
        Self {
            id: ThemeId::new(),
            name: String::new(),
            color: Rgb::PALETTE[0],
            made_as: String::new(),
            changed: Changes::default(),
            easy_words: String::new(),
        }
    }
}

impl Theme {
    /// A new theme; `index` picks its colour from the palette so neighbours differ.
    pub fn new(name: impl Into<String>, index: usize) -> Self {
        let name = name.into();
        Self {
            made_as: name.clone(),
            name,
            color: Rgb::PALETTE[index % Rgb::PALETTE.len()],
            ..Self::default()
        }
    }

    /// What makes two themes the same theme when sessions are merged.
    pub fn match_key(&self) -> String {
        name_key(if self.made_as.is_empty() {
            &self.name
        } else {
            &self.made_as
        })
    }
}

/// A colour, written in files as `"#rrggbb"` so people can read and edit it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Distinct colours that read well as labels on light and dark backgrounds.
    pub const PALETTE: [Rgb; 10] = [
        Rgb(0x4e, 0x79, 0xa7),
        Rgb(0xf2, 0x8e, 0x2b),
        Rgb(0x59, 0xa1, 0x4f),
        Rgb(0xe1, 0x57, 0x59),
        Rgb(0x76, 0xb7, 0xb2),
        Rgb(0xed, 0xc9, 0x48),
        Rgb(0xb0, 0x7a, 0xa1),
        Rgb(0xff, 0x9d, 0xa7),
        Rgb(0x9c, 0x75, 0x5f),
        Rgb(0xba, 0xb0, 0xac),
    ];

    /// `"#rrggbb"`.
    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Reads `"#rrggbb"` (the `#` is optional).
    pub fn from_hex(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#').unwrap_or(text);
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb(channel(0)?, channel(2)?, channel(4)?))
    }
}

impl fmt::Debug for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl Serialize for Rgb {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Rgb::from_hex(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "expected a colour like \"#4e79a7\", found {text:?}"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips_and_rejects_junk() {
        for color in Rgb::PALETTE {
            assert_eq!(Rgb::from_hex(&color.to_hex()), Some(color));
        }
        assert_eq!(Rgb::from_hex("ff0000"), Some(Rgb(255, 0, 0)));
        assert_eq!(Rgb::from_hex("#ff00"), None);
        assert_eq!(Rgb::from_hex("#gg0000"), None);
        assert_eq!(Rgb::from_hex("#ééé"), None);
    }
}
