import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { LRUCache } from "lru-cache";
import type { AppEnv } from "./context.js";

/** Cookies that may be present on a request whose page is still the same for everyone with that language. */
const NEUTRAL_COOKIES = new Set(["cl_lang", "cl_csrf"]);
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

type Entry = {
  body: string;
  /** The body as bytes, when it holds no nonce: sent as it is, not encoded again for every hit. */
  encoded: Uint8Array | undefined;
  contentType: string;
  /** The nonce the page was rendered with; a hit gets the new request's nonce instead. */
  nonce: string | undefined;
  cacheControl: string | null;
  etag: string | null;
  /** The route pattern that rendered the page, for the metrics label of a hit. */
  route: string;
};

/** Memory an entry takes, roughly: the string (UTF-16) and the bytes. */
const entrySize = (entry: Entry) => entry.body.length * 2 + (entry.encoded?.byteLength ?? 0);

export type PageCacheOptions = {
  /** How long a page may be served from memory; 0 turns the cache off. */
  ttlSeconds: number;
  /** Upper bound on the memory the bodies take (UTF-16 length × 2). */
  maxBytes?: number;
  now?: () => number;
};

/**
 * Micro-caching of public pages in this process (ADR 0054). A page is served from memory for a few seconds when it
 * is the same for every visitor with that language: a GET without a signed-in user and without cookies other than
 * the language and CSRF cookie, answered 200 with HTML (or public JSON), whose body holds no CSRF token. The
 * per-request CSP nonce is swapped into the stored body, so the security headers stay per request. Any unsafe request
 * to this process empties the cache (unless its handler says it changes nothing); other instances' changes show
 * within the time-to-live.
 */
export function createPageCache(options: PageCacheOptions) {
  const ttlMs = options.ttlSeconds * 1000;
  const maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  // lru-cache keeps the memory bound (least recently used out first) and the time-to-live; its clock is ours, read
  // on every look-up (ttlResolution 0), so tests can move it.
  const entries = new LRUCache<string, Entry>({
    maxSize: maxBytes,
    sizeCalculation: entrySize,
    ttl: Math.max(1, ttlMs),
    ttlResolution: 0,
    perf: { now: options.now ?? Date.now },
  });
  /** Counts the emptyings, so a page rendered across one is not kept. */
  let generation = 0;
  /** Pages being rendered now, by key: requests for the same page wait for that rendering. */
  const rendering = new Map<string, Promise<Entry | undefined>>();
  const stats = { hits: 0, misses: 0 };

  const clear = () => {
    entries.clear();
    generation++;
  };

  const cacheable = (c: Context<AppEnv>) => {
    if (ttlMs <= 0 || c.req.method !== "GET" || c.get("principal")) return false;
    const cookies = getCookie(c);
    return Object.keys(cookies).every((name) => NEUTRAL_COOKIES.has(name));
  };

  const serve = (c: Context<AppEnv>, entry: Entry) => {
    c.set("cachedRoute", entry.route);
    if (entry.cacheControl) c.header("Cache-Control", entry.cacheControl);
    if (entry.etag) {
      c.header("ETag", entry.etag);
      if (c.req.header("if-none-match") === entry.etag) return c.body(null, 304);
    }
    c.header("Content-Type", entry.contentType);
    if (entry.encoded) return c.body(entry.encoded as Uint8Array<ArrayBuffer>, 200);
    const nonce = c.get("secureHeadersNonce");
    return c.body(entry.nonce && nonce ? entry.body.replaceAll(entry.nonce, nonce) : entry.body, 200);
  };

  /** Keeps the response just rendered, when it is the same for everyone; returns the entry or undefined. */
  const store = async (c: Context<AppEnv>, key: string, generationAtStart: number) => {
    const response = c.res;
    const contentType = response.headers.get("content-type") ?? "";
    const cacheControl = response.headers.get("cache-control");
    const isPage = contentType.startsWith("text/html") && cacheControl === DEFAULT_PUBLIC_CACHE_CONTROL;
    const isPublicJson = contentType.startsWith("application/json") && /\bpublic\b/.test(cacheControl ?? "");
    if (response.status !== 200 || !(isPage || isPublicJson)) return undefined;
    const body = await response.clone().text();
    // A page with a form that posts carries this visitor's CSRF token: it is not the same for everyone.
    if (c.get("csrfTokenIssued")?.()) return undefined;
    // Something changed while this page was rendered: it may show the old state, so it is not kept.
    if (generation !== generationAtStart || body.length * 2 > maxBytes / 16) return undefined;
    const nonce = c.get("secureHeadersNonce");
    const holdsNonce = nonce !== undefined && body.includes(nonce);
    const entry: Entry = {
      body,
      encoded: holdsNonce ? undefined : new TextEncoder().encode(body),
      contentType,
      nonce: holdsNonce ? nonce : undefined,
      cacheControl,
      etag: response.headers.get("etag"),
      route: c.req.routePath,
    };
    entries.set(key, entry);
    return entry;
  };

  const middleware = createMiddleware<AppEnv>(async (c, next) => {
    if (UNSAFE_METHODS.has(c.req.method)) {
      try {
        await next();
      } finally {
        if (!c.get("changesNothing")) clear();
      }
      return;
    }
    if (!cacheable(c)) {
      await next();
      return;
    }
    const url = new URL(c.req.url);
    // No Host in the key, and none in a body: every absolute link is on the configured origin (ADR 0073), so a
    // request with a hostile Host header gets, and leaves, the same page as everyone else.
    const key = `${c.get("lang")} ${url.pathname}${url.search}`;
    // While one request renders a page, the others asking for it wait for that one instead of rendering it too.
    // (No await between looking and claiming the rendering, so two requests cannot both claim it.)
    const pending = rendering.get(key);
    const entry = entries.get(key) ?? (pending ? await pending : undefined);
    if (entry) {
      stats.hits++;
      return serve(c, entry);
    }
    stats.misses++;
    let settle: (entry: Entry | undefined) => void = () => {};
    const ownRendering = !rendering.has(key);
    if (ownRendering) rendering.set(key, new Promise((resolve) => (settle = resolve)));
    let stored: Entry | undefined;
    try {
      const generationAtStart = generation;
      await next();
      stored = await store(c, key, generationAtStart);
    } finally {
      if (ownRendering) {
        rendering.delete(key);
        settle(stored);
      }
    }
  });

  return { middleware, stats };
}

/** What a response gets unless its handler sets its own Cache-Control. */
export const DEFAULT_PUBLIC_CACHE_CONTROL = "private, no-cache";

/**
 * Cache-Control for responses that do not set their own: a signed-in user's are never stored; public ones may be kept
 * by the browser but must be revalidated, and never by a shared cache (they may set this visitor's cookies). Set
 * before the handler runs, so a handler's own header replaces it and no finished response is touched.
 */
export const pageCacheControl = createMiddleware<AppEnv>(async (c, next) => {
  c.header("Cache-Control", c.get("principal") ? "no-store" : DEFAULT_PUBLIC_CACHE_CONTROL);
  await next();
});
