//! What opens and closes the navigation's menus and panel, and where focus
//! goes. The state is the DOM's: a button's `aria-expanded` and its list's
//! `hidden` (the panel: its `data-open`).
//!
//! A section's menu opens and closes by its button (click, Enter, Space),
//! and closes on Escape, on a click or focus outside it, and on a choice. The
//! phone panel closes the same ways and on Back: opening it adds a history
//! entry at the same address, so Back (a phone's own button too) closes the
//! panel instead of leaving the page. A link chosen in the panel first takes
//! that entry away (`history.back()`), then is followed: otherwise the next
//! Back would stop at the page the panel was opened on.

use super::PANEL_ID;
use crate::components::scroll_memory;
use crate::context::site_href;
use crate::core::routes::{self, is_current_page};
use leptos::ev;
use leptos::prelude::*;
use leptos_router::location::Location;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

thread_local! {
    /// The panel's history entry is there, to be taken away on closing.
    static ENTRY_PUSHED: Cell<bool> = const { Cell::new(false) };
    /// `history.back()` was called for it and its `popstate` is still to come.
    static AWAITING_BACK: Cell<bool> = const { Cell::new(false) };
    /// A link chosen in the panel, followed once the entry is gone.
    static CHOSEN_LINK: RefCell<Option<HtmlElement>> = const { RefCell::new(None) };
}

/// The listeners on the window, and on every new page: menus closed and the
/// page's own link marked.
pub(super) fn install(location: Location) {
    let keys = window_event_listener(ev::keydown, |event| {
        if event.key() == "Escape" {
            close_innermost();
        }
    });
    // A click outside (on phones, the backdrop over the page) closes both.
    let clicks = window_event_listener(ev::click, |event| {
        if !inside_nav(event.target()) {
            close_sections();
            close_panel(true);
        }
    });
    // Focus that leaves the navigation (Tab past its end) closes it too.
    let focus = window_event_listener(ev::focusin, |event| {
        if !inside_nav(event.target()) {
            close_sections();
            close_panel(false);
        }
    });
    let back = window_event_listener(ev::popstate, |_| on_popstate());
    on_cleanup(move || {
        keys.remove();
        clicks.remove();
        focus.remove();
        back.remove();
    });
    Effect::new(move |_| {
        let path = location.pathname.get();
        close_sections();
        mark_current_page(&path);
    });
}

/// A click in the navigation: a button opens or closes what it controls; a
/// link closes the menus. A link chosen while the panel is open waits for
/// the panel's history entry to go: this runs on the `<nav>`, before the
/// router's listener on the window sees the click.
pub(super) fn on_nav_click(event: ev::MouseEvent) {
    let target = event.target().and_then(|target| target.dyn_into::<Element>().ok());
    let Some(target) = target else { return };
    if let Some(button) = closest(&target, "button[aria-controls]") {
        let open = button.get_attribute("aria-expanded").as_deref() != Some("true");
        if button.get_attribute("aria-controls").as_deref() == Some(PANEL_ID) {
            if open {
                open_panel()
            } else {
                close_panel(false)
            }
        } else {
            close_sections();
            set_expanded(&button, open);
            // Closed by a click, a menu stays closed under the pointer still
            // resting on it, until the pointer leaves (the CSS hover rule
            // skips a section marked `data-dong`).
            if let Some(section) = button.parent_element() {
                let _ =
                    if open { section.remove_attribute("data-dong") } else { section.set_attribute("data-dong", "") };
            }
        }
    } else if let Some(link) = closest(&target, "a[href]") {
        close_sections();
        if panel_is_open() && ENTRY_PUSHED.get() {
            event.prevent_default();
            CHOSEN_LINK.with(|chosen| *chosen.borrow_mut() = link.dyn_into::<HtmlElement>().ok());
            close_panel(false);
        }
    }
}

/// The pointer left a section closed by a click: hovering opens it again.
pub(super) fn on_nav_mouse_out(event: ev::MouseEvent) {
    let closed = event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
        .and_then(|target| closest(&target, "[data-dong]"));
    let Some(section) = closed else { return };
    let into = event.related_target().and_then(|target| target.dyn_into::<web_sys::Node>().ok());
    if !into.is_some_and(|node| section.contains(Some(&node))) {
        let _ = section.remove_attribute("data-dong");
    }
}

/// The search box took focus: the search worker starts loading while the
/// reader types, not after.
pub(super) fn on_nav_focus(event: ev::FocusEvent) {
    let target = event.target().and_then(|target| target.dyn_into::<Element>().ok());
    if target.is_some_and(|target| target.matches(".site-nav-search input").unwrap_or(false)) {
        crate::search_worker::warm_up();
    }
}

/// The search box sent: the app follows it as a link to the search page
/// (one hidden in the box's form, so the router and the panel's history
/// entry treat it like any link chosen in the navigation).
pub(super) fn on_nav_submit(event: ev::SubmitEvent) {
    let Some(form) = event.target().and_then(|target| target.dyn_into::<web_sys::HtmlFormElement>().ok()) else {
        return;
    };
    let text = form
        .query_selector("input[name=q]")
        .ok()
        .flatten()
        .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value());
    let link = form.query_selector("a").ok().flatten().and_then(|link| link.dyn_into::<HtmlElement>().ok());
    let (Some(text), Some(link)) = (text, link) else { return };
    event.prevent_default();
    let params = crate::core::search::SearchParams { text, page: 1, ..Default::default() };
    let _ = link.set_attribute("href", &site_href(params.route()));
    close_sections();
    if panel_is_open() && ENTRY_PUSHED.get() {
        CHOSEN_LINK.with(|chosen| *chosen.borrow_mut() = Some(link));
        close_panel(false);
    } else {
        link.click();
    }
}

/// Escape: the open section's menu first, focus back on its button; then the
/// panel, focus back on "Danh mục".
fn close_innermost() {
    if let Some(button) = query(".site-nav-trigger[aria-expanded=\"true\"]") {
        set_expanded(&button, false);
        focus(&button);
    } else if panel_is_open() {
        close_panel(true);
    }
}

fn close_sections() {
    while let Some(button) = query(".site-nav-trigger[aria-expanded=\"true\"]") {
        set_expanded(&button, false);
    }
}

/// Opens the panel, adds its history entry and moves focus into it.
fn open_panel() {
    close_sections();
    let Some(toggle) = panel_toggle() else { return };
    // The bar to the top of the screen first (it stays there, sticky): the
    // panel below it is as tall as the screen, and the page will not scroll.
    // (Not scrollIntoView: the page's scroll-padding would stop it short.)
    if let Some(nav) = closest(&toggle, "nav") {
        let top = nav.get_bounding_client_rect().top();
        if top > 0.0 {
            window().scroll_by_with_x_and_y(0.0, top);
        }
    }
    set_expanded(&toggle, true);
    set_page_scroll_locked(true);
    if let Ok(history) = window().history() {
        ENTRY_PUSHED.set(history.push_state(&"danh-muc".into(), "").is_ok());
    }
    // Without scrolling: the page's scroll-padding would move the bar down.
    let first = query("#danh-muc a, #danh-muc button");
    if let Some(first) = first.as_ref().and_then(|first| first.dyn_ref::<HtmlElement>()) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = first.focus_with_options(&options);
    }
}

/// Closes the panel, takes its history entry away, and with `refocus` puts
/// focus back on "Danh mục".
fn close_panel(refocus: bool) {
    if !panel_is_open() {
        return;
    }
    let Some(toggle) = panel_toggle() else { return };
    set_expanded(&toggle, false);
    set_page_scroll_locked(false);
    if ENTRY_PUSHED.replace(false) {
        AWAITING_BACK.set(true);
        if let Ok(history) = window().history() {
            let _ = history.back();
        }
    }
    if refocus {
        focus(&toggle);
    }
}

/// Back while the panel is open closes it; the `popstate` of the panel's own
/// entry going away follows the link chosen, if any. Neither is a return to
/// an earlier page for the scroll memory.
fn on_popstate() {
    let panel_open = panel_is_open();
    if !panel_open && !AWAITING_BACK.replace(false) {
        return;
    }
    scroll_memory::not_returning();
    if panel_open {
        ENTRY_PUSHED.set(false);
        close_panel(true);
    }
    if let Some(link) = CHOSEN_LINK.with(|chosen| chosen.borrow_mut().take()) {
        link.click();
    }
}

/// A disclosure button and what it controls: `aria-expanded` on the one,
/// `hidden` (a section's list) or `data-open` (the panel) on the other.
fn set_expanded(button: &Element, open: bool) {
    let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
    let controlled = button.get_attribute("aria-controls").and_then(|id| document().get_element_by_id(&id));
    let Some(controlled) = controlled else { return };
    let attribute = if controlled.id() == PANEL_ID { "data-open" } else { "hidden" };
    let _ = if open == (attribute == "hidden") {
        controlled.remove_attribute(attribute)
    } else {
        controlled.set_attribute(attribute, "")
    };
    if controlled.id() == PANEL_ID {
        if let Some(backdrop) = query(".site-nav-backdrop") {
            let _ = backdrop.toggle_attribute_with_force("hidden", !open);
        }
    }
}

/// `aria-current="page"` on the link to the page shown, and only there.
fn mark_current_page(path: &str) {
    let Ok(links) = document().query_selector_all(".site-nav-list a[href]") else { return };
    let home = site_href(routes::HOME);
    for link in (0..links.length()).filter_map(|i| links.item(i)?.dyn_into::<Element>().ok()) {
        let href = link.get_attribute("href").unwrap_or_default();
        let _ = match is_current_page(&href, path, href == home) {
            true => link.set_attribute("aria-current", "page"),
            false => link.remove_attribute("aria-current"),
        };
    }
}

fn panel_toggle() -> Option<Element> {
    query(".site-nav-toggle[aria-controls]")
}

fn panel_is_open() -> bool {
    panel_toggle().and_then(|toggle| toggle.get_attribute("aria-expanded")).as_deref() == Some("true")
}

fn inside_nav(target: Option<web_sys::EventTarget>) -> bool {
    let target = target.and_then(|target| target.dyn_into::<Element>().ok());
    target.is_some_and(|target| closest(&target, ".site-nav").is_some())
}

fn closest(element: &Element, selector: &str) -> Option<Element> {
    element.closest(selector).ok().flatten()
}

fn query(selector: &str) -> Option<Element> {
    document().query_selector(selector).ok().flatten()
}

fn focus(element: &Element) {
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        let _ = element.focus();
    }
}

/// The page behind the open panel stays still (style/portal.css).
fn set_page_scroll_locked(locked: bool) {
    if let Some(root) = document().document_element() {
        let _ = root.toggle_attribute_with_force("data-menu-mo", locked);
    }
}
