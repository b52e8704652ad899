import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context.js";
import { csrfRejected } from "../errors.js";

const CSRF_COOKIE = "cl_csrf";
export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "x-csrf-token";
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Signed double-submit CSRF protection for every unsafe method outside /api. The cookie holds a random secret; forms
 * carry its HMAC, which an attacker cannot compute. The public API takes no cookies for authority (writes need a
 * bearer token), so it is outside this check by design.
 *
 * The token is made when a page asks for it (it renders a form that posts): a visitor who reads pages without such
 * forms gets no cookie, and those pages stay the same for everyone, so the page cache can keep them (ADR 0054).
 */
export function csrfProtection(
  secretKey: string,
  isSecureRequest: (url: string, forwardedProto?: string) => boolean,
) {
  const sign = (value: string) => createHmac("sha256", secretKey).update(`csrf:${value}`).digest("base64url");
  return createMiddleware<AppEnv>(async (c, next) => {
    const cookieSecret = getCookie(c, CSRF_COOKIE);
    const known = cookieSecret && /^[\w-]{32,64}$/.test(cookieSecret) ? cookieSecret : undefined;
    const unsafe = UNSAFE_METHODS.has(c.req.method) && !c.req.path.startsWith("/api/");
    if (unsafe) {
      if (!known) throw csrfRejected();
      const supplied = c.req.header(CSRF_HEADER) ?? (await formToken(c.req.raw.clone()));
      if (!supplied || !safeEqual(supplied, sign(known))) throw csrfRejected();
    }
    let token: string | undefined;
    c.set("csrfToken", () => {
      if (token) return token;
      let secret = known;
      if (!secret) {
        secret = randomBytes(32).toString("base64url");
        setCookie(c, CSRF_COOKIE, secret, {
          path: "/",
          httpOnly: true,
          sameSite: "Lax",
          secure: isSecureRequest(c.req.url, c.req.header("x-forwarded-proto")),
        });
      }
      token = sign(secret);
      return token;
    });
    c.set("csrfTokenIssued", () => token !== undefined);
    await next();
  });
}

async function formToken(request: Request): Promise<string | undefined> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/x-www-form-urlencoded") && !type.includes("multipart/form-data"))
    return undefined;
  const form = await request.formData().catch(() => undefined);
  const value = form?.get(CSRF_FIELD);
  return typeof value === "string" ? value : undefined;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
