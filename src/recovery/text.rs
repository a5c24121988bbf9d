//! The recovery screen's words, in English and Japanese.

use crate::i18n::Catalogue;

#[derive(Clone, Copy, PartialEq, Eq)]
#[cfg_attr(test, derive(Debug, strum::EnumIter))]
pub enum RecoveryText {
    Heading,
    WhatHappened,
    DraftKept,
    Reload,
}

impl Catalogue for RecoveryText {
    fn en(&self) -> &'static str {
        crate::words!(self,
            Heading => "Something went wrong",
            WhatHappened => "Profiles Studio hit an internal error and stopped. Reload starts it again; your \
                tokens on the server are as they were. Details are in the browser's console.",
            DraftKept => "Your unsaved changes to the open token form were kept in this tab. After Reload \
                (and connecting again, if asked) the form opens with them.",
            Reload => "Reload",
        )
    }

    fn ja(&self) -> &'static str {
        crate::words!(self,
            Heading => "問題が発生しました",
            WhatHappened => "Profiles Studio で内部エラーが起きたため停止しました。\
                「再読み込み」で再開します。サーバー上のトークンはそのままです。\
                詳細はブラウザのコンソールにあります。",
            DraftKept => "開いていたトークンのフォームの保存していない変更は、このタブに保持しました。\
                再読み込み (求められたら再接続) の後、その内容でフォームが開きます。",
            Reload => "再読み込み",
        )
    }
}

crate::catalogue!(RecoveryText);
