//! The figures of the visitor box, drawn from a [`StatsDisplay`].

use crate::core::stats_display::{StatsDisplay, NO_FIGURE};
use leptos::prelude::*;

/// The three labelled figures and the small note on when they were counted.
///
/// Not a live region: a screen reader reads the figures when the visitor
/// gets to them, instead of being interrupted every minute.
#[component]
pub fn StatsFigures(#[prop(into)] display: Signal<StatsDisplay>) -> impl IntoView {
    let field = move |pick: fn(&StatsDisplay) -> &String| Signal::derive(move || display.with(|d| pick(d).clone()));
    let detail = field(|d| &d.note_detail);
    view! {
        <dl class="visitor-widget-figures" title=detail>
            <Figure label="Số người online" value=field(|d| &d.online) />
            <Figure label="Hôm nay" value=field(|d| &d.today) />
            <Figure label="Tổng lượt truy cập" value=field(|d| &d.total) />
        </dl>
        <p class="visitor-widget-note" class:visitor-widget-stale=move || display.with(|d| d.stale) title=detail>
            {field(|d| &d.note)}
        </p>
    }
}

/// One label and its figure. A figure that changes is drawn as a new element
/// with a class that the stylesheet animates; the first figure after the
/// dash is not a change worth pointing at.
#[component]
fn Figure(label: &'static str, value: Signal<String>) -> impl IntoView {
    let shown = Memo::new(move |previous: Option<&(String, bool)>| {
        let value = value.get();
        let changed = previous.is_some_and(|(old, _)| *old != value && old != NO_FIGURE);
        (value, changed)
    });
    view! {
        <div class="visitor-widget-row">
            <dt>{label}</dt>
            <dd class="visitor-widget-value">
                {move || {
                    let (value, changed) = shown.get();
                    if value == NO_FIGURE {
                        view! {
                            <span aria-hidden="true">{NO_FIGURE}</span>
                            <span class="visually-hidden">"chưa có số liệu"</span>
                        }
                            .into_any()
                    } else {
                        view! { <span class="visitor-widget-number" class:visitor-widget-changed=changed>{value}</span> }
                            .into_any()
                    }
                }}
            </dd>
        </div>
    }
}
