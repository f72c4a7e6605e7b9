// An article deleted in the editor leaves the site: through Decap's real UI
// the fixture's published article is deleted ("Xoá mục đã được công bố này":
// with the editorial workflow, Decap deletes a published entry straight from
// main, one commit, no review), then the real builder removes its document
// and the prerender, re-run over the same site as after each publication,
// removes its pages and names them; a reader at its address no longer gets
// the article.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  SITE, stopAll, git, filesOnMain, temporaryRepository, startDecapServer, serveEditor, browser, openEditor,
  explained, clickText, until, BuiltSite, serveBuilt, visit,
} from "./support.mjs";

// The fixture's article (tests/editor/fixture/content/tin/2025/); its id is
// derived from its path, its address's slug from its title.
const FILE = "content/tin/2025/hop-giao-ban-thang-10.md";
const TITLE = "Sở Khoa học và Công nghệ họp giao ban tháng 10";
const ID = "2025-hop-giao-ban-thang-10";
const ADDRESS = `/tin/${ID}/so-khoa-hoc-va-cong-nghe-hop-giao-ban-thang-10`;
// Its pages (the prerender's files, README "What the prerender writes"):
// the article, the short address leading to it, its related news.
const PAGES = [`tin/${ID}.html`, `tin/${ID}/lien-quan.html`, `tin/${ID}/so-khoa-hoc-va-cong-nghe-hop-giao-ban-thang-10.html`];

// The prerender removes a page that no document lists any more once its own
// document is gone too ("prerender: removed FILE …"; one that is still there,
// or does not read, keeps its page: prerender/tests/removed_pages.rs). A CI
// upload that syncs with delete then takes it off the host (scripts/upload.sh).

after(stopAll);
before(() => {
  assert.ok(existsSync(join(SITE, "quan-tri/index.html")), `${SITE}/quan-tri/ is missing: build the site first (scripts/release-build.sh)`);
});

// Shared by the two tests below, which run in order: the deletion and its
// report, then what a reader gets.
let site;
let served;
let chromium;

test("an article deleted in the editor: its document goes and the prerender removes its pages", { timeout: 240_000 }, async () => {
  const repo = temporaryRepository();
  site = new BuiltSite();
  // Published and built before: its pages exist and are served.
  site.build(repo);
  served = await serveBuilt(site.dir);
  for (const file of PAGES) assert.ok(existsSync(join(site.dir, file)), `${file} before the deletion`);
  assert.ok((await (await fetch(served + ADDRESS)).text()).includes(TITLE), "the article's page before the deletion");

  const editor = await serveEditor(await startDecapServer(repo));
  chromium = await browser();
  const { page, problems } = await openEditor(chromium, editor);
  const before = git(repo, "rev-parse", "main").trim();
  await explained(page, async () => {
    // The office opens it from the list, as they would.
    await page.evaluate(() => { location.hash = "#/collections/tin"; });
    await clickText(page, "a h2, a span, a div, h2", TITLE, { prefix: true });
    await clickText(page, "button", "Xoá mục đã được công bố này");
    await until(() => !filesOnMain(repo).includes(FILE), `${FILE} to leave main`);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], "CSP violations in the editor");
    assert.deepEqual(problems, []);
  });
  // One commit on main, the office's message, nothing left on a branch.
  assert.equal(git(repo, "rev-list", "--count", `${before}..main`).trim(), "1");
  assert.match(git(repo, "log", "-1", "--format=%s", "main"), /^Xoá bài viết/);
  assert.equal(git(repo, "branch", "--list", "cms/*").trim(), "");

  const built = site.build(repo);
  assert.match(built.builder, /1 removed/, built.builder);
  assert.ok(!existsSync(join(site.dir, `data/tin/${ID}.json`)), "the article's document is removed");
  const reported = [...built.prerender.matchAll(/^prerender: removed (\S+) .*its document \S+ is gone$/gm)].map((m) => m[1]);
  assert.deepEqual(reported.sort(), [...PAGES].sort(), built.prerender);
  assert.doesNotMatch(built.prerender, /^prerender: kept /m, built.prerender);
  for (const file of PAGES) assert.ok(!existsSync(join(site.dir, file)), `${file} after the deletion`);
  // The home page no longer lists it.
  assert.ok(!(await (await fetch(`${served}/`)).text()).includes(TITLE), "the home page still lists it");
});

test("an article deleted in the editor: its address no longer serves it", { timeout: 120_000 }, async () => {
  assert.ok(served, "the deletion test ran first");
  const html = await (await fetch(served + ADDRESS)).text();
  assert.ok(!html.includes(TITLE), `${ADDRESS} still serves the deleted article's page`);
  // And once the app has the page: the not-found view, not the article.
  const { page, close } = await visit(chromium ?? (await browser()), served + ADDRESS);
  const shown = await page.evaluate(() => ({
    notFound: document.querySelector("main#noi-dung .not-found") !== null,
    title: document.querySelector("main#noi-dung .article-title")?.textContent.trim() ?? null,
  }));
  assert.deepEqual(shown, { notFound: true, title: null });
  await close();
});
