// Waiting for a prerendered page as a reader's hand would: the app takes
// such a page over at the reader's first pointer movement, key or focus
// (src/takeover/when_reached.rs), so while the page is still the
// prerendered one the mouse moves a pixel back and forth (a move to where
// it is already is no move). As the Rust end-to-end tests wait
// (tests/support/browser.rs). No import: the benchmark's scripts and the
// editor's tests each bring their own puppeteer.

/** Waits until `condition` (an expression, or a function run in the page) holds in `page`. */
export async function waitAsReader(page, condition, { timeout = 30000 } = {}) {
  const deadline = Date.now() + timeout;
  for (let step = 0; ; step++) {
    if (await page.evaluate(condition)) return;
    if (Date.now() > deadline) throw new Error(`waited ${timeout} ms for ${condition}`);
    if (await page.evaluate(() => !!document.getElementById("tai-trang"))) {
      await page.mouse.move(1 + (step % 2), 1 + (step % 2));
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}
