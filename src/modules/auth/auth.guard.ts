import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { Database } from "../../db/client.js";
import type { AppContext, AppEnv } from "../../web/context.js";
import { forbidden } from "../../web/errors.js";
import { clientKey } from "../../web/rate-limit.js";
import type { AuditActor, AuditLog } from "../audit/index.js";
import { type Action, can, type PolicyResource, type Principal } from "./auth.policy.js";
import type { AuthService } from "./auth.service.js";

export const SESSION_COOKIE = "cl_session";

export type GuardDeps = {
  db: Database;
  auth: AuthService;
  audit: AuditLog;
  secretKey: string;
  trustProxy: boolean;
  isSecureRequest: (url: string, forwardedProto?: string) => boolean;
};

/**
 * Sessions on every request, and the one guard every workspace route calls. A refusal is written to the audit log
 * before the 403 is answered.
 */
export function createGuard(deps: GuardDeps) {
  const actorOf = (c: AppContext): AuditActor => {
    const principal = c.get("principal");
    return {
      userId: principal?.userId ?? null,
      label: principal ? `${principal.role}@${principal.organisationId}` : "anoniem",
      clientKey: clientKey(c, deps.secretKey, deps.trustProxy),
    };
  };

  return {
    actorOf,
    /** Puts the signed-in principal (if any) on the request; an ended session clears its cookie. */
    sessions: createMiddleware<AppEnv>(async (c, next) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) {
        const principal = await deps.auth.resume(token);
        if (principal) c.set("principal", principal);
        else deleteCookie(c, SESSION_COOKIE, { path: "/" });
      }
      await next();
    }),
    /** Sends visitors without a session to the login page, with a way back. */
    signedIn: createMiddleware<AppEnv>(async (c, next) => {
      if (!c.get("principal")) {
        const url = new URL(c.req.url);
        const back = c.req.method === "GET" ? `${url.pathname}${url.search}` : "/werkruimte";
        return c.redirect(`/inloggen?terug=${encodeURIComponent(back)}`, 303);
      }
      await next();
    }),
    /** Sets the session cookie: HttpOnly, SameSite=Lax, Secure behind https. */
    setSessionCookie(c: AppContext, token: string, maxAgeSeconds: number) {
      setCookie(c, SESSION_COOKIE, token, {
        path: "/",
        httpOnly: true,
        sameSite: "Lax",
        secure: deps.isSecureRequest(c.req.url, c.req.header("x-forwarded-proto")),
        maxAge: maxAgeSeconds,
      });
    },
    clearSessionCookie(c: AppContext) {
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
    },
    /**
     * The guard: answers the principal when the policy table allows the action on the resource; otherwise records
     * the refusal in the audit log and throws 403.
     */
    async authorize(
      c: AppContext,
      action: Action,
      resource: PolicyResource = {},
      subject?: { type: string; id: string | number },
    ): Promise<Principal> {
      const principal = c.get("principal");
      if (principal && can(principal, action, resource)) return principal;
      await deps.audit.record(deps.db, actorOf(c), {
        action,
        subjectType: subject?.type ?? "route",
        subjectId: subject?.id ?? c.req.path,
        outcome: "denied",
      });
      throw forbidden();
    },
  };
}

export type Guard = ReturnType<typeof createGuard>;
