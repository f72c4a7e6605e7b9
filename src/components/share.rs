//! Copy the article's link, share it on Facebook, or through the phone's own
//! share sheet (where Zalo and other apps appear).

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
        </div>
    }
}
