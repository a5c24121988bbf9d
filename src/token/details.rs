//! What a token page shows about a token: a pure view of `Token`, all server text as text.

use crate::api::{SegmentRef, Token, User};
use crate::format;
use crate::ui::CopyButton;
use leptos::prelude::*;

/// "Name on 2024-05-01 12:34 UTC", with dashes for what the API did not say.
fn who_when(user: Option<&User>, at: Option<&str>) -> String {
    let who = user.map_or("—", |u| u.name.as_str());
    format!("{who}, {}", format::optional_timestamp(at))
}

/// The token's name, description, configuration, UUID, history and segments.
#[component]
pub fn TokenDetails(
    /// The token to show.
    token: Token,
) -> impl IntoView {
    let description =
        if token.description.is_empty() { "No description".to_owned() } else { token.description };
    let attributes = if token.attribute_columns.is_empty() {
        view! { <span>"None"</span> }.into_any()
    } else {
        let items =
            token.attribute_columns.into_iter().map(|a| view! { <li><code>{a}</code></li> }).collect_view();
        view! { <ul class="inline-list">{items}</ul> }.into_any()
    };
    let created = who_when(token.created_by.as_ref(), token.created_at.as_deref());
    let updated = who_when(token.updated_by.as_ref(), token.updated_at.as_deref());
    let uuid = token.uuid.clone();
    view! {
        <h1>{token.name}</h1>
        <p class="description">{description}</p>
        <dl class="details">
            <dt>"Lookup Key"</dt>
            <dd><code>{token.key_column}</code></dd>
            <dt>"Attributes"</dt>
            <dd>{attributes}</dd>
            <dt>"Token UUID"</dt>
            <dd class="uuid"><code>{token.uuid}</code><CopyButton value=uuid/></dd>
            <dt>"Created"</dt>
            <dd>{created}</dd>
            <dt>"Updated"</dt>
            <dd>{updated}</dd>
        </dl>
        <h2>"Segments"</h2>
        <SegmentsTable segments=token.segments/>
    }
}

/// The segments a token serves; segments the user may not view show as "Segment #id (no access)".
#[component]
fn SegmentsTable(
    /// The token's segments, in order.
    segments: Vec<SegmentRef>,
) -> impl IntoView {
    if segments.is_empty() {
        return view! { <p>"No segments yet."</p> }.into_any();
    }
    let rows = segments
        .into_iter()
        .map(|s| {
            let name = s.name.clone().unwrap_or_else(|| format!("Segment #{} (no access)", s.id));
            view! {
                <tr>
                    <td>{name}</td>
                    <td>{s.kind.label()}</td>
                    <td class="num">{format::population(s.population)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table">
            <thead>
                <tr><th scope="col">"Name"</th><th scope="col">"Kind"</th><th scope="col" class="num">"Population"</th></tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::UserId;

    #[test]
    fn who_and_when() {
        let u = User { id: UserId::parse("1").unwrap(), name: "Ada".into() };
        assert_eq!(who_when(Some(&u), Some("2024-05-01T12:34:56Z")), "Ada, 2024-05-01 12:34 UTC");
        assert_eq!(who_when(None, None), "—, —");
    }
}
