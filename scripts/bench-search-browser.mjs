// Search in headless Chromium against a served site: for each query, typed
// key by key, the time from its last keystroke to its results in the page,
// and the index requests it made (the worker's own fetches, seen through
// the DevTools protocol), cold (a new browser profile) and warm (the same
// page after the queries before it).
//
//   node scripts/bench-search-browser.mjs http://127.0.0.1:8080/ "khoa học" "da nang" …
//   MODE=whole node scripts/…   each query sent whole (Enter), not typed
// Prints one line per query: kind, query, ms, requests, bytes, the files.
import { waitAsReader } from "./as_reader.mjs";
import { launchChromium } from "./chromium.mjs";

const [site, ...queries] = process.argv.slice(2);
const browser = await launchChromium();

async function openSearch(context) {
  const page = await context.newPage();
  const fetched = [];
  // Puppeteer follows the page's dedicated worker too, so its fetches of
  // the index are seen here. Bytes: the body as it came over the wire.
  page.on("requestfinished", async (request) => {
    const response = request.response();
    const length = Number(response?.headers()["content-length"] ?? NaN);
    const bytes = Number.isFinite(length) ? length : (await response.buffer().catch(() => Buffer.alloc(0))).length;
    fetched.push({ url: request.url(), bytes });
  });
  // The worker's own fetches (the index) are on its DevTools session.
  page.on("workercreated", async (worker) => {
    const urls = new Map();
    const session = worker.client;
    session.on("Network.requestWillBeSent", (e) => urls.set(e.requestId, e.request.url));
    session.on("Network.loadingFinished", (e) => {
      if (urls.has(e.requestId)) fetched.push({ url: urls.get(e.requestId), bytes: e.encodedDataLength });
    });
    await session.send("Network.enable").catch(() => {});
  });
  await page.goto(new URL("tim-kiem", site).href, { waitUntil: "networkidle0" });
  await waitAsReader(page, "!document.getElementById('tai-trang') && document.querySelector('#o-tim-kiem')");
  return { page, fetched };
}

// Types `query` into the box as a reader does (a key every 40 ms) and
// measures from the last keystroke to its results in the page: the results
// follow the typing, so that is the wait a reader sees.
async function ask(page, query) {
  await page.evaluate((query) => {
    const box = document.querySelector("#o-tim-kiem");
    const status = document.querySelector("#tim-kiem-trang-thai");
    box.value = "";
    box.dispatchEvent(new Event("input", { bubbles: true }));
    window.lastKey = undefined;
    window.shownAt = undefined;
    box.addEventListener("input", () => { window.lastKey = performance.now(); window.shownAt = undefined; });
    // The moment the results of the whole query are in the page, seen as it
    // happens: puppeteer's typing returns only a key's delay after the last
    // key, so polling after it would never see less than that delay.
    const done = () => box.value === query && status.textContent.includes(query.trim()) &&
      /Tìm thấy|Không tìm thấy/.test(status.textContent);
    window.watcher?.disconnect();
    window.watcher = new MutationObserver(() => { if (window.shownAt === undefined && done()) window.shownAt = performance.now(); });
    window.watcher.observe(document.querySelector("main") ?? document.body, { subtree: true, childList: true, characterData: true });
    box.focus();
  }, query);
  await page.keyboard.type(query, { delay: 40 });
  return page.evaluate(async () => {
    while (window.shownAt === undefined) {
      if (document.querySelector("[role=alert]")) return { ms: -1 };
      await new Promise((resolve) => setTimeout(resolve, 2));
      if (performance.now() - window.lastKey > 30000) return { ms: -1 };
    }
    return { ms: window.shownAt - window.lastKey };
  });
}

// Sends `query` whole, as Enter or a link does (typing=false): what one
// query costs in requests and bytes, without the prefixes typing asks for.
async function askWhole(page, query) {
  return page.evaluate(async (query) => {
    const box = document.querySelector("#o-tim-kiem");
    const status = document.querySelector("#tim-kiem-trang-thai");
    box.value = query;
    const start = performance.now();
    box.form.requestSubmit();
    const done = () => status.textContent.includes(query.trim()) && /Tìm thấy|Không tìm thấy/.test(status.textContent);
    while (!done()) {
      if (document.querySelector("[role=alert]")) return { ms: -1 };
      await new Promise((resolve) => setTimeout(resolve, 2));
      if (performance.now() - start > 30000) return { ms: -1 };
    }
    return { ms: performance.now() - start };
  }, query);
}

const askBy = process.env.MODE === "whole" ? askWhole : ask;

function report(kind, query, ms, files) {
  const index = files.filter((f) => f.url.includes("/tim-kiem/") || f.url.includes("tim-kiem-worker"));
  const bytes = index.reduce((sum, f) => sum + f.bytes, 0);
  const names = index.map((f) => new URL(f.url).pathname).join(" ");
  console.log([kind, query, ms.toFixed(1), index.length, bytes, names].join("\t"));
}

// Cold: each query the first in a new profile.
for (const query of queries) {
  const context = await browser.createBrowserContext();
  const { page, fetched } = await openSearch(context);
  fetched.length = 0;
  const { ms } = await askBy(page, query);
  report("cold", query, ms, fetched);
  await context.close();
}
// Warm: one page, every query in turn (three rounds; each after the first is warm).
const context = await browser.createBrowserContext();
const { page, fetched } = await openSearch(context);
for (let round = 0; round < 3; round++) {
  for (const query of queries) {
    fetched.length = 0;
    const { ms } = await askBy(page, query);
    await new Promise((resolve) => setTimeout(resolve, 50));
    report(round === 0 ? "first-in-page" : "warm", query, ms, fetched);
  }
}
await context.close();
await browser.close();
