//! The fields of a token, shared by the edit form and the create wizard: Name and Description,
//! Configure (Lookup Key, Attributes) and Segments. They read and write one `FormCtx`.

use crate::api::{ApiError, AttributeColumn, ParentSegmentId, SegmentId, SegmentRef, SegmentSummary};
use crate::browse::text::BrowseText;
use crate::i18n::locale::{tr, tr_with, use_locale, Locale};
use crate::i18n::{intl, Message};
use crate::instance::{use_instance, Instance};
use crate::session::use_session;
use crate::token::form::model::{
    attribute_options, key_options, segment_ref, Field, SaveErrors, TokenForm, MAX_ATTRIBUTES, MAX_SEGMENTS,
};
use crate::token::form::text::FormText;
use crate::token::text::{segment_label, TokenText};
use crate::ui::{loaded, Picker, PickerOption, Read};
use leptos::prelude::*;

type Columns = LocalResource<Result<Vec<AttributeColumn>, ApiError>>;
type Segments = LocalResource<Result<Vec<SegmentSummary>, ApiError>>;

/// Everything the form's sections share.
#[derive(Clone, Copy)]
pub struct FormCtx {
    pub form: RwSignal<TokenForm>,
    /// What the server said on the last failed save.
    pub server: RwSignal<SaveErrors>,
    /// Rule messages show once the user typed in a field or tried to go on.
    pub show_problems: RwSignal<bool>,
    attr_refusal: RwSignal<Option<Message>>,
    seg_refusal: RwSignal<Option<Message>>,
    columns: Columns,
    segments: Segments,
    /// The app instance: the fields' ids carry its prefix.
    pub instance: Instance,
    pub locale: Locale,
}

impl FormCtx {
    /// A form holding `form`, with the pickers' data loaded for parent segment `ps`.
    pub fn new(ps: ParentSegmentId, form: TokenForm) -> Self {
        let session = use_session();
        let ps_cols = ps.clone();
        let columns = LocalResource::new(move || {
            let ps = ps_cols.clone();
            async move { session.answered(session.connected()?.attributes(&ps).await) }
        });
        let segments = LocalResource::new(move || {
            let ps = ps.clone();
            async move { session.answered(session.connected()?.segments(&ps).await) }
        });
        Self {
            form: RwSignal::new(form),
            server: RwSignal::new(SaveErrors::default()),
            show_problems: RwSignal::new(false),
            attr_refusal: RwSignal::new(None),
            seg_refusal: RwSignal::new(None),
            columns,
            segments,
            instance: use_instance(),
            locale: use_locale(),
        }
    }

    /// The message to show on `field`: the server's word wins, else the rule it breaks.
    pub fn message(&self, field: Field) -> Option<Message> {
        if let Some(m) = self.server.with(|s| s.field(field)) {
            return Some(m);
        }
        if !self.show_problems.get() {
            return None;
        }
        self.form.with(|f| f.problems().into_iter().find(|(g, _)| *g == field).map(|(_, m)| m.into()))
    }

    /// Applies an edit to the form and drops the server's message about that field.
    pub fn edit(&self, field: Field, f: impl FnOnce(&mut TokenForm)) {
        self.form.update(f);
        self.server.update(|s| s.fields.retain(|(g, _)| *g != field));
    }
}

/// The DOM id of the control for `field`, to focus it when it needs attention.
pub fn field_dom_id(field: Field) -> &'static str {
    match field {
        Field::Name => "token-name",
        Field::Description => "token-description",
        Field::KeyColumn => "token-key",
        Field::Attributes => "token-attributes",
        Field::Segments => "add-segment",
    }
}

/// `aria-describedby` for a field: its hint(s) and, when shown, its message.
fn described(ids: &'static str, error_id: &'static str, has_error: bool) -> String {
    if has_error {
        format!("{ids} {error_id}")
    } else {
        ids.to_owned()
    }
}

/// A field's message (local id `id` matches the field's `aria-describedby`).
fn field_message(ctx: FormCtx, id: &'static str, message: Memo<Option<Message>>) -> impl IntoView {
    let id = ctx.instance.id(id);
    move || message.get().map(|m| view! { <p id=id.clone() class="field-error">{ctx.locale.text(&m)}</p> })
}

/// A refusal to add an attribute or segment, announced at once.
fn refusal_message(ctx: FormCtx, refusal: RwSignal<Option<Message>>) -> impl IntoView {
    move || refusal.get().map(|m| view! { <p class="field-error" role="alert">{ctx.locale.text(&m)}</p> })
}

/// The form's message that belongs to no field ("Not saved. …"), focusable so that a failed
/// save can move focus to it.
#[component]
pub fn FormError(
    /// The form.
    ctx: FormCtx,
    /// The local id focus is sent to.
    id: &'static str,
    /// What did not happen, e.g. "Not saved. ".
    #[prop(into)]
    lead: Signal<String>,
) -> impl IntoView {
    let id = ctx.instance.id(id);
    move || {
        ctx.server.with(|s| s.top.clone()).map(|m| {
            view! {
                <p id=id.clone() class="form-error" role="alert" tabindex="-1">
                    <strong>{lead}</strong>{tr(m)}
                </p>
            }
        })
    }
}

/// Name (required, with the rule) and Description.
#[component]
pub fn NameFields(
    /// The form.
    ctx: FormCtx,
) -> impl IntoView {
    let inst = ctx.instance;
    let name = Memo::new(move |_| ctx.form.with(|f| f.name.clone()));
    let description = Memo::new(move |_| ctx.form.with(|f| f.description.clone()));
    let name_error = Memo::new(move |_| ctx.message(Field::Name));
    let description_error = Memo::new(move |_| ctx.message(Field::Description));
    view! {
        <div class="field">
            <label for=inst.id("token-name")>{tr(TokenText::Name)}</label>
            <input id=inst.id("token-name") type="text" autocomplete="off" spellcheck="false" required
                aria-invalid=move || name_error.with(Option::is_some).then_some("true")
                aria-describedby=move || inst.ids(&described("token-name-rule", "token-name-error", name_error.with(Option::is_some)))
                prop:value=move || name.get()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    ctx.show_problems.set(true);
                    ctx.edit(Field::Name, |f| f.name = value);
                }/>
            <p id=inst.id("token-name-rule") class="hint">{tr(FormText::NameRule)}</p>
            {field_message(ctx, "token-name-error", name_error)}
        </div>
        <div class="field">
            <label for=inst.id("token-description")>{tr(TokenText::Description)}</label>
            <textarea id=inst.id("token-description") rows="3"
                aria-invalid=move || description_error.with(Option::is_some).then_some("true")
                aria-describedby=move || inst.ids(&described("token-description-hint", "token-description-error", description_error.with(Option::is_some)))
                prop:value=move || description.get()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    ctx.edit(Field::Description, |f| f.description = value);
                }></textarea>
            <p id=inst.id("token-description-hint") class="hint">{tr(FormText::Optional)}</p>
            {field_message(ctx, "token-description-error", description_error)}
        </div>
    }
}

/// Lookup Key and Attributes.
#[component]
pub fn ConfigureFields(
    /// The form.
    ctx: FormCtx,
) -> impl IntoView {
    let inst = ctx.instance;
    let key = Memo::new(move |_| ctx.form.with(|f| f.key_column.clone()));
    let default_key = Memo::new(move |_| ctx.form.with(TokenForm::uses_default_key));
    let key_error = Memo::new(move |_| ctx.message(Field::KeyColumn));
    let columns = ctx.columns;
    let key_choices = Memo::new(move |_| {
        let current = key.get();
        match columns.get() {
            Some(Ok(cols)) => key_options(&cols, &current),
            _ => key_options(&[], &current),
        }
    });
    let key_options_view = move || {
        key_choices
            .get()
            .into_iter()
            .map(|k| {
                let (this, value) = (k.clone(), k.clone());
                view! { <option value=value selected=move || key.get() == this>{k}</option> }
            })
            .collect_view()
    };
    let default_note = tr_with(move || {
        if default_key.get() { FormText::KeyDefaultNote } else { FormText::KeyPassedNote }.into()
    });
    view! {
        <div class="field">
            <label for=inst.id("token-key")>{tr(TokenText::LookupKey)}</label>
            <select id=inst.id("token-key")
                aria-invalid=move || key_error.with(Option::is_some).then_some("true")
                aria-describedby=move || inst.ids(&described("token-key-hint token-key-default", "token-key-error", key_error.with(Option::is_some)))
                prop:value=move || key.get()
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    ctx.edit(Field::KeyColumn, |f| f.key_column = value);
                }>
                <option value="" selected=move || default_key.get()>{tr(FormText::KeyDefaultOption)}</option>
                {key_options_view}
            </select>
            <p id=inst.id("token-key-hint") class="hint">{tr(FormText::KeyHint)}</p>
            <p id=inst.id("token-key-default") class="hint">{default_note}</p>
            {field_message(ctx, "token-key-error", key_error)}
        </div>
        <AttributesField ctx/>
    }
}

/// The Attributes picker and the chosen attributes, at most five.
#[component]
fn AttributesField(ctx: FormCtx) -> impl IntoView {
    let inst = ctx.instance;
    let chosen = Memo::new(move |_| ctx.form.with(|f| f.attributes.clone()));
    let error = Memo::new(move |_| ctx.message(Field::Attributes));
    let columns = ctx.columns;
    let options = Signal::derive(move || {
        let chosen = chosen.get();
        match columns.get() {
            Some(Ok(cols)) => attribute_options(&cols)
                .into_iter()
                .map(|a| PickerOption {
                    chosen: chosen.contains(&a),
                    value: a.clone(),
                    label: a,
                    detail: String::new(),
                })
                .collect(),
            _ => Vec::new(),
        }
    });
    let on_pick = Callback::new(move |name: String| {
        let mut refusal = None;
        ctx.edit(Field::Attributes, |f| refusal = f.add_attribute(&name).err());
        ctx.attr_refusal.set(refusal.map(|r| r.text().into()));
    });
    let remove = move |i: usize, name: String| {
        let before = chosen.with_untracked(Vec::len);
        ctx.edit(Field::Attributes, |f| f.remove_attribute(&name));
        ctx.attr_refusal.set(None);
        focus_after_removal(inst, "attr-remove", i, before, "token-attributes");
    };
    let count = tr_with(move || FormText::attribute_count(chosen.with(Vec::len), MAX_ATTRIBUTES).into());
    let list = move || {
        let items = chosen.get();
        if items.is_empty() {
            return view! { <p class="hint">{tr(FormText::NoAttributes)}</p> }.into_any();
        }
        let rows = items
            .into_iter()
            .enumerate()
            .map(|(i, name)| {
                let n = name.clone();
                view! {
                    <li class="chip">
                        <code>{name.clone()}</code>
                        <button type="button" id=inst.id(&format!("attr-remove-{i}")) class="button button-small"
                            on:click=move |_| remove(i, n.clone())>
                            {tr(FormText::Remove)}<span class="visually-hidden">" "{name.clone()}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="chip-list" aria-label=tr(FormText::ChosenAttributes)>{rows}</ul> }.into_any()
    };
    let described_by = Signal::derive(move || {
        described("token-attributes-count", "token-attributes-error", error.with(Option::is_some))
    });
    let invalid = Signal::derive(move || error.with(Option::is_some));
    let retry = Callback::new(move |()| columns.refetch());
    let read = Read {
        loading: Signal::derive(tr(FormText::LoadingColumns)),
        failed: Signal::derive(tr(FormText::ColumnsFailed)),
        missing: None,
    };
    let load_state = move || loaded(columns.get(), &read, retry, |_| ().into_any());
    view! {
        <div class="field">
            <Picker id="token-attributes" label=tr(TokenText::Attributes) options on_pick described_by invalid
                empty_text=tr(FormText::NoAttributeMatches)/>
            <p id=inst.id("token-attributes-count") class="hint">{count}</p>
            {load_state}
            {refusal_message(ctx, ctx.attr_refusal)}
            {field_message(ctx, "token-attributes-error", error)}
            {list}
        </div>
    }
}

/// The token's segments (at most 15), with "Add Segment" and its picker.
#[component]
pub fn SegmentsFields(
    /// The form.
    ctx: FormCtx,
) -> impl IntoView {
    let inst = ctx.instance;
    let chosen = Memo::new(move |_| ctx.form.with(|f| f.segments.clone()));
    let error = Memo::new(move |_| ctx.message(Field::Segments));
    let picking = RwSignal::new(false);
    let close_picker = Callback::new(move |()| {
        picking.set(false);
        _ = inst.focus("add-segment");
    });
    let count = tr_with(move || FormText::segment_count(chosen.with(Vec::len), MAX_SEGMENTS).into());
    let picker = move || picking.get().then(|| view! { <SegmentPicker ctx error on_close=close_picker/> });
    view! {
        <p class="hint">{tr(FormText::SegmentsLead(MAX_SEGMENTS))}</p>
        <p id=inst.id("token-segments-count") class="hint">{count}</p>
        {field_message(ctx, "token-segments-error", error)}
        <SegmentsTable ctx chosen/>
        {refusal_message(ctx, ctx.seg_refusal)}
        <p>
            <button type="button" id=inst.id("add-segment") class="button" aria-expanded=move || picking.get().to_string()
                on:click=move |_| picking.update(|p| *p = !*p)>
                {tr(FormText::AddSegment)}
            </button>
        </p>
        {picker}
    }
}

/// The chosen segments as a table, each with its Remove button.
#[component]
fn SegmentsTable(ctx: FormCtx, chosen: Memo<Vec<SegmentRef>>) -> impl IntoView {
    let inst = ctx.instance;
    let remove = move |i: usize, id: SegmentId| {
        let before = chosen.with_untracked(Vec::len);
        ctx.edit(Field::Segments, |f| f.remove_segment(&id));
        ctx.seg_refusal.set(None);
        focus_after_removal(inst, "seg-remove", i, before, "add-segment");
    };
    move || {
        let rows = chosen.get();
        if rows.is_empty() {
            return view! { <p>{tr(TokenText::NoSegmentsYet)}</p> }.into_any();
        }
        let language = ctx.locale.language();
        let rows = rows
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let label = segment_label(&s, language);
                let id = s.id.clone();
                view! {
                    <tr>
                        <td>{label.clone()}</td>
                        <td>{tr(BrowseText::from(s.kind))}</td>
                        <td class="num">{intl::population(s.population, language)}</td>
                        <td class="num">
                            <button type="button" id=inst.id(&format!("seg-remove-{i}")) class="button button-small"
                                on:click=move |_| remove(i, id.clone())>
                                {tr(FormText::Remove)}<span class="visually-hidden">" "{label.clone()}</span>
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="table" aria-describedby=inst.id("token-segments-count")>
                <caption class="visually-hidden">{tr(FormText::SegmentsOfToken)}</caption>
                <thead><tr>
                    <th scope="col">{tr(TokenText::Name)}</th><th scope="col">{tr(TokenText::Kind)}</th>
                    <th scope="col" class="num">{tr(TokenText::Population)}</th>
                    <th scope="col" class="num">{tr(FormText::Action)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    }
}

/// "Search segments" over the parent segment's segments, "Done adding" to close it.
#[component]
fn SegmentPicker(ctx: FormCtx, error: Memo<Option<Message>>, on_close: Callback<()>) -> impl IntoView {
    let all = ctx.segments;
    let chosen =
        Memo::new(move |_| ctx.form.with(|f| f.segments.iter().map(|s| s.id.clone()).collect::<Vec<_>>()));
    let options = Signal::derive(move || {
        let chosen = chosen.get();
        let (locale, language) = (ctx.locale, ctx.locale.language());
        match all.get() {
            Some(Ok(list)) => list
                .into_iter()
                .map(|s| PickerOption {
                    chosen: chosen.contains(&s.id),
                    value: s.id.to_string(),
                    detail: locale.text(&TokenText::SegmentDetail(
                        locale.text(&BrowseText::from(s.kind)),
                        intl::population(s.population, language),
                    )),
                    label: s.name,
                })
                .collect(),
            _ => Vec::new(),
        }
    });
    let on_pick = Callback::new(move |id: String| {
        let found = all
            .get_untracked()
            .and_then(Result::ok)
            .and_then(|l| l.into_iter().find(|s| s.id.as_str() == id));
        let Some(summary) = found else { return };
        let mut refusal = None;
        ctx.edit(Field::Segments, |f| refusal = f.add_segment(segment_ref(&summary)).err());
        ctx.seg_refusal.set(refusal.map(|r| r.text().into()));
    });
    let described_by = Signal::derive(move || {
        described("token-segments-count", "token-segments-error", error.with(Option::is_some))
    });
    let invalid = Signal::derive(move || error.with(Option::is_some));
    // Its own reactive node: when the segments arrive, only this line changes, and the search
    // box keeps what the user typed meanwhile (and the focus).
    let retry = Callback::new(move |()| all.refetch());
    let read = Read {
        loading: Signal::derive(tr(FormText::LoadingSegments)),
        failed: Signal::derive(tr(FormText::SegmentsFailed)),
        missing: None,
    };
    let load_state = move || loaded(all.get(), &read, retry, |_| ().into_any());
    view! {
        <div class="segment-picker">
            <Picker id="segment-search" label=tr(FormText::SearchSegments) options on_pick described_by invalid
                on_escape=on_close empty_text=tr(FormText::NoSegmentMatches) autofocus=true/>
            {load_state}
            <button type="button" class="button button-small" on:click=move |_| on_close.run(())>
                {tr(FormText::DoneAdding)}
            </button>
        </div>
    }
}

/// After removing row `i` of `len_before` rows: focus the row that took its place, else the
/// one before, else `fallback` (the picker or the Add Segment button).
fn focus_after_removal(
    instance: Instance,
    prefix: &'static str,
    i: usize,
    len_before: usize,
    fallback: &'static str,
) {
    match len_before {
        0 | 1 => instance.refocus_next_frame(fallback),
        _ => instance.refocus_next_frame(&format!("{prefix}-{}", i.min(len_before - 2))),
    }
}
