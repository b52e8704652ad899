// Takes full-page screenshots of a running service, for looking at pages: tsx scripts/screenshots.ts [baseUrl] [paths...]
import { mkdirSync } from "node:fs";
import { launchBrowser } from "../tests/e2e/support/chromium.js";

const [baseUrl = "http://localhost:3000", ...paths] = process.argv.slice(2);
const targets = paths.length ? paths : ["/", "/regio", "/regio/ES04", "/toegankelijkheid", "/privacy"];
mkdirSync("screenshots", { recursive: true });
const browser = await launchBrowser();
for (const javaScriptEnabled of [true, false]) {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
  for (const path of targets) {
    const page = await context.newPage();
    await page.goto(baseUrl + path);
    const name = `${path.replace(/[^a-z0-9]+/gi, "_") || "home"}${javaScriptEnabled ? "" : "_nojs"}.png`;
    await page.screenshot({ path: `screenshots/${name}`, fullPage: true });
    console.log(`screenshots/${name}`);
    await page.close();
  }
  await context.close();
}
await browser.close();
