// Debian's Chromium for the benchmark's scripts, through the puppeteer-core
// that Lighthouse brings with it into .tools/: headless, off the closed
// network, as root, accepting the benchmark nginx's throwaway certificate.
import { createRequire } from "node:module";

const require = createRequire(new URL("../.tools/", import.meta.url));
const puppeteer = require("puppeteer-core");

export function launchChromium() {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    headless: true,
    acceptInsecureCerts: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--ignore-certificate-errors",
    ],
  });
}
