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
    fn en(&self) -> &'static str {
        crate::words!(self,
            ConnectTitle => "Connect to Treasure Data",
            Region => "Region",
            RegionUs => "US",
            RegionTokyo => "Tokyo",
            RegionEu => "EU",
            RegionAp02 => "Korea (ap02)",
            RegionAp03 => "ap03",
            RegionCustom => "Custom",
            ApiBaseUrl => "API base URL",
            ApiKey => "API key",
            Remember => "Remember in this tab",
            RememberNote => "Keeps the key in this tab's session storage until you disconnect or close the \
                tab. Anything running in this page could read it; leave it off on shared computers.",
            Connect => "Connect",
            Connecting => "Connecting…",
            EnterBaseUrl => "Enter the API base URL, starting with https:// or http://.",
            EnterApiKey => "Enter an API key.",
            CheckRegionAndKey => "Check the region and the API key.",
            ProxyRefused => "The proxy's credential was not accepted (401). Ask whoever runs the proxy to \
                check its key.",
            ProxyBefore => "Connecting through the proxy at ",
            ProxyAfter => "; it adds the credential, so no key is needed here.",
            TryAgain => "Try again",
            NotSignedIn => "Not signed in",
            WaitingForHost => "Waiting for the console's credential.",
            ParentSegments => "Parent segments",
            ParentSegmentsLead => "Select a parent segment to browse its folders and Profiles API tokens.",
            NoParentSegments => "This account has no parent segments yet. Create one in Audience Studio \
                first.",
            LoadingParentSegments => "Loading parent segments…",
            ParentSegmentsFailed => "Could not load the parent segments.",
            Profiles => "{0} profiles",
            Updated => "Updated {0}",
        )
    }

    fn ja(&self) -> &'static str {
        crate::words!(self,
            ConnectTitle => "Treasure Data に接続",
            Region => "リージョン",
            RegionUs => "米国 (US)",
            RegionTokyo => "東京",
            RegionEu => "欧州 (EU)",
            RegionAp02 => "韓国 (ap02)",
            RegionAp03 => "ap03 リージョン",
            RegionCustom => "カスタム",
            ApiBaseUrl => "API のベース URL",
            ApiKey => "API キー",
            Remember => "このタブで記憶する",
            RememberNote => "切断するかタブを閉じるまで、キーをこのタブのセッションストレージに保持します。\
                このページで動くものは何でもそれを読めるため、\
                共用のコンピュータではオフのままにしてください。",
            Connect => "接続",
            Connecting => "接続中…",
            EnterBaseUrl => "https:// または http:// で始まる API のベース URL を入力してください。",
            EnterApiKey => "API キーを入力してください。",
            CheckRegionAndKey => "リージョンと API キーを確認してください。",
            ProxyRefused => "プロキシの認証情報が受け付けられませんでした (401)。\
                プロキシの管理者にキーの確認を依頼してください。",
            ProxyBefore => "プロキシ ",
            ProxyAfter => " 経由で接続しています。認証情報はプロキシが付けるため、ここでキーは不要です。",
            TryAgain => "もう一度試す",
            NotSignedIn => "サインインしていません",
            WaitingForHost => "コンソールの認証情報を待っています。",
            ParentSegments => "ペアレントセグメント",
            ParentSegmentsLead => "ペアレントセグメントを選ぶと、そのフォルダと Profiles API \
                トークンを表示します。",
            NoParentSegments => "このアカウントにはまだペアレントセグメントがありません。先に Audience \
                Studio で作成してください。",
            LoadingParentSegments => "ペアレントセグメントを読み込み中…",
            ParentSegmentsFailed => "ペアレントセグメントを読み込めませんでした。",
            Profiles => "{0} プロファイル",
            Updated => "更新: {0}",
        )
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
