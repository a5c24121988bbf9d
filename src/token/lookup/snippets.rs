//! Copy-paste code that looks up this token from a web page or a shell: td-js-sdk 4.x, plain
//! `fetch`, and `curl`, filled with the token's UUID, Lookup Key and Profiles API host. Every
//! piece of server text goes in through an escape for where it lands (a line comment, a JS
//! string, a shell single-quoted string), so that no token name can break out of the snippet.
//! Pure, tested natively.

use crate::api::lookup::GLOBAL_ID;

/// What a snippet is filled with.
pub struct SnippetInput<'a> {
    pub token_name: &'a str,
    pub uuid: &'a str,
    pub key_column: &'a str,
    /// The Profiles API base URL (`https://cdp.in.treasuredata.com`).
    pub lookup_base: &'a str,
}

/// One line of comment text: line breaks (JS and shell) and other controls become spaces, and
/// `</` is written `<\/` (in an inline `<script>`, `</script>` would end it even in a comment).
fn comment(text: &str) -> String {
    let line: String = text
        .chars()
        .map(|c| if c.is_control() || c == '\u{2028}' || c == '\u{2029}' { ' ' } else { c })
        .collect();
    line.replace("</", "<\\/")
}

/// A JS string literal (JSON's, which is JS's), with `<` escaped so that the snippet also
/// survives being pasted into an inline `<script>`.
fn js_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into()).replace('<', "\\u003c")
}

/// A shell single-quoted string.
fn shell(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// The host part of the base URL, which td-js-sdk takes as `cdpHost`.
fn host_of(base: &str) -> &str {
    let rest = base.split_once("://").map_or(base, |(_, r)| r);
    rest.trim_end_matches('/')
}

/// td-js-sdk 4.x: `new Treasure(…)` then `fetchUserSegments`.
pub fn td_js_sdk(s: &SnippetInput) -> String {
    let keys = if s.key_column == GLOBAL_ID {
        "{}, // td_global_id: the SDK's cookie identifies the visitor".to_owned()
    } else {
        format!(
            "{{ {}: encodeURIComponent(value) }}, // td-js-sdk does not encode key values",
            js_string(s.key_column)
        )
    };
    format!(
        "// Profiles API lookup for the token “{name}” (td-js-sdk 4.x).\n\
         // td-js-sdk will not start without a database name and a write-only key: put yours in.\n\
         const td = new Treasure({{\n  database: \"your_database\",\n  writeKey: \"YOUR_WRITE_ONLY_KEY\",\n  cdpHost: {host},\n}});\n\
         const value = \"VALUE\"; // this visitor's {key_comment}\n\
         td.fetchUserSegments(\n  {{\n    audienceToken: [{uuid}],\n    keys: {keys}\n  }},\n\
         \x20 (answer) => console.log(answer[0]?.values, answer[0]?.attributes), // no entry: no such profile\n\
         \x20 (error) => console.error(\"Profiles API lookup failed\", error),\n);\n",
        name = comment(s.token_name),
        host = js_string(host_of(s.lookup_base)),
        key_comment = comment(s.key_column),
        uuid = js_string(s.uuid),
    )
}

/// The lookup with plain `fetch`.
pub fn fetch(s: &SnippetInput) -> String {
    let url = format!("{}/cdp/lookup/collect/segments?version=2&token=", s.lookup_base.trim_end_matches('/'));
    let key = if s.key_column == GLOBAL_ID {
        String::new()
    } else {
        format!(" +\n  {} + encodeURIComponent(value)", js_string(&format!("&key.{}=", s.key_column)))
    };
    format!(
        "// Profiles API lookup for the token “{name}”.\n\
         const value = \"VALUE\"; // this visitor's {key_comment}\n\
         const url = {url} + {uuid}{key};\n\
         const answer = await fetch(url, {{ credentials: \"include\" }}).then((r) => r.json());\n\
         // Errors are objects (sometimes with HTTP 200); an empty array: no such profile.\n\
         if (!Array.isArray(answer)) throw new Error(answer.message);\n\
         console.log(answer[0]?.values, answer[0]?.attributes);\n",
        name = comment(s.token_name),
        key_comment = comment(s.key_column),
        url = js_string(&url),
        uuid = js_string(s.uuid),
    )
}

/// The lookup with `curl`, the value encoded by curl itself.
pub fn curl(s: &SnippetInput) -> String {
    let url = format!("{}/cdp/lookup/collect/segments", s.lookup_base.trim_end_matches('/'));
    let key = if s.key_column == GLOBAL_ID {
        format!(" \\\n  -b {}", shell("_td_global=YOUR_TD_GLOBAL_ID"))
    } else {
        format!(" \\\n  --data-urlencode {}", shell(&format!("key.{}=VALUE", s.key_column)))
    };
    format!(
        "# Profiles API lookup for the token “{name}”\ncurl -sG {url} \\\n  -d version=2 -d {token}{key}\n",
        name = comment(s.token_name),
        url = shell(&url),
        token = shell(&format!("token={}", s.uuid)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input<'a>(name: &'a str, key: &'a str) -> SnippetInput<'a> {
        SnippetInput {
            token_name: name,
            uuid: "6f1c2a4e-8b3d",
            key_column: key,
            lookup_base: "https://cdp.in.treasuredata.com",
        }
    }

    #[test]
    fn filled_with_the_token() {
        let s = input("Homepage Personalization", "email");
        let sdk = td_js_sdk(&s);
        assert!(sdk.contains("cdpHost: \"cdp.in.treasuredata.com\""), "{sdk}");
        assert!(sdk.contains("audienceToken: [\"6f1c2a4e-8b3d\"]"));
        assert!(sdk.contains("{ \"email\": encodeURIComponent(value) }"));
        let f = fetch(&s);
        assert!(f.contains("\"https://cdp.in.treasuredata.com/cdp/lookup/collect/segments?version=2&token=\" + \"6f1c2a4e-8b3d\""), "{f}");
        assert!(f.contains("\"&key.email=\" + encodeURIComponent(value)"));
        let c = curl(&s);
        assert!(c.contains("curl -sG 'https://cdp.in.treasuredata.com/cdp/lookup/collect/segments'"), "{c}");
        assert!(c.contains("--data-urlencode 'key.email=VALUE'"));
    }

    #[test]
    fn td_global_id_sends_the_cookie_and_no_key() {
        let s = input("Legacy", GLOBAL_ID);
        assert!(td_js_sdk(&s).contains("keys: {}"));
        assert!(!fetch(&s).contains("key."));
        assert!(curl(&s).contains("-b '_td_global=YOUR_TD_GLOBAL_ID'"));
    }

    #[test]
    fn hostile_names_stay_inside_their_comment_and_strings() {
        let name = "x\n alert(1) // */ </script><script>alert(2)\u{2028}y'\"; rm -rf ~";
        let s = SnippetInput { key_column: "e\"mail'</script>", ..input(name, "email") };
        for snippet in [td_js_sdk(&s), fetch(&s), curl(&s)] {
            // The name is on the first line, whole; nothing of it starts a line of its own.
            let first = snippet.lines().next().unwrap();
            assert!(first.contains("alert(1)") && first.contains("rm -rf"), "{snippet}");
            assert!(!snippet.lines().skip(1).any(|l| l.contains("alert(1)")), "{snippet}");
            assert!(!snippet.contains('\u{2028}'));
        }
        // The JS snippets may be pasted into an inline <script>: nothing in them may end it.
        for js in [td_js_sdk(&s), fetch(&s)] {
            assert!(!js.contains("</script>"), "{js}");
        }
        assert!(curl(&s).contains(r#"'key.e"mail'\''</script>=VALUE'"#), "{}", curl(&s));
        assert!(fetch(&s).contains(r#""&key.e\"mail'\u003c/script>=""#), "{}", fetch(&s));
    }
}
