import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  findViolations,
  formatViolations,
  projectSources,
  type SourceFile,
} from "../../scripts/check-module-boundaries.js";

/**
 * ADR 0087: modules meet only at their index.ts, and no module touches another module's tables. The rule runs in
 * `npm run check` (scripts/check-module-boundaries.ts); these tests prove it fails on deliberate violations, written
 * here as strings so no real file breaks the rule, and that the project itself keeps it.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));

const file = (path: string, text: string): SourceFile => ({ path, text });

/** A tiny project: two modules, one of which passes its table on through its index. */
const monitoringIndex = file(
  "src/modules/monitoring/index.ts",
  'export { journeyEvents } from "./monitoring.tables.js";\nexport { createMonitoringService } from "./monitoring.service.js";\n',
);

describe("module boundaries", () => {
  it("fails on an import of another module's inside file, and says where and what to do", () => {
    const violations = findViolations([
      monitoringIndex,
      file("src/modules/referrals/referrals.x.ts", 'import { starLevel } from "../monitoring/stars.js";\n'),
    ]);
    expect(violations).toEqual([
      {
        file: "src/modules/referrals/referrals.x.ts",
        line: 1,
        rule: "door",
        message:
          'imports "../monitoring/stars.js", an inside file of module monitoring; import from src/modules/monitoring/index.ts',
      },
    ]);
  });

  it("fails on re-exports and dynamic imports past the door, also from outside src/modules", () => {
    const violations = findViolations([
      file("src/web/render.ts", 'export { can } from "../modules/auth/auth.policy.js";\n'),
      file("src/app.ts", 'const m = await import("./modules/route/route.engine.js");\n'),
      file("src/modules/route/views/page.tsx", 'import type { Guard } from "../../auth/auth.guard.js";\n'),
    ]);
    expect(violations.map((v) => `${v.file}:${v.line} ${v.rule}`)).toEqual([
      "src/web/render.ts:1 door",
      "src/app.ts:1 door",
      "src/modules/route/views/page.tsx:1 door",
    ]);
  });

  it("fails when a module uses another module's table, through the index or straight from its tables file", () => {
    const violations = findViolations([
      monitoringIndex,
      file(
        "src/modules/referrals/referrals.service.ts",
        'import { createMonitoringService, journeyEvents as je } from "../monitoring/index.js";\n',
      ),
      file(
        "src/modules/referrals/referrals.lokets.ts",
        'import { organisations } from "../auth/auth.tables.js";\n',
      ),
    ]);
    expect(formatViolations(violations)).toBe(
      [
        "src/modules/referrals/referrals.service.ts:1  [tables] uses journeyEvents — table(s) of module monitoring; call a function of that module instead",
        'src/modules/referrals/referrals.lokets.ts:1  [door] imports "../auth/auth.tables.js", an inside file of module auth; import from src/modules/auth/index.ts',
        "src/modules/referrals/referrals.lokets.ts:1  [tables] uses organisations — table(s) of module auth; call a function of that module instead",
      ].join("\n"),
    );
  });

  it("allows a module its own files, the index of others, foreign keys between tables files and the schema list", () => {
    const violations = findViolations([
      monitoringIndex,
      file(
        "src/modules/referrals/referrals.service.ts",
        'import { cases } from "./referrals.tables.js";\nimport { createMonitoringService } from "../monitoring/index.js";\nimport { sql } from "drizzle-orm";\n',
      ),
      file(
        "src/modules/referrals/referrals.tables.ts",
        'import { organisations } from "../auth/auth.tables.js";\n',
      ),
      file("src/db/schema.ts", 'export * from "../modules/auth/auth.tables.js";\n'),
      file("src/modules/referrals/x.test.ts", 'import { journeyEvents } from "../monitoring/index.js";\n'),
    ]);
    expect(violations).toEqual([]);
  });

  it("holds for every file of src/", () => {
    const files = projectSources(root);
    expect(files.length).toBeGreaterThan(200);
    expect(formatViolations(findViolations(files))).toBe("");
  });
});
