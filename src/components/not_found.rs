//! The view for an address the portal does not have.

use crate::context::{site_href, use_portal};
use crate::core::routes;
use crate::core::titles::{page_title, TitleOf};
use leptos::prelude::*;
use leptos_meta::Title;

/// "Không tìm thấy trang", with a way home and to the schedule.
#[component]
pub fn NotFound() -> impl IntoView {
    let title = page_title(TitleOf::NotFound, &use_portal().config.site.short_name);
    view! {
        <Title text=title />
        <section class="not-found">
            <h1>"Không tìm thấy trang"</h1>
            <p>"Địa chỉ này không có trên cổng thông tin, hoặc nội dung đã được gỡ bỏ."</p>
            <p>
                <a href=site_href(routes::HOME)>"Về trang chủ"</a>
                " · "
                <a href=site_href(routes::SCHEDULE)>"Xem lịch công tác tuần"</a>
            </p>
        </section>
    }
}
