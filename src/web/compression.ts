import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { createMiddleware } from "hono/factory";
import { chooseEncoding } from "./assets/bundle.js";
import type { AppEnv } from "./context.js";

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Below this a compressed page saves less than one network packet: not worth the work. */
const MIN_BYTES = 1024;

/**
 * Compresses public HTML pages for the embedded default, where no proxy does it (ADR 0076, amended): brotli at
 * quality 4 or gzip at level 6, whichever the browser accepts first, on the zlib thread pool. The static files
 * are compressed at build; a page differs per request (its CSP nonce), so it is compressed per request, which for
 * the largest public page (/monitor, 52 KB) costs about a millisecond and saves three quarters of its bytes.
 *
 * Never compressed (BREACH: a secret that stays the same across requests, in a compressed body that also echoes
 * what an attacker put in the address, leaks through the compressed length): a signed-in user's pages and any page
 * that carries this visitor's CSRF token. A response that already has an encoding, no body, or a status other
 * than 200 passes unchanged.
 */
export const compressPublicPages = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const response = c.res;
  if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) return;
  // Whether or not this one is compressed, the same address may be for another browser: caches keep both apart.
  response.headers.append("Vary", "Accept-Encoding");
  if (response.status !== 200 || !response.body || response.headers.has("content-encoding")) return;
  if (c.req.method !== "GET" || c.get("principal") || c.get("csrfTokenIssued")?.()) return;
  const encoding = chooseEncoding(c.req.header("Accept-Encoding"));
  if (encoding === "identity") return;
  const plain = Buffer.from(await response.clone().arrayBuffer());
  if (plain.length < MIN_BYTES) return;
  const compressed =
    encoding === "br"
      ? await brotli(plain, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 4,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
          },
        })
      : await gzipped(plain, { level: 6 });
  const headers = new Headers(response.headers);
  headers.set("Content-Encoding", encoding);
  headers.delete("Content-Length");
  // c.res = … merges the old response's headers into the new one; the old one is emptied first, so only these count.
  c.res = undefined;
  c.res = new Response(compressed, { status: response.status, headers });
});
