//! Sharing the latest statistics between the portal's open tabs.
//!
//! A tab that fetched the statistics posts the document's text on a
//! BroadcastChannel; the others parse it with the same parser (a message is
//! input like any other) and show it instead of fetching themselves. Where
//! the browser has no BroadcastChannel, every tab simply polls on its own.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

/// One end of the channel, open until [`TabChannel::close`].
pub struct TabChannel {
    channel: BroadcastChannel,
    // Kept alive for as long as the channel may call it.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

impl TabChannel {
    /// The channel's name carries the statistics URL, so that two portals on
    /// one origin (sub-paths) do not mix their figures. `None` where the
    /// browser lacks BroadcastChannel.
    pub fn open(stats_url: &str, on_text: impl Fn(String) + 'static) -> Option<TabChannel> {
        let channel = BroadcastChannel::new(&channel_name(stats_url)).ok()?;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(text) = event.data().as_string() {
                on_text(text);
            }
        });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(TabChannel { channel, _on_message: on_message })
    }

    /// Tells the other tabs about a document this tab fetched and parsed.
    pub fn post(&self, text: &str) {
        let _ = self.channel.post_message(&text.into());
    }

    pub fn close(self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}

/// The name other tabs of the same portal listen on.
pub fn channel_name(stats_url: &str) -> String {
    format!("thong-ke-truy-cap {stats_url}")
}
