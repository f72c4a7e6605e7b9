//! With `--cfg portal_split` (the release build, scripts/release-build.sh),
//! the app's wasm is linked keeping its relocations, which the split tool
//! reads to cut the parts out (scripts/split-wasm.sh, src/parts.rs). Only
//! this binary: the workers' wasm, built in the same run, stays as it was
//! (the relocations made them four times larger after wasm-opt).
fn main() {
    println!("cargo::rustc-check-cfg=cfg(portal_split)");
    if std::env::var_os("CARGO_CFG_PORTAL_SPLIT").is_some() {
        println!("cargo::rustc-link-arg-bin=portal=--emit-relocs");
    }
}
