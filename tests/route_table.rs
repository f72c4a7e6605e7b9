//! The app's `<Routes>` against the one route table (core/src/route_table.rs).
//! leptos_router takes each pattern as a literal (`path!`), so the app
//! writes them out; this holds them to the table, pattern by pattern and
//! view by view, in the order the router tries them.
#![cfg(not(target_arch = "wasm32"))]

use portal::core::route_table::ROUTES;

/// `(pattern, view)` of every `<Route path=path!("…") view=… />` in app.rs.
fn app_routes() -> Vec<(String, String)> {
    let app = include_str!("../src/app.rs");
    let mut routes = Vec::new();
    for line in app.lines().map(str::trim).filter(|line| line.starts_with("<Route ")) {
        let pattern = line.split("path!(\"").nth(1).and_then(|rest| rest.split('"').next());
        let view = line.split("view=").nth(1).and_then(|rest| rest.split_whitespace().next());
        match (pattern, view) {
            (Some(pattern), Some(view)) => routes.push((pattern.to_string(), view.to_string())),
            _ => panic!("a route app.rs writes in another form than this test reads: {line}"),
        }
    }
    routes
}

#[test]
fn the_app_routes_are_the_table() {
    let table: Vec<(String, String)> =
        ROUTES.iter().map(|route| (route.pattern.to_string(), format!("{:?}Page", route.kind))).collect();
    assert_eq!(app_routes(), table);
}

#[test]
fn the_not_found_view_is_the_fallback() {
    assert!(include_str!("../src/app.rs").contains("<Routes fallback=NotFound>"));
}
