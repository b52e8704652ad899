// `npm run build`: compiles src/ to dist/ (tsc with tsconfig.build.json) and writes the static files — the purged
// stylesheet and the script under content-hashed names, each also gzip- and brotli-compressed — to dist/web/assets/.
// data/ and drizzle/ stay where they are: the compiled modules sit as deep in dist/ as their sources in src/, so the
// same relative paths reach them. `npm start` runs this when dist/ is missing or older than its sources.
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { buildAssets, writeAssets } from "../src/web/assets/bundle.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const dist = new URL("../dist/", import.meta.url);
const started = performance.now();
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const compiled = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
  cwd: root,
  stdio: "inherit",
});
if (compiled.status !== 0) {
  console.error("build: the TypeScript compiler reported errors (above); dist/ is not up to date");
  process.exit(1);
}
console.log(`build: compiled src/ to dist/ (${seconds()})`);

const assetsFolder = new URL("web/assets/", dist);
rmSync(new URL("public/", assetsFolder), { recursive: true, force: true });
const assets = await buildAssets();
writeAssets(assets, fileURLToPath(assetsFolder));
for (const file of assets.files)
  console.log(
    `build: ${file.path} ${kilobytes(file.identity.length)} (gzip ${kilobytes(file.gzip.length)}, brotli ${kilobytes(file.br.length)})`,
  );
// Written last: `npm start` compares its time with the sources', so a build that failed half-way is redone.
writeFileSync(new URL("build-info.json", dist), `${JSON.stringify({ builtAt: new Date().toISOString() })}\n`);
console.log(`build: done in ${seconds()}`);

function kilobytes(bytes: number) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
