import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect } from "vitest";

const require = createRequire(import.meta.url);

export { launchBrowser } from "./chromium.js";

const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string[]; html: string }[] };

/**
 * Runs axe-core (WCAG 2.0–2.2 A and AA plus best practices) on the page and fails on any violation.
 * axe's own script is evaluated through the DevTools protocol, so the page's CSP stays on.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // page.evaluate has no time-out: in a context made with javaScriptEnabled: false it never answers, and the test
  // only ends at its own time-out with nothing said. Fail at once with the reason instead.
  let timer: NodeJS.Timeout | undefined;
  const scripts = await Promise.race([
    page.evaluate(() => true),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), 10_000);
    }),
  ]).finally(() => clearTimeout(timer));
  if (!scripts) throw new Error(`axe cannot run on ${page.url()}: JavaScript is off in this browser context`);
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time
    const axe = (globalThis as any).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
      },
    });
    return result.violations as AxeViolation[];
  });
  const summary = violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes
        .slice(0, 3)
        .map((node) => `${node.target.join(" ")} → ${node.html.slice(0, 120)}`)
        .join("\n  ")}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
