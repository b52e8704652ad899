import { createHash } from "node:crypto";
import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import type { Lang } from "../../i18n/index.js";
import { format } from "../../i18n/index.js";
import type { AppContext, AppEnv } from "../../web/context.js";
import type { FieldProblem } from "../../web/errors.js";
import { tooManyRequests } from "../../web/errors.js";
import { inputProblems } from "../../web/middleware/input-limits.js";
import { clientKey, type OutcomeRateLimiter } from "../../web/rate-limit.js";
import { pageContext, renderPage } from "../../web/render.js";
import { returnPathOr } from "../../web/return-path.js";
import type { Guard } from "./auth.guard.js";
import { SESSION_COOKIE } from "./auth.guard.js";
import type { InvitationState, Invitations } from "./auth.invitations.js";
import { authMessages } from "./auth.messages.js";
import type { AuthService } from "./auth.service.js";
import {
  ForgotPasswordPage,
  InvitationGonePage,
  InvitationPage,
  LoginPage,
  ResetPasswordPage,
} from "./views/auth-pages.js";

export type AuthRouteDeps = {
  auth: AuthService;
  guard: Guard;
  /** Invitations into an account (ADR 0084): the invitee's link, /uitnodiging/{token}. */
  invitations: Invitations;
  limiter: OutcomeRateLimiter;
  /** Queues the reset for an address (`requestPasswordReset` on the app's database): the same work for any address. */
  requestPasswordReset: (email: string, lang: Lang) => Promise<void>;
  secretKey: string;
  trustProxy: boolean;
  demo: boolean;
};

/**
 * Failed logins only (ADR 0075, OWASP ASVS 5.0 §6.3): a successful login is never counted. In fifteen minutes a
 * client may fail 20 times in all and 5 times on one account; then that client waits for the window to end. The
 * account itself is never locked: after 10 failures from anywhere, every further attempt on it waits a little longer
 * (up to LOGIN_SLOWDOWN_MAX_MS), which makes guessing from many addresses slow while the owner still gets in.
 */
export const LOGIN_WINDOW_SECONDS = 900;
export const LOGIN_FAILURES_PER_CLIENT = 20;
export const LOGIN_FAILURES_PER_CLIENT_AND_ACCOUNT = 5;
export const LOGIN_SLOWDOWN_AFTER = 10;
export const LOGIN_SLOWDOWN_STEP_MS = 250;
export const LOGIN_SLOWDOWN_MAX_MS = 3000;

/** The wait before checking a password for an account with `failures` recent failures from anywhere. */
export const loginSlowdownMs = (failures: number) =>
  failures < LOGIN_SLOWDOWN_AFTER
    ? 0
    : Math.min(LOGIN_SLOWDOWN_MAX_MS, (failures - LOGIN_SLOWDOWN_AFTER + 1) * LOGIN_SLOWDOWN_STEP_MS);

/** Where to go after login: a path on this service (the shell's one check, no open redirect), else the workspace. */
export const safeReturnPath = (value: string | undefined): string => returnPathOr(value, "/werkruimte");

const field = (form: Record<string, string | File | (string | File)[]>, name: string) => {
  const value = form[name];
  return typeof value === "string" ? value : "";
};

/** /inloggen, /uitloggen, /wachtwoord-vergeten, /wachtwoord-herstellen, /uitnodiging/{token}. */
export function authRoutes(deps: AuthRouteDeps) {
  const { auth, guard, limiter, invitations } = deps;
  /** A link that no longer works: 404 when unknown (or tampered), 410 when used, expired or withdrawn; audited. */
  const linkGone = async (c: AppContext, state: InvitationState) => {
    await invitations.recordRefusal(guard.actorOf(c), state);
    const reason = state.state === "open" ? "unknown" : state.state;
    return renderPage(
      c,
      <InvitationGonePage page={pageContext(c)} model={{ reason }} />,
      reason === "unknown" ? 404 : 410,
    );
  };
  return new Hono<AppEnv>()
    .get("/inloggen", (c) => {
      const t = authMessages[c.get("lang")];
      const notice =
        c.req.query("uitgelogd") !== undefined
          ? t.loggedOut
          : c.req.query("hersteld") !== undefined
            ? t.resetDone
            : c.req.query("welkom") !== undefined
              ? t.inviteDone
              : undefined;
      return renderPage(
        c,
        <LoginPage
          page={pageContext(c)}
          model={{
            email: "",
            back: safeReturnPath(c.req.query("terug")),
            problems: [],
            notice,
            demo: deps.demo,
          }}
        />,
      );
    })
    .post("/inloggen", async (c) => {
      const t = authMessages[c.get("lang")];
      const form = await c.req.parseBody();
      const email = field(form, "email").trim();
      const password = field(form, "password");
      const back = safeReturnPath(field(form, "terug"));
      // Control characters were removed by the input-limits middleware; the summary says so (ADR 0075).
      const problems: FieldProblem[] = [...inputProblems(c)];
      if (!email) problems.push({ field: "email", message: t.emailMissing });
      // Longer than any address or password we accept: say so instead of trying it.
      else if (email.length > 254)
        problems.push({ field: "email", message: format(t.emailTooLong, { length: String(email.length) }) });
      if (!password) problems.push({ field: "password", message: t.passwordMissing });
      else if (password.length > 128) problems.push({ field: "password", message: t.passwordTooLongLogin });
      const render = (list: FieldProblem[]) =>
        renderPage(
          c,
          <LoginPage page={pageContext(c)} model={{ email, back, problems: list, demo: deps.demo }} />,
          400,
        );
      if (problems.length) return render(problems);
      const client = clientKey(c, deps.secretKey, deps.trustProxy);
      const account = createHash("sha256").update(email.toLowerCase()).digest("base64url").slice(0, 22);
      // Limits on this client (in all, and on this account); the account's own count only slows attempts down.
      const failures = [
        [`login-failed:client:${client}`, LOGIN_FAILURES_PER_CLIENT],
        [`login-failed:pair:${account}:${client}`, LOGIN_FAILURES_PER_CLIENT_AND_ACCOUNT],
        [`login-failed:account:${account}`, Number.MAX_SAFE_INTEGER],
      ] as const;
      const [byClient, byPair, byAccount] = await Promise.all(
        failures.map(([key, limit]) => limiter.peek(key, limit, LOGIN_WINDOW_SECONDS)),
      );
      for (const result of [byClient!, byPair!])
        if (!result.allowed) throw tooManyRequests(result.retryAfterSeconds);
      const wait = loginSlowdownMs(byAccount!.count);
      if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
      const userId = await auth.verifyCredentials(email, password);
      if (!userId) {
        for (const [key, limit] of failures) await limiter.consume(key, limit, LOGIN_WINDOW_SECONDS);
        return render([{ field: "email", message: t.loginFailed }]);
      }
      // Rotation: whatever session the browser had ends; a new id is issued.
      const old = getCookie(c, SESSION_COOKIE);
      if (old) await auth.endSession(old);
      const session = await auth.startSession(userId);
      guard.setSessionCookie(c, session.token, session.maxAgeSeconds);
      return c.redirect(back, 303);
    })
    .post("/uitloggen", async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await auth.endSession(token);
      guard.clearSessionCookie(c);
      return c.redirect("/inloggen?uitgelogd", 303);
    })
    .get("/wachtwoord-vergeten", (c) =>
      renderPage(
        c,
        <ForgotPasswordPage page={pageContext(c)} model={{ email: "", sent: false, problems: [] }} />,
      ),
    )
    .post("/wachtwoord-vergeten", async (c) => {
      const lang = c.get("lang");
      const t = authMessages[lang];
      const email = field(await c.req.parseBody(), "email").trim();
      const controlProblems = inputProblems(c);
      if (!email.includes("@") || controlProblems.length)
        return renderPage(
          c,
          <ForgotPasswordPage
            page={pageContext(c)}
            model={{
              email,
              sent: false,
              problems: controlProblems.length
                ? controlProblems
                : [{ field: "email", message: t.emailMissing }],
            }}
          />,
          400,
        );
      const client = clientKey(c, deps.secretKey, deps.trustProxy);
      const result = await limiter.consume(`reset:${client}`, 5, 3600);
      if (!result.allowed) throw tooManyRequests(result.retryAfterSeconds);
      await deps.requestPasswordReset(email, lang);
      return renderPage(
        c,
        <ForgotPasswordPage page={pageContext(c)} model={{ email: "", sent: true, problems: [] }} />,
      );
    })
    .get("/uitnodiging/:token", async (c) => {
      c.header("Cache-Control", "no-store");
      c.header("Referrer-Policy", "no-referrer");
      const state = await invitations.stateOf(c.req.param("token"));
      if (state.state !== "open") return linkGone(c, state);
      const t = authMessages[c.get("lang")];
      return renderPage(
        c,
        <InvitationPage
          page={pageContext(c)}
          model={{
            token: c.req.param("token"),
            email: state.email,
            roleLabel: t[`role_${state.role}`],
            organisationName: state.organisationName,
            problems: [],
          }}
        />,
      );
    })
    .post("/uitnodiging/:token", async (c) => {
      c.header("Cache-Control", "no-store");
      c.header("Referrer-Policy", "no-referrer");
      const token = c.req.param("token");
      const t = authMessages[c.get("lang")];
      const state = await invitations.stateOf(token);
      if (state.state !== "open") return linkGone(c, state);
      const password = field(await c.req.parseBody(), "password");
      const result = await invitations.accept(token, password, clientKey(c, deps.secretKey, deps.trustProxy));
      if (result.ok) return c.redirect("/inloggen?welkom", 303);
      if (result.problem === "invalidToken") return linkGone(c, await invitations.stateOf(token));
      if (result.problem === "emailHasAccount")
        return renderPage(
          c,
          <InvitationGonePage page={pageContext(c)} model={{ reason: "emailHasAccount" }} />,
          409,
        );
      const problems = [...inputProblems(c), { field: "password", message: t[result.problem] }];
      return renderPage(
        c,
        <InvitationPage
          page={pageContext(c)}
          model={{
            token,
            email: state.email,
            roleLabel: t[`role_${state.role}`],
            organisationName: state.organisationName,
            problems,
          }}
        />,
        400,
      );
    })
    .get("/wachtwoord-herstellen", async (c) => {
      const token = c.req.query("token") ?? "";
      const valid = await auth.resetTokenValid(token);
      return renderPage(
        c,
        <ResetPasswordPage page={pageContext(c)} model={{ token, valid, problems: [] }} />,
      );
    })
    .post("/wachtwoord-herstellen", async (c) => {
      const t = authMessages[c.get("lang")];
      const form = await c.req.parseBody();
      const token = field(form, "token");
      const result = await auth.resetPassword(token, field(form, "password"));
      if (result.ok) return c.redirect("/inloggen?hersteld", 303);
      if (result.problem === "invalidToken")
        return renderPage(
          c,
          <ResetPasswordPage page={pageContext(c)} model={{ token, valid: false, problems: [] }} />,
          400,
        );
      return renderPage(
        c,
        <ResetPasswordPage
          page={pageContext(c)}
          model={{ token, valid: true, problems: [{ field: "password", message: t[result.problem] }] }}
        />,
        400,
      );
    });
}
