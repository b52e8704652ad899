import { Hono } from "hono";
import { pick } from "../../i18n/index.js";
import type { AppContext, AppEnv } from "../../web/context.js";
import type { FieldProblem } from "../../web/errors.js";
import { CapabilityLinkGonePage, linkGoneTexts } from "../../web/pages/capability-link-gone-page.js";
import { pageContext, renderPage } from "../../web/render.js";
import type { Guard } from "../auth/index.js";
import type { Geography } from "../regions/index.js";
import { linkMessages } from "./referrals.link.messages.js";
import type { LinkState } from "./referrals.provider-link.js";
import type { ReferralsService } from "./referrals.service.js";
import { isTerminal } from "./referrals.state-machine.js";
import { LinkDonePage, LinkPage } from "./views/link-page.js";

export type LinkRouteDeps = { referrals: ReferralsService; guard: Guard; geography: Geography };

type OpenLink = Extract<LinkState, { state: "open" }>;
const text = (value: unknown) => (typeof value === "string" ? value : "");
const versionOf = (values: Record<string, string>): number =>
  /^\d{1,9}$/.test(values.version ?? "") ? Number(values.version) : -1;
const OUTCOME_STAGE = new Set(["geaccepteerd", "in_uitvoering"]);

/**
 * /verwijzing/{token}: a provider without an account answers one referral through the single-purpose link in its
 * mail (ADR 0086). The token is the capability: no session or role is asked, and nothing here is reachable without
 * it. Every read and move is audited with the link as actor; the moves go through the same transitionReferral as a
 * provider account's, as "aanbieder". An unknown or tampered token answers 404, a closed or expired one 410, each
 * with a plain page and a refusal in the audit log. The pages are never stored, never indexed and send no referrer.
 */
export function linkRoutes(deps: LinkRouteDeps) {
  const { referrals, guard } = deps;
  const links = referrals.links;

  const privateHeaders = (c: AppContext) => {
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Robots-Tag", "noindex, nofollow");
  };

  /** The open link, or the refusal page (audited). */
  async function open(c: AppContext): Promise<OpenLink | Response> {
    privateHeaders(c);
    const state = await links.resolve(c.req.param("token") ?? "");
    if (state.state === "open") return state;
    await links.refuse(state, guard.actorOf(c).clientKey);
    return renderPage(
      c,
      <CapabilityLinkGonePage
        page={pageContext(c)}
        reason={state.state}
        texts={linkGoneTexts(linkMessages[c.get("lang")])}
      />,
      state.state === "unknown" ? 404 : 410,
    );
  }

  async function render(
    c: AppContext,
    link: OpenLink,
    options: {
      form?: Record<string, string>;
      problems?: FieldProblem[];
      conflict?: boolean;
      notice?: string;
    } = {},
    status: 200 | 400 | 409 = 200,
  ) {
    const token = c.req.param("token") ?? "";
    const actor = links.actorFor(link.referralId, guard.actorOf(c).clientKey);
    const data = await referrals.referral(link.referralId, "aanbieder", actor);
    const details = await links.details(link.referralId, link.linkId);
    if (!data || !details)
      return renderPage(
        c,
        <CapabilityLinkGonePage
          page={pageContext(c)}
          reason={"unknown"}
          texts={linkGoneTexts(linkMessages[c.get("lang")])}
        />,
        404,
      );
    const lang = c.get("lang");
    const regionName = deps.geography.region(data.company.regionCode)?.name;
    return renderPage(
      c,
      <LinkPage
        page={pageContext(c)}
        model={{
          token,
          version: data.referral.version,
          loketName: details.loketName,
          instrumentName: data.instrument ? pick(data.instrument.name, lang) : data.referral.instrumentRefId,
          company: {
            companyName: data.company.companyName,
            kvkNumber: data.company.kvkNumber,
            // The region in words, with its code: "Twente (ES04)".
            region: regionName ? `${regionName} (${data.company.regionCode})` : data.company.regionCode,
            contactName: data.company.contactName,
            contactEmail: data.company.contactEmail,
          },
          message: data.referral.message,
          status: data.referral.status,
          dueAt: data.referral.dueAt,
          expiresAt: details.expiresAt,
          moves: data.moves.map((move) => ({ to: move.to, reasons: [...(move.reasons ?? [])] })),
          outcomeStage: OUTCOME_STAGE.has(data.referral.status),
          events: data.events
            .filter((event) => event.to_status !== "concept")
            .map((event) => ({
              kind: event.kind,
              toStatus: event.to_status,
              reasonCode: event.reason_code,
              note: event.note,
              occurredAt: event.occurredAt,
              actor: event.actor,
              viaLink: event.actor_kind === "link",
            })),
          form: { to: "", reason: "", note: "", question: "", ...options.form },
          problems: options.problems ?? [],
          conflict: options.conflict ?? false,
          notice: options.notice,
        }}
      />,
      status,
    );
  }

  const formValues = async (c: AppContext) =>
    Object.fromEntries(Object.entries(await c.req.parseBody()).map(([key, value]) => [key, text(value)]));

  return new Hono<AppEnv>()
    .get("/verwijzing/:token", async (c) => {
      const link = await open(c);
      if (link instanceof Response) return link;
      const t = linkMessages[c.get("lang")];
      const notice =
        c.req.query("opgeslagen") !== undefined
          ? t.answerSaved
          : c.req.query("vraag") !== undefined
            ? t.questionSent
            : undefined;
      return render(c, link, { notice });
    })
    .post("/verwijzing/:token", async (c) => {
      const link = await open(c);
      if (link instanceof Response) return link;
      const t = linkMessages[c.get("lang")];
      const values = await formValues(c);
      if (!values.to)
        return render(c, link, { form: values, problems: [{ field: "to", message: t.errTo }] }, 400);
      const result = await referrals.transitionReferral(
        link.referralId,
        {
          to: values.to,
          reason: values.reason || null,
          note: (values.note ?? "").trim().slice(0, 2000),
          expectedVersion: versionOf(values),
          via: "link",
        },
        "aanbieder",
        null,
        links.actorFor(link.referralId, guard.actorOf(c).clientKey),
      );
      if (result.ok) {
        // The answer that closes the referral also ends the link: thanks, on this response, instead of a redirect
        // to a page that now answers 410.
        if (isTerminal(result.status)) {
          const details = await links.details(link.referralId, link.linkId);
          return renderPage(
            c,
            <LinkDonePage
              page={pageContext(c)}
              model={{ status: result.status, loketName: details?.loketName ?? "" }}
            />,
          );
        }
        await links.extend(link.linkId, link.referralId);
        return c.redirect(`/verwijzing/${c.req.param("token")}?opgeslagen`, 303);
      }
      if ("conflict" in result) return render(c, link, { form: values, conflict: true }, 409);
      const problem =
        result.problem === "reasonRequired"
          ? { field: "reason", message: t.errReasonRequired }
          : result.problem === "unknownReason"
            ? { field: "reason", message: t.errUnknownReason }
            : { field: "to", message: t.errNotAllowed };
      return render(c, link, { form: values, problems: [problem] }, 400);
    })
    .post("/verwijzing/:token/vraag", async (c) => {
      const link = await open(c);
      if (link instanceof Response) return link;
      const t = linkMessages[c.get("lang")];
      const values = await formValues(c);
      const question = (values.question ?? "").trim();
      if (question.length < 5 || question.length > 2000)
        return render(
          c,
          link,
          { form: values, problems: [{ field: "question", message: t.errQuestion }] },
          400,
        );
      const asked = await links.ask(
        link.referralId,
        question,
        links.actorFor(link.referralId, guard.actorOf(c).clientKey),
      );
      if (asked === "limit")
        return render(
          c,
          link,
          { form: values, problems: [{ field: "question", message: t.errQuestionLimit }] },
          400,
        );
      return c.redirect(`/verwijzing/${c.req.param("token")}?vraag#geschiedenis`, 303);
    });
}
