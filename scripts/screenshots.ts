// Takes full-page screenshots of a running service, for looking at pages, at a laptop and a phone width, with and
// without JavaScript: tsx scripts/screenshots.ts [baseUrl] [paths...]   (SCREENSHOT_DIR, SCREENSHOT_WIDTHS=1280,390)
import { mkdirSync } from "node:fs";
import { launchBrowser } from "../tests/e2e/support/chromium.js";

const [baseUrl = "http://localhost:3000", ...paths] = process.argv.slice(2);
const targets = paths.length ? paths : ["/", "/regio", "/regio/ES04", "/toegankelijkheid", "/privacy"];
const directory = process.env.SCREENSHOT_DIR ?? "screenshots";
const widths = (process.env.SCREENSHOT_WIDTHS ?? "1280,390").split(",").map(Number);
mkdirSync(directory, { recursive: true });
const browser = await launchBrowser();
for (const width of widths) {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width, height: 900 } });
    for (const path of targets) {
      const page = await context.newPage();
      const response = await page.goto(baseUrl + path);
      const name = `${path.replace(/[^a-z0-9]+/gi, "_") || "home"}_${width}${javaScriptEnabled ? "" : "_nojs"}.png`;
      await page.screenshot({ path: `${directory}/${name}`, fullPage: true });
      console.log(`${response?.status() ?? "?"} ${directory}/${name}`);
      await page.close();
    }
    await context.close();
  }
}
await browser.close();
