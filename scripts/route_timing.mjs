// How long a route change takes in the browser, for the benchmark (issue 7):
// from the click on an in-app link to the new view's <h1> in the DOM, and to
// the next animation frame after it (when the browser can paint it). Every
// view is visited once first, so the figures are for already fetched views.
// Reported, not asserted: the machine's load moves them.
//
//   node scripts/route_timing.mjs http://127.0.0.1:PORT
//
// Uses the puppeteer-core that Lighthouse brings with it into .tools/.
import { waitAsReader } from "./as_reader.mjs";
import { launchChromium } from "./chromium.mjs";

const base = process.argv[2].replace(/\/$/, "");
const settled = `!document.getElementById('tai-trang')
  && document.querySelector('main#noi-dung h1')?.textContent.trim()
  && !document.querySelector('main#noi-dung .skeleton')`;
// Links the shell keeps on every view, so that each hop is one click.
const views = [
  ["home", 'a[href="/"], a[href$="/"][href^="/"]:not([href*="/chuyen-muc"])'],
  ["category", 'a[href$="/chuyen-muc/tin-hoat-dong-so"]'],
  ["schedule", 'a[href$="/lich-cong-tac"]'],
  // Drawn by the registries' worker: its first visit also starts the worker.
  ["registry", 'a[href$="/van-ban"]'],
];

// Runs in the page: clicks `selector`, resolves when the <h1> has changed and
// nothing is loading, with the time to that DOM and to the frame after it.
function clickAndTime(selector, settledExpression) {
  return new Promise((resolve, reject) => {
    const link = document.querySelector(selector);
    if (!link) return reject(new Error(`no link ${selector} on ${location.pathname}`));
    const before = document.querySelector("main#noi-dung h1")?.textContent;
    const isSettled = new Function(`return Boolean(${settledExpression});`);
    const started = performance.now();
    const check = () => {
      const heading = document.querySelector("main#noi-dung h1")?.textContent;
      if (heading === before || !isSettled()) return;
      observer.disconnect();
      const dom = performance.now() - started;
      requestAnimationFrame(() => resolve({ dom, frame: performance.now() - started }));
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    link.click();
  });
}

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 412, height: 915 });
  const cdp = await page.createCDPSession();
  for (const slowdown of [1, 4]) {
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: slowdown });
    await page.goto(`${base}/`);
    await waitAsReader(page, settled);
    const rows = [];
    // Two rounds: the first fetches each view's documents, the second is the
    // figure that matters.
    for (const round of ["first visit", "fetched before"]) {
      for (const [name, selector] of [...views.slice(1), views[0]]) {
        const timing = await page.evaluate(clickAndTime, selector, settled);
        rows.push({ round, view: name, ...timing });
      }
    }
    console.log(`route changes, CPU slowdown ${slowdown}x (phone viewport):`);
    for (const { round, view, dom, frame } of rows) {
      console.log(`  ${round.padEnd(15)} → ${view.padEnd(9)} DOM ${dom.toFixed(1).padStart(6)} ms, next frame ${frame.toFixed(1).padStart(6)} ms`);
    }
  }
} finally {
  await browser.close();
}
