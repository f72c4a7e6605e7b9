// What the main thread's long tasks of a page load are made of (issue 28):
// loads URL in Debian's Chromium with the CPU slowed 4x (as Lighthouse's
// mobile run assumes), records a trace, and prints each task of 50 ms or
// more after the first paint, with the time its parts took (HTML parsing,
// the wasm's compilation, the app's script, style, layout and paint), and
// the blocking time they add up to. Lighthouse's TBT is a simulation from
// such a trace; this shows what the simulated number is made of.
//
//   node scripts/long_tasks.mjs URL [RUNS]
import { launchChromium } from "./chromium.mjs";

const [url, runs = "3"] = process.argv.slice(2);
// Trace events grouped as a reader of the page would name them.
const PARTS = {
  "parse HTML": ["ParseHTML"],
  "compile wasm": ["v8.wasm.compileConsume", "v8.wasm.compileConsumeDone", "v8.wasm.streamFromResponseCallback"],
  script: ["FunctionCall", "EvaluateScript", "v8.evaluateModule", "RunMicrotasks", "TimerFire"],
  style: ["UpdateLayoutTree", "ParseAuthorStyleSheet"],
  layout: ["Layout"],
  paint: ["Paint", "PrePaint", "Layerize", "Commit"],
  "garbage collection": ["MinorGC", "MajorGC"],
};

// The time covered by events, each instant once: a script's event nests
// inside another's (a microtask inside a function call).
function covered(events) {
  let total = 0;
  let end = -Infinity;
  for (const e of events.sort((a, b) => a.ts - b.ts)) {
    const start = Math.max(e.ts, end);
    if (e.ts + e.dur > start) total += e.ts + e.dur - start;
    end = Math.max(end, e.ts + e.dur);
  }
  return total;
}

async function traceOnce(browser) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.tracing.start({ categories: ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "v8", "loading"] });
  await page.goto(url, { waitUntil: "networkidle0" });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const events = JSON.parse(new TextDecoder().decode(await page.tracing.stop())).traceEvents;
  await context.close();
  // The page's own main thread: the renderer thread that painted it.
  const fcp = events.find((e) => e.name === "firstContentfulPaint");
  const onMain = events.filter((e) => e.pid === fcp.pid && e.tid === fcp.tid && e.ph === "X");
  const tasks = onMain.filter((e) => e.name === "RunTask" && e.ts >= fcp.ts && e.dur >= 50_000);
  let blocking = 0;
  const lines = tasks.map((task) => {
    blocking += task.dur / 1000 - 50;
    const inside = onMain.filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
    const parts = Object.entries(PARTS)
      .map(([part, names]) => [part, covered(inside.filter((e) => names.includes(e.name))) / 1000])
      .filter(([, ms]) => ms >= 5)
      .map(([part, ms]) => `${part} ${Math.round(ms)}`);
    return `  ${Math.round((task.ts - fcp.ts) / 1000)} ms after FCP: ${Math.round(task.dur / 1000)} ms (${parts.join(", ")})`;
  });
  return { blocking: Math.round(blocking), lines };
}

const browser = await launchChromium();
const totals = [];
for (let run = 1; run <= Number(runs); run++) {
  const { blocking, lines } = await traceOnce(browser);
  totals.push(blocking);
  console.log(`run ${run}: blocking ${blocking} ms after FCP, in ${lines.length} long tasks`);
  lines.forEach((line) => console.log(line));
}
await browser.close();
totals.sort((a, b) => a - b);
console.log(`median blocking after FCP (4x CPU, measured, not simulated): ${totals[Math.floor(totals.length / 2)]} ms`);
