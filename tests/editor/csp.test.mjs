// The editor's page at /quan-tri/ (docs/editor.md, "Its own CSP" and "Not in
// the visitors' bundle"), in the release build: its Content-Security-Policy
// (no inline script, scripts from the site only) with the editor running
// under it; and no page, script, style or document of the visitors' site
// naming Decap or the editor's folder, robots.txt keeping crawlers out.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { join, extname, relative } from "node:path";
import { SITE, stopAll, serveEditor, browser, watchPage, byText } from "./support.mjs";

after(stopAll);
before(() => {
  assert.ok(existsSync(join(SITE, "quan-tri/index.html")), `${SITE}/quan-tri/ is missing: build the site first (scripts/release-build.sh)`);
});

test("/quan-tri/ has its own CSP, and the visitors' pages never name the editor", { timeout: 120_000 }, async () => {
  const site = await serveEditor(null);
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
