// What the editor's end-to-end tests share (docs/editor.md, "Tests"): the
// servers they start (decap-server over a temporary repository, the built
// editor, the built site), the browser, the few ways an editor finds and
// fills Decap's controls, and the publishing pipeline run over what the
// editor committed (the builder, then the prerender). Every server and
// browser a test starts is registered in `cleanups`; each test file calls
// `after(stopAll)`, so they stop even when a step fails.
import { spawn, execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:http";
import { mkdtempSync, rmSync, readFileSync, statSync, existsSync, cpSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname, resolve, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { waitAsReader } from "../../scripts/as_reader.mjs";

export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const TOOLS = join(ROOT, ".tools");
const require = createRequire(join(TOOLS, "package.json"));
const puppeteer = require("puppeteer-core");
// The front matter reader Decap itself writes with (gray-matter, js-yaml).
export const matter = require("gray-matter");
/** The release build whose /quan-tri/ is tested, and whose app the built sites reuse. */
export const SITE = resolve(process.env.EDITOR_SITE || join(ROOT, "dist"));
export const FIXTURE = join(ROOT, "tests/editor/fixture");
export const TIMEOUT = 60_000;
export const WIDTH = Number(process.env.EDITOR_WIDTH || 1280);
const SCREENSHOTS = process.env.EDITOR_SCREENSHOTS; // a folder, to look at the editor

const cleanups = [];
export function onStop(cleanup) {
  cleanups.push(cleanup);
}
export async function stopAll() {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error("cleanup:", error);
    }
  }
  cleanups.length = 0;
}

export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".yml": "text/yaml",
  ".json": "application/json", ".wasm": "application/wasm", ".svg": "image/svg+xml", ".png": "image/png",
  ".xml": "application/xml", ".txt": "text/plain; charset=utf-8", ".ics": "text/calendar; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

// A static file server on a free loopback port. `answer(path)` picks the
// file for a request path (null: 404); `rewrite` may change a file's bytes.
async function staticServer(root, answer, rewrite = (_path, body) => body) {
  const port = await freePort();
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    const file = answer(path);
    if (!file || !(resolve(file) + sep).startsWith(root + sep)) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-cache" });
    response.end(rewrite(path, readFileSync(file)));
  });
  await new Promise((done) => server.listen(port, "127.0.0.1", done));
  onStop(() => {
    server.closeAllConnections?.();
    return new Promise((done) => server.close(done));
  });
  return `http://127.0.0.1:${port}`;
}

const isFile = (file) => existsSync(file) && statSync(file).isFile();

// The release build as a static host serves it, for the editor at
// /quan-tri/. Its config.yml is served as built, except that the local
// backend points at this test's decap-server (scripts/edit.sh uses 8081).
export function serveEditor(decapPort) {
  return staticServer(
    SITE,
    (path) => {
      const file = resolve(SITE, "." + (path.endsWith("/") ? path + "index.html" : path));
      return file.startsWith(SITE + sep) && isFile(file) ? file : null;
    },
    (path, body) => decapPort && path === "/quan-tri/config.yml"
      ? body.toString().replace("http://127.0.0.1:8081/api/v1", `http://127.0.0.1:${decapPort}/api/v1`)
      : body,
  );
}

// A built site served by the hosting rules of docs/hosting.md (nginx's
// `try_files $uri $uri.html /app.html`): a file; else, for an address
// without an extension, its prerendered page; else the app shell. A missing
// file with an extension (a document, a photo) stays a 404.
export function serveBuilt(dir) {
  return staticServer(dir, (path) => {
    const file = resolve(dir, "." + path);
    if (!file.startsWith(dir + sep) && file !== dir) return null;
    if (isFile(file)) return file;
    if (extname(path)) return null;
    const route = path.replace(/^\/+|\/+$/g, "");
    const page = join(dir, route ? `${route}.html` : "index.html");
    return isFile(page) ? page : join(dir, "app.html");
  });
}

export function git(repo, ...args) {
  return execFileSync("git", ["-C", repo, ...args], { encoding: "utf8" });
}

/** The paths of the files on the repository's `main`. */
export function filesOnMain(repo) {
  return git(repo, "ls-tree", "-r", "--name-only", "main").trim().split("\n");
}

// A new repository holding the fixture content on main, as a department's
// repository does on its first day.
export function temporaryRepository() {
  const repo = mkdtempSync(join(tmpdir(), "bien-tap-"));
  onStop(() => rmSync(repo, { recursive: true, force: true }));
  execFileSync("git", ["init", "-q", "-b", "main", repo]);
  git(repo, "config", "user.name", "Văn phòng Sở");
  git(repo, "config", "user.email", "vanphong@example.vn");
  git(repo, "config", "commit.gpgsign", "false");
  cpSync(FIXTURE, repo, { recursive: true });
  git(repo, "add", ".");
  git(repo, "commit", "-q", "-m", "Nội dung ban đầu");
  return repo;
}

// decap-server 3.11.3 from .tools/, git mode, on loopback only.
export async function startDecapServer(repo) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(TOOLS, "node_modules/decap-server/dist/index.js")], {
    env: { ...process.env, MODE: "git", GIT_REPO_DIRECTORY: repo, PORT: String(port), BIND_HOST: "127.0.0.1", LOG_LEVEL: process.env.EDITOR_DEBUG ? "debug" : "warn" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  onStop(() => {
    if (child.exitCode === null) child.kill("SIGTERM");
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`decap-server exited with ${child.exitCode}`);
    try {
      const answer = await fetch(`http://127.0.0.1:${port}/api/v1`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ action: "info" }),
      });
      if (answer.ok && (await answer.json()).type === "local_git") return port;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("decap-server did not answer within 30 s");
    await new Promise((done) => setTimeout(done, 100));
  }
}

export async function browser() {
  // EDITOR_BROWSER=firefox drives Debian's Firefox ESR over WebDriver BiDi
  // instead (a second engine, for a look; the test command uses Chromium).
  if (process.env.EDITOR_BROWSER === "firefox") {
    const instance = await puppeteer.launch({
      browser: "firefox", executablePath: "/usr/bin/firefox-esr", headless: true,
      env: { ...process.env, TZ: "Asia/Ho_Chi_Minh" },
    });
    onStop(() => instance.close());
    return instance;
  }
  const instance = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run",
    ],
  });
  onStop(() => instance.close());
  return instance;
}

// Collects Content-Security-Policy violations and uncaught errors from the
// first script on.
export async function watchPage(page) {
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error?.message ?? error}`));
  if (process.env.EDITOR_DEBUG) page.on("console", (message) => console.log(`console: ${message.text()}`));
  await page.evaluateOnNewDocument(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return problems;
}

/** The editor at /quan-tri/, signed in to the local backend, as the office opens it. */
export async function openEditor(chromium, site) {
  const page = await chromium.newPage();
  const problems = await watchPage(page);
  // The office's zone: the date widgets write local time with its offset.
  if (process.env.EDITOR_BROWSER !== "firefox") await page.emulateTimezone("Asia/Ho_Chi_Minh");
  // EDITOR_WIDTH=390 walks the same path on a phone's width (Decap's editor
  // is made for desktops; the office's phones can still approve).
  await page.setViewport({ width: WIDTH, height: 900 });
  // Decap asks "are you sure?" with window.confirm before deleting.
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto(`${site}/quan-tri/`);
  await clickText(page, "button", "Đăng nhập");
  await byText(page, "a, h1, h2, span", "Tin tức", { prefix: true });
  return { page, problems };
}

// Runs `steps(page)`; on a failure, keeps a screenshot (EDITOR_SCREENSHOTS)
// and, with EDITOR_DEBUG, the page's text, then fails.
export async function explained(page, steps) {
  try {
    await steps();
  } catch (error) {
    if (process.env.EDITOR_DEBUG) console.log(await page.evaluate(() => document.body.innerText.slice(0, 3000)).catch(() => ""));
    await shot(page, "editor-failure");
    throw error;
  }
}

// The visible element matching `selector` whose own text is `text` (or
// starts with it), waited for, as an editor finds a button by its label.
export async function byText(page, selector, text, { prefix = false, timeout = TIMEOUT } = {}) {
  const handle = await page.waitForFunction(
    (selector, text, prefix) => {
      const visible = (element) => element.getClientRects().length > 0;
      return Array.from(document.querySelectorAll(selector)).find((element) => {
        const own = element.textContent.replace(/\s+/g, " ").trim();
        return visible(element) && (prefix ? own.startsWith(text) : own === text);
      });
    },
    { timeout, polling: 100 },
    selector,
    text,
    prefix,
  );
  return handle.asElement();
}

// Clicks what `byText` finds. Decap draws a list or a form again while its
// entries load, and an element found just before may be gone from the page
// by the click ("Node is detached from document", seen under load): it is
// found again, up to five times. Such a click never reached the page, so
// nothing is clicked twice.
export async function clickText(page, selector, text, options = {}) {
  for (let attempt = 1; ; attempt++) {
    const element = await byText(page, selector, text, options);
    try {
      return await element.click();
    } catch (error) {
      const redrawn = /detached from document|not clickable|not an HTMLElement/i.test(String(error?.message));
      if (!redrawn || attempt >= 5) throw error;
    }
  }
}

// Waits until no visible element matching `selector` has the text `text`
// (a dialog closing, a label replaced).
export async function gone(page, selector, text) {
  await page.waitForFunction(
    (selector, text) => !Array.from(document.querySelectorAll(selector)).some(
      (element) => element.getClientRects().length > 0 && element.textContent.replace(/\s+/g, " ").trim() === text,
    ),
    { timeout: TIMEOUT, polling: 100 },
    selector,
    text,
  );
}

// The input of the field labelled `label` (Decap links each label to it).
export async function field(page, label) {
  const labelElement = await byText(page, "label", label, { prefix: true });
  const id = await labelElement.evaluate((element) => element.htmlFor);
  return page.waitForSelector(`[id="${id}"]`, { timeout: TIMEOUT });
}

// Types into a text input until it holds `text`: a new entry's form may be
// drawn again while the first keys arrive (Decap loads the draft and the
// relation's options), and a key typed into the old input is lost.
export async function fill(input, text) {
  for (let attempt = 0; attempt < 5; attempt++) {
    await input.click({ count: 3 });
    await input.press("Backspace");
    await input.type(text);
    if ((await input.evaluate((element) => element.value)) === text) return;
  }
  throw new Error(`the field would not keep "${text}"`);
}

// Sets a date or time input as the browser's picker does: React sees a
// change event with the new value.
export async function pick(input, value) {
  await input.evaluate((element, value) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    setter.call(element, value);
    element.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
}

export async function shot(page, name) {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name.replace("1280", String(WIDTH))}.png`) });
}

// Waits until `probe` returns a truthy value (a condition, not a fixed sleep).
export async function until(probe, what, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 150));
  }
}

// Waits until the toolbar's Save button takes clicks (a dialog's overlay
// fades out after it closes).
export async function saveClickable(page) {
  await page.waitForFunction(() => {
    const save = Array.from(document.querySelectorAll("button")).find((b) => b.textContent.trim() === "Lưu");
    if (!save) return false;
    const box = save.getBoundingClientRect();
    return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)?.closest("button") === save;
  }, { timeout: TIMEOUT, polling: 100 });
}

// The editorial workflow from a filled form to main, as the office does it:
// "Lưu" (a draft on `branch`, nothing on main), "Đang xét duyệt",
// "Sẵn sàng", then "Công bố ngay", which merges the branch and removes it.
// `onDraft(repo)` checks the repository while the entry is a draft.
export async function publishThroughWorkflow(page, repo, branch, onDraft = () => {}) {
  await saveClickable(page);
  await clickText(page, "button", "Lưu");
  await byText(page, "button, [role='button'], span", "Trạng: Bản nháp");
  await shot(page, "editor-1280-saved");
  await until(() => git(repo, "branch", "--list", branch).trim(), `the branch ${branch}`).catch((error) => {
    throw new Error(`${error.message}; branches: ${git(repo, "branch", "--list").replace(/\s+/g, " ")}`);
  });
  onDraft(repo);
  for (const status of ["Đang xét duyệt", "Sẵn sàng"]) {
    await clickText(page, "button, [role='button'], span", "Trạng: ", { prefix: true });
    await clickText(page, "[role='menuitem'], li, span", status);
    await byText(page, "button, [role='button'], span", `Trạng: ${status}`);
  }
  await shot(page, "editor-1280-ready");
  await clickText(page, "button, [role='button'], span", "Công bố");
  await clickText(page, "[role='menuitem'], li, span", "Công bố ngay");
  await until(() => !git(repo, "branch", "--list", branch).trim(), "the branch to be merged and removed");
}

// ---- The publishing pipeline, as CI runs it on each commit to main --------

// The builder and the prerender, built once with the profile that
// scripts/build-content.sh and release-build.sh build them with (prerender,
// or PORTAL_NATIVE_PROFILE's: test.sh has built them already, so this is a
// no-op); cargo names the executables.
let binaries;
function pipelineBinaries() {
  if (!binaries) {
    const output = execFileSync(
      "cargo",
      ["build", "--quiet", "--profile", process.env.PORTAL_NATIVE_PROFILE || "prerender", "-p", "portal-builder", "-p", "prerender", "--message-format=json"],
      { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "inherit"] },
    );
    const executables = Object.fromEntries(output.split("\n").filter(Boolean).map((line) => JSON.parse(line))
      .filter((message) => message.reason === "compiler-artifact" && message.executable)
      .map((message) => [message.target.name, message.executable]));
    binaries = { builder: executables["portal-builder"], prerender: executables.prerender };
    if (!binaries.builder || !binaries.prerender) throw new Error(`cargo built no builder or prerender: ${Object.keys(executables)}`);
  }
  return binaries;
}

// Runs a pipeline command; its output and exit status, whatever they are
// (a test decides what a failure means).
function run(command, args) {
  try {
    return { status: 0, output: execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }) };
  } catch (error) {
    return { status: error.status ?? 1, output: `${error.stdout ?? ""}${error.stderr ?? ""}` || String(error) };
  }
}

/**
 * A site of the department's own: the release build's app (SITE, without
 * its pages, documents and editor), into which `build(repo)` writes the
 * documents of the repository's main (the builder) and then every page (the
 * prerender), again and again, as each publication does. Served by
 * `serveBuilt`.
 */
export class BuiltSite {
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), "cong-"));
    onStop(() => rmSync(this.dir, { recursive: true, force: true }));
    // The sample's pages are left out (by the prerender's own list of
    // them), so every page here was drawn from the repository's content.
    const pages = new Set(readFileSync(join(SITE, ".prerender-pages"), "utf8").split("\n").filter(Boolean));
    cpSync(SITE, this.dir, {
      recursive: true,
      filter: (path) => {
        const name = relative(SITE, path).split(sep).join("/");
        return !(/\.(br|gz)$/.test(name) || ["data", "quan-tri"].includes(name) || name.startsWith(".prerender") || pages.has(name));
      },
    });
    // The visitor statistics are the counter's, not the builder's: the
    // repository commits a starting document (data/thong-ke.json), and
    // every page's visitor box needs one.
    this.statistics = join(SITE, "data/thong-ke.json");
    this.checkout = mkdtempSync(join(tmpdir(), "nhanh-main-"));
    onStop(() => rmSync(this.checkout, { recursive: true, force: true }));
  }

  /**
   * main's content/ → data/ (the builder, incremental as in CI with a kept
   * site), then the pages (the prerender). Fails on a builder error, as a
   * CI pipeline stops there; returns both outputs.
   */
  build(repo) {
    const { builder, prerender } = pipelineBinaries();
    // What is on main, not the work tree decap-server happens to have out.
    rmSync(this.checkout, { recursive: true, force: true });
    execFileSync("git", ["clone", "-q", "--branch", "main", repo, this.checkout]);
    const built = run(builder, ["--content", join(this.checkout, "content"), "--out", join(this.dir, "data")]);
    if (built.status !== 0) throw new Error(`portal-builder failed (${built.status}):\n${built.output}`);
    copyFileSync(this.statistics, join(this.dir, "data/thong-ke.json"));
    const drawn = run(prerender, ["--site", this.dir, "--base-url", "https://skhcn.quangtri.gov.vn/"]);
    if (drawn.status !== 0) throw new Error(`prerender failed (${drawn.status}):\n${drawn.output}`);
    if (process.env.EDITOR_DEBUG) console.log(built.output, drawn.output);
    return { builder: built.output, prerender: drawn.output };
  }
}

/**
 * Opens `url` as a new visitor (a fresh browser context: no service worker
 * or cache from an earlier visit) and waits until the app has taken the
 * page over, so that what is checked is what a reader keeps seeing.
 */
export async function visit(chromium, url) {
  const context = await chromium.createBrowserContext();
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error?.message ?? error}`));
  await page.goto(url, { waitUntil: "load" });
  // As the Rust end-to-end tests wait (tests/support/browser.rs): the app
  // removes #tai-trang when it takes over (at a reader's first movement:
  // scripts/as_reader.mjs), and the view in main#noi-dung has loaded when it
  // has a heading and no placeholder left.
  await waitAsReader(
    page,
    () => !document.getElementById("tai-trang") &&
      Boolean(document.querySelector("main#noi-dung h1")?.textContent.trim()) &&
      !document.querySelector("main#noi-dung .skeleton"),
    { timeout: TIMEOUT },
  );
  return { page, problems, close: () => context.close() };
}
