import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SERVICE_NODE_FLAGS, serviceArguments } from "../../src/ops/service-process.js";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

describe("one way to run the service in production", () => {
  it("npm start, the container and the test and benchmark processes run node dist/server.js with the same flags", () => {
    const scripts = JSON.parse(read("package.json")).scripts as Record<string, string>;
    const compiled = ["node", ...serviceArguments(true)];
    expect(serviceArguments(true)).toEqual([...SERVICE_NODE_FLAGS, "dist/server.js"]);
    // The shell is replaced by node (exec), so npm's signals reach the server (tests/ops/start-signals.test.ts).
    expect(scripts.start).toBe(`node scripts/start.mjs && exec ${compiled.join(" ")}`);
    expect(read("Dockerfile")).toContain(`CMD ${JSON.stringify(compiled).replaceAll(",", ", ")}`);
    // The image installs production dependencies only; the build stage alone has the compiler.
    expect(read("Dockerfile")).toContain("npm ci --omit=dev");
    expect(scripts.dev).toBe("tsx watch src/server.ts");
  });
});
