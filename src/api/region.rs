//! The CDP API's regional hosts, plus a custom base URL (a proxy, the simulator).

/// Where the API lives (US unless chosen otherwise).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Region {
    #[default]
    Us,
    Tokyo,
    Eu,
    Ap02,
    Ap03,
    Custom,
}

impl Region {
    pub const ALL: [Region; 6] = [Self::Us, Self::Tokyo, Self::Eu, Self::Ap02, Self::Ap03, Self::Custom];

    /// Stable id for config files and the select's values.
    pub fn id(self) -> &'static str {
        match self {
            Self::Us => "us",
            Self::Tokyo => "tokyo",
            Self::Eu => "eu",
            Self::Ap02 => "ap02",
            Self::Ap03 => "ap03",
            Self::Custom => "custom",
        }
    }

    /// The region of `id`; `eu01` (the host's name, used by the embed options) is `eu`.
    pub fn from_id(id: &str) -> Option<Self> {
        let id = if id == "eu01" { "eu" } else { id };
        Self::ALL.into_iter().find(|r| r.id() == id)
    }

    /// The API base URL; `None` for `Custom`, whose URL the user types.
    pub fn base_url(self) -> Option<&'static str> {
        match self {
            Self::Us => Some("https://api-cdp.treasuredata.com"),
            Self::Tokyo => Some("https://api-cdp.treasuredata.co.jp"),
            Self::Eu => Some("https://api-cdp.eu01.treasuredata.com"),
            Self::Ap02 => Some("https://api-cdp.ap02.treasuredata.com"),
            Self::Ap03 => Some("https://api-cdp.ap03.treasuredata.com"),
            Self::Custom => None,
        }
    }
}
