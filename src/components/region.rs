//! A region of the page that waits for its documents: a placeholder first,
//! then the content, or the region's own error with a retry.
//!
//! Why not `LocalResource` with `<Transition>`: each resource's value type
//! makes the compiler copy Leptos's whole async machinery (async derived
//! signals, suspense contexts, scoped futures) once more, and the portal has
//! a dozen of them. Here the loaded value is turned into a drawing function
//! at once, so one type-erased copy of the waiting logic serves every region.
//! Measured on the release build: see the commit that introduced this file.

use crate::components::error_box::ErrorBox;
use crate::components::not_found::NotFound;
use crate::core::error::DocError;
use futures::future::{FutureExt, LocalBoxFuture};
use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;
use std::future::Future;
use std::rc::Rc;

/// What a region shows when its documents fail.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum OnFailure {
    /// The error in Vietnamese, with "Thử lại".
    ErrorBox,
    /// The not-found view when the document does not exist (an unknown
    /// article id or category is a wrong address), else the error box.
    NotFoundPage,
    /// Nothing: for decorations such as the navigation's category links.
    Nothing,
}

/// Draws the loaded content; called once per successful load.
type Draw = Box<dyn FnOnce() -> AnyView>;
/// Starts one load of the region's documents.
type Start = Box<dyn Fn() -> LocalBoxFuture<'static, Result<Draw, DocError>>>;

#[derive(Clone)]
enum Phase {
    Waiting,
    Shown,
    Failed(DocError),
}

/// A region that shows `placeholder` until `fetch` answers, then `draw` of
/// the value. Signals read in `fetch` before its first `.await` are tracked:
/// when they change, the region loads again. Like `<Transition>`, content
/// already shown stays until the next content is ready; a load that is
/// replaced or whose region goes away is cancelled.
pub fn region<T, Fut>(
    placeholder: impl Fn() -> AnyView + 'static,
    fetch: impl Fn() -> Fut + 'static,
    draw: impl Fn(T) -> AnyView + 'static,
    on_failure: OnFailure,
) -> AnyView
where
    T: 'static,
    Fut: Future<Output = Result<T, DocError>> + 'static,
{
    let draw = Rc::new(draw);
    let start: Start = Box::new(move || {
        let pending = fetch();
        let draw = draw.clone();
        async move { pending.await.map(|value| Box::new(move || draw(value)) as Draw) }.boxed_local()
    });
    erased_region(Box::new(placeholder), start, on_failure)
}

/// The one non-generic body behind every [`region`].
fn erased_region(placeholder: Box<dyn Fn() -> AnyView>, start: Start, on_failure: OnFailure) -> AnyView {
    // Documents already at hand (fetched earlier in the visit, embedded in a
    // prerendered page, or preloaded by the native prerender) answer on the
    // first poll: the region is then drawn at once, never as a placeholder.
    // That is also how the prerender draws a whole page without effects.
    let at_once = crate::net::from_cache_only(|| untrack(|| start().now_or_never()));
    let (first_phase, first_draw) = match at_once {
        Some(Ok(draw)) => (Phase::Shown, Some(draw)),
        Some(Err(error)) => (Phase::Failed(error), None),
        None => (Phase::Waiting, None),
    };
    let drawn_at_once = !matches!(first_phase, Phase::Waiting);
    let phase = RwSignal::new_local(first_phase);
    let ready = StoredValue::new_local(first_draw);
    let placeholder = StoredValue::new_local(placeholder);
    // Bumped by "Thử lại"; the effect below reads it, so it loads again.
    let attempt = RwSignal::new(0_u32);
    Effect::new(move |previous: Option<()>| {
        attempt.track();
        let pending = start();
        if previous.is_none() && drawn_at_once {
            // Calling `start` subscribed this effect to what the load reads;
            // the answer itself is already on screen.
            return;
        }
        // Runs under this effect's owner: cancelled when the effect runs
        // again or the region goes away, which also releases the request.
        spawn_local_scoped_with_cancellation(async move {
            match pending.await {
                Ok(draw) => {
                    ready.set_value(Some(draw));
                    phase.set(Phase::Shown);
                }
                Err(error) => phase.set(Phase::Failed(error)),
            }
        });
    });
    let retry = move || attempt.update(|count| *count += 1);
    let waiting = move || placeholder.with_value(|placeholder| placeholder());
    (move || match phase.get() {
        Phase::Waiting => waiting(),
        Phase::Shown => ready.try_update_value(Option::take).flatten().map_or_else(waiting, |draw| draw()),
        Phase::Failed(_) if on_failure == OnFailure::Nothing => ().into_any(),
        Phase::Failed(error) if on_failure == OnFailure::NotFoundPage && error.is_not_found() => {
            view! { <NotFound /> }.into_any()
        }
        Phase::Failed(error) => view! { <ErrorBox error on_retry=move |_| retry() /> }.into_any(),
    })
    .into_any()
}
