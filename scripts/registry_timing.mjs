// How long the registries take in Chromium at scale (issue 25, part 4): for
// the legal documents (/van-ban) and the tasks (/nhiem-vu), from the
// reader's action to the next frame after the new list or results are in
// the DOM: a page of the whole list (a click on the pager), one filter (a
// select's change), a second filter on top of the first (the narrowest list
// walked), and a search kept to the registry (a query typed into the
// search page's box with \`?kieu=\`, the worker already started; the
// registry's own box sends its form to that page by a plain page load).
// Prints p50 and p95 of each over its samples. Reported, not asserted.
//
//   node scripts/registry_timing.mjs http://127.0.0.1:PORT    (scripts/registry-scale.sh serves it)
import { waitAsReader } from "./as_reader.mjs";
import { launchChromium } from "./chromium.mjs";

const base = process.argv[2].replace(/\/$/, "");
const SAMPLES = Number(process.env.SAMPLES || 20);
const drawn = `!document.getElementById('tai-trang') && document.querySelector('main .van-ban-list')
  && !document.querySelector('main .skeleton')`;

// Runs in the page: does `action`, resolves with the milliseconds to the
// frame after `settled` first holds.
function timed(action, settled) {
  return new Promise((resolve, reject) => {
    const holds = new Function(`return Boolean(${settled});`);
    const started = performance.now();
    const timeout = setTimeout(() => { stop(); reject(new Error(`never settled: ${settled}`)); }, 20000);
    // Mutations, and a poll for what changes no node (the address).
    const poll = setInterval(() => check(), 5);
    const stop = () => { observer.disconnect(); clearInterval(poll); };
    const check = () => {
      if (!holds()) return;
      stop();
      clearTimeout(timeout);
      requestAnimationFrame(() => resolve(performance.now() - started));
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    new Function(action)();
  });
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const report = (registry, what, times) =>
  console.log(`${registry.padEnd(9)} ${what.padEnd(34)} n=${String(times.length).padStart(2)}  p50 ${quantile(times, 0.5).toFixed(0).padStart(4)} ms  p95 ${quantile(times, 0.95).toFixed(0).padStart(4)} ms`);

async function open(page, path) {
  await page.goto(`${base}${path}`);
  await waitAsReader(page, drawn);
}

// The values of a filter, from the page's own select.
const options = (page, name) =>
  page.evaluate((name) => [...document.querySelectorAll(`.van-ban-filters select[name="${name}"] option`)]
    .map((o) => o.value).filter(Boolean), name);
const choose = (name, value) => `const s = document.querySelector('.van-ban-filters select[name="${name}"]');
  s.value = ${JSON.stringify(value)}; s.dispatchEvent(new Event('change', { bubbles: true }));`;
const listed = (query) => `${drawn} && location.search === ${JSON.stringify(query)}
  && document.querySelector('.list-count')`;

async function measure(page, registry, [first, second], searchTerms) {
  // Pages of the whole list: each click reads a list page not read before.
  await open(page, `/${registry}`);
  const pages = [];
  for (let n = 2; n < 2 + SAMPLES; n++) {
    const link = `.page-list a[href$="/${registry}/trang/${n}"]`;
    if (!(await page.$(link))) await open(page, `/${registry}/trang/${n - 1}`);
    pages.push(await page.evaluate(timed, `document.querySelector('${link}').click()`,
      `${drawn} && location.pathname.endsWith('/trang/${n}')
       && document.querySelector('.page-list [aria-current=page]')?.textContent === '${n}'`));
  }
  report(registry, "a page of the whole list", pages);

  // One filter, each value of two facets in turn, from the unfiltered list.
  const one = [];
  const values = [...(await options(page, first)).map((v) => [first, v]), ...(await options(page, second)).map((v) => [second, v])];
  for (const [name, value] of values.slice(0, SAMPLES)) {
    await open(page, `/${registry}`);
    one.push(await page.evaluate(timed, choose(name, value), listed(`?${name}=${value}`)));
  }
  report(registry, `one filter (${first}, ${second})`, one);

  // A second filter on the first: the narrowest list walked, the other checked.
  const two = [];
  const firsts = await options(page, first);
  const seconds = await options(page, second);
  for (let i = 0; i < SAMPLES; i++) {
    const [a, b] = [firsts[i % firsts.length], seconds[i % seconds.length]];
    await open(page, `/${registry}?${first}=${a}`);
    two.push(await page.evaluate(timed, choose(second, b), listed(`?${first}=${a}&${second}=${b}`)));
  }
  report(registry, `two filters (${first} and ${second})`, two);

  // The search kept to the registry: each term typed at once (an input
  // event with the whole term).
  await page.goto(`${base}/tim-kiem?kieu=${registry}`);
  await waitAsReader(page, "!document.getElementById('tai-trang') && document.getElementById('o-tim-kiem')");
  const type = (term) => `const box = document.getElementById('o-tim-kiem'); box.value = ${JSON.stringify(term)};
    box.dispatchEvent(new Event('input', { bubbles: true }));`;
  // Done when the results for this term are drawn and announced: the live
  // region names the query ("Tìm thấy 3 kết quả cho “65/KH-UBND”."). Not the
  // address, which follows only once typing has paused for 300 ms.
  const found = (term) => `document.querySelector('.search-hits .search-hit-title a')
    && document.getElementById('tim-kiem-trang-thai').textContent.includes(${JSON.stringify(`cho “${term.trim()}”`)})`;
  const searches = [];
  for (const [index, term] of searchTerms.slice(0, SAMPLES + 1).entries()) {
    const took = await page.evaluate(timed, type(term), found(term));
    if (index > 0) searches.push(took); // the first starts the worker and reads the index's first shards
  }
  report(registry, "search (typed, kept to it)", searches);
}

// Search terms read from the list: documents' numbers, tasks' codes and names' words.
async function terms(page, registry) {
  await open(page, `/${registry}/trang/7`);
  await page.waitForFunction("document.querySelectorAll('.van-ban-item').length >= 20");
  return page.evaluate((registry) => [...document.querySelectorAll(".van-ban-item")].map((item) => {
    if (registry === "van-ban") return item.querySelector(".van-ban-item-title").textContent.split(" số ")[1];
    const words = item.querySelector(".van-ban-item-title").textContent.split(" ");
    return words.slice(0, 3).join(" ");
  }), registry);
}

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  console.log(`registry_timing: ${base}, ${SAMPLES} samples each, no throttling`);
  await measure(page, "van-ban", ["loai", "nam"], await terms(page, "van-ban"));
  await measure(page, "nhiem-vu", ["linh-vuc", "trang-thai"], await terms(page, "nhiem-vu"));
} finally {
  await browser.close();
}
