import { randomFillSync } from "node:crypto";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context.js";

const contentSecurityPolicy = (nonce: string) =>
  [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

const FIXED_HEADERS: [string, string][] = [
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Cross-Origin-Resource-Policy", "same-origin"],
  ["Origin-Agent-Cluster", "?1"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-DNS-Prefetch-Control", "off"],
  ["X-Download-Options", "noopen"],
  ["X-Frame-Options", "DENY"],
  ["X-Permitted-Cross-Domain-Policies", "none"],
  ["X-XSS-Protection", "0"],
];

const HSTS = "max-age=31536000; includeSubDomains";

/**
 * Security headers on every response. Scripts run only with the per-request nonce; nothing may frame us;
 * styles and images come from our own origin (plus inline SVG data for icons). Strict-Transport-Security only on a
 * request that came over https, directly or behind a trusted proxy that says so (RFC 6797 §7.2: not over plain http;
 * the same test sets the Secure flag on cookies). The same headers hono's secureHeaders sets, but set before the
 * handler runs: setting them on a finished response makes Node copy that response, which cost a noticeable share of
 * every request under load (ADR 0054).
 */
export function securityHeaders(isSecureRequest: (url: string, forwardedProto?: string) => boolean) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const nonce = nextNonce();
    c.set("secureHeadersNonce", nonce);
    c.header("Content-Security-Policy", contentSecurityPolicy(nonce));
    for (const [name, value] of FIXED_HEADERS) c.header(name, value);
    if (isSecureRequest(c.req.url, c.req.header("x-forwarded-proto")))
      c.header("Strict-Transport-Security", HSTS);
    await next();
  });
}

const NONCE_BYTES = 16;
const NONCES_PER_FILL = 256;
const randomPool = Buffer.alloc(NONCE_BYTES * NONCES_PER_FILL);
let poolOffset = randomPool.length;

/**
 * 16 bytes from the system's secure random source, as base64. The bytes are drawn 4 KB at a time: one call into the
 * random source per 256 requests instead of one per request. Every byte is handed out once.
 */
function nextNonce(): string {
  if (poolOffset >= randomPool.length) {
    randomFillSync(randomPool);
    poolOffset = 0;
  }
  const nonce = randomPool.toString("base64", poolOffset, poolOffset + NONCE_BYTES);
  poolOffset += NONCE_BYTES;
  return nonce;
}
