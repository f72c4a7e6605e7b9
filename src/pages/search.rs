//! The search page, `/tim-kiem?q=…&chuyen-muc=…&nam=…&trang=…`.
//!
//! The address is the state: whatever it says is asked of the search
//! worker, so a reload, a shared link and Back all show the same results.
//! Typing asks at once, except within a quick burst of keys, which asks
//! when it pauses for 50 ms (`core::search::ask_after_ms`; the worker also
//! drops what a newer keystroke overtook), and rewrites the address once
//! typing pauses, in place, so Back leaves the search in one step. The page is one HTML string from the core (`core::search`,
//! every text from the index escaped there) that the handlers below fill
//! in: a view per part cost about 19 KB of wasm brotli, this a fraction.

mod keys;

use crate::context::{site_href, use_portal};
use crate::core::routes::SEARCH;
use crate::core::search::{
    ask_after_ms, count_text, error_html, filter_options_html, page_html, results_html, Reply, SearchParams,
    CATEGORY_PARAM, KIND_PARAM, PROMPT, RESULTS_ID, STATUS_ID, YEAR_PARAM,
};
use crate::core::titles::{page_title, TitleOf};
use crate::search_worker as worker;
use leptos::ev;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use std::cell::{Cell, RefCell};
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlSelectElement};

/// How long typing must pause before the address follows the box (the
/// results do not wait).
const TYPING_PAUSE: Duration = Duration::from_millis(300);

thread_local! {
    /// The id of the request whose answer the page waits for.
    static LATEST: Cell<u32> = const { Cell::new(0) };
    /// What that request asked: the answer's links and filters are built for
    /// it, and the address catching up with the box does not ask again.
    static ASKED: RefCell<Option<SearchParams>> = const { RefCell::new(None) };
    /// The address catching up with the box, once typing pauses.
    static PENDING: Cell<Option<TimeoutHandle>> = const { Cell::new(None) };
    /// A burst's request, sent when the keys pause.
    static BURST: Cell<Option<TimeoutHandle>> = const { Cell::new(None) };
    /// When the last key came (the event's time stamp, ms).
    static LAST_KEY: Cell<f64> = const { Cell::new(f64::NEG_INFINITY) };
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let site = use_portal().config.site.short_name.clone();
    let query = use_query_map();
    let params = Memo::new(move |_| query.with(|query| SearchParams::from_query(|name| query.get(name))));
    let navigate = use_navigate();
    let go = move |params: SearchParams| {
        navigate(&params.route(), NavigateOptions { replace: true, scroll: false, ..Default::default() });
    };
    if !cfg!(feature = "ssr") {
        // A page drawn anew (Back, a link) asks whatever its address says.
        ASKED.set(None);
        worker::listen(show_reply);
        worker::warm_up();
        // After the page is drawn: a new address (a filter, a page, Back) is a new search.
        Effect::new(move |_| {
            let params = params.get();
            sync_form(&params);
            if ASKED.with_borrow(|asked| asked.as_ref() != Some(&params)) {
                ask(&params, false);
            }
        });
    }
    let on_input = {
        let go = go.clone();
        move |event: ev::Event| {
            if !is_query_box(event.target()) {
                return;
            }
            let wanted = SearchParams { text: event_target_value(&event), page: 1, ..params.get_untracked() };
            let gap = event.time_stamp() - LAST_KEY.replace(event.time_stamp());
            cancel_pending();
            match ask_after_ms(gap) {
                None => ask(&wanted, true),
                Some(pause) => {
                    let wanted = wanted.clone();
                    let later = move || ask(&wanted, true);
                    BURST.set(set_timeout_with_handle(later, Duration::from_millis(pause.into())).ok());
                }
            }
            let go = go.clone();
            PENDING.set(set_timeout_with_handle(move || go(wanted), TYPING_PAUSE).ok());
        }
    };
    let on_submit = {
        let go = go.clone();
        move |event: ev::SubmitEvent| {
            event.prevent_default();
            cancel_pending();
            let text = keys::query_box().map(|input| input.value()).unwrap_or_default();
            let current = params.get_untracked();
            let wanted = SearchParams { text, page: 1, ..current.clone() };
            // Asked again even if typing asked the same: the last word is
            // now whole, not a prefix.
            ask(&wanted, false);
            if wanted != current {
                go(wanted);
            }
        }
    };
    let on_change = move |event: ev::Event| {
        let Some(select) = event.target().and_then(|target| target.dyn_into::<HtmlSelectElement>().ok()) else {
            return;
        };
        let value = select.value();
        let mut wanted = SearchParams { page: 1, ..params.get_untracked() };
        match select.name().as_str() {
            CATEGORY_PARAM => wanted.category = (!value.is_empty()).then_some(value),
            KIND_PARAM => wanted.kind = (!value.is_empty()).then_some(value),
            YEAR_PARAM => wanted.year = value.parse().ok(),
            _ => return,
        }
        go(wanted);
    };
    let on_click = move |event: ev::MouseEvent| {
        let target = event.target().and_then(|target| target.dyn_into::<Element>().ok());
        if target.is_some_and(|target| target.has_attribute("data-thu-lai")) {
            // A fresh worker: the failure may have been the worker itself.
            worker::stop();
            let asked = ASKED.with_borrow(Clone::clone).unwrap_or_else(|| params.get_untracked());
            ask(&asked, false);
        }
    };
    view! {
        <Title text=move || page_title(TitleOf::Search(&params.read().text), &site) />
        <div
            class="search-page"
            inner_html=page_html(&params.get_untracked(), &site_href(SEARCH))
            on:input=on_input
            on:submit=on_submit
            on:change=on_change
            on:click=on_click
            on:keydown=keys::on_key
        ></div>
    }
}

/// Asks the worker for what `params` says; an empty query just prompts.
fn ask(params: &SearchParams, typing: bool) {
    ASKED.set(Some(params.clone()));
    if params.is_empty() {
        set_html(RESULTS_ID, "");
        set_text(STATUS_ID, PROMPT);
        return;
    }
    let id = LATEST.get().wrapping_add(1).max(1);
    LATEST.set(id);
    // Results already shown stay until the new ones come: no flicker while typing.
    if by_id(RESULTS_ID).is_some_and(|results| results.child_element_count() == 0) {
        set_text(STATUS_ID, "Đang tìm…");
    }
    worker::send(&params.request(id, typing));
}

fn show_reply(reply: Result<Reply, String>) {
    let Some(params) = ASKED.with_borrow(Clone::clone) else { return };
    let params = &params;
    match reply {
        // Id 0 is the warm-up's.
        Ok(Reply { id, .. }) if id == 0 || id != LATEST.get() => {}
        Ok(Reply { outcome: Ok(found), .. }) => {
            if !found.years.is_empty() || !found.categories.is_empty() {
                let (categories, years) = filter_options_html(&found.years, &found.categories, params);
                set_select(CATEGORY_PARAM, &categories);
                set_select(YEAR_PARAM, &years);
            }
            set_html(RESULTS_ID, &results_html(&found, params, |route| site_href(route)));
            set_text(STATUS_ID, &count_text(&found, &params.text));
        }
        Ok(Reply { outcome: Err(message), .. }) | Err(message) => {
            set_text(STATUS_ID, "");
            set_html(RESULTS_ID, &error_html(&message));
        }
    }
}

/// The form shows what the address says (after Back, a link or a filter).
fn sync_form(params: &SearchParams) {
    if let Some(input) = keys::query_box().filter(|input| input.value() != params.text) {
        input.set_value(&params.text);
    }
    let category = params.category.clone().unwrap_or_default();
    let year = params.year.map(|year| year.to_string()).unwrap_or_default();
    let kind = params.kind.clone().unwrap_or_default();
    for (name, value) in [(CATEGORY_PARAM, category), (YEAR_PARAM, year), (KIND_PARAM, kind)] {
        if let Some(select) = select(name) {
            select.set_value(&value);
        }
    }
}

/// Forgets what typing left to do: the address to rewrite, the burst's request.
fn cancel_pending() {
    for pending in [PENDING.take(), BURST.take()].into_iter().flatten() {
        pending.clear();
    }
}

fn is_query_box(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|target| target.dyn_into::<Element>().ok())
        .is_some_and(|element| element.id() == keys::QUERY_BOX_ID)
}

fn by_id(id: &str) -> Option<Element> {
    document().get_element_by_id(id)
}

fn set_html(id: &str, html: &str) {
    if let Some(element) = by_id(id) {
        element.set_inner_html(html);
    }
}

fn set_text(id: &str, text: &str) {
    if let Some(element) = by_id(id) {
        element.set_text_content(Some(text));
    }
}

fn select(name: &str) -> Option<HtmlSelectElement> {
    document().query_selector(&format!(".search-form select[name={name}]")).ok()??.dyn_into().ok()
}

fn set_select(name: &str, options: &str) {
    if let Some(select) = select(name) {
        select.set_inner_html(options);
    }
}
