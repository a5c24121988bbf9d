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
    fn en(&self) -> &'static str {
        crate::words!(self,
            CannotEditNoFolder => "The API did not say which folder this token is in, so it cannot be edited \
                here.",
            EditCrumb => "Edit",
            KeptChanges => "Your unsaved changes to this token were kept; here they are again.",
            NotSavedLead => "Not saved. ",
            YourChanges => "your changes to this token",
            TokenSettings => "Token settings",
            Configure => "Configure",
            AfterSaveHint => "After you save, the changes reach lookups when the token's workflow next \
                finishes.",
            Save => "Save",
            Saving => "Saving…",
            Saved => "“{0}”: Saved. The changes reach lookups when the token's workflow next finishes \
                (usually within minutes); until then web pages get the previous configuration.",
            ReadOnly => "You can view this token but not change it: the folder “{0}” does not give you edit \
                permission. Saving will be refused.",
            Someone => "someone",
            ConflictTitle => "This token was changed on the server after you opened it",
            ConflictBy => " (by {0}, {1}).",
            ChangedThere => " Changed there: {0}.",
            ConflictExplain => "Reload shows the current version and discards your changes. Overwrite saves \
                your version over theirs.",
            Reload => "Reload",
            Overwrite => "Overwrite",
            CreateTitle => "Create Profiles API Token",
            NewCrumb => "New Profiles API Token",
            InFolder => "In the folder “{0}”",
            KeptNewToken => "What you had entered for this new token was kept; here it is again.",
            NotCreatedLead => "Not created. ",
            NewToken => "this new token",
            FolderFailed => "Could not load the folder.",
            ThisFolder => "This folder",
            Step1 => "Step 1 of 3: Name",
            Step2 => "Step 2 of 3: Configure",
            Step3 => "Step 3 of 3: Segments",
            NameHint => "Enter a name for your token and optionally enter a description.",
            ConfigureHint => "Choose the Lookup Key and up to {0} attributes. Segments can be added now \
                (Next) or later (Create).",
            Back => "Back",
            Next => "Next",
            Create => "Create",
            Creating => "Creating…",
            Created => "“{0}”: Created. Web pages can use the token's UUID once its workflow has run for the \
                first time (usually within minutes).",
            CreatedRecovered => " (The answer was lost, but the token was found in its folder.)",
            FolderChecked => "The folder was checked: the token was not created, so you can try again.",
            NoEdit => "You cannot create tokens in “{0}”: your permissions there allow viewing only. Ask an \
                administrator for edit access, or create the token in another folder.",
        )
    }

    fn ja(&self) -> &'static str {
        crate::words!(self,
            CannotEditNoFolder => "このトークンがどのフォルダにあるかを API が返さなかったため、\
                ここでは編集できません。",
            EditCrumb => "編集",
            KeptChanges => "このトークンへの保存していない変更を保持していました。ここに戻しています。",
            NotSavedLead => "保存されませんでした。",
            YourChanges => "このトークンへの変更",
            TokenSettings => "トークンの設定",
            Configure => "設定",
            AfterSaveHint => "保存した変更は、トークンのワークフローが次に完了したときにルックアップに反映さ\
                れます。",
            Save => "保存",
            Saving => "保存中…",
            Saved => "「{0}」を保存しました。変更はトークンのワークフローが次に完了したとき (通常は数分以内) \
                にルックアップに反映されます。それまで Web ページには以前の設定が返ります。",
            ReadOnly => "このトークンは表示できますが変更できません。フォルダ「{0}」の編集権限がないため、\
                保存は拒否されます。",
            Someone => "不明なユーザー",
            ConflictTitle => "このトークンは、開いた後にサーバー上で変更されました",
            ConflictBy => " ({0}、{1})。",
            ChangedThere => "変更された項目: {0}。",
            ConflictExplain => "「再読み込み」は現在の版を表示し、あなたの変更を破棄します。\
                「上書き」はあなたの版で相手の版を置き換えて保存します。",
            Reload => "再読み込み",
            Overwrite => "上書き",
            CreateTitle => "Profiles API トークンを作成",
            NewCrumb => "新しい Profiles API トークン",
            InFolder => "フォルダ「{0}」内",
            KeptNewToken => "この新しいトークンに入力していた内容を保持していました。ここに戻しています。",
            NotCreatedLead => "作成されませんでした。",
            NewToken => "この新しいトークン",
            FolderFailed => "フォルダを読み込めませんでした。",
            ThisFolder => "このフォルダ",
            Step1 => "ステップ 1 / 3: 名前",
            Step2 => "ステップ 2 / 3: 設定",
            Step3 => "ステップ 3 / 3: セグメント",
            NameHint => "トークンの名前を入力し、必要なら説明を入力してください。",
            ConfigureHint => "Lookup Key と最大 {0} 個の属性を選んでください。セグメントは今 (次へ) でも後 \
                (作成) でも追加できます。",
            Back => "戻る",
            Next => "次へ",
            Create => "作成",
            Creating => "作成中…",
            Created => "「{0}」を作成しました。ワークフローが初めて実行されると (通常は数分以内)、Web \
                ページでトークンの UUID を使えるようになります。",
            CreatedRecovered => " (応答は失われましたが、トークンはフォルダ内で見つかりました。)",
            FolderChecked => "フォルダを確認しました。トークンは作成されていないので、\
                もう一度お試しいただけます。",
            NoEdit => "「{0}」にはトークンを作成できません。そこでの権限は表示のみです。\
                管理者に編集権限を依頼するか、別のフォルダに作成してください。",
        )
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
