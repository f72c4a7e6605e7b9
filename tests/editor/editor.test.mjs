// The editor at /quan-tri/ (Decap CMS, docs/editor.md), end to end, through
// Decap's real UI in Chromium, against a real decap-server (git mode) over a
// TEMPORARY git repository, never this one:
//   1. an article with a Vietnamese title, two paragraphs and an uploaded
//      photo goes draft → in review → ready → published, and lands on the
//      repository's main branch as a Markdown file whose front matter follows
//      docs/formats/content-sources.md, with the photo in content/anh/;
//   2. the served /quan-tri/ page has its own CSP and the editor runs under
//      it; the visitors' pages, the sitemap and the service worker never
//      name the editor, and robots.txt keeps crawlers out.
//
//   node --test tests/editor/                    # serves dist/ (a release build)
//   EDITOR_SITE=DIR node --test tests/editor/    # another built site
//
// scripts/test.sh runs it after the release build. Each test starts its own
// servers and browser and stops them in `after`, whatever happened.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:http";
import { mkdtempSync, rmSync, readFileSync, statSync, existsSync, cpSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname, resolve, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const TOOLS = join(ROOT, ".tools");
const require = createRequire(join(TOOLS, "package.json"));
const puppeteer = require("puppeteer-core");
// The front matter reader Decap itself writes with (gray-matter, js-yaml):
// the raw text is checked separately for the forms the contract asks.
const matter = require("gray-matter");
const SITE = resolve(process.env.EDITOR_SITE || join(ROOT, "dist"));
const PHOTO = join(ROOT, "tests/editor/anh-hoi-thao.png");
const FIXTURE = join(ROOT, "tests/editor/fixture");
const SCREENSHOTS = process.env.EDITOR_SCREENSHOTS; // a folder, to look at the editor
const TIMEOUT = 60_000;
const WIDTH = Number(process.env.EDITOR_WIDTH || 1280);

const TITLE = "Đoàn Kiểm tra đổi mới sáng tạo: Hội thảo ứng dụng công nghệ năm 2025";
// What the portal's own slugify (src/core/slug.rs) makes of it: đ → d.
const SLUG = "doan-kiem-tra-doi-moi-sang-tao-hoi-thao-ung-dung-cong-nghe-nam-2025";
const FIRST = "Sáng 20/11, Sở Khoa học và Công nghệ tổ chức hội thảo về ứng dụng công nghệ.";
const SECOND = "Các đại biểu đã thảo luận về chuyển đổi số và đổi mới sáng tạo.";

const cleanups = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error("cleanup:", error);
    }
  }
});

function freePort() {
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
  ".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
};

// The built site as a static host serves it. The editor's config.yml is
// served as built, except that its local backend points at this test's
// decap-server (scripts/edit.sh uses the built-in 8081).
async function serveSite(decapPort) {
  const port = await freePort();
  const server = createServer((request, response) => {
    let path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    if (path.endsWith("/")) path += "index.html";
    const file = resolve(SITE, "." + path);
    if (!file.startsWith(SITE + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end("not found");
      return;
    }
    let body = readFileSync(file);
    if (decapPort && path === "/quan-tri/config.yml") {
      body = body.toString().replace("http://127.0.0.1:8081/api/v1", `http://127.0.0.1:${decapPort}/api/v1`);
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
    response.end(body);
  });
  await new Promise((done) => server.listen(port, "127.0.0.1", done));
  cleanups.push(() => new Promise((done) => server.close(done)));
  server.closeIdleConnections?.();
  return `http://127.0.0.1:${port}`;
}

function git(repo, ...args) {
  return execFileSync("git", ["-C", repo, ...args], { encoding: "utf8" });
}

// A new repository holding the fixture content on main, as a department's
// repository does on its first day.
function temporaryRepository() {
  const repo = mkdtempSync(join(tmpdir(), "bien-tap-"));
  cleanups.push(() => rmSync(repo, { recursive: true, force: true }));
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
async function startDecapServer(repo) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(TOOLS, "node_modules/decap-server/dist/index.js")], {
    env: { ...process.env, MODE: "git", GIT_REPO_DIRECTORY: repo, PORT: String(port), BIND_HOST: "127.0.0.1", LOG_LEVEL: process.env.EDITOR_DEBUG ? "debug" : "warn" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  cleanups.push(() => {
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

async function browser() {
  // EDITOR_BROWSER=firefox drives Debian's Firefox ESR over WebDriver BiDi
  // instead (a second engine, for a look; the test command uses Chromium).
  if (process.env.EDITOR_BROWSER === "firefox") {
    const instance = await puppeteer.launch({
      browser: "firefox", executablePath: "/usr/bin/firefox-esr", headless: true,
      env: { ...process.env, TZ: "Asia/Ho_Chi_Minh" },
    });
    cleanups.push(() => instance.close());
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
  cleanups.push(() => instance.close());
  return instance;
}

// Collects Content-Security-Policy violations and uncaught errors from the
// first script on.
async function watchPage(page) {
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  if (process.env.EDITOR_DEBUG) page.on("console", (message) => console.log(`console: ${message.text()}`));
  await page.evaluateOnNewDocument(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return problems;
}

// The visible element matching `selector` whose own text is `text` (or
// starts with it), waited for, as an editor finds a button by its label.
async function byText(page, selector, text, { prefix = false, timeout = TIMEOUT } = {}) {
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

// Waits until no visible element matching `selector` has the text `text`
// (a dialog closing, a label replaced).
async function gone(page, selector, text) {
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
async function field(page, label) {
  const labelElement = await byText(page, "label", label, { prefix: true });
  const id = await labelElement.evaluate((element) => element.htmlFor);
  return page.waitForSelector(`[id="${id}"]`, { timeout: TIMEOUT });
}

// Types into a text input until it holds `text`: a new entry's form may be
// drawn again while the first keys arrive (Decap loads the draft and the
// relation's options), and a key typed into the old input is lost.
async function fill(input, text) {
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
async function pick(input, value) {
  await input.evaluate((element, value) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    setter.call(element, value);
    element.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
}

async function shot(page, name) {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name.replace("1280", String(WIDTH))}.png`) });
}

// Waits until `probe` returns a truthy value (a condition, not a fixed sleep).
async function until(probe, what, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 150));
  }
}

before(() => {
  assert.ok(existsSync(join(SITE, "quan-tri/index.html")), `${SITE}/quan-tri/ is missing: build the site first (scripts/release-build.sh)`);
});

test("an article goes through the editorial workflow to main, as the contract says", { timeout: 240_000 }, async () => {
  const repo = temporaryRepository();
  const decapPort = await startDecapServer(repo);
  const site = await serveSite(decapPort);
  const chromium = await browser();
  const page = await chromium.newPage();
  const problems = await watchPage(page);
  // The office's zone: the date widget writes local time with its offset.
  if (process.env.EDITOR_BROWSER !== "firefox") await page.emulateTimezone("Asia/Ho_Chi_Minh");
  // EDITOR_WIDTH=390 walks the same path on a phone's width (Decap's editor
  // is made for desktops; the office's phones can still approve).
  await page.setViewport({ width: WIDTH, height: 900 });
  page.on("dialog", (dialog) => dialog.accept());
  try {
    await articleThroughWorkflow(page, repo, site, problems);
  } catch (error) {
    if (process.env.EDITOR_DEBUG) {
      console.log(await page.evaluate(() => document.body.innerText.slice(0, 3000)));
    }
    await shot(page, "editor-failure");
    throw error;
  }
});

async function articleThroughWorkflow(page, repo, site, problems) {

  await page.goto(`${site}/quan-tri/`);
  await (await byText(page, "button", "Đăng nhập")).click();
  await byText(page, "a, h1, h2, span", "Tin tức", { prefix: true });
  await page.evaluate(() => { location.hash = "#/collections/tin/new"; });

  await fill(await field(page, "Tiêu đề"), TITLE);
  await pick(await field(page, "Ngày đăng"), "2025-11-20T08:30");
  const category = await field(page, "Chuyên mục");
  await category.click();
  await category.type("Tin hoạt");
  await (await byText(page, "[class*='option']", "Tin hoạt động Sở")).click();
  await fill(await field(page, "Tóm tắt"), "Hội thảo ứng dụng công nghệ tại Sở.");

  // The body in the rich-text editor (Slate): two paragraphs.
  const body = await page.waitForSelector("[data-slate-editor='true']", { timeout: TIMEOUT });
  await body.click();
  await page.keyboard.type(FIRST);
  await page.keyboard.press("Enter");
  await page.keyboard.type(SECOND);

  // The lead photo, uploaded through the media library.
  await (await byText(page, "button", "Chọn một hình")).click();
  const upload = await page.waitForSelector("input[type='file']", { timeout: TIMEOUT });
  await upload.uploadFile(PHOTO);
  await (await byText(page, "button", "Lấy những cái đã chọn")).click();
  await byText(page, "button", "Chọn hình khác");
  await gone(page, "button", "Lấy những cái đã chọn");
  // The dialog's overlay fades out: wait until the form takes clicks again.
  await page.waitForFunction(() => {
    const save = Array.from(document.querySelectorAll("button")).find((b) => b.textContent.trim() === "Lưu");
    if (!save) return false;
    const box = save.getBoundingClientRect();
    return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)?.closest("button") === save;
  }, { timeout: TIMEOUT, polling: 100 });
  await shot(page, "editor-1280-new-article");

  // The preview pane draws the portal's markup with the portal's stylesheet.
  // Asked of every frame each time: Decap may draw the preview's frame anew.
  await until(
    async () => {
      for (const frame of page.frames()) {
        const drawn = await frame.evaluate(
          (title) => document.querySelector(".article .article-title")?.textContent === title &&
            document.querySelectorAll(".article-body p").length === 2 &&
            document.querySelector(".breadcrumb")?.textContent.includes("Tin hoạt động Sở") &&
            document.querySelector("link[href$='portal.css']") !== null,
          TITLE,
        ).catch(() => false);
        if (drawn) return true;
      }
      return false;
    },
    "the article preview in the portal's markup",
  );

  // Save: a draft on a branch of its own, nothing on main yet.
  const save = await byText(page, "button", "Lưu");
  if (process.env.EDITOR_DEBUG) console.log("save button:", await save.evaluate((b) => b.outerHTML));
  await save.click();
  await byText(page, "button, [role='button'], span", "Trạng: Bản nháp");
  await shot(page, "editor-1280-saved");
  // Decap names the branch after the entry's path: the year folder comes
  // from the article's date (2025), not from today.
  const branch = `cms/tin/2025/${SLUG}`;
  await until(() => git(repo, "branch", "--list", branch).trim(), `the branch ${branch}`).catch((error) => {
    throw new Error(`${error.message}; branches: ${git(repo, "branch", "--list").replace(/\s+/g, " ")}`);
  });
  assert.equal(git(repo, "ls-tree", "-r", "--name-only", "main", "content/tin").trim(), "", "a draft must not be on main");

  // Bản nháp → Đang xét duyệt → Sẵn sàng, in the toolbar's status menu.
  for (const status of ["Đang xét duyệt", "Sẵn sàng"]) {
    await (await byText(page, "button, [role='button'], span", "Trạng: ", { prefix: true })).click();
    await (await byText(page, "[role='menuitem'], li, span", status)).click();
    await byText(page, "button, [role='button'], span", `Trạng: ${status}`);
  }
  await shot(page, "editor-1280-ready");

  // Publish now: the branch is merged into main and removed.
  await (await byText(page, "button, [role='button'], span", "Công bố")).click();
  await (await byText(page, "[role='menuitem'], li, span", "Công bố ngay")).click();
  await until(() => !git(repo, "branch", "--list", branch).trim(), "the branch to be merged and removed");

  const files = git(repo, "ls-tree", "-r", "--name-only", "main").trim().split("\n");
  const article = files.find((path) => path.startsWith("content/tin/"));
  assert.equal(article, `content/tin/2025/${SLUG}.md`, files.join("\n"));
  assert.ok(files.includes("content/anh/anh-hoi-thao.png"), `the photo on main: ${files.join(", ")}`);
  assert.deepEqual(
    execFileSync("git", ["-C", repo, "show", "main:content/anh/anh-hoi-thao.png"]),
    readFileSync(PHOTO),
    "the photo's bytes",
  );

  const raw = git(repo, "show", `main:${article}`);
  if (process.env.EDITOR_DEBUG) console.log(raw);
  const { data, content } = matter(raw);
  assert.equal(data.title, TITLE);
  // RFC 3339 in Vietnam time, seconds, no milliseconds (not Decap's UTC default).
  assert.match(raw, /^date: '?2025-11-20T08:30:00\+07:00'?$/m, raw);
  assert.equal(data.category, "tin-hoat-dong-so");
  assert.equal(data.summary, "Hội thảo ứng dụng công nghệ tại Sở.");
  assert.equal(data.image, "/anh/anh-hoi-thao.png");
  const allowed = ["title", "date", "category", "summary", "author", "tags", "image", "featured", "related", "id"];
  for (const key of Object.keys(data)) assert.ok(allowed.includes(key), `unknown front matter field ${key}`);
  if ("featured" in data) assert.equal(typeof data.featured, "boolean");
  assert.equal(content.trim(), `${FIRST}\n\n${SECOND}`);
  assert.deepEqual(git(repo, "branch", "--list", "cms/*").trim(), "", "no workflow branch left");

  const violations = await page.evaluate(() => window.__violations);
  assert.deepEqual(violations, [], "CSP violations in the editor");
  assert.deepEqual(problems, []);
}

test("/quan-tri/ has its own CSP, and the visitors' pages never name the editor", { timeout: 120_000 }, async () => {
  const site = await serveSite(null);
  const chromium = await browser();
  const page = await chromium.newPage();
  const problems = await watchPage(page);
  await page.goto(`${site}/quan-tri/`);
  // The editor runs under its policy (its login button is drawn) …
  await byText(page, "button", "Đăng nhập", { prefix: true });
  const policy = await page.$eval("meta[http-equiv='Content-Security-Policy']", (meta) => meta.content);
  const directives = Object.fromEntries(policy.split(";").map((part) => {
    const [name, ...values] = part.trim().split(/\s+/);
    return [name, values];
  }));
  assert.deepEqual(directives["default-src"], ["'self'"]);
  assert.ok(!directives["script-src"].includes("'unsafe-inline'"), policy);
  assert.ok(directives["script-src"].every((source) => source.startsWith("'")), `scripts only from the site: ${policy}`);
  assert.deepEqual(directives["object-src"], ["'none'"]);
  assert.deepEqual(directives["base-uri"], ["'self'"]);
  // … and the policy bites: an inline script inserted now does not run.
  const ran = await page.evaluate(async () => {
    const script = document.createElement("script");
    script.textContent = "window.__ran = true;";
    document.body.append(script);
    await new Promise((done) => setTimeout(done, 100));
    return window.__ran === true;
  });
  assert.equal(ran, false, "an inline script ran under the editor's CSP");
  const violations = await page.evaluate(() => window.__violations);
  assert.equal(violations.length, 1, `only the inserted script is refused: ${violations}`);
  // No local backend runs here: Decap's probe of it fails, as it should on a
  // real host; anything else is a problem.
  assert.deepEqual(problems.filter((problem) => !/127\.0\.0\.1:8081|Content-Security-Policy.*inline/.test(problem)), []);

  // The visitors' side: no page, script, style or document names Decap or
  // the editor's folder, so no visitor downloads a byte of it.
  const offenders = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const name = relative(SITE, path);
      if (entry.isDirectory()) {
        if (name !== "quan-tri") walk(path);
      } else if ([".html", ".js", ".css", ".json", ".xml", ".webmanifest"].includes(extname(name))) {
        const text = readFileSync(path, "utf8");
        if (/decap|quan-tri/i.test(text)) offenders.push(name);
      }
    }
  };
  walk(SITE);
  assert.deepEqual(offenders, [], "visitors' files that name the editor");
  if (existsSync(join(SITE, "robots.txt"))) {
    assert.match(readFileSync(join(SITE, "robots.txt"), "utf8"), /^Disallow: \/(.*\/)?quan-tri\/$/m);
  }
});
