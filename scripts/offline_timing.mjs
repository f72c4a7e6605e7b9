// How fast the last article read comes back offline, for the benchmark
// (issue 13: under 1 s): the article is read online (a full page load, then
// the worker takes the page), then the page and its service worker go
// offline (DevTools network emulation on both, so the worker's own requests
// fail too) and the page is reloaded three times with the CPU slowed 4x.
// Prints the first contentful paint of each reload and their median, and
// fails if the article's title is not on the reloaded page.
//
//   node scripts/offline_timing.mjs https://127.0.0.1:PORT /tin/1019/…
//
// Uses the puppeteer-core that Lighthouse brings with it into .tools/.
import { launchChromium } from "./chromium.mjs";

const [base, path] = [process.argv[2].replace(/\/$/, ""), process.argv[3]];
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(base + path, { waitUntil: "load" });
  const title = (await page.$eval("h1.article-title", (h) => h.textContent.trim()));
  // The worker registers after the app has started; it keeps the page once
  // it controls it (a reload while online makes sure of that).
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload({ waitUntil: "load" });
  await page.waitForFunction("navigator.serviceWorker.controller !== null", { timeout: 15000 });
  await new Promise((r) => setTimeout(r, 1500)); // what it keeps, kept
  const worker = await browser.waitForTarget((t) => t.type() === "service_worker", { timeout: 15000 });
  const workerSession = await worker.createCDPSession();
  const offline = { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
  await workerSession.send("Network.enable");
  await workerSession.send("Network.emulateNetworkConditions", offline);
  const session = await page.createCDPSession();
  await session.send("Network.enable");
  await session.send("Network.emulateNetworkConditions", offline);
  await session.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const paints = [];
  for (let i = 0; i < 3; i++) {
    await page.reload({ waitUntil: "load" });
    await page.waitForFunction("performance.getEntriesByName('first-contentful-paint').length > 0", { timeout: 10000 });
    const [fcp, shown] = await page.evaluate(() => [
      performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
      document.querySelector("h1.article-title")?.textContent.trim(),
    ]);
    if (shown !== title) throw new Error(`offline reload ${i + 1} shows ${JSON.stringify(shown)}, not the article`);
    paints.push(fcp);
  }
  const median = [...paints].sort((a, b) => a - b)[1];
  console.log(`offline repeat visit (CPU 4x): first contentful paint ${paints.map((p) => p.toFixed(0)).join(", ")} ms; median ${median.toFixed(0)} ms`);
} finally {
  await browser.close();
}
