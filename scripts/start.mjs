// `npm start`, step 1: build dist/ when it is missing or older than anything it is made from, so `npm ci && npm
// start` works from a fresh clone. Step 2 (in package.json) replaces the shell with node running dist/server.js,
// so signals from npm, a terminal or a container reach the service itself. Plain JavaScript: no compiler needed
// just to find out that nothing has to be built.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const stamp = join(root, "dist", "build-info.json");
const inputs = ["src", "scripts/build.ts", "package-lock.json", "tsconfig.json", "tsconfig.build.json"];

function newest(path) {
  const stat = statSync(join(root, path));
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(join(root, path), { recursive: true, withFileTypes: true }))
    if (entry.isFile())
      latest = Math.max(latest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  return latest;
}

let builtAt = 0;
try {
  builtAt = statSync(stamp).mtimeMs;
} catch {}
const changed = Math.max(...inputs.map(newest));
if (changed > builtAt) {
  console.log(
    builtAt === 0
      ? "Circulair Loket: first start, building the service into dist/ (about a minute, only this once)…"
      : "Circulair Loket: sources changed since the last build, building again (about a minute)…",
  );
  const built = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], {
    cwd: root,
    stdio: "inherit",
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
