import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { Database } from "../../db/client.js";
import type { AppContext, AppEnv } from "../../web/context.js";
import { forbidden, notFound } from "../../web/errors.js";
import { clientKey } from "../../web/rate-limit.js";
import type { AuditActor, AuditLog } from "../audit/index.js";
import {
  type Action,
  type Area,
  areaOf,
  can,
  type PolicyResource,
  type Principal,
  type RegionProvinces,
} from "./auth.policy.js";
import type { AuthService } from "./auth.service.js";

export const SESSION_COOKIE = "cl_session";

export type GuardDeps = {
  db: Database;
  auth: AuthService;
  audit: AuditLog;
  secretKey: string;
  trustProxy: boolean;
  isSecureRequest: (url: string, forwardedProto?: string) => boolean;
  /** The provinces of each RES region, for the policy's area rules (from the geography, at composition). */
  regionProvinces: RegionProvinces;
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

  const allows = (c: AppContext, action: Action, resource: PolicyResource = {}) =>
    can(c.get("principal"), action, resource, deps.regionProvinces);
  const areaAllowed = (c: AppContext, action: Action): Area | undefined => {
    const principal = c.get("principal");
    const area = principal && areaOf(principal, deps.regionProvinces);
    return area && can(principal, action, { area }, deps.regionProvinces) ? area : undefined;
  };
  const refuse = (c: AppContext, action: Action, subject?: { type: string; id: string | number }) =>
    deps.audit.record(deps.db, actorOf(c), {
      action,
      subjectType: subject?.type ?? "route",
      subjectId: subject?.id ?? c.req.path,
      outcome: "denied",
    });

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
      if (principal && allows(c, action, resource)) return principal;
      await refuse(c, action, subject);
      throw forbidden();
    },
    /**
     * The guard for a form that explains a refusal itself (a field error instead of a 403 page): answers whether
     * the policy allows the action, and records a refusal in the audit log just as `authorize` does.
     */
    async permits(
      c: AppContext,
      action: Action,
      resource: PolicyResource,
      subject?: { type: string; id: string | number },
    ): Promise<boolean> {
      if (allows(c, action, resource)) return true;
      await refuse(c, action, subject);
      return false;
    },
    /**
     * The guard for a page of the user's own area (the barrier register, a summary): answers that area when the
     * policy allows the action there; otherwise records the refusal and throws 403.
     */
    async authorizeArea(c: AppContext, action: Action): Promise<Area> {
      const area = areaAllowed(c, action);
      if (area) return area;
      await refuse(c, action);
      throw forbidden();
    },
    /**
     * The guard for a page behind a private link (the entrepreneur's own case, ADR 0085): passes when the policy
     * allows the action to whoever holds the link and the request holds a valid one; otherwise records the refusal
     * in the audit log and answers 404, so a wrong link says nothing about which links exist.
     */
    async authorizeLink(
      c: AppContext,
      action: Action,
      heldLink: boolean,
      subject?: { type: string; id: string | number },
    ): Promise<void> {
      if (allows(c, action, { heldLink })) return;
      await refuse(c, action, subject ?? { type: "link", id: "private link" });
      throw notFound("page");
    },
    /** Whether the policy allows the action (nothing is recorded): for what a page shows, never for a refusal. */
    may: allows,
    /**
     * The user's own area when the policy allows them the action there, else undefined (nothing is recorded): the
     * scope of the figures a coordinator sees exactly, and whether a tab is theirs to open.
     */
    areaFor: areaAllowed,
  };
}

export type Guard = ReturnType<typeof createGuard>;
