//! The words of the two pages around the token form, "Edit Profiles API Token" and the create
//! wizard (headings, steps, buttons, notices, the conflict, the toasts), in English and
//! Japanese.

use crate::i18n::{one, two, Args, Catalogue, NO_ARGS};

#[derive(Clone)]
#[cfg_attr(test, derive(Debug, strum::EnumIter))]
#[repr(u8)]
pub enum PageText {
    // Edit
    CannotEditNoFolder,
    EditCrumb,
    KeptChanges,
    NotSavedLead,
    YourChanges,
    TokenSettings,
    Configure,
    AfterSaveHint,
    Save,
    Saving,
    /// `{0}`: the token's name.
    Saved(String),
    /// `{0}`: the folder's name.
    ReadOnly(String),
    Someone,
    ConflictTitle,
    /// Who and when, already formatted.
    ConflictBy(String, String),
    /// The changed fields, already listed in the current language.
    ChangedThere(String),
    ConflictExplain,
    Reload,
    Overwrite,
    // Create
    CreateTitle,
    NewCrumb,
    /// `{0}`: the folder's name.
    InFolder(String),
    KeptNewToken,
    NotCreatedLead,
    NewToken,
    FolderFailed,
    ThisFolder,
    /// The wizard's steps, as its title says them.
    Step1,
    Step2,
    Step3,
    NameHint,
    /// The attribute limit.
    ConfigureHint(usize),
    Back,
    Next,
    Create,
    Creating,
    /// `{0}`: the token's name.
    Created(String),
    CreatedRecovered,
    FolderChecked,
    /// `{0}`: the folder's name.
    NoEdit(String),
}

impl Catalogue for PageText {
    #[inline(never)]
    fn en(&self) -> &'static str {
        match self {
            Self::CannotEditNoFolder => {
                "The API did not say which folder this token is in, so it cannot be edited here."
            }
            Self::EditCrumb => "Edit",
            Self::KeptChanges => "Your unsaved changes to this token were kept; here they are again.",
            Self::NotSavedLead => "Not saved. ",
            Self::YourChanges => "your changes to this token",
            Self::TokenSettings => "Token settings",
            Self::Configure => "Configure",
            Self::AfterSaveHint => "After you save, the changes reach lookups when the token's workflow next finishes.",
            Self::Save => "Save",
            Self::Saving => "Saving…",
            Self::Saved(_) => {
                "“{0}”: Saved. The changes reach lookups when the token's workflow next finishes (usually \
                 within minutes); until then web pages get the previous configuration."
            }
            Self::ReadOnly(_) => {
                "You can view this token but not change it: the folder “{0}” does not give you edit \
                 permission. Saving will be refused."
            }
            Self::Someone => "someone",
            Self::ConflictTitle => "This token was changed on the server after you opened it",
            Self::ConflictBy(..) => " (by {0}, {1}).",
            Self::ChangedThere(_) => " Changed there: {0}.",
            Self::ConflictExplain => {
                "Reload shows the current version and discards your changes. Overwrite saves your version over \
                 theirs."
            }
            Self::Reload => "Reload",
            Self::Overwrite => "Overwrite",
            Self::CreateTitle => "Create Profiles API Token",
            Self::NewCrumb => "New Profiles API Token",
            Self::InFolder(_) => "In the folder “{0}”",
            Self::KeptNewToken => "What you had entered for this new token was kept; here it is again.",
            Self::NotCreatedLead => "Not created. ",
            Self::NewToken => "this new token",
            Self::FolderFailed => "Could not load the folder.",
            Self::ThisFolder => "This folder",
            Self::Step1 => "Step 1 of 3: Name",
            Self::Step2 => "Step 2 of 3: Configure",
            Self::Step3 => "Step 3 of 3: Segments",
            Self::NameHint => "Enter a name for your token and optionally enter a description.",
            Self::ConfigureHint(_) => {
                "Choose the Lookup Key and up to {0} attributes. Segments can be added now (Next) or later \
                 (Create)."
            }
            Self::Back => "Back",
            Self::Next => "Next",
            Self::Create => "Create",
            Self::Creating => "Creating…",
            Self::Created(_) => {
                "“{0}”: Created. Web pages can use the token's UUID once its workflow has run for the first \
                 time (usually within minutes)."
            }
            Self::CreatedRecovered => " (The answer was lost, but the token was found in its folder.)",
            Self::FolderChecked => "The folder was checked: the token was not created, so you can try again.",
            Self::NoEdit(_) => {
                "You cannot create tokens in “{0}”: your permissions there allow viewing only. Ask an \
                 administrator for edit access, or create the token in another folder."
            }
        }
    }

    #[inline(never)]
    fn ja(&self) -> &'static str {
        match self {
            Self::CannotEditNoFolder => {
                "このトークンがどのフォルダにあるかを API が返さなかったため、ここでは編集できません。"
            }
            Self::EditCrumb => "編集",
            Self::KeptChanges => "このトークンへの保存していない変更を保持していました。ここに戻しています。",
            Self::NotSavedLead => "保存されませんでした。",
            Self::YourChanges => "このトークンへの変更",
            Self::TokenSettings => "トークンの設定",
            Self::Configure => "設定",
            Self::AfterSaveHint => "保存した変更は、トークンのワークフローが次に完了したときにルックアップに反映されます。",
            Self::Save => "保存",
            Self::Saving => "保存中…",
            Self::Saved(_) => {
                "「{0}」を保存しました。変更はトークンのワークフローが次に完了したとき (通常は数分以内) に\
                 ルックアップに反映されます。それまで Web ページには以前の設定が返ります。"
            }
            Self::ReadOnly(_) => {
                "このトークンは表示できますが変更できません。フォルダ「{0}」の編集権限がないため、保存は拒否されます。"
            }
            Self::Someone => "不明なユーザー",
            Self::ConflictTitle => "このトークンは、開いた後にサーバー上で変更されました",
            Self::ConflictBy(..) => " ({0}、{1})。",
            Self::ChangedThere(_) => "変更された項目: {0}。",
            Self::ConflictExplain => {
                "「再読み込み」は現在の版を表示し、あなたの変更を破棄します。「上書き」はあなたの版で相手の版を\
                 置き換えて保存します。"
            }
            Self::Reload => "再読み込み",
            Self::Overwrite => "上書き",
            Self::CreateTitle => "Profiles API トークンを作成",
            Self::NewCrumb => "新しい Profiles API トークン",
            Self::InFolder(_) => "フォルダ「{0}」内",
            Self::KeptNewToken => "この新しいトークンに入力していた内容を保持していました。ここに戻しています。",
            Self::NotCreatedLead => "作成されませんでした。",
            Self::NewToken => "この新しいトークン",
            Self::FolderFailed => "フォルダを読み込めませんでした。",
            Self::ThisFolder => "このフォルダ",
            Self::Step1 => "ステップ 1 / 3: 名前",
            Self::Step2 => "ステップ 2 / 3: 設定",
            Self::Step3 => "ステップ 3 / 3: セグメント",
            Self::NameHint => "トークンの名前を入力し、必要なら説明を入力してください。",
            Self::ConfigureHint(_) => {
                "Lookup Key と最大 {0} 個の属性を選んでください。セグメントは今 (次へ) でも後 (作成) でも追加できます。"
            }
            Self::Back => "戻る",
            Self::Next => "次へ",
            Self::Create => "作成",
            Self::Creating => "作成中…",
            Self::Created(_) => {
                "「{0}」を作成しました。ワークフローが初めて実行されると (通常は数分以内)、Web ページでトークンの \
                 UUID を使えるようになります。"
            }
            Self::CreatedRecovered => " (応答は失われましたが、トークンはフォルダ内で見つかりました。)",
            Self::FolderChecked => "フォルダを確認しました。トークンは作成されていないので、もう一度お試しいただけます。",
            Self::NoEdit(_) => {
                "「{0}」にはトークンを作成できません。そこでの権限は表示のみです。管理者に編集権限を依頼するか、\
                 別のフォルダに作成してください。"
            }
        }
    }

    fn args(&self) -> Args<'_> {
        match self {
            Self::Saved(a)
            | Self::ReadOnly(a)
            | Self::ChangedThere(a)
            | Self::InFolder(a)
            | Self::Created(a)
            | Self::NoEdit(a) => one(a),
            Self::ConflictBy(a, b) => two(a, b),
            Self::ConfigureHint(n) => one(n),
            _ => NO_ARGS,
        }
    }
}

crate::catalogue!(PageText);
