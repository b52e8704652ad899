/**
 * Runs every test of the given files on its own, to find tests that lean on an earlier one (ADR 0090).
 *
 *   npm run test:alone -- src/modules/referrals/referrals.test.ts [more files] [--name "part of a title"]
 *
 * One Vitest instance lists the tests of each file, then runs the file once per test with a name pattern that
 * selects only that test: a fresh worker, a fresh copy of the template database and only that test's hooks. The
 * PGlite and PostgreSQL variants of a test (describeEachDatabase) run together: they use separate databases. The
 * template databases are built once for the whole script. Prints one line per test and exits 1 when any failed.
 *
 * It runs files one after the other and is meant for the files you suspect, not the whole suite.
 */
import type { TestCase, TestModule, TestSuite } from "vitest/node";
import { createVitest } from "vitest/node";

const args = process.argv.slice(2);
const nameIndex = args.indexOf("--name");
const nameFilter = nameIndex >= 0 ? args[nameIndex + 1] : undefined;
// Without --name (index -1) every argument is a file; `index !== nameIndex + 1` alone would drop the first one.
const files =
  nameIndex < 0 ? args : args.filter((_arg, index) => index !== nameIndex && index !== nameIndex + 1);
if (!files.length) {
  console.error('usage: tsx scripts/tests-alone.ts <test file>... [--name "part of a title"]');
  process.exit(2);
}

const ENGINE = / \[(PGlite|PostgreSQL)(?: — skipped[^\]]*)?\]$/;
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The titles from the file down to the test, each engine tag replaced by a pattern that matches either engine. */
function patternOf(test: TestCase): { label: string; pattern: RegExp } {
  const titles: string[] = [];
  let node: TestCase | TestSuite | TestModule = test;
  while (node.type !== "module") {
    titles.unshift(node.name);
    node = node.parent;
  }
  const parts = titles.map((title) =>
    ENGINE.test(title) ? `${literal(title.replace(ENGINE, ""))} \\[[^\\]]+\\]` : literal(title),
  );
  const label = titles.map((title) => title.replace(ENGINE, "")).join(" > ");
  return { label, pattern: new RegExp(`(^| )${parts.join(" ")}$`) };
}

const vitest = await createVitest("test", { watch: false, reporters: [{}] });
let failed = 0;
let total = 0;
try {
  for (const file of files) {
    const specifications = await vitest.getRelevantTestSpecifications([file]);
    if (!specifications.length) throw new Error(`no test file matches ${file}`);
    // Vitest answers the modules of earlier files too (its state lasts for the whole script): keep this file's.
    const ofFile = (modules: readonly TestModule[]) =>
      modules.filter((module) => specifications.some((spec) => spec.moduleId === module.moduleId));
    const collected = await vitest.collectTests(specifications);
    const seen = new Map<string, RegExp>();
    for (const module of ofFile(collected.testModules))
      for (const test of module.children.allTests()) {
        const { label, pattern } = patternOf(test);
        if (nameFilter && !label.includes(nameFilter)) continue;
        if (!seen.has(label)) seen.set(label, pattern);
      }
    console.log(`${file}: ${seen.size} tests, each on its own`);
    for (const [label, pattern] of seen) {
      total += 1;
      vitest.setGlobalTestNamePattern(pattern);
      const started = performance.now();
      const result = await vitest.runTestSpecifications(specifications);
      const tests = [
        ...new Map(
          ofFile(result.testModules)
            .flatMap((module) => [...module.children.allTests()])
            .map((test) => [test.id, test] as const),
        ).values(),
      ];
      const ran = tests.filter((test) => test.result().state !== "skipped");
      const broken = ran.filter((test) => test.result().state === "failed");
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (!ran.length || broken.length) {
        failed += 1;
        console.log(`  FAIL ${label} (${ran.length} ran, ${broken.length} failed, ${seconds} s)`);
        for (const test of broken)
          for (const error of test.result().errors ?? [])
            console.log(`       ${test.fullName}: ${error.message.split("\n")[0]}`);
      } else console.log(`  ok   ${label} (${ran.length} ran, ${seconds} s)`);
    }
    vitest.resetGlobalTestNamePattern();
  }
} finally {
  await vitest.close();
}
console.log(`${total - failed} of ${total} tests pass on their own`);
process.exit(failed ? 1 : 0);
