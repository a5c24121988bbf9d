//! Browser tests of app instances (headless Chromium via wasm-bindgen-test): two instances
//! mounted side by side with memory history, each connected to its own (stubbed) CDP API with
//! its own key, keep their routes, selections, dialogs, drafts and DOM ids to themselves and
//! leave the page's URL alone; unmounting one removes its nodes and listeners and the other
//! keeps working; and an instance inside a shadow root works its tree and a dialog by keyboard.
#![cfg(target_arch = "wasm32")]

use profiles_studio::api::{ParentSegmentId, TokenId};
use profiles_studio::mount::{mount, MountOptions, Mounted};
use profiles_studio::routes::AppRoute;
use std::collections::HashSet;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::{document, new_root, next_frame, press_on, settle, sleep, type_into};

/// A CDP API per base URL, in place of `window.fetch`: one parent segment (101, named after
/// the API so a leak would show), its root folder 1000 with a folder and a token, the token's
/// details, columns and segments. Each API accepts only its own key and logs every request in
/// `window.__cdp` as `base method path auth`. `config.json` is absent (404), as on a plain host.
/// It also counts the listeners added to and removed from `window` and `document` by type
/// (`window.__listeners`), to show that an unmounted instance leaves none behind.
const FAKE_CDP: &str = r#"
    if (!window.__listeners) {
        window.__listeners = {};
        for (const target of [window, document]) {
            const name = target === window ? "window" : "document";
            const add = target.addEventListener.bind(target), remove = target.removeEventListener.bind(target);
            const live = new Map();
            target.addEventListener = (type, fn, opts) => {
                const key = name + ":" + type;
                if (!live.has(fn)) { live.set(fn, key); window.__listeners[key] = (window.__listeners[key] || 0) + 1; }
                add(type, fn, opts);
            };
            target.removeEventListener = (type, fn, opts) => {
                const key = live.get(fn);
                if (key) { live.delete(fn); window.__listeners[key] -= 1; }
                remove(type, fn, opts);
            };
        }
    }
    window.__cdp = [];
    const keys = { "https://cdp-a.test": "TD1 1/key-a", "https://cdp-b.test": "TD1 1/key-b" };
    const folder = (id, name, parent) => ({ id, type: "folder-segment",
        attributes: { audienceId: "101", name, description: null, permissions: { view: true, edit: true } },
        relationships: { parentFolder: { data: parent ? { id: parent, type: "folder-segment" } : null } } });
    const token = (id, name, parent) => ({ id, type: "token",
        attributes: { audienceId: "101", name, description: "", token: "5e7a1c2e-2f7b-4c7e-9d0b-0a1b2c3d4e5" + id.slice(-1),
            keyColumn: "email", attributeColumns: ["gender"], createdAt: "2024-01-01T00:00:00Z", updatedAt: "2024-05-02T03:04:05Z" },
        relationships: { parentFolder: { data: { id: parent, type: "folder-segment" } },
            segments: { data: [{ id: "3001", type: "segment-batch" }] } } });
    const answers = (base) => {
        const ps = { id: "101", type: "parentSegment",
            attributes: { name: "Retail " + base.slice(12, 13).toUpperCase(), population: 1000 },
            relationships: { parentSegmentFolder: { data: { id: "1000", type: "folder-segment" } } } };
        return {
            "/entities/parent_segments": [{ data: ps }],
            "/entities/parent_segments/101": { data: ps },
            "/entities/by-folder/1000?depth=1": { data: [folder("1000", "Root", null), folder("1010", "Campaigns", "1000"),
                token("5001", "Homepage", "1000")] },
            "/entities/by-folder/1010?depth=1": { data: [folder("1010", "Campaigns", "1000"), token("5002", "Checkout", "1010")] },
            "/entities/folders/1000": { data: folder("1000", "Root", null) },
            "/entities/folders/1010": { data: folder("1010", "Campaigns", "1000") },
            "/entities/tokens/5001": { data: token("5001", "Homepage", "1000"),
                included: [{ id: "3001", type: "segment-batch", attributes: { name: "High Spenders", population: 10 } }] },
            "/entities/tokens/5002": { data: token("5002", "Checkout", "1010") },
            "/audiences/101/attributes": [{ name: "email", type: "string", parentColumn: "email" },
                { audienceId: "101", id: "11", name: "gender", type: "string", foreignKey: "email" }],
            "/audiences/101/segments": [{ audienceId: "101", id: "3001", name: "High Spenders", kind: 0, population: 10 }],
        };
    };
    const json = (status, body) => new Response(JSON.stringify(body),
        { status, headers: { "Content-Type": "application/vnd.treasuredata.v1+json" } });
    window.fetch = async (input, init) => {
        const req = input instanceof Request ? input : new Request(input, init);
        const url = new URL(req.url, location.href);
        const base = url.origin, path = (url.pathname + url.search).replace(/[?&]+$/, "");
        if (!(base in keys)) return new Response("", { status: 404 });
        const auth = req.headers.get("authorization") || "";
        window.__cdp.push([base, req.method, path, auth].join(" "));
        if (auth !== keys[base]) return json(401, { errors: [{ status: "401", title: "Unauthorized" }] });
        const body = answers(base)[path];
        return body ? json(200, body) : json(404, { errors: [{ status: "404", title: "Not Found" }] });
    };
"#;

fn install_fake_cdp() {
    js_sys::Function::new_no_args(FAKE_CDP).call0(&JsValue::NULL).expect("fake installed");
}

fn cdp_log() -> Vec<String> {
    let log = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__cdp".into()).unwrap();
    js_sys::Array::from(&log).iter().filter_map(|v| v.as_string()).collect()
}

/// Listeners on `window` and `document` that are added and not removed, by `target:type`.
fn live_listeners() -> Vec<(String, i32)> {
    let counts = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__listeners".into()).unwrap();
    let mut out: Vec<(String, i32)> = js_sys::Object::entries(counts.unchecked_ref())
        .iter()
        .map(|e| {
            let e = js_sys::Array::from(&e);
            (e.get(0).as_string().unwrap(), e.get(1).as_f64().unwrap() as i32)
        })
        .filter(|(_, n)| *n != 0)
        .collect();
    out.sort();
    out
}

fn ps() -> ParentSegmentId {
    ParentSegmentId::parse("101").unwrap()
}

fn token_route(id: &str) -> AppRoute {
    AppRoute::Token(ps(), TokenId::parse(id).unwrap())
}

/// Waits until `find` finds something in the instance (requests are answered asynchronously).
async fn wait_for<T>(what: &str, mut find: impl FnMut() -> Option<T>) -> T {
    for _ in 0..100 {
        if let Some(found) = find() {
            return found;
        }
        sleep(20).await;
    }
    let page: String =
        document().body().and_then(|b| b.text_content()).unwrap_or_default().chars().take(600).collect();
    panic!("timed out waiting for {what}; requests: {:?}; page: {page}", cdp_log());
}

fn select_all(root: &Element, selector: &str) -> Vec<Element> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length()).filter_map(|i| nodes.item(i)).map(|n| n.unchecked_into()).collect()
}

/// The element matching `selector` whose text is `text`.
fn by_text(root: &Element, selector: &str, text: &str) -> Option<HtmlElement> {
    select_all(root, selector)
        .into_iter()
        .find(|el| el.text_content().unwrap_or_default().trim() == text)
        .map(|el| el.unchecked_into())
}

fn tree_item(root: &Element, name: &str) -> Option<HtmlElement> {
    select_all(root, "[role=treeitem]")
        .into_iter()
        .find(|el| {
            el.query_selector(".tree-label").ok().flatten().and_then(|l| l.text_content()).as_deref()
                == Some(name)
        })
        .map(|el| el.unchecked_into())
}

fn ids(root: &Element) -> HashSet<String> {
    select_all(root, "[id]").into_iter().map(|el| el.id()).collect()
}

/// Connects the instance in `root` through its connect screen: Custom region, `base`, `key`.
async fn connect(root: &Element, base: &str, key: &str) {
    let region: HtmlSelectElement =
        wait_for("the connect form", || root.query_selector("select").ok().flatten()).await.unchecked_into();
    region.set_value("custom");
    region.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    settle().await;
    let url: HtmlInputElement = root.query_selector("input[type=url]").unwrap().unwrap().unchecked_into();
    type_into(&url, base).await;
    let secret: HtmlInputElement =
        root.query_selector("input[type=password]").unwrap().unwrap().unchecked_into();
    type_into(&secret, key).await;
    by_text(root, "button", "Connect").expect("Connect").click();
    wait_for("the tree after connecting", || {
        root.query_selector("[role=tree] [role=treeitem]").ok().flatten()
    })
    .await;
}

/// Mounts an instance at the parent segment's page and connects it.
async fn mounted(root: &HtmlElement, base: &str, key: &str, crash_key: &str) -> Mounted {
    let m = mount(root.clone(), MountOptions::embedded(AppRoute::ParentSegment(ps()), crash_key));
    connect(root, base, key).await;
    m
}

#[wasm_bindgen_test]
async fn two_instances_keep_routes_selection_dialogs_drafts_and_ids_to_themselves() {
    install_fake_cdp();
    let hash_before = web_sys::window().unwrap().location().hash().unwrap();
    let listeners_before = live_listeners();
    let (root_a, root_b) = (new_root(), new_root());
    let a = mounted(&root_a, "https://cdp-a.test", "1/key-a", "crash-a").await;
    let b = mounted(&root_b, "https://cdp-b.test", "1/key-b", "crash-b").await;
    // Each session talks to its own API with its own key, and only to it.
    for line in cdp_log() {
        let own = line.starts_with("https://cdp-a.test") && line.ends_with("TD1 1/key-a")
            || line.starts_with("https://cdp-b.test") && line.ends_with("TD1 1/key-b");
        assert!(own, "{line}");
    }
    assert!(root_a.text_content().unwrap().contains("Retail A"));
    assert!(root_b.text_content().unwrap().contains("Retail B"));

    // A route and a selection in A: B stays where it was, and the page's URL does not move.
    tree_item(&root_a, "Homepage")
        .expect("Homepage in A")
        .query_selector(".tree-row")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    wait_for("A's token page", || by_text(&root_a, "a", "Edit Profiles API Token")).await;
    assert_eq!(
        tree_item(&root_a, "Homepage").unwrap().get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    assert_eq!(
        tree_item(&root_b, "Homepage").unwrap().get_attribute("aria-selected").as_deref(),
        Some("false")
    );
    assert!(by_text(&root_b, "a", "Edit Profiles API Token").is_none(), "B is still on its parent segment");
    assert_eq!(
        web_sys::window().unwrap().location().hash().unwrap(),
        hash_before,
        "the host's URL is untouched"
    );

    // A dialog in A is A's alone.
    by_text(&root_a, "button", "Delete").expect("Delete").click();
    let dialog = wait_for("A's Delete dialog", || root_a.query_selector("dialog[open]").ok().flatten()).await;
    assert!(root_b.query_selector("dialog").unwrap().is_none(), "no dialog in B");
    let labelled_by = dialog.get_attribute("aria-labelledby").unwrap();
    assert!(labelled_by.starts_with(&a.id("")), "{labelled_by} carries A's prefix");
    press_on(&dialog, "Escape", false).await;
    assert!(root_a.query_selector("dialog").unwrap().is_none(), "Escape closed it");

    // An edit draft in B (reached through B's own link, followed in memory).
    tree_item(&root_b, "Homepage")
        .unwrap()
        .query_selector(".tree-row")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    wait_for("B's token page", || by_text(&root_b, "a", "Edit Profiles API Token")).await.click();
    let name_b: HtmlInputElement =
        wait_for("B's Name field", || root_b.query_selector("input[type=text]").ok().flatten())
            .await
            .unchecked_into();
    type_into(&name_b, "Draft in B").await;
    assert_eq!(web_sys::window().unwrap().location().hash().unwrap(), hash_before, "links did not touch it");

    // No id is shared, and every id carries its instance's prefix.
    let (ids_a, ids_b) = (ids(&root_a), ids(&root_b));
    // The same item in both trees: the same local id, two DOM ids.
    assert!(ids_a.contains(&a.id("ti-token-5001")), "{ids_a:?}");
    assert!(ids_b.contains(&b.id("ti-token-5001")), "{ids_b:?}");
    assert!(ids_a.is_disjoint(&ids_b), "shared: {:?}", ids_a.intersection(&ids_b).collect::<Vec<_>>());
    assert!(ids_a.iter().all(|id| id.starts_with(&a.id(""))), "{ids_a:?}");
    assert!(ids_b.iter().all(|id| id.starts_with(&b.id(""))), "{ids_b:?}");

    // B goes away with unsaved work, which it keeps for itself: its nodes go, and A's form of
    // the same token starts from the server's name, with no "kept" notice.
    b.unmount();
    next_frame().await;
    assert_eq!(root_b.child_element_count(), 0, "B's nodes are gone");
    by_text(&root_a, "a", "Edit Profiles API Token").unwrap().click();
    let name_a: HtmlInputElement =
        wait_for("A's Name field", || root_a.query_selector("input[type=text]").ok().flatten())
            .await
            .unchecked_into();
    assert_eq!(name_a.value(), "Homepage", "B's draft did not reach A");
    assert!(!root_a.text_content().unwrap().contains("were kept"), "no notice of a restored draft in A");

    // Unmounting A too leaves no listener behind on the window or the document.
    assert!(live_listeners() != listeners_before, "A listens while mounted");
    a.unmount();
    next_frame().await;
    assert_eq!(root_a.child_element_count(), 0, "A's nodes are gone");
    assert_eq!(live_listeners(), listeners_before, "nothing left behind by either");
    root_a.remove();
    root_b.remove();
}

#[wasm_bindgen_test]
async fn after_one_instance_unmounts_the_other_keeps_working() {
    install_fake_cdp();
    let (root_a, root_b) = (new_root(), new_root());
    let a = mounted(&root_a, "https://cdp-a.test", "1/key-a", "crash-a").await;
    let b = mounted(&root_b, "https://cdp-b.test", "1/key-b", "crash-b").await;
    drop(a);
    next_frame().await;
    assert_eq!(root_a.child_element_count(), 0);
    // B's tree still opens folders (a new request, answered) and its pages still change.
    let campaigns = tree_item(&root_b, "Campaigns").expect("Campaigns in B");
    campaigns.focus().unwrap();
    press_on(&campaigns, "ArrowRight", false).await;
    wait_for("Checkout in B", || tree_item(&root_b, "Checkout")).await;
    assert!(cdp_log()
        .iter()
        .any(|l| l == "https://cdp-b.test GET /entities/by-folder/1010?depth=1 TD1 1/key-b"));
    press_on(&campaigns, "ArrowDown", false).await;
    let checkout = tree_item(&root_b, "Checkout").unwrap();
    press_on(&checkout, "Enter", false).await;
    wait_for("B's Checkout page", || {
        root_b
            .query_selector("h1")
            .ok()
            .flatten()
            .filter(|h| h.text_content().unwrap_or_default().contains("Checkout"))
    })
    .await;
    drop(b);
    root_a.remove();
    root_b.remove();
}

#[wasm_bindgen_test]
async fn an_instance_in_a_shadow_root_works_its_tree_and_a_dialog_by_keyboard() {
    install_fake_cdp();
    let host = new_root();
    let shadow: ShadowRoot =
        host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).unwrap();
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    shadow.append_child(&root).unwrap();
    let m = mount(root.clone(), MountOptions::embedded(token_route("5001"), "crash-shadow"));
    connect(&root, "https://cdp-a.test", "1/key-a").await;
    let active = || shadow.active_element();

    // The tree: its tab stop, arrows and Enter, with focus followed inside the shadow root.
    let delete = wait_for("the token page", || by_text(&root, "button", "Delete")).await;
    let campaigns = tree_item(&root, "Campaigns").expect("Campaigns");
    campaigns.focus().unwrap();
    assert_eq!(active().as_ref(), Some(campaigns.unchecked_ref::<Element>()));
    press_on(&campaigns, "ArrowDown", false).await;
    let homepage = tree_item(&root, "Homepage").unwrap();
    assert_eq!(active().as_ref(), Some(homepage.unchecked_ref::<Element>()), "Down moved focus");
    press_on(&homepage, "ArrowUp", false).await;
    assert_eq!(active().as_ref(), Some(campaigns.unchecked_ref::<Element>()), "Up moved it back");

    // A dialog: focus moves in, Tab wraps inside, Escape closes and focus returns to its opener.
    delete.focus().unwrap();
    delete.click();
    let dialog = wait_for("the Delete dialog", || root.query_selector("dialog[open]").ok().flatten()).await;
    next_frame().await;
    let focused = active().expect("focus is somewhere");
    assert!(dialog.contains(Some(&focused)), "focus moved into the dialog");
    assert_eq!(focused.text_content().unwrap_or_default().trim(), "Cancel", "the least destructive button");
    let buttons = select_all(&dialog, "button");
    let last: HtmlElement = buttons.last().unwrap().clone().unchecked_into();
    last.focus().unwrap();
    press_on(&last, "Tab", false).await;
    let wrapped = active().expect("focus after Tab");
    assert!(dialog.contains(Some(&wrapped)), "Tab stayed inside");
    assert_ne!(wrapped, *last.unchecked_ref::<Element>(), "Tab on the last element wrapped");
    press_on(&wrapped, "Escape", false).await;
    assert!(root.query_selector("dialog").unwrap().is_none(), "Escape closed it");
    assert_eq!(active().as_ref(), Some(delete.unchecked_ref::<Element>()), "focus is back on Delete");
    drop(m);
    host.remove();
}
