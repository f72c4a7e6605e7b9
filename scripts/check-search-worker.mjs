// A quick check of the search Web Worker (search-worker/) in headless
// Chromium, on a release build served as a CDN would: its requests and
// replies (docs/formats/search-index.md, "In the browser"), the errors of a
// missing or corrupt index and the retry after them. The end-to-end tests
// of the search page are tests/e2e_search.rs; this only drives the worker.
//
//   bash scripts/release-build.sh --dist /tmp/dw
//   python3 scripts/cdn_server.py /tmp/dw 8765 &
//   node scripts/check-search-worker.mjs http://127.0.0.1:8765/ /tmp/dw
//
// It moves and overwrites files under DIST/tim-kiem/ for a moment, and puts
// them back. Uses the puppeteer-core that Lighthouse brings into .tools/.
import { launchChromium } from "./chromium.mjs";
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [base, dist] = [process.argv[2], process.argv[3]];
if (!base || !dist) {
  console.error("usage: node scripts/check-search-worker.mjs SITE_URL DIST");
  process.exit(2);
}
const index = join(dist, "tim-kiem");
const MISSING = "Không tải được chỉ mục tìm kiếm. Kiểm tra kết nối mạng rồi thử lại.";
const CORRUPT = "Chỉ mục tìm kiếm bị hỏng hoặc đang được cập nhật. Vui lòng thử lại.";
const MALFORMED = "Yêu cầu tìm kiếm không hợp lệ. Vui lòng thử lại.";
const HIT_KEYS = "id,title,published,category_slug,category_name,snippet,title_marks,snippet_marks,exact";

let failures = 0;
function check(ok, what, detail) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${ok || detail === undefined ? "" : ": " + JSON.stringify(detail).slice(0, 400)}`);
  if (!ok) failures++;
}

// Every term file of the index (shards and heavy terms' own files), and the
// manifest with its compressed copies.
const shards = readdirSync(index, { recursive: true }).filter((f) => /\/[th]\/[0-9]+\.bin$/.test(f)).map((f) => join(index, f));
const manifest = ["", ".br", ".gz"].map((s) => join(index, "manifest.txt" + s));
const kept = shards.map((f) => readFileSync(f));
// Their precompressed copies, which a server sends instead when they exist.
const twins = shards.flatMap((f) => [f + ".br", f + ".gz"]).filter((f) => existsSync(f));
// Whatever happens, the index is put back as it was.
function restore() {
  [...manifest, ...twins].forEach((f) => existsSync(f + ".weg") && renameSync(f + ".weg", f));
  shards.forEach((f, i) => writeFileSync(f, kept[i]));
}

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(base, { waitUntil: "load" });
  // Under the service worker (sw.js), as a visitor's later pages are: the
  // worker's files and the index pass through it untouched. (A build that
  // scripts/stamp-sw.sh has not stamped has none.)
  await page.evaluate(() => Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 5000))]));
  await page.reload({ waitUntil: "load" });
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  console.log(`note the page is ${controlled ? "" : "not "}controlled by sw.js`);
  // The page's side: one worker, replies kept by id (0: a malformed request).
  await page.evaluate(() => {
    window.replies = [];
    window.workerErrors = [];
    window.start = () => {
      window.w = new Worker("tim-kiem-worker_loader.js");
      window.w.onmessage = (e) => window.replies.push(e.data);
      window.w.onerror = (e) => window.workerErrors.push(String(e.message));
    };
    window.reply = (id, after) =>
      new Promise((resolve, reject) => {
        const t0 = performance.now();
        (function look() {
          const found = window.replies.slice(after).find((r) => typeof r === "string" && JSON.parse(r).id === id);
          if (found) resolve({ text: found, ms: Math.round(performance.now() - t0) });
          else if (performance.now() - t0 > 10000) reject(new Error("no reply to " + id));
          else setTimeout(look, 5);
        })();
      });
  });
  const ask = async (request, raw) => {
    const after = await page.evaluate(() => window.replies.length);
    const message = raw === undefined ? JSON.stringify({ typing: false, category: null, year: null, page: 0, ...request }) : raw;
    await page.evaluate((m) => window.w.postMessage(m), message);
    const { text, ms } = await page.evaluate((id, n) => window.reply(id, n), raw === undefined ? request.id : 0, after);
    return { ...JSON.parse(text), text, ms };
  };
  const search = async (what, request, least = 1) => {
    const r = await ask(request);
    const shapeOk =
      r.error === undefined &&
      Number.isInteger(r.total) && Number.isInteger(r.pages) && r.page === Math.min(request.page ?? 0, Math.max(r.pages - 1, 0)) &&
      Array.isArray(r.hits) && r.hits.every((h) => Object.keys(h).join() === HIT_KEYS) &&
      (r.suggestion === null || typeof r.suggestion === "string");
    // Marks are UTF-8 byte ranges of the title and the snippet.
    const utf8 = (s) => new TextEncoder().encode(s).length;
    const marksOk = (r.hits || []).every((h) =>
      [[h.title, h.title_marks], [h.snippet, h.snippet_marks]].every(([s, marks]) =>
        marks.every(([a, b]) => Number.isInteger(a) && a < b && b <= utf8(s))));
    check(shapeOk && marksOk && r.total >= least, `${what}: ${r.total} found, ${r.hits?.length} shown, ${r.ms} ms`, r);
    return r;
  };

  // A missing index: the manifest moved away. The request is posted at
  // once after `new Worker`, before the wasm has loaded.
  manifest.forEach((f) => renameSync(f, f + ".weg"));
  await page.evaluate(() => window.start());
  let r = await ask({ id: 1, q: "khoa học" });
  check(r.error === MISSING, "missing manifest, request sent before the wasm loaded: the network error", r);
  restore();

  // A corrupt index: every term shard overwritten; the retry after the
  // error fetches everything again.
  twins.forEach((f) => renameSync(f, f + ".weg"));
  shards.forEach((f) => writeFileSync(f, "PSI1 rác không phải chỉ mục"));
  r = await ask({ id: 2, q: "khoa học" });
  check(r.error === CORRUPT, "corrupt shard: the corrupt-index error", r);
  restore();
  r = await search("the same request again, index restored", { id: 3, q: "khoa học" });

  // Queries.
  const warm = await search("warm: khoa học", { id: 4, q: "khoa học" });
  check(warm.hits[0].exact === true, "warm: the first hit has the exact accents", warm.hits[0]);
  await search("without accents: cai cach", { id: 5, q: "cai cach" });
  await search("without accents: quang tri (Quảng Trị)", { id: 6, q: "quang tri" });
  await search("đ typed d: doi moi (đổi mới)", { id: 16, q: "doi moi" });
  await search("still typing: khoa h", { id: 7, q: "khoa h", typing: true });
  const filtered = await search("category cai-cach-hanh-chinh", { id: 8, q: "cải cách", category: "cai-cach-hanh-chinh" });
  check(filtered.hits.every((h) => h.category_slug === "cai-cach-hanh-chinh"), "category filter holds", filtered.hits);
  await search("year 2023", { id: 9, q: "khoa học", year: 2023 }, 0);
  const paged = await search("page 1 (the second)", { id: 10, q: "khoa học", page: 1 }, 0);
  check(paged.page === 1 || paged.pages <= 1, "second page", paged);
  await search("empty query", { id: 11, q: "" }, 0);
  await search("10 000 characters", { id: 12, q: "khoa học ".repeat(1112).slice(0, 10000) }, 0);
  await search("<script>", { id: 13, q: "<script>alert(1)</script>" }, 0);
  await search("emoji", { id: 14, q: "🔬 khoa học 👩‍🔬" }, 0);
  await search("page far past the end", { id: 15, q: "khoa học", page: 4294967295 }, 0);

  // Several requests at once (a reader typing fast): the newest is always
  // answered; one overtaken by a newer one still queued gets no reply.
  const before = await page.evaluate(() => window.replies.length);
  await page.evaluate(() => ["công nghệ", "sở", "đổi mới", "hội", "xyzzy"].forEach((q, i) =>
    window.w.postMessage(JSON.stringify({ id: 20 + i, q, typing: true, category: null, year: null, page: 0 }))));
  await page.evaluate((n) => window.reply(24, n), before);
  const ids = await page.evaluate((n) => window.replies.slice(n).map((r) => JSON.parse(r).id), before);
  const ascending = ids.every((id, i) => i === 0 || id > ids[i - 1]);
  // (Answered at once from kept files, none is overtaken: all five may come.)
  check(ids.at(-1) === 24 && ascending, "five requests at once: the newest answered, in order", ids);

  // A new worker, five requests before it has any file: while the first
  // waits for the index, the next four queue up; the three overtaken by a
  // newer one get no reply, the newest does.
  await page.evaluate(() => { window.w.terminate(); window.start(); });
  const burstStart = await page.evaluate(() => window.replies.length);
  await page.evaluate(() => ["công nghệ", "sở", "đổi mới", "hội", "xyzzy"].forEach((q, i) =>
    window.w.postMessage(JSON.stringify({ id: 40 + i, q, typing: true, category: null, year: null, page: 0 }))));
  await page.evaluate((n) => window.reply(44, n), burstStart);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const coldIds = await page.evaluate((n) => window.replies.slice(n).map((r) => JSON.parse(r).id), burstStart);
  check(coldIds.at(-1) === 44 && coldIds.length < 5, "five requests to a worker still loading: overtaken ones skipped", coldIds);

  // Malformed requests: an error reply, never a dead worker.
  for (const [what, raw, id] of [
    ["not JSON", "{id: 1", 0],
    ["JSON null", "null", 0],
    ["no id", JSON.stringify({ q: "khoa học" }), 0],
    ["q not a string", JSON.stringify({ id: 30, q: 5 }), 30],
    ["page not a whole number", JSON.stringify({ id: 31, q: "a", page: 1.5 }), 31],
    ["category not a string", JSON.stringify({ id: 32, q: "a", category: 7 }), 32],
  ]) {
    const after = await page.evaluate(() => window.replies.length);
    await page.evaluate((m) => window.w.postMessage(m), raw);
    const got = JSON.parse((await page.evaluate((i, n) => window.reply(i, n), id, after)).text);
    check(got.error === MALFORMED && got.id === id, `malformed, ${what}: error reply with id ${id}`, got);
  }
  const after = await page.evaluate(() => window.replies.length);
  await page.evaluate(() => window.w.postMessage({ id: 40, q: "khoa học" }));
  const object = JSON.parse((await page.evaluate((n) => window.reply(0, n), after)).text);
  check(object.error === MALFORMED, "an object instead of a string: error reply with id 0", object);
  await search("still answering after all that", { id: 41, q: "khoa học" });
  const errors = await page.evaluate(() => window.workerErrors);
  check(errors.length === 0, "no error event from the worker", errors);
} finally {
  restore();
  await browser.close();
}
console.log(failures ? `${failures} check(s) failed` : "all checks passed");
process.exit(failures ? 1 : 0);
