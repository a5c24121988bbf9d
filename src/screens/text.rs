//! The words of the screens outside a parent segment (connect, waiting for the host, the
//! parent segment list), in English and Japanese.

use crate::api::Region;
use crate::i18n::{one, Args, Catalogue, NO_ARGS};

#[derive(Clone)]
#[cfg_attr(test, derive(Debug, strum::EnumIter))]
#[repr(u8)]
pub enum ScreenText {
    ConnectTitle,
    Region,
    /// How the menu names a region (`From<Region>`; `Region` itself is the API's and has no
    /// words).
    RegionUs,
    RegionTokyo,
    RegionEu,
    RegionAp02,
    RegionAp03,
    RegionCustom,
    ApiBaseUrl,
    ApiKey,
    Remember,
    RememberNote,
    Connect,
    Connecting,
    EnterBaseUrl,
    EnterApiKey,
    CheckRegionAndKey,
    ProxyRefused,
    /// `{0}`: the proxy's base URL; the sentence around it comes in two parts.
    ProxyBefore,
    ProxyAfter,
    TryAgain,
    NotSignedIn,
    WaitingForHost,
    ParentSegments,
    ParentSegmentsLead,
    NoParentSegments,
    LoadingParentSegments,
    ParentSegmentsFailed,
    /// `{0}`: the population, already formatted.
    Profiles(String),
    /// `{0}`: when, already formatted.
    Updated(String),
}

impl From<Region> for ScreenText {
    fn from(region: Region) -> Self {
        match region {
            Region::Us => Self::RegionUs,
            Region::Tokyo => Self::RegionTokyo,
            Region::Eu => Self::RegionEu,
            Region::Ap02 => Self::RegionAp02,
            Region::Ap03 => Self::RegionAp03,
            Region::Custom => Self::RegionCustom,
        }
    }
}

impl Catalogue for ScreenText {
    #[inline(never)]
    fn en(&self) -> &'static str {
        match self {
            Self::ConnectTitle => "Connect to Treasure Data",
            Self::Region => "Region",
            Self::RegionUs => "US",
            Self::RegionTokyo => "Tokyo",
            Self::RegionEu => "EU",
            Self::RegionAp02 => "Korea (ap02)",
            Self::RegionAp03 => "ap03",
            Self::RegionCustom => "Custom",
            Self::ApiBaseUrl => "API base URL",
            Self::ApiKey => "API key",
            Self::Remember => "Remember in this tab",
            Self::RememberNote => {
                "Keeps the key in this tab's session storage until you disconnect or close the tab. Anything \
                 running in this page could read it; leave it off on shared computers."
            }
            Self::Connect => "Connect",
            Self::Connecting => "Connecting…",
            Self::EnterBaseUrl => "Enter the API base URL, starting with https:// or http://.",
            Self::EnterApiKey => "Enter an API key.",
            Self::CheckRegionAndKey => "Check the region and the API key.",
            Self::ProxyRefused => {
                "The proxy's credential was not accepted (401). Ask whoever runs the proxy to check its key."
            }
            Self::ProxyBefore => "Connecting through the proxy at ",
            Self::ProxyAfter => "; it adds the credential, so no key is needed here.",
            Self::TryAgain => "Try again",
            Self::NotSignedIn => "Not signed in",
            Self::WaitingForHost => "Waiting for the console's credential.",
            Self::ParentSegments => "Parent segments",
            Self::ParentSegmentsLead => {
                "Select a parent segment to browse its folders and Profiles API tokens."
            }
            Self::NoParentSegments => {
                "This account has no parent segments yet. Create one in Audience Studio first."
            }
            Self::LoadingParentSegments => "Loading parent segments…",
            Self::ParentSegmentsFailed => "Could not load the parent segments.",
            Self::Profiles(_) => "{0} profiles",
            Self::Updated(_) => "Updated {0}",
        }
    }

    #[inline(never)]
    fn ja(&self) -> &'static str {
        match self {
            Self::ConnectTitle => "Treasure Data に接続",
            Self::Region => "リージョン",
            Self::RegionUs => "米国 (US)",
            Self::RegionTokyo => "東京",
            Self::RegionEu => "欧州 (EU)",
            Self::RegionAp02 => "韓国 (ap02)",
            Self::RegionAp03 => "ap03 リージョン",
            Self::RegionCustom => "カスタム",
            Self::ApiBaseUrl => "API のベース URL",
            Self::ApiKey => "API キー",
            Self::Remember => "このタブで記憶する",
            Self::RememberNote => {
                "切断するかタブを閉じるまで、キーをこのタブのセッションストレージに保持します。\
                 このページで動くものは何でもそれを読めるため、共用のコンピュータではオフのままにしてください。"
            }
            Self::Connect => "接続",
            Self::Connecting => "接続中…",
            Self::EnterBaseUrl => "https:// または http:// で始まる API のベース URL を入力してください。",
            Self::EnterApiKey => "API キーを入力してください。",
            Self::CheckRegionAndKey => "リージョンと API キーを確認してください。",
            Self::ProxyRefused => {
                "プロキシの認証情報が受け付けられませんでした (401)。プロキシの管理者にキーの確認を依頼してください。"
            }
            Self::ProxyBefore => "プロキシ ",
            Self::ProxyAfter => " 経由で接続しています。認証情報はプロキシが付けるため、ここでキーは不要です。",
            Self::TryAgain => "もう一度試す",
            Self::NotSignedIn => "サインインしていません",
            Self::WaitingForHost => "コンソールの認証情報を待っています。",
            Self::ParentSegments => "ペアレントセグメント",
            Self::ParentSegmentsLead => {
                "ペアレントセグメントを選ぶと、そのフォルダと Profiles API トークンを表示します。"
            }
            Self::NoParentSegments => {
                "このアカウントにはまだペアレントセグメントがありません。先に Audience Studio で作成してください。"
            }
            Self::LoadingParentSegments => "ペアレントセグメントを読み込み中…",
            Self::ParentSegmentsFailed => "ペアレントセグメントを読み込めませんでした。",
            Self::Profiles(_) => "{0} プロファイル",
            Self::Updated(_) => "更新: {0}",
        }
    }

    fn args(&self) -> Args<'_> {
        match self {
            Self::Profiles(text) | Self::Updated(text) => one(text),
            _ => NO_ARGS,
        }
    }
}

crate::catalogue!(ScreenText);

#[cfg(test)]
mod region_tests {
    use super::*;
    use crate::i18n::{Language, Localized};

    #[test]
    fn every_region_has_a_name_of_its_own_in_each_language() {
        for language in Language::ALL {
            let mut names: Vec<_> =
                Region::ALL.iter().map(|&r| ScreenText::from(r).in_language(language)).collect();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), Region::ALL.len(), "{language:?}");
        }
    }
}
