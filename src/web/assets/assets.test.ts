import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import postcss, { type AtRule } from "postcss";
import { beforeAll, describe, expect, it } from "vitest";
import { browserSession, createTestApp } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { buildAssets, chooseEncoding, readAssets, writeAssets } from "./bundle.js";
import { buildStylesheet } from "./stylesheet.js";

/** Every selector of a stylesheet's rules (outside @keyframes), whitespace normalised, with the classes it names. */
function selectorsOf(css: string): { selector: string; classes: string[] }[] {
  const found: { selector: string; classes: string[] }[] = [];
  postcss.parse(css).walkRules((rule) => {
    if (rule.parent?.type === "atrule" && /keyframes/.test((rule.parent as AtRule).name)) return;
    for (const selector of rule.selectors) {
      const classes = [...selector.matchAll(/\.([A-Za-z0-9_-]+)/g)].map((match) => match[1]!);
      found.push({ selector: selector.replace(/\s+/g, " ").trim(), classes });
    }
  });
  return found;
}

describe("choosing the encoding of a static file", () => {
  it("prefers brotli, then gzip, and respects q=0 and *", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseEncoding("gzip, deflate")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("*;q=0, gzip")).toBe("gzip");
    expect(chooseEncoding("identity")).toBe("identity");
    expect(chooseEncoding(undefined)).toBe("identity");
    expect(chooseEncoding("")).toBe("identity");
  });
});

describe("the built static files", () => {
  it("round-trip through the folder `npm run build` writes and the compiled service reads", async () => {
    const built = await buildAssets();
    const folder = mkdtempSync(join(tmpdir(), "cl-assets-"));
    try {
      writeAssets(built, folder);
      const read = readAssets(folder);
      expect(read.stylesheetHref).toBe(built.stylesheetHref);
      expect(read.scriptHref).toMatch(/^\/assets\/app-[0-9a-f]{10}\.js$/);
      expect(read.files.map((file) => file.path)).toEqual(built.files.map((file) => file.path));
      for (const file of read.files) {
        expect(Buffer.from(gunzipSync(file.gzip)).equals(Buffer.from(file.identity))).toBe(true);
        expect(Buffer.from(brotliDecompressSync(file.br)).equals(Buffer.from(file.identity))).toBe(true);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("ship less than half of the stylesheet the components would bring in, tokens included", async () => {
    const full = await buildStylesheet({ purge: false });
    const shipped = await buildStylesheet();
    expect(shipped.css.length).toBeLessThan(full.css.length / 2);
  });
});

describeEachDatabase("static files and the page head", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let html: string;
  beforeAll(async () => {
    app = await createTestApp(database(), { PUBLIC_BASE_URL: "https://circulair-loket.example" });
    html = await (await app.request("/aanbod?lang=en")).text();
  });

  it("serves the stylesheet and script, hashed and immutable, as brotli, gzip or plain as the browser accepts", async () => {
    const stylesheet = /<link rel="stylesheet" href="(\/assets\/app-[0-9a-f]{10}\.css)"/.exec(html)![1]!;
    const script = /<script type="module" src="(\/assets\/app-[0-9a-f]{10}\.js)"/.exec(html)![1]!;
    for (const path of [stylesheet, script]) {
      const plain = await app.request(path);
      expect(plain.headers.get("content-encoding")).toBeNull();
      expect(plain.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(plain.headers.get("vary")).toBe("Accept-Encoding");
      const text = Buffer.from(await plain.arrayBuffer());
      const br = await app.request(path, { headers: { "Accept-Encoding": "gzip, deflate, br" } });
      expect(br.headers.get("content-encoding")).toBe("br");
      expect(br.headers.get("vary")).toBe("Accept-Encoding");
      expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).equals(text)).toBe(true);
      const gzip = await app.request(path, { headers: { "Accept-Encoding": "gzip" } });
      expect(gzip.headers.get("content-encoding")).toBe("gzip");
      expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).equals(text)).toBe(true);
    }
    expect((await app.request("/assets/app.js")).status).toBe(404);
  });

  it("describes every page and links both languages with absolute URLs on the public origin", async () => {
    for (const path of ["/", "/aanbod", "/monitor", "/regio", "/toegankelijkheid", "/bestaat-niet"]) {
      const page = await (await app.request(path)).text();
      expect(page, path).toMatch(/<meta name="description" content="[^"]{50,}"\/>/);
      expect(page, path).toContain(
        `<link rel="alternate" hreflang="nl" href="https://circulair-loket.example${path}?lang=nl"/>`,
      );
      expect(page, path).toContain(
        `<link rel="alternate" hreflang="en" href="https://circulair-loket.example${path}?lang=en"/>`,
      );
    }
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Search the support for circular business");
  });

  it("keeps the rules of every class the rendered pages use (the purge misses no dynamic class name)", async () => {
    const session = browserSession(app);
    const firstInstrument = /href="(\/aanbod\/[a-z0-9-]+)"/.exec(html)![1]!;
    const pages = [
      "/",
      "/?gemeente=&sector=",
      "/route?gemeente=Enschede&sector=C",
      "/aanbod",
      "/aanbod?status=open",
      firstInstrument,
      "/monitor",
      "/monitor/dekking",
      "/regio",
      "/regio/ES04",
      "/voorbeelden",
      "/agenda",
      "/sectoren",
      "/scan",
      "/inloggen",
      "/intake?regio=ES04",
      "/toegankelijkheid",
      "/bestaat-niet",
    ];
    const rendered = await Promise.all(pages.map(async (path) => (await session.get(path)).text()));
    const loginErrors = await session.post(
      "/inloggen",
      {},
      { csrf: await session.csrfTokenFrom("/inloggen") },
    );
    rendered.push(await loginErrors.text());
    const used = new Set(
      rendered.flatMap((page) =>
        [...page.matchAll(/class="([^"]*)"/g)].flatMap((match) => match[1]!.split(/\s+/).filter(Boolean)),
      ),
    );
    expect(used.size).toBeGreaterThan(50);
    // Every rule of the unpurged stylesheet that these pages' classes alone make match still ships. (Selectors that
    // also name elements or attributes are the purge's to judge from the source: the risk here is class names built
    // at run time.)
    const classesOnly = (selector: string) =>
      /^[\s>+~]*$/.test(selector.replace(/\.[A-Za-z0-9_-]+|::?[a-z-]+(\([^()]*\))?/g, ""));
    const applicable = selectorsOf((await buildStylesheet({ purge: false })).css).filter(
      ({ selector, classes }) =>
        classes.length > 0 && classesOnly(selector) && classes.every((name) => used.has(name)),
    );
    expect(applicable.length).toBeGreaterThan(100);
    const shipped = new Set(selectorsOf((await buildStylesheet()).css).map(({ selector }) => selector));
    expect(
      applicable.filter(({ selector }) => !shipped.has(selector)).map(({ selector }) => selector),
    ).toEqual([]);
  });
});
