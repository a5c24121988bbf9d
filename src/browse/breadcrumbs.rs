//! Breadcrumbs: where a page sits in the folder tree.

use crate::browse::text::BrowseText;
use crate::i18n::locale::tr;
use leptos::prelude::*;

/// One step of the trail: a label and, except for the current page, a link.
#[derive(Clone, Debug, PartialEq)]
pub struct Crumb {
    pub label: String,
    pub href: Option<String>,
}

/// A `nav` labelled "Breadcrumb" with an ordered list; the last item is the current page.
#[component]
pub fn Breadcrumbs(
    /// The trail, from the parent segment down to the current page.
    crumbs: Vec<Crumb>,
) -> impl IntoView {
    let items = crumbs
        .into_iter()
        .map(|c| match c.href {
            Some(href) => view! { <li><a href=href>{c.label}</a></li> }.into_any(),
            None => view! { <li><span aria-current="page">{c.label}</span></li> }.into_any(),
        })
        .collect_view();
    view! {
        <nav class="breadcrumbs" aria-label=tr(BrowseText::Breadcrumb)>
            <ol>{items}</ol>
        </nav>
    }
}
