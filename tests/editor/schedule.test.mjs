// The leaders' schedule for NEXT week, as the office writes it every Friday:
// through Decap's real UI (collection "Lịch công tác tuần", one file per ISO
// week, date and time pickers), the editorial workflow to main, then the real
// builder and prerender; the week's page (/lich-cong-tac/YEAR/WEEK, core's
// routes::schedule_week) shows the entry. The week is computed from today in
// Vietnam, so the test exercises the file name the editor makes for a real
// upcoming week, not a fixed one.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  SITE, TIMEOUT, matter, stopAll, git, filesOnMain, temporaryRepository, startDecapServer, serveEditor,
  browser, openEditor, explained, field, fill, pick, shot, publishThroughWorkflow, BuiltSite, serveBuilt, visit,
} from "./support.mjs";

// Decap lowercases every slug it makes a file name from (decap-cms-core's
// prepareSlug; no setting turns it off), so a new week lands as
// content/lich-cong-tac/2026-w50.yml: the builder reads the week from the
// name in either case (docs/formats/content-sources.md, "The weekly schedule").

const CONTENT = "Giám đốc Sở làm việc với Đoàn kiểm tra đổi mới sáng tạo";
const PLACE = "Phòng họp số 1, Sở Khoa học và Công nghệ";

// Next week in Vietnam (UTC+7, no summer time): its ISO year and week, and
// its Wednesday as YYYY-MM-DD.
function nextWeek(now = Date.now()) {
  const day = new Date(now + 7 * 3600_000 + 7 * 86400_000); // UTC fields = Vietnam's wall clock
  const weekday = day.getUTCDay() || 7;
  const thursday = new Date(day.getTime() + (4 - weekday) * 86400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * 86400_000)) + 1;
  const wednesday = new Date(day.getTime() + (3 - weekday) * 86400_000).toISOString().slice(0, 10);
  return { year, week, name: `${year}-W${String(week).padStart(2, "0")}`, wednesday };
}

after(stopAll);
before(() => {
  assert.ok(existsSync(join(SITE, "quan-tri/index.html")), `${SITE}/quan-tri/ is missing: build the site first (scripts/release-build.sh)`);
});

test("next week's schedule, written in the editor, is on the week's page", { timeout: 240_000 }, async () => {
  const week = nextWeek();
  const repo = temporaryRepository();
  const site = new BuiltSite();
  const editor = await serveEditor(await startDecapServer(repo));
  const chromium = await browser();
  const { page, problems } = await openEditor(chromium, editor);
  await explained(page, async () => {
    await page.evaluate(() => { location.hash = "#/collections/lich-cong-tac/new"; });
    await fill(await field(page, "Tuần"), week.name);
    // One engagement. A new week's form starts with one empty entry (Decap
    // fills a list whose items have defaults); add one only if it did not,
    // with the list's button ("Add buổi công tác": the vi locale has no text
    // for it).
    await field(page, "Các buổi công tác");
    const entries = () => page.$$eval("label", (labels) => labels.filter((l) => l.textContent.trim().startsWith("Nội dung")).length);
    if ((await entries()) === 0) {
      const add = await page.waitForFunction(
        () => Array.from(document.querySelectorAll("button")).find((b) => b.textContent.trim().endsWith("buổi công tác")),
        { timeout: TIMEOUT, polling: 100 },
      );
      await add.asElement().click();
    }
    assert.equal(await entries(), 1, "one entry in the form");
    await pick(await field(page, "Ngày"), week.wednesday);
    await pick(await field(page, "Bắt đầu"), "08:00");
    await pick(await field(page, "Kết thúc"), "11:30");
    await fill(await field(page, "Nội dung"), CONTENT);
    await fill(await field(page, "Địa điểm"), PLACE);
    await shot(page, "editor-1280-schedule");
    // The branch is named after the slug Decap makes, in whichever case.
    await publishThroughWorkflow(page, repo, `cms/lich-cong-tac/${week.name.toLowerCase()}`);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], "CSP violations in the editor");
    assert.deepEqual(problems, []);
  });

  // What landed on main: one week file, in the contract's fields.
  const weeks = filesOnMain(repo).filter((path) => path.startsWith("content/lich-cong-tac/"));
  assert.equal(weeks.length, 1, weeks.join(", "));
  assert.equal(weeks[0].toLowerCase(), `content/lich-cong-tac/${week.name}.yml`.toLowerCase());
  const raw = git(repo, "show", `main:${weeks[0]}`);
  if (process.env.EDITOR_DEBUG) console.log(weeks[0], raw);
  const { data } = matter(`---\n${raw}\n---\n`);
  assert.equal(data.week, week.name);
  assert.equal(data.entries.length, 1);
  // The day and the times as the pickers' text (Decap writes them unquoted;
  // the builder reads them as the text they were written as).
  assert.match(raw, new RegExp(`^ +date: '?${week.wednesday}'?$`, "m"), raw);
  assert.match(raw, /^ +start: '?08:00'?$/m, raw);
  assert.match(raw, /^ +end: '?11:30'?$/m, raw);
  assert.equal(data.entries[0].content, CONTENT);

  site.build(repo);
  const address = `${await serveBuilt(site.dir)}/lich-cong-tac/${week.year}/${week.week}`;
  const html = await (await fetch(address)).text();
  assert.ok(html.includes(CONTENT), `${address} is not the week's prerendered page`);
  const { page: reader, problems: readerProblems, close } = await visit(chromium, address);
  const shown = await reader.evaluate(() => ({
    heading: document.querySelector("main#noi-dung .schedule-heading")?.textContent.trim(),
    entries: Array.from(document.querySelectorAll("main#noi-dung .schedule-entry"), (row) => row.textContent.replace(/\s+/g, " ").trim()),
  }));
  assert.match(shown.heading, new RegExp(`^Tuần ${week.week} \\(`), shown.heading);
  assert.equal(shown.entries.length, 1, shown.entries.join(" | "));
  for (const text of ["08:00", "11:30", CONTENT]) assert.ok(shown.entries[0].includes(text), `${text} in ${shown.entries[0]}`);
  assert.deepEqual(readerProblems, []);
  await close();
});
