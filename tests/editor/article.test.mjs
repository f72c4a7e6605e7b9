// An article written in the editor at /quan-tri/ (Decap CMS, docs/editor.md)
// reaches the site: through Decap's real UI in Chromium, against a real
// decap-server (git mode) over a TEMPORARY git repository, never this one,
// an article with a Vietnamese title, two paragraphs and an uploaded photo
// goes draft → in review → ready → published and lands on main as the
// contract says (docs/formats/content-sources.md); then the real builder and
// prerender publish main into a copy of the release build, and a reader sees
// it at /tin/ID/slug and first among the home page's latest news.
//
//   node --test tests/editor/                    # the editor of dist/ (a release build)
//   EDITOR_SITE=DIR node --test tests/editor/    # another built site
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  ROOT, SITE, TIMEOUT, matter, stopAll, git, filesOnMain, temporaryRepository, startDecapServer, serveEditor,
  browser, openEditor, explained, byText, clickText, gone, field, fill, pick, shot, until, saveClickable,
  publishThroughWorkflow, BuiltSite, serveBuilt, visit,
} from "./support.mjs";

const PHOTO = join(ROOT, "tests/editor/anh-hoi-thao.png");
const TITLE = "Đoàn Kiểm tra đổi mới sáng tạo: Hội thảo ứng dụng công nghệ năm 2025";
// What the portal's own slugify (core/src/slug.rs) makes of it: đ → d.
const SLUG = "doan-kiem-tra-doi-moi-sang-tao-hoi-thao-ung-dung-cong-nghe-nam-2025";
// No `id` is written, so the builder derives it from the file's path
// (content-sources.md, "An absent id").
const ADDRESS = `/tin/2025-${SLUG}/${SLUG}`;
const FIRST = "Sáng 20/11, Sở Khoa học và Công nghệ tổ chức hội thảo về ứng dụng công nghệ.";
const SECOND = "Các đại biểu đã thảo luận về chuyển đổi số và đổi mới sáng tạo.";
// The fixture's article (tests/editor/fixture/content/tin/2025/), older.
const OLDER = "Sở Khoa học và Công nghệ họp giao ban tháng 10";

after(stopAll);
before(() => {
  assert.ok(existsSync(join(SITE, "quan-tri/index.html")), `${SITE}/quan-tri/ is missing: build the site first (scripts/release-build.sh)`);
});

test("an article goes through the editorial workflow to main, and the built site shows it", { timeout: 240_000 }, async () => {
  const repo = temporaryRepository();
  const site = new BuiltSite();
  // The site before the article: the pipeline works on the fixture alone.
  site.build(repo);
  const editor = await serveEditor(await startDecapServer(repo));
  const chromium = await browser();
  const { page, problems } = await openEditor(chromium, editor);
  await explained(page, () => writeAndPublish(page, repo, problems));
  checkCommitted(repo);

  // What CI does on the commit: builder, prerender (docs/editor.md, "Publishing").
  const built = site.build(repo);
  assert.match(built.builder, /0 problem\(s\)/, built.builder);
  const address = (await serveBuilt(site.dir)) + ADDRESS;
  await readerSeesArticle(chromium, address);
  await homeListsItFirst(chromium, new URL("/", address).href, ADDRESS);
});

async function writeAndPublish(page, repo, problems) {
  await page.evaluate(() => { location.hash = "#/collections/tin/new"; });
  await fill(await field(page, "Tiêu đề"), TITLE);
  await pick(await field(page, "Ngày đăng"), "2025-11-20T08:30");
  const category = await field(page, "Chuyên mục");
  await category.click();
  await category.type("Tin hoạt");
  await clickText(page, "[class*='option']", "Tin hoạt động Sở");
  await fill(await field(page, "Tóm tắt"), "Hội thảo ứng dụng công nghệ tại Sở.");

  // The body in the rich-text editor (Slate): two paragraphs.
  const body = await page.waitForSelector("[data-slate-editor='true']", { timeout: TIMEOUT });
  await body.click();
  await page.keyboard.type(FIRST);
  await page.keyboard.press("Enter");
  await page.keyboard.type(SECOND);

  // The lead photo, uploaded through the media library.
  await clickText(page, "button", "Chọn một hình");
  const upload = await page.waitForSelector("input[type='file']", { timeout: TIMEOUT });
  await upload.uploadFile(PHOTO);
  await clickText(page, "button", "Lấy những cái đã chọn");
  await byText(page, "button", "Chọn hình khác");
  await gone(page, "button", "Lấy những cái đã chọn");
  await saveClickable(page);
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

  // Decap names the branch after the entry's path: the year folder comes
  // from the article's date (2025), not from today.
  await publishThroughWorkflow(page, repo, `cms/tin/2025/${SLUG}`, () => {
    assert.ok(!filesOnMain(repo).includes(`content/tin/2025/${SLUG}.md`), "a draft must not be on main");
  });
  const violations = await page.evaluate(() => window.__violations);
  assert.deepEqual(violations, [], "CSP violations in the editor");
  assert.deepEqual(problems, []);
}

// The commit on main follows docs/formats/content-sources.md.
function checkCommitted(repo) {
  const files = filesOnMain(repo);
  const article = `content/tin/2025/${SLUG}.md`;
  assert.ok(files.includes(article), files.join("\n"));
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
}

// The photo at `url` is the uploaded file, byte for byte.
async function assertPhoto(url, what) {
  const answer = await fetch(url);
  assert.equal(answer.status, 200, `${what}: ${url}`);
  assert.deepEqual(Buffer.from(await answer.arrayBuffer()), readFileSync(PHOTO), `${what}: ${url}`);
}

async function readerSeesArticle(chromium, address) {
  // The prerendered page itself (what a reader without JavaScript, a search
  // engine or a link preview gets), not the app shell drawing it later.
  const html = await (await fetch(address)).text();
  assert.ok(html.includes(TITLE) && html.includes(FIRST) && html.includes(SECOND), `${address} is not the article's page`);

  const { page, problems, close } = await visit(chromium, address);
  const shown = await page.evaluate(() => ({
    title: document.querySelector("main#noi-dung .article-title")?.textContent.trim(),
    paragraphs: Array.from(document.querySelectorAll("main#noi-dung .article-body p"), (p) => p.textContent.trim()),
    image: document.querySelector("meta[property='og:image']")?.content,
  }));
  assert.equal(shown.title, TITLE);
  assert.deepEqual(shown.paragraphs, [FIRST, SECOND]);
  // The lead photo is the page's preview image (the article view shows
  // photos of the body only: content-sources.md, `image`).
  assert.ok(shown.image, "no og:image");
  await assertPhoto(new URL(new URL(shown.image, address).pathname, address).href, "the article's og:image");
  assert.deepEqual(problems, []);
  await close();
}

async function homeListsItFirst(chromium, home, address) {
  const { page, problems, close } = await visit(chromium, home);
  const latest = await page.evaluate(() => {
    const section = document.querySelector(".home-latest");
    const image = section?.querySelector(".featured .featured-image");
    return {
      titles: Array.from(section?.querySelectorAll(".featured-title a, .news-list li a[href*='/tin/']") ?? [], (a) => a.textContent.trim()),
      href: section?.querySelector(".featured-title a")?.getAttribute("href"),
      image: image && { src: image.src, loaded: image.complete && image.naturalWidth > 0 },
    };
  });
  assert.equal(latest.titles[0], TITLE, `the latest news: ${latest.titles}`);
  assert.ok(latest.titles.includes(OLDER), `the older article still listed after it: ${latest.titles}`);
  assert.equal(new URL(latest.href, home).pathname, address);
  assert.ok(latest.image?.loaded, `the lead photo on the home page: ${JSON.stringify(latest.image)}`);
  await assertPhoto(latest.image.src, "the home page's photo");
  assert.deepEqual(problems, []);
  await close();
}
