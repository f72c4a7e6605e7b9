//! Where an element of the prerendered page is, so that the app's drawing
//! of the same element can be found once it has replaced the page: the app
//! draws the same markup (tests/e2e_prerender.rs), so the same path of child
//! positions leads to it.

use leptos::prelude::{document, set_timeout};
use std::cell::{Cell, RefCell};
use std::time::Duration;
use wasm_bindgen::JsCast;

/// The prerendered page's markup is inside this element (the app shell's
/// `<div id="tai-trang">`, prerender/src/output.rs).
pub const PRERENDERED_ROOT: &str = "tai-trang";

thread_local! {
    /// The position among `<body>`'s elements of the app's first one: the
    /// app is mounted after what `<body>` held once the page was removed.
    static APP_STARTS_AT: Cell<Option<u32>> = const { Cell::new(None) };
    /// The prerendered page while the app is mounted over it, when it is
    /// the page of the address the app draws.
    static REPLACED_PAGE: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// The markup inside the first element matching `selector` in the
/// prerendered page that the app is drawing now, when that page is the
/// address's own: a view drawn from HTML made elsewhere (a registry's page,
/// drawn by a worker) takes it as its first drawing instead of waiting for
/// the same HTML again. `None` once the app has drawn its first view.
pub fn prerendered_markup(selector: &str) -> Option<String> {
    REPLACED_PAGE.with(|page| {
        let page = page.borrow();
        Some(page.as_ref()?.query_selector(selector).ok()??.inner_html())
    })
}

/// The child positions from the prerendered root down to an element.
pub struct PlaceInPage(Vec<u32>);

impl PlaceInPage {
    /// Where `element` is in the prerendered page; None outside it.
    pub fn of(element: &web_sys::Element) -> Option<PlaceInPage> {
        let mut path = Vec::new();
        let mut here = element.clone();
        loop {
            if here.id() == PRERENDERED_ROOT {
                path.reverse();
                return Some(PlaceInPage(path));
            }
            let parent = here.parent_element()?;
            let mut index = 0;
            let mut before = here.previous_element_sibling();
            while let Some(sibling) = before {
                index += 1;
                before = sibling.previous_element_sibling();
            }
            path.push(index);
            here = parent;
        }
    }

    /// Calls `then` with the app's element at the same place, once the app
    /// has replaced the page and its views have drawn from the documents
    /// embedded in it (in the microtasks after mounting: after this task).
    pub fn once_drawn(self, then: impl FnOnce(web_sys::Element) + 'static) {
        set_timeout(
            move || {
                if let Some(element) = self.in_app() {
                    then(element);
                }
            },
            Duration::ZERO,
        );
    }

    /// The app's element at the same place, once the app has replaced the page.
    fn in_app(&self) -> Option<web_sys::Element> {
        let (first, rest) = self.0.split_first()?;
        let start = APP_STARTS_AT.with(Cell::get)?;
        let mut element = document().body()?.children().item(start + first)?;
        for &index in rest {
            element = element.children().item(index)?;
        }
        Some(element)
    }
}

/// Removes the prerendered page, mounts the app with `mount`, and puts the
/// keyboard focus where it was in the page. (No text typed into a field is
/// carried over: the focus entering the page has it taken over first.)
/// `page_is_the_address` when the page is the one the app draws (no query
/// the prerender did not draw): its markup is then at hand while mounting
/// (`prerendered_markup`).
pub fn replace_page(page_is_the_address: bool, mount: impl FnOnce()) {
    let focused_place = document().active_element().as_ref().and_then(PlaceInPage::of);
    let page = document().get_element_by_id(PRERENDERED_ROOT);
    if let Some(page) = &page {
        page.remove();
    }
    let start = document().body().map_or(0, |body| body.child_element_count());
    APP_STARTS_AT.with(|at| at.set(Some(start)));
    REPLACED_PAGE.with(|slot| *slot.borrow_mut() = page.filter(|_| page_is_the_address));
    mount();
    // After the first effects, as `net::forget_preloaded`: the router draws
    // the address's view in them, not in `mount` itself.
    set_timeout(|| drop(REPLACED_PAGE.with(|slot| slot.borrow_mut().take())), Duration::ZERO);
    let Some(place) = focused_place else { return };
    place.once_drawn(move |element| {
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = element.focus_with_options(&options);
        }
    });
}
