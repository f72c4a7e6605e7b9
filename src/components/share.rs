//! Copy the article's link, share it on Facebook, or through the phone's own
//! share sheet (where Zalo and other apps appear); print it, or save it.
//!
//! Saving is the browser's own "Save as PDF" in its print dialog, which every
//! browser the portal supports offers: the page prints through its print
//! stylesheet (the article alone, with its address), so the PDF keeps the
//! photos and selectable text and costs the bundle no code. A self-contained
//! HTML file would need the photos fetched and inlined by the app.

use crate::context::current_page_url;
use crate::core::share::facebook_share_url;
use leptos::prelude::*;

/// The sharing row under an article.
#[component]
pub fn ShareLinks(title: String) -> impl IntoView {
    let page_url = current_page_url;
    let (copied, set_copied) = signal(false);
    let copy = move |_| {
        let clipboard = window().navigator().clipboard();
        let _ = clipboard.write_text(&page_url());
        set_copied.set(true);
    };
    // The Web Share API exists on phones; desktop browsers mostly lack it.
    // Drawn natively (prerender) there is no browser to ask: no such button.
    let can_share = !cfg!(feature = "ssr")
        && web_sys::js_sys::Reflect::has(&window().navigator(), &"share".into()).unwrap_or(false);
    // The print dialog names the PDF after the page's title.
    let file_title = title.clone();
    let share = move |_| {
        let data = web_sys::ShareData::new();
        data.set_title(&title);
        data.set_url(&page_url());
        let _ = window().navigator().share_with_data(&data);
    };
    view! {
        <div class="share">
            <button type="button" class="share-button" on:click=copy>
                {move || if copied.get() { "Đã chép liên kết" } else { "Chép liên kết" }}
            </button>
            <a class="share-button" href=move || facebook_share_url(&page_url()) target="_blank" rel="noopener noreferrer">
                "Chia sẻ Facebook"
            </a>
            {can_share.then(|| view! {
                <button type="button" class="share-button" on:click=share>"Chia sẻ qua Zalo, ứng dụng khác"</button>
            })}
            <button type="button" class="share-button" on:click=|_| { let _ = window().print(); }>"In bài viết"</button>
            <button
                type="button"
                class="share-button"
                title="Mở hộp thoại in: chọn “Lưu dưới dạng PDF” (Save as PDF) làm máy in"
                on:click=move |_| save_as_pdf(&file_title)
            >
                "Lưu bài (PDF)"
            </button>
        </div>
    }
}

/// Opens the print dialog with the document named after the article alone
/// (browsers offer the title as the PDF's file name), then puts the page's
/// title back.
fn save_as_pdf(article_title: &str) {
    let document = document();
    let page_title = document.title();
    document.set_title(article_title);
    // print() returns once the dialog is closed.
    let _ = window().print();
    document.set_title(&page_title);
}
