import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import { format, type Lang, pick } from "../../i18n/index.js";
import type { AppContext, AppEnv } from "../../web/context.js";
import type { FieldProblem } from "../../web/errors.js";
import { inputProblems } from "../../web/middleware/input-limits.js";
import { clientKey, type OutcomeRateLimiter } from "../../web/rate-limit.js";
import { pageContext, renderPage } from "../../web/render.js";
import type { AuditActor } from "../audit/index.js";
import type { Guard } from "../auth/index.js";
import type { PrivacyService } from "../privacy/index.js";
import type { Geography } from "../regions/index.js";
import { ownCaseMessages } from "./own-case.messages.js";
import type { OwnCaseService } from "./own-case.service.js";
import { ownCasePath } from "./referrals.entrepreneur-mails.js";
import type { ReferralsService } from "./referrals.service.js";
import {
  OwnCasePage,
  type OwnCasePageModel,
  ResendLinkPage,
  WithdrawnPage,
  WithdrawPage,
} from "./views/own-case-pages.js";

export type OwnCaseRouteDeps = {
  ownCases: OwnCaseService;
  /** Open referrals stop (withdrawn, providers told) before a withdrawal's erasure. */
  referrals: Pick<ReferralsService, "withdrawForConsent">;
  privacy: PrivacyService;
  guard: Guard;
  geography: Geography;
  /** A sector's name in words, by its SBI code: the route's plain choice ("Metaalbewerking") where there is one. */
  sectorName: (code: string, lang: Lang) => string | undefined;
  limiter: OutcomeRateLimiter;
  secretKey: string;
  trustProxy: boolean;
};

/** Link requests per client address per hour: like the forgotten-password form (ADR 0075). */
export const CASE_LINK_LIMIT = 5;
/** Messages and additions per client address per hour, so nobody floods an adviser's mailbox from a page. */
export const OWN_CASE_MESSAGE_LIMIT = 20;
const HOUR = 3600;
/** The audit log names the route, never the token itself. */
const LINK_SUBJECT = { type: "route", id: "/mijn-aanvraag/:token" };

const messageText = z.string().trim().min(2).max(2000);
const emailAddress = z.string().trim().email().max(254);

/**
 * A page behind a private link: never stored by a browser or proxy, never sent on as a Referer to the sites it links
 * to (the loket's web site, the catalogue's sources), never indexed.
 */
const privateLinkHeaders = createMiddleware<AppEnv>(async (c, next) => {
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
  c.header("X-Robots-Tag", "noindex, nofollow");
  await next();
});

/**
 * /mijn-aanvraag: the entrepreneur's own case page behind its unguessable link, its forms (message, added
 * information, data download, consent withdrawal), "Stuur mij mijn link opnieuw", and the old confirmation URL's
 * redirect. Every route asks the guard (link-holder rules in the policy table, ADR 0085).
 */
export function ownCaseRoutes(deps: OwnCaseRouteDeps) {
  const { ownCases, guard } = deps;
  const client = (c: AppContext) => clientKey(c, deps.secretKey, deps.trustProxy);
  const actor = (c: AppContext): AuditActor => ({
    userId: c.get("principal")?.userId ?? null,
    label: "ondernemer",
    clientKey: client(c),
  });
  const text = (value: unknown) => (typeof value === "string" ? value : "");

  /** The case behind the token, after the guard: a wrong, malformed or erased link answers 404 (audited). */
  async function held(c: AppContext, action: Parameters<Guard["authorizeLink"]>[1]) {
    const token = c.req.param("token") ?? "";
    const caseId = await ownCases.caseIdOf(token);
    await guard.authorizeLink(c, action, caseId !== undefined, LINK_SUBJECT);
    return { token, caseId: caseId!, path: ownCasePath(token) };
  }

  async function page(
    c: AppContext,
    token: string,
    form: OwnCasePageModel["form"],
    status: 200 | 400 | 429 = 200,
  ) {
    const lang = c.get("lang");
    const ownCase = await ownCases.view(token, actor(c));
    if (!ownCase) return c.notFound();
    const notice = (["verstuurd", "bericht", "aanvulling"] as const).find(
      (key) => c.req.query(key) !== undefined,
    );
    const loket = ownCase.loket;
    return renderPage(
      c,
      <OwnCasePage
        page={pageContext(c)}
        model={{
          ownCase,
          path: ownCasePath(token),
          regionName: deps.geography.region(ownCase.regionCode)?.name ?? ownCase.regionCode,
          sectorName: ownCase.sent.sector ? (deps.sectorName(ownCase.sent.sector, lang) ?? null) : null,
          notice: status === 200 ? notice : undefined,
          form,
          loket: {
            name: loket.name,
            kind: loket.kind,
            description: loket.description.nl ? pick(loket.description, lang) : "",
            website: loket.website,
            email: loket.email,
            phone: loket.phone,
            address: loket.address,
            openingHours: loket.openingHours ? pick(loket.openingHours, lang) : null,
            isDemo: loket.isDemo,
          },
        }}
      />,
      status,
    );
  }

  const addFrom = (kind: "message" | "info") => async (c: AppContext) => {
    const { token, path } = await held(c, "own_case.message");
    const t = ownCaseMessages[c.get("lang")];
    const value = text((await c.req.parseBody()).tekst);
    const parsed = messageText.safeParse(value);
    const problems: FieldProblem[] = inputProblems(c).map((problem) => ({ ...problem, field: kind }));
    if (!parsed.success && !problems.length) problems.push({ field: kind, message: t.errMessage });
    if (problems.length) return page(c, token, { field: kind, value, problems }, 400);
    const limit = await deps.limiter.consume(`own-case:${client(c)}`, OWN_CASE_MESSAGE_LIMIT, HOUR);
    if (!limit.allowed) {
      c.header("Retry-After", String(limit.retryAfterSeconds));
      const minutes = String(Math.ceil(limit.retryAfterSeconds / 60));
      return page(
        c,
        token,
        { field: kind, value, problems: [{ field: kind, message: format(t.errLimit, { minutes }) }] },
        429,
      );
    }
    await ownCases.addFromEntrepreneur(token, kind, parsed.data!, actor(c));
    return c.redirect(`${path}?${kind === "message" ? "bericht#bericht" : "aanvulling#aanvullen"}`, 303);
  };

  return new Hono<AppEnv>()
    .use("/mijn-aanvraag/*", privateLinkHeaders)
    .use("/intake/bevestiging/*", privateLinkHeaders)
    .get("/intake/bevestiging/:token", (c) => c.redirect(ownCasePath(c.req.param("token")), 301))
    .get("/mijn-aanvraag", (c) => {
      const sent = c.req.query("verstuurd") !== undefined;
      return renderPage(
        c,
        <ResendLinkPage page={pageContext(c)} model={{ sent, email: "", problems: [] }} />,
      );
    })
    .post("/mijn-aanvraag", async (c) => {
      const lang = c.get("lang");
      const t = ownCaseMessages[lang];
      const email = text((await c.req.parseBody()).email).trim();
      const problems: FieldProblem[] = inputProblems(c).map((problem) => ({ ...problem, field: "email" }));
      if (!problems.length && !emailAddress.safeParse(email).success)
        problems.push({ field: "email", message: t.errEmail });
      if (problems.length)
        return renderPage(
          c,
          <ResendLinkPage page={pageContext(c)} model={{ sent: false, email, problems }} />,
          400,
        );
      const limit = await deps.limiter.consume(`case-link:${client(c)}`, CASE_LINK_LIMIT, HOUR);
      if (!limit.allowed) {
        c.header("Retry-After", String(limit.retryAfterSeconds));
        const minutes = String(Math.ceil(limit.retryAfterSeconds / 60));
        return renderPage(
          c,
          <ResendLinkPage
            page={pageContext(c)}
            model={{
              sent: false,
              email,
              problems: [{ field: "email", message: format(t.errResendLimit, { minutes }) }],
            }}
          />,
          429,
        );
      }
      // One job whatever the address: the same answer, in the same time, for a known and an unknown one.
      await ownCases.requestLink(email, lang);
      return c.redirect("/mijn-aanvraag?verstuurd", 303);
    })
    .get("/mijn-aanvraag/:token", async (c) => {
      const { token } = await held(c, "own_case.read");
      return page(c, token, { value: "", problems: [] });
    })
    .post("/mijn-aanvraag/:token/bericht", addFrom("message"))
    .post("/mijn-aanvraag/:token/aanvulling", addFrom("info"))
    .get("/mijn-aanvraag/:token/gegevens.json", async (c) => {
      const { caseId } = await held(c, "own_case.export");
      const data = await deps.privacy.exportCase(caseId, actor(c));
      c.header("Content-Disposition", `attachment; filename="mijn-aanvraag-${caseId}.json"`);
      return c.json(data);
    })
    .get("/mijn-aanvraag/:token/intrekken", async (c) => {
      const { path } = await held(c, "own_case.withdraw");
      return renderPage(c, <WithdrawPage page={pageContext(c)} model={{ path, problems: [] }} />);
    })
    .post("/mijn-aanvraag/:token/intrekken", async (c) => {
      const { token, path } = await held(c, "own_case.withdraw");
      const t = ownCaseMessages[c.get("lang")];
      if (text((await c.req.parseBody()).bevestig) !== "ja")
        return renderPage(
          c,
          <WithdrawPage
            page={pageContext(c)}
            model={{ path, problems: [{ field: "bevestig", message: t.errWithdrawConfirm }] }}
          />,
          400,
        );
      const scope = await ownCases.scopeOf(token);
      if (scope) await deps.referrals.withdrawForConsent(scope.caseId, actor(c));
      if (scope && (await deps.privacy.eraseCase(scope.caseId, actor(c))))
        await ownCases.tellStaffOfWithdrawal(
          scope.caseId,
          scope.hubId,
          scope.assignedUserId,
          scope.createdAt,
        );
      return renderPage(c, <WithdrawnPage page={pageContext(c)} />);
    });
}
