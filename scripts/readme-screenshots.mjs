// Draws the README's screenshots from a served release build, in Debian's
// Chromium: the seed article on a desktop, the home page on a phone, and a
// search with its results. Each waits for the app's own page, not the
// prerendered one, so the picture is what a visitor sees once it has run.
//
//   bash scripts/release-build.sh
//   python3 scripts/cdn_server.py dist 8411 &
//   node scripts/readme-screenshots.mjs http://127.0.0.1:8411/
import { waitAsReader } from "./as_reader.mjs";
import { launchChromium } from "./chromium.mjs";

const base = process.argv[2] || "http://127.0.0.1:8411/";
const SEED = "tin/1019/doan-kiem-tra-cong-tac-cai-cach-hanh-chinh-nam-2023-cua-tinh-lam-viec-tai-so-khoa-hoc-va-cong-nghe";
const APP_READY = "!document.getElementById('tai-trang') && !document.querySelector('.skeleton')";
const shots = [
  { file: "docs/screenshot.png", path: SEED, width: 1280, height: 900, ready: "main#noi-dung h1" },
  { file: "docs/screenshot-phone.png", path: "", width: 390, height: 844, ready: "main#noi-dung h2" },
  { file: "docs/screenshot-search.png", path: "tim-kiem?q=cai+cach", width: 1280, height: 900, ready: ".search-hit-title a" },
];

const browser = await launchChromium();
for (const shot of shots) {
  const page = await browser.newPage();
  await page.setViewport({ width: shot.width, height: shot.height });
  await page.goto(new URL(shot.path, base).href, { waitUntil: "load" });
  await waitAsReader(page, `${APP_READY} && document.querySelector(${JSON.stringify(shot.ready)})`, { timeout: 15000 });
  // Fonts and images settle, and no focus ring or caret is caught mid-blink.
  await page.evaluate(() => document.activeElement?.blur());
  await new Promise((done) => setTimeout(done, 500));
  await page.screenshot({ path: shot.file });
  console.log(`${shot.file}: ${shot.width}×${shot.height}, /${shot.path}`);
  await page.close();
}
await browser.close();
