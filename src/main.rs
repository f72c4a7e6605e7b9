//! Starts the portal: the app is drawn over the page index.html or the
//! prerender wrote (`takeover::start` says when).

use leptos::prelude::*;
use portal::app::App;

fn main() {
    console_error_panic_hook::set_once();
    portal::takeover::start(|portal| mount_to_body(move || view! { <App portal /> }));
}
