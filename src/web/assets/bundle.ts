import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** One static file in three encodings, all made before the first request: serving it costs no compression. */
export type Asset = {
  path: string;
  contentType: string;
  cacheControl: string;
  identity: Bytes;
  gzip: Bytes;
  br: Bytes;
};

/** Bytes in their own ArrayBuffer (not a slice of Node's shared pool), as a Response body takes them. */
type Bytes = Uint8Array<ArrayBuffer>;
const own = (buffer: Buffer): Bytes => new Uint8Array(buffer);

export type AssetSet = {
  /** The content-hashed stylesheet URL, e.g. `/assets/app-1a2b3c4d5e.css`. */
  stylesheetHref: string;
  /** The content-hashed enhancement script URL, e.g. `/assets/app-6f7a8b9c0d.js`. */
  scriptHref: string;
  files: Asset[];
};

type Manifest = {
  stylesheetHref: string;
  scriptHref: string;
  files: { path: string; contentType: string; cacheControl: string; file: string }[];
};

const IMMUTABLE = "public, max-age=31536000, immutable";
const here = new URL("./", import.meta.url);
/** Written by `npm run build` beside the compiled module (dist/web/assets/); absent in src/. */
const builtManifest = fileURLToPath(new URL("manifest.json", here));

let loaded: Promise<AssetSet> | undefined;

/**
 * The service's static files. The compiled service reads what `npm run build` made; run from source (tsx: `npm run
 * dev`, tests) the same files are made in memory once per process.
 */
export function loadAssets(): Promise<AssetSet> {
  loaded ??= existsSync(builtManifest)
    ? Promise.resolve(readAssets(fileURLToPath(here)))
    : buildAssets().catch((error) => {
        loaded = undefined;
        throw error;
      });
  return loaded;
}

/** Builds the stylesheet, names it and the script by their content and compresses every file with gzip and brotli. */
export async function buildAssets(): Promise<AssetSet> {
  // Imported here so the compiled service, which reads the built files, never loads PostCSS and PurgeCSS.
  const { buildStylesheet } = await import("./stylesheet.js");
  const stylesheet = await buildStylesheet();
  const script = readFileSync(new URL("app.js", here));
  const scriptPath = `/assets/app-${contentHash(script)}.js`;
  const files = [
    asset(
      `/assets/${stylesheet.fileName}`,
      "text/css; charset=utf-8",
      IMMUTABLE,
      Buffer.from(stylesheet.css),
    ),
    asset(scriptPath, "text/javascript; charset=utf-8", IMMUTABLE, script),
    asset(
      "/favicon.svg",
      "image/svg+xml; charset=utf-8",
      "public, max-age=86400",
      readFileSync(new URL("favicon.svg", here)),
    ),
  ];
  return { stylesheetHref: files[0]!.path, scriptHref: scriptPath, files };
}

/** Writes the files (plain, .gz, .br) and their manifest into a folder, for `readAssets` to serve. */
export function writeAssets(assets: AssetSet, folder: string) {
  const publicFolder = join(folder, "public");
  mkdirSync(publicFolder, { recursive: true });
  const manifest: Manifest = {
    stylesheetHref: assets.stylesheetHref,
    scriptHref: assets.scriptHref,
    files: [],
  };
  for (const file of assets.files) {
    const name = file.path.slice(file.path.lastIndexOf("/") + 1);
    writeFileSync(join(publicFolder, name), file.identity);
    writeFileSync(join(publicFolder, `${name}.gz`), file.gzip);
    writeFileSync(join(publicFolder, `${name}.br`), file.br);
    manifest.files.push({
      path: file.path,
      contentType: file.contentType,
      cacheControl: file.cacheControl,
      file: name,
    });
  }
  writeFileSync(join(folder, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Reads what `writeAssets` wrote. */
export function readAssets(folder: string): AssetSet {
  const manifest = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")) as Manifest;
  const read = (name: string) => readFileSync(join(folder, "public", name));
  return {
    stylesheetHref: manifest.stylesheetHref,
    scriptHref: manifest.scriptHref,
    files: manifest.files.map((file) => ({
      path: file.path,
      contentType: file.contentType,
      cacheControl: file.cacheControl,
      identity: own(read(file.file)),
      gzip: own(read(`${file.file}.gz`)),
      br: own(read(`${file.file}.br`)),
    })),
  };
}

function asset(path: string, contentType: string, cacheControl: string, identity: Buffer): Asset {
  return {
    path,
    contentType,
    cacheControl,
    identity: own(identity),
    gzip: own(gzipSync(identity, { level: 9 })),
    br: own(
      brotliCompressSync(identity, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
        },
      }),
    ),
  };
}

function contentHash(content: Buffer | string): string {
  return createHash("sha256").update(content).digest("hex").slice(0, 10);
}

/**
 * The encoding to send for an Accept-Encoding header: brotli, then gzip, else none. A coding with `q=0` is refused;
 * `*` stands for any coding not named.
 */
export function chooseEncoding(acceptEncoding: string | undefined): "br" | "gzip" | "identity" {
  if (!acceptEncoding) return "identity";
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)).find(Boolean);
    weights.set(name.trim(), q ? Number(q[1]) : 1);
  }
  const accepts = (coding: string) => (weights.get(coding) ?? weights.get("*") ?? 0) > 0;
  if (accepts("br")) return "br";
  if (accepts("gzip")) return "gzip";
  return "identity";
}
