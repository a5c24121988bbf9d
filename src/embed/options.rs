//! The embedding host's `mount` options, checked: where the API is, where to start, which
//! history, which language. Pure (the JS object is read in `embed::mod`), so tested natively.

use crate::api::{ParentSegmentId, Region};
use crate::i18n::Language;
use crate::routes::AppRoute;
use crate::session::History;

/// The options as the host wrote them (absent fields are `None`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HostOptions {
    pub region: Option<String>,
    pub api_base: Option<String>,
    pub parent_segment_id: Option<String>,
    pub route: Option<String>,
    pub history: Option<String>,
    pub language: Option<String>,
    pub lookup_base: Option<String>,
}

/// What the instance is mounted with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub base_url: String,
    pub start: AppRoute,
    pub history: History,
    pub language: Language,
    /// The Profiles API host for the lookup tester; `None`: the region's.
    pub lookup_base: Option<String>,
}

/// The language of `requested` (`"ja"`, `"ja-JP"`, `"en"`), or English when it is absent or one
/// the console does not speak.
pub fn language(requested: Option<&str>) -> Language {
    requested.and_then(Language::from_tag).unwrap_or_default()
}

/// A base URL option (`apiBase`, `lookupBase`): absent, or an http(s) URL or a path starting
/// with `/`, without its trailing slash.
fn base_option(name: &str, value: Option<&str>) -> Result<Option<String>, String> {
    match value.map(str::trim) {
        None => Ok(None),
        Some(base) if crate::config::is_api_base(base) => Ok(Some(base.trim_end_matches('/').to_owned())),
        Some(base) => Err(format!("{name} \"{base}\" is neither an http(s) URL nor a path starting with /")),
    }
}

/// Checks the options; the error names the option and what was wrong, for the host's console.
pub fn settings(options: &HostOptions) -> Result<Settings, String> {
    let base_url = match (base_option("apiBase", options.api_base.as_deref())?, options.region.as_deref()) {
        (Some(base), _) => base,
        (None, region) => {
            let id = region.unwrap_or("us");
            Region::from_id(id)
                .and_then(Region::base_url)
                .ok_or_else(|| format!("region \"{id}\" is not one of us, tokyo, eu01, ap02, ap03"))?
                .to_owned()
        }
    };
    let start = match (options.route.as_deref(), options.parent_segment_id.as_deref()) {
        (Some(route), _) => AppRoute::parse(route),
        (None, Some(id)) => AppRoute::ParentSegment(
            ParentSegmentId::parse(id.trim())
                .ok_or_else(|| format!("parentSegmentId \"{id}\" is not an id"))?,
        ),
        (None, None) => AppRoute::ParentSegments,
    };
    let history = match options.history.as_deref() {
        None | Some("memory") => History::Memory,
        Some("hash") => History::Hash,
        Some(other) => return Err(format!("history \"{other}\" is neither \"memory\" nor \"hash\"")),
    };
    let language = language(options.language.as_deref());
    let lookup_base = base_option("lookupBase", options.lookup_base.as_deref())?;
    Ok(Settings { base_url, start, history, language, lookup_base })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(f: impl FnOnce(&mut HostOptions)) -> Result<Settings, String> {
        let mut o = HostOptions::default();
        f(&mut o);
        settings(&o)
    }

    #[test]
    fn defaults_are_us_memory_english_at_the_list() {
        let s = with(|_| {}).unwrap();
        assert_eq!(s.base_url, "https://api-cdp.treasuredata.com");
        assert_eq!(
            (s.start, s.history, s.language),
            (AppRoute::ParentSegments, History::Memory, Language::En)
        );
    }

    #[test]
    fn api_base_wins_over_region_and_may_be_a_path() {
        let s = with(|o| {
            o.region = Some("tokyo".into());
            o.api_base = Some("/cdp-api/".into());
        });
        assert_eq!(s.unwrap().base_url, "/cdp-api");
        assert_eq!(
            with(|o| o.region = Some("eu01".into())).unwrap().base_url,
            "https://api-cdp.eu01.treasuredata.com"
        );
        assert!(with(|o| o.api_base = Some("javascript:alert(1)".into())).unwrap_err().contains("apiBase"));
        assert!(with(|o| o.api_base = Some("//evil.example".into())).is_err());
        assert!(with(|o| o.region = Some("mars".into())).unwrap_err().contains("mars"));
        assert!(with(|o| o.region = Some("custom".into())).is_err());
    }

    #[test]
    fn start_route_then_parent_segment() {
        let s = with(|o| {
            o.route = Some("/ps/123/tokens/56".into());
            o.parent_segment_id = Some("9".into());
        });
        assert_eq!(s.unwrap().start.path(), "/ps/123/tokens/56");
        assert_eq!(with(|o| o.parent_segment_id = Some("123".into())).unwrap().start.path(), "/ps/123");
        assert!(with(|o| o.parent_segment_id = Some("abc".into())).is_err());
        assert_eq!(with(|o| o.route = Some("/nonsense".into())).unwrap().start, AppRoute::NotFound);
    }

    #[test]
    fn lookup_base_is_checked() {
        assert_eq!(
            with(|o| o.lookup_base = Some("http://h:2/".into())).unwrap().lookup_base.as_deref(),
            Some("http://h:2")
        );
        assert!(with(|o| o.lookup_base = Some("h:2".into())).unwrap_err().contains("lookupBase"));
    }

    #[test]
    fn history_and_language() {
        assert_eq!(with(|o| o.history = Some("hash".into())).unwrap().history, History::Hash);
        assert!(with(|o| o.history = Some("browser".into())).is_err());
        assert_eq!(with(|o| o.language = Some("EN".into())).unwrap().language, Language::En);
        assert_eq!(with(|o| o.language = Some("ja-JP".into())).unwrap().language, Language::Ja);
        assert_eq!(with(|o| o.language = Some("xx".into())).unwrap().language, Language::En);
    }
}
