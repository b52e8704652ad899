import { Hono } from "hono";
import { pick } from "../../i18n/index.js";
import { CAMPAIGN_PARAM, parseCampaignSource } from "../../web/campaign-source.js";
import type { AppEnv } from "../../web/context.js";
import { type FieldProblem, notFound, tooManyRequests } from "../../web/errors.js";
import { clientKey, type RateLimiter } from "../../web/rate-limit.js";
import { pageContext, renderPage } from "../../web/render.js";
import type { Guard } from "../auth/index.js";
import { parseSbiCode } from "../knowledge/index.js";
import type { Geography, LoketViewModel } from "../regions/index.js";
import { label, referralsMessages } from "./referrals.messages.js";
import { intakeForm } from "./referrals.schemas.js";
import { INTAKE_RESPONSE_DAYS, type ReferralsService } from "./referrals.service.js";
import { IntakeConfirmationPage, IntakePage } from "./views/intake-pages.js";

export type IntakeRouteDeps = {
  referrals: ReferralsService;
  geography: Geography;
  limiter: RateLimiter;
  guard: Guard;
  secretKey: string;
  trustProxy: boolean;
  retentionMonths: number;
};

// Five requests per client per hour: a real entrepreneur needs one.
const INTAKE_LIMIT = 5;
const INTAKE_WINDOW_SECONDS = 3600;

const FIELD_MESSAGES = {
  contactName: "errContactName",
  email: "errEmail",
  phone: "errPhone",
  companyName: "errCompanyName",
  kvk: "errKvk",
  question: "errQuestion",
  consent: "errConsent",
} as const;

/** The loket of a region for the regions page: the hub that covers it, with a link to the intake. */
export function loketFor(referrals: ReferralsService) {
  return async (regionCode: string, lang: "nl" | "en"): Promise<LoketViewModel | undefined> => {
    const hub = await referrals.hubForRegion(regionCode);
    if (!hub) return undefined;
    return {
      name: hub.name,
      description: pick(hub.description, lang),
      href: `/intake?regio=${regionCode}`,
      linkText: referralsMessages[lang].regionLoketIntake,
      isNationalFallback: false,
    };
  };
}

/** GET/POST /intake and the confirmation page. */
export function intakeRoutes(deps: IntakeRouteDeps) {
  const { referrals, geography } = deps;
  const regionOptions = () =>
    [...geography.regions]
      .sort((a, b) => a.name.localeCompare(b.name, "nl"))
      .map(({ code, name }) => ({ code, name }));
  const text = (value: unknown) => (typeof value === "string" ? value : "");

  async function formModel(
    regionCode: string,
    context: Record<string, string>,
    values: Record<string, string>,
    problems: FieldProblem[],
    lang: "nl" | "en",
  ) {
    const region = geography.region(regionCode);
    if (!region) return undefined;
    const hub = await referrals.hubForRegion(region.code);
    if (!hub) return { kind: "noHub" as const, regionName: region.name };
    return {
      kind: "form" as const,
      hubName: hub.name,
      hubDescription: pick(hub.description, lang),
      regionCode: region.code,
      regionName: region.name,
      context: {
        gemeente: geography.municipality(context.gemeente ?? "") ? context.gemeente! : "",
        sector: parseSbiCode(context.sector ?? "") ? context.sector!.trim().toUpperCase() : "",
        resultaat: /^[\w-]{1,64}$/.test(context.resultaat ?? "") ? context.resultaat! : "",
        bron: parseCampaignSource(context[CAMPAIGN_PARAM]) ?? "",
      },
      values,
      problems,
      retentionMonths: deps.retentionMonths,
    };
  }

  return new Hono<AppEnv>()
    .get("/intake", async (c) => {
      const query = c.req.query();
      let regionCode = query.regio;
      if (!regionCode && query.gemeente) regionCode = geography.municipality(query.gemeente)?.regionCode;
      const model = regionCode
        ? await formModel(regionCode.toUpperCase(), query, {}, [], c.get("lang"))
        : undefined;
      if (!model)
        return renderPage(
          c,
          <IntakePage
            page={pageContext(c)}
            model={{ kind: "chooseRegion", regions: regionOptions(), problems: [] }}
          />,
        );
      return renderPage(c, <IntakePage page={pageContext(c)} model={model} />);
    })
    .post("/intake", async (c) => {
      const lang = c.get("lang");
      const t = referralsMessages[lang];
      const body = await c.req.parseBody();
      const values = Object.fromEntries(Object.entries(body).map(([key, value]) => [key, text(value)]));
      const limit = await deps.limiter.consume(
        `intake:${clientKey(c, deps.secretKey, deps.trustProxy)}`,
        INTAKE_LIMIT,
        INTAKE_WINDOW_SECONDS,
      );
      if (!limit.allowed) throw tooManyRequests(limit.retryAfterSeconds);
      const parsed = intakeForm.safeParse(values);
      if (!parsed.success) {
        const problems: FieldProblem[] = [];
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0]);
          const key = FIELD_MESSAGES[field as keyof typeof FIELD_MESSAGES];
          if (key && !problems.some((problem) => problem.field === field))
            problems.push({ field, message: t[key] });
        }
        // Order the summary like the form.
        const order = Object.keys(FIELD_MESSAGES);
        problems.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
        const model = await formModel(values.regio ?? "", values, values, problems, lang);
        if (model?.kind !== "form")
          return renderPage(
            c,
            <IntakePage
              page={pageContext(c)}
              model={{
                kind: "chooseRegion",
                regions: regionOptions(),
                problems: [{ field: "regio", message: t.intakeChooseRegion }],
              }}
            />,
            400,
          );
        return renderPage(c, <IntakePage page={pageContext(c)} model={model} />, 400);
      }
      const input = parsed.data;
      const region = geography.region(input.regio);
      if (!region) throw notFound("region");
      const created = await referrals.requestIntake(
        {
          regionCode: region.code,
          municipalityCode: input.gemeente && geography.municipality(input.gemeente) ? input.gemeente : null,
          // The dossier keeps the section: a division (13) is stored as its section (C).
          sbiSection: (input.sector && parseSbiCode(input.sector)?.section) || null,
          scanResultId: input.resultaat || null,
          // The campaign slug only; whether the company came by the scan is the journey's own step.
          source: parseCampaignSource(values[CAMPAIGN_PARAM]) ?? null,
          companyName: input.companyName,
          kvkNumber: input.kvk,
          contactName: input.contactName,
          contactEmail: input.email,
          contactPhone: input.phone || null,
          question: input.question,
        },
        { userId: null, label: "ondernemer", clientKey: clientKey(c, deps.secretKey, deps.trustProxy) },
      );
      if (!created) throw notFound("loket");
      return c.redirect(`/intake/bevestiging/${created.publicToken}`, 303);
    })
    .get("/intake/bevestiging/:token", async (c) => {
      const confirmation = await referrals.intakeConfirmation(c.req.param("token"));
      if (!confirmation) throw notFound("intake");
      c.header("Cache-Control", "no-store");
      return renderPage(
        c,
        <IntakeConfirmationPage
          page={pageContext(c)}
          model={{
            hubName: confirmation.hubName,
            status: label(c.get("lang"), confirmation.status),
            responseDays: INTAKE_RESPONSE_DAYS,
          }}
        />,
      );
    });
}
