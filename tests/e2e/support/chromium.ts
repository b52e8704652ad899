import { type Browser, chromium } from "playwright-core";
import { loadTestSettings } from "../../../src/config/env.js";

/** Debian's Chromium, headless, with the flags this machine needs (no background network, no sandbox as root). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: loadTestSettings().chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-quic",
      "--disable-sync",
    ],
  });
}
