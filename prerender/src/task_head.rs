//! The science and technology tasks registry's pages (core::nhiem_vu):
//! which there are (walking the list of everything as the app follows it),
//! and their heads, with schema.org `ResearchProject` for each task.

use crate::head::{script_safe, short_description, PageMeta};
use crate::pages::Page;
use crate::store::Store;
use portal::context::Portal;
use portal::core::error::DocError;
use portal::core::facets::ALL_LIST;
use portal::core::nhiem_vu::{parse_task, parse_task_list, TaskDetail};
use portal::core::routes;
use portal::core::titles::{page_title, TitleOf};
use serde_json::json;

/// The list's pages and every task, walking the list of everything page
/// by page (a page is never held longer than its turn). A site without
/// the registry has none, and that is no failure.
pub fn list(portal: &Portal, store: &Store, pages: &mut Vec<Page>, failures: &mut Vec<DocError>) {
    let mut page = 1;
    loop {
        let url = portal.url(&portal.config.sources.nhiem_vu_list_url(ALL_LIST, page));
        let name = "danh sách nhiệm vụ";
        let list = match store.read(&url).map_err(|problem| DocError::new(name, problem)) {
            Ok(text) => parse_task_list(name, &text),
            Err(error) => Err(error),
        };
        let list = match list {
            Ok(list) => list,
            Err(error) if page == 1 && error.is_not_found() => return,
            Err(error) => {
                failures.push(error);
                return;
            }
        };
        pages.push(Page::NhiemVuList(page));
        for task in &list.items {
            pages.push(Page::NhiemVu { id: task.id.clone(), route: routes::nhiem_vu(&task.id, &task.name) });
        }
        if page >= list.total_pages {
            return;
        }
        page += 1;
    }
}

/// The head of a list page (`id` None, page `page`) or of one task.
pub fn fill(
    meta: &mut PageMeta,
    id: Option<&str>,
    page: u32,
    portal: &Portal,
    documents: &[(String, std::rc::Rc<str>)],
) {
    let site = &portal.config.site;
    let Some(id) = id else {
        let mut title = page_title(TitleOf::NhiemVuList(None), &site.short_name);
        if page > 1 {
            title = format!("{title} – Trang {page}");
        }
        meta.title = title;
        meta.description = format!(
            "Danh mục và kết quả các nhiệm vụ khoa học và công nghệ: đề tài, dự án, đề án các cấp – {}",
            site.name
        );
        return;
    };
    let url = portal.url(&portal.config.sources.nhiem_vu_url(id));
    let detail =
        documents.iter().find(|(known, _)| *known == url).and_then(|(_, text)| parse_task("nhiệm vụ", &url, text).ok());
    if let Some(detail) = detail {
        let task = &detail.task;
        meta.title = page_title(TitleOf::NhiemVu(Some(&task.name)), &site.short_name);
        let about = detail.results.as_deref().unwrap_or(&task.host);
        meta.description = short_description(&format!("{} ({}): {about}", task.name, task.code));
        meta.json_ld = Some(script_safe(&research_project(meta, &detail)));
    }
}

/// schema.org `ResearchProject`: its code, host organisation, leader,
/// months, sector and money.
fn research_project(meta: &PageMeta, detail: &TaskDetail) -> String {
    let task = &detail.task;
    let mut project = json!({
        "@context": "https://schema.org",
        "@type": "ResearchProject",
        "name": task.name,
        "identifier": task.code,
        "description": meta.description,
        "url": meta.canonical,
        "parentOrganization": { "@type": "Organization", "name": task.host },
        "member": { "@type": "Person", "name": task.leader },
        "foundingDate": task.start.to_string(),
        "knowsAbout": task.sector,
        "funding": {
            "@type": "MonetaryGrant",
            "name": format!("Kinh phí {} cấp {}", task.kind.to_lowercase(), task.level.to_lowercase()),
            "amount": { "@type": "MonetaryAmount", "currency": "VND", "value": task.funding },
        },
    });
    // A task that has been accepted has ended.
    if detail.acceptance.is_some() {
        project["dissolutionDate"] = json!(task.end.to_string());
    }
    project.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_task_is_a_research_project() {
        let text = r#"{"version":1,"id":"gen","code":"ĐTKH.07/23","name":"Bảo tồn nguồn gen </script>","level":"Tỉnh",
            "type":"Đề tài","sector":"Y dược","host":"Trung tâm mẫu","leader":"TS. A","start":"2023-10","end":"2025-09",
            "funding":1250000000,"status":"da-nghiem-thu","acceptance":{"rating":"Khá","date":"2025-10-20"}}"#;
        let detail = parse_task("d", "https://h.vn/data/nhiem-vu/gen.json", text).unwrap();
        let meta = PageMeta { canonical: "https://h.vn/nhiem-vu/gen/bao-ton".into(), ..PageMeta::default() };
        let json: serde_json::Value = serde_json::from_str(&research_project(&meta, &detail)).unwrap();
        assert_eq!(json["@type"], "ResearchProject");
        assert_eq!(json["identifier"], "ĐTKH.07/23");
        assert_eq!(json["parentOrganization"]["name"], "Trung tâm mẫu");
        assert_eq!(json["funding"]["amount"]["value"], 1_250_000_000_u64);
        assert_eq!(json["funding"]["amount"]["currency"], "VND");
        assert_eq!(
            (json["foundingDate"].as_str(), json["dissolutionDate"].as_str()),
            (Some("2023-10"), Some("2025-09"))
        );
        // Safe inside <script>.
        assert!(!script_safe(&research_project(&meta, &detail)).contains("</script>"));
    }
}
