import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context.js";
import { csrfRejected } from "../errors.js";

const CSRF_COOKIE = "cl_csrf";
export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "x-csrf-token";
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Signed double-submit CSRF protection for every unsafe method outside /api, bound to the session once there is one.
 * The cookie holds a random secret; forms carry an HMAC of that secret and of the session cookie the request presents
 * (none before login), which an attacker cannot compute. So a token planted with a tossed CSRF cookie, or kept from
 * before login or from another session, is refused, and login rotates the token; a visitor without a session posts
 * forms as before, without JavaScript (ADR 0073). The public API takes no cookies for authority (writes need a
 * bearer token), so it is outside this check by design.
 *
 * The token is made when a page asks for it (it renders a form that posts): a visitor who reads pages without such
 * forms gets no cookie, and those pages stay the same for everyone, so the page cache can keep them (ADR 0054).
 */
export function csrfProtection(
  secretKey: string,
  isSecureRequest: (url: string, forwardedProto?: string) => boolean,
  sessionCookie: string,
  /** Unsafe requests that carry no form of ours: the one-click unsubscribe a mail program posts (RFC 8058). */
  exempt: (method: string, path: string) => boolean = () => false,
) {
  const sign = (secret: string, session: string | undefined) =>
    createHmac("sha256", secretKey)
      .update(`csrf:${secret}:${session ? createHash("sha256").update(session).digest("base64url") : ""}`)
      .digest("base64url");
  return createMiddleware<AppEnv>(async (c, next) => {
    const cookieSecret = getCookie(c, CSRF_COOKIE);
    const known = cookieSecret && /^[\w-]{32,64}$/.test(cookieSecret) ? cookieSecret : undefined;
    const presentedSession = getCookie(c, sessionCookie) || undefined;
    const unsafe =
      UNSAFE_METHODS.has(c.req.method) &&
      !c.req.path.startsWith("/api/") &&
      !exempt(c.req.method, c.req.path);
    if (unsafe) {
      if (!known) throw csrfRejected();
      const supplied = c.req.header(CSRF_HEADER) ?? (await formToken(c.req.raw.clone()));
      // The session the form was rendered for is the one the browser sends with it (even if it has ended since:
      // then the request runs without a principal anyway).
      if (!supplied || !safeEqual(supplied, sign(known, presentedSession))) throw csrfRejected();
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
      // Asked while rendering, after the session middleware: a cookie of an ended session is being deleted by this
      // response, so the form is for a visitor without a session.
      token = sign(secret, c.get("principal") ? presentedSession : undefined);
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
