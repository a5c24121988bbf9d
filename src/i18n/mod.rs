//! The two languages of the console and the one way to say something in them.
//!
//! Every user-visible text is a value of a feature's catalogue (`tree::text::TreeText`,
//! `token::text::TokenText`, …), an enum that implements [`Localized`] with one exhaustive
//! `match` per language (written with [`words!`](crate::words)), so the compiler refuses a
//! message without its Japanese. Numbers and names are the variants' fields. Server data (names,
//! descriptions, folder names) is never translated. [`locale`] holds an instance's current
//! language reactively and words views with `tr`; [`intl`] formats numbers and dates through
//! the browser's `Intl`. No runtime translation framework: a Fluent-style crate would cost
//! about 300 KB.

pub mod intl;
pub mod locale;

use std::borrow::Cow;
use std::fmt::Write;
use std::sync::Arc;

/// A language the console speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Language {
    #[default]
    En,
    Ja,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::En, Language::Ja];

    /// The BCP 47 tag, for `lang` attributes and `Intl`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Ja => "ja",
        }
    }

    /// The language's own name, as a language menu shows it whatever the current language is.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Ja => "日本語",
        }
    }

    /// `"ja"`, `"ja-JP"`, `"JA"` → Japanese; `"en-GB"` → English; anything else: `None`.
    pub fn from_tag(tag: &str) -> Option<Language> {
        // By bytes: a `split` on characters brings a searcher of its own into the wasm.
        let tag = tag.trim().as_bytes();
        let primary = tag.iter().position(|b| matches!(b, b'-' | b'_')).map_or(tag, |end| &tag[..end]);
        Language::ALL.into_iter().find(|l| primary.eq_ignore_ascii_case(l.tag().as_bytes()))
    }

    /// The first of the browser's preferred languages (`navigator.languages`) that the console
    /// speaks; English when none is.
    pub fn from_preferences<S: AsRef<str>>(preferred: impl IntoIterator<Item = S>) -> Language {
        preferred.into_iter().find_map(|tag| Language::from_tag(tag.as_ref())).unwrap_or_default()
    }
}

/// A message in every language.
pub trait Localized {
    /// The message in `language`.
    fn in_language(&self, language: Language) -> Cow<'static, str>;
}

/// A feature's catalogue of messages: one exhaustive `match` per language
/// ([`words!`](crate::words)), each arm a template whose `{0}`, `{1}`, … stand for the
/// message's fields (`args`). A message so costs its words and not code of its own: `fill` is
/// the one function that puts the fields in.
///
/// A catalogue is `#[repr(u8)]` and no arm looks inside its variant (a constructor picks the
/// variant instead: `TreeText::matches`), so that finding a message's words is reading its
/// variant's number.
pub trait Catalogue {
    fn en(&self) -> &'static str;
    fn ja(&self) -> &'static str;
    /// The fields the templates number, borrowed from the message (see [`one`] and [`two`]).
    fn args(&self) -> Args<'_> {
        NO_ARGS
    }
}

/// One language's words of a catalogue: `words!(self, Variant => "text", …)` is an exhaustive
/// `match` on the catalogue's variants, so a variant left out does not compile (and one named
/// twice neither). Written where `Self` is the catalogue, in its `en` and `ja`.
///
/// Why not a plain `match` returning each text: that compiles to two tables per language, a
/// pointer and a length for every message (8 bytes each, about 1.9 KiB gzip over the
/// catalogues). Here a language's texts are one string, each ended by a NUL, and the `match`
/// gives the text's position in it (the variant's own number when the arms follow the enum).
#[macro_export]
macro_rules! words {
    ($message:expr, $($variant:ident => $text:literal),+ $(,)?) => {{
        #[allow(non_camel_case_types, clippy::enum_variant_names)]
        #[repr(u8)]
        enum Position {
            $($variant),+
        }
        const ALL: &str = concat!($($text, "\0"),+);
        const COUNT: usize = [$(Position::$variant),+].len();
        const _: () = assert!($crate::i18n::pieces(ALL) == COUNT, "a text holds a NUL");
        let position = match $message {
            $(Self::$variant { .. } => Position::$variant),+
        };
        $crate::i18n::nth(ALL, position as usize)
    }};
}

/// How many NUL-ended pieces `all` has (see [`words!`](crate::words)).
pub const fn pieces(all: &str) -> usize {
    let (bytes, mut at, mut count) = (all.as_bytes(), 0, 0);
    while at < bytes.len() {
        count += (bytes[at] == 0) as usize;
        at += 1;
    }
    count
}

/// The `position`th NUL-ended piece of `all` (see [`words!`](crate::words)).
#[inline(never)]
pub fn nth(all: &'static str, position: usize) -> &'static str {
    // By hand: `str::split` brings a character searcher of its own, 400 bytes of wasm.
    let (mut start, mut seen) = (0, 0);
    for (at, &byte) in all.as_bytes().iter().enumerate() {
        if byte == 0 {
            if seen == position {
                return &all[start..at];
            }
            (start, seen) = (at + 1, seen + 1);
        }
    }
    ""
}

/// A field that a template puts in: text borrowed from the message, a number, or words of
/// their own in each language (a character as a rule names it).
#[derive(Clone, Copy)]
pub enum Arg<'a> {
    Text(&'a str),
    Number(u64),
    Words(&'a dyn Localized),
}

/// A message's fields: `{0}` and `{1}` (no message needs more).
pub type Args<'a> = [Arg<'a>; 2];

/// The fields of a message without any.
pub const NO_ARGS: Args<'static> = [Arg::Text(""), Arg::Text("")];

/// The fields of a message with one: `{0}`.
pub fn one<'a>(first: impl Into<Arg<'a>>) -> Args<'a> {
    [first.into(), Arg::Text("")]
}

/// The fields of a message with two: `{0}` and `{1}`.
pub fn two<'a>(first: impl Into<Arg<'a>>, second: impl Into<Arg<'a>>) -> Args<'a> {
    [first.into(), second.into()]
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Self::Text(text)
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Self::Text(text)
    }
}

macro_rules! number_args {
    ($($n:ty),*) => {$(
        impl From<&$n> for Arg<'_> {
            fn from(n: &$n) -> Self {
                Self::Number(u64::from(*n))
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64);

impl From<&usize> for Arg<'_> {
    fn from(n: &usize) -> Self {
        Self::Number(*n as u64)
    }
}

impl<T: Catalogue> Localized for T {
    fn in_language(&self, language: Language) -> Cow<'static, str> {
        let template = match language {
            Language::En => self.en(),
            Language::Ja => self.ja(),
        };
        fill(template, &self.args(), language)
    }
}

/// `template` with each `{N}` replaced by `args[N]` in `language` (any other brace is kept as
/// it is).
pub fn fill(template: &'static str, args: &[Arg<'_>], language: Language) -> Cow<'static, str> {
    if !template.contains('{') {
        return template.into();
    }
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match after.as_bytes() {
            [digit @ b'0'..=b'9', b'}', ..] => {
                match args.get(usize::from(digit - b'0')) {
                    Some(Arg::Text(text)) => out.push_str(text),
                    Some(Arg::Number(n)) => _ = write!(out, "{n}"),
                    Some(Arg::Words(words)) => out.push_str(&words.in_language(language)),
                    None => {}
                }
                rest = &after[2..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// A message kept for later (an error in place, a toast): shown in whatever language is current
/// when it is shown, so that switching language re-words it too.
#[derive(Clone)]
pub struct Message(Arc<dyn Localized + Send + Sync>);

impl Message {
    pub fn new(message: impl Localized + Send + Sync + 'static) -> Self {
        Self(Arc::new(message))
    }

    /// `first`, a space, then `then` (what failed, then why and what to do).
    pub fn joined(first: impl Into<Message>, then: impl Into<Message>) -> Self {
        Self::new(Joined(first.into(), then.into()))
    }
}

impl Localized for Message {
    fn in_language(&self, language: Language) -> Cow<'static, str> {
        self.0.in_language(language)
    }
}

impl std::fmt::Debug for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_language(Language::En))
    }
}

impl PartialEq for Message {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
            || Language::ALL.iter().all(|&l| self.in_language(l) == other.in_language(l))
    }
}

/// Words that are the same in every language: what the server said, a name.
pub struct Verbatim(pub String);

impl Localized for Verbatim {
    fn in_language(&self, _: Language) -> Cow<'static, str> {
        self.0.clone().into()
    }
}

impl From<Verbatim> for Message {
    fn from(words: Verbatim) -> Self {
        Self::new(words)
    }
}

/// Makes a catalogue enum a [`Message`] (`.into()`), and gives it the test every catalogue
/// has: each of its messages (listed by `strum::EnumIter`, fields at their defaults) passes
/// [`check::message`] in both languages.
#[macro_export]
macro_rules! catalogue {
    ($text:ident) => {
        impl From<$text> for $crate::i18n::Message {
            fn from(text: $text) -> Self {
                Self::new(text)
            }
        }

        #[cfg(test)]
        #[test]
        fn every_message_in_both_languages() {
            use strum::IntoEnumIterator;
            for message in $text::iter() {
                $crate::i18n::check::message(&message, &format!("{message:?}"));
            }
        }
    };
}

struct Joined(Message, Message);

impl Localized for Joined {
    fn in_language(&self, language: Language) -> Cow<'static, str> {
        let (first, then) = (self.0.in_language(language), self.1.in_language(language));
        match language {
            Language::En => format!("{first} {then}").into(),
            // Japanese sentences follow each other without a space.
            Language::Ja => format!("{first}{then}").into(),
        }
    }
}

/// Brand and API terms that Japanese pages keep in English: a Japanese text may equal its
/// English one only when it is one of these (checked by every catalogue's test).
pub const KEPT_IN_ENGLISH: &[&str] = &["Lookup Key", "Lookup Key: ", "UUID", "td-js-sdk", "Profiles Studio"];

#[cfg(test)]
pub mod check {
    //! The checks every catalogue's test runs on each of its messages.
    use super::{Language, Localized, KEPT_IN_ENGLISH};

    /// Both languages say something, and Japanese is not English in disguise.
    pub fn message(m: &impl Localized, what: &str) {
        let (en, ja) = (m.in_language(Language::En), m.in_language(Language::Ja));
        assert!(!en.trim().is_empty(), "{what}: empty English");
        assert!(!ja.trim().is_empty(), "{what}: empty Japanese");
        if en == ja {
            assert!(KEPT_IN_ENGLISH.contains(&&*en), "{what}: the Japanese is the English text “{en}”");
        }
        if en.chars().any(|c| c.is_ascii_alphabetic()) && en.len() > 12 {
            assert!(!ja.is_ascii(), "{what}: no Japanese in “{ja}”");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_messages_read_as_sentences_in_each_language() {
        struct Two(&'static str, &'static str);
        impl Catalogue for Two {
            fn en(&self) -> &'static str {
                self.0
            }
            fn ja(&self) -> &'static str {
                self.1
            }
        }
        let m = Message::joined(
            Message::new(Two("Not saved.", "保存されませんでした。")),
            Message::new(Two("Retry.", "再試行してください。")),
        );
        assert_eq!(m.in_language(Language::En), "Not saved. Retry.");
        assert_eq!(m.in_language(Language::Ja), "保存されませんでした。再試行してください。");
    }

    #[test]
    fn templates_take_the_fields_in_order_and_keep_other_braces() {
        let en = |template, args: &[Arg<'_>]| fill(template, args, Language::En);
        let args = two("Cart", "Email");
        assert_eq!(en("Moved “{0}” to “{1}”.", &args), "Moved “Cart” to “Email”.");
        assert_eq!(en("「{0}」を「{1}」に移動しました。", &args), "「Cart」を「Email」に移動しました。");
        assert_eq!(en("{1}, {0}, {1}", &args), "Email, Cart, Email");
        assert_eq!(en("{ x } {9} {0", &args), "{ x }  {0");
        assert_eq!(en("no fields", &NO_ARGS), "no fields");
        assert_eq!(en("{0} of {1}", &two(&20_000usize, &7u16)), "20000 of 7");
    }

    #[test]
    fn a_languages_texts_are_found_by_position() {
        let all = "Filter\0\0{0} matches\0";
        assert_eq!(pieces(all), 3);
        assert_eq!(nth(all, 0), "Filter");
        assert_eq!(nth(all, 1), "");
        assert_eq!(nth(all, 2), "{0} matches");
        assert_eq!(nth(all, 3), "");
    }

    #[test]
    fn a_catalogues_words_follow_its_arms_in_any_order() {
        #[derive(Clone, Copy)]
        #[repr(u8)]
        enum Two {
            First,
            // A field, as a message with a number has: the words do not look at it.
            Second(#[allow(dead_code)] u8),
        }
        impl Two {
            fn ja(self) -> &'static str {
                crate::words!(self, Second => "二番目", First => "一番目")
            }
        }
        assert_eq!(Two::First.ja(), "一番目");
        assert_eq!(Two::Second(7).ja(), "二番目");
    }

    #[test]
    fn words_of_their_own_are_put_in_in_the_language_asked() {
        struct Space;
        impl Catalogue for Space {
            fn en(&self) -> &'static str {
                "a space"
            }
            fn ja(&self) -> &'static str {
                "スペース"
            }
        }
        let args = one(Arg::Words(&Space));
        assert_eq!(fill("not {0}", &args, Language::En), "not a space");
        assert_eq!(fill("{0}は使えません", &args, Language::Ja), "スペースは使えません");
    }

    #[test]
    fn reads_language_tags() {
        assert_eq!(Language::from_tag("ja-JP"), Some(Language::Ja));
        assert_eq!(Language::from_tag("JA"), Some(Language::Ja));
        assert_eq!(Language::from_tag("en_GB"), Some(Language::En));
        assert_eq!(Language::from_tag("jav"), None);
        assert_eq!(Language::from_tag(""), None);
    }

    #[test]
    fn follows_the_first_spoken_preference() {
        assert_eq!(Language::from_preferences(["fr-FR", "ja", "en"]), Language::Ja);
        assert_eq!(Language::from_preferences(["en-US", "ja"]), Language::En);
        assert_eq!(Language::from_preferences(["de"]), Language::En);
        assert_eq!(Language::from_preferences::<&str>([]), Language::En);
    }
}
