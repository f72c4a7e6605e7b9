//! Starts the portal: reads config.json, then mounts the app over the static
//! loading shell that index.html shows while the wasm downloads.

use leptos::prelude::*;
use portal::app::App;
use portal::context::load_portal;

fn main() {
    console_error_panic_hook::set_once();
    // config.json is read before mounting, so this runs on the browser's own
    // microtask queue: leptos's executor is set up by mounting itself.
    wasm_bindgen_futures::spawn_local(async {
        let prerendered = portal::takeover::preload_embedded_documents(&portal::context::site_root());
        portal::context::set_taking_over_prerendered_page(prerendered);
        let portal = load_portal().await;
        portal::app::remove_static_shell();
        mount_to_body(move || view! { <App portal /> });
        // After the first effects: the documents embedded for this page only
        // have drawn it; the views opened later fetch their own.
        set_timeout(portal::net::forget_preloaded, std::time::Duration::ZERO);
    });
}
