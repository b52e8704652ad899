import { Hono } from "hono";
import { format, pick } from "../../i18n/index.js";
import { CAMPAIGN_PARAM, parseCampaignSource } from "../../web/campaign-source.js";
import type { AppEnv } from "../../web/context.js";
import { type FieldProblem, notFound } from "../../web/errors.js";
import { inputProblems } from "../../web/middleware/input-limits.js";
import { clientKey, type OutcomeRateLimiter } from "../../web/rate-limit.js";
import { pageContext, renderPage } from "../../web/render.js";
import type { Guard } from "../auth/index.js";
import { parseSbiCode } from "../knowledge/index.js";
import {
  checkPlaceField,
  type Geography,
  type LoketCardModel,
  type LoketViewModel,
  type Municipality,
  municipalityPickerOptions,
  type PlaceChoiceModel,
  placeChoiceParam,
  placeNote,
} from "../regions/index.js";
import { ownCasePath } from "./referrals.entrepreneur-mails.js";
import { type LoketContact, NATIONAL_QUEUE_NAME, nationalFallback } from "./referrals.lokets.js";
import { referralsMessages } from "./referrals.messages.js";
import { intakeForm } from "./referrals.schemas.js";
import type { ReferralsService } from "./referrals.service.js";
import { IntakePage, type IntakePageModel } from "./views/intake-pages.js";

export type IntakeRouteDeps = {
  referrals: ReferralsService;
  geography: Geography;
  limiter: OutcomeRateLimiter;
  guard: Guard;
  secretKey: string;
  trustProxy: boolean;
  retentionMonths: number;
  /**
   * Mijn route (ADR 0091): a request that comes from a saved route refers to it on the dossier, only when the
   * entrepreneur ticks the box. The mijn-route module fills this slot through the composition root.
   */
  savedRoutes?: { attachToCase(caseId: number, token: string): Promise<boolean> };
};

/**
 * Accepted intakes per client address per hour (ADR 0075). Only accepted intakes count: a form sent back with
 * problems costs nothing. 40 lets an office, a library or an event where everyone shares one address send a busy
 * day's intakes in its busiest hour, while a script that sends more is stopped.
 */
export const INTAKE_LIMIT = 40;
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

const card = (loket: LoketContact, lang: "nl" | "en"): LoketCardModel => ({
  name: loket.name,
  kind: loket.kind,
  description: loket.description.nl ? pick(loket.description, lang) : "",
  website: loket.website,
  email: loket.email,
  phone: loket.phone,
  address: loket.address,
  openingHours: loket.openingHours ? pick(loket.openingHours, lang) : null,
  isDemo: loket.isDemo,
});

/**
 * The national fallback as a region's loket (ADR 0081), the one view model for every page that shows a region
 * without a loket: the Versnellingshuis with every public contact detail data/regions/lokets.json verifies (website,
 * e-mail, phone, address, opening hours; the card says plainly which are not known), and the national queue for a
 * request for a conversation.
 */
export function nationalFallbackLoket(regionCode: string, lang: "nl" | "en"): LoketViewModel {
  const fallback = card(nationalFallback(), lang);
  return {
    name: fallback.name,
    description: fallback.description,
    href: `/regio/${regionCode}#loket`,
    linkText: referralsMessages[lang].fallbackLoketLink,
    isNationalFallback: true,
    cards: [fallback],
    intake: { kind: "national", recipientName: NATIONAL_QUEUE_NAME, href: `/intake?regio=${regionCode}` },
  };
}

/**
 * The loket of a region as every page shows it (ADR 0081): the real lokets public sources name (and demo hubs in
 * demo mode, labelled), or the national fallback with its contact; and where a request for a conversation goes.
 */
export function loketFor(referrals: ReferralsService) {
  return async (regionCode: string, lang: "nl" | "en"): Promise<LoketViewModel> => {
    const [lokets, recipient] = await Promise.all([
      referrals.lokets(regionCode),
      referrals.intakeRecipient(regionCode),
    ]);
    if (lokets.length === 0) return nationalFallbackLoket(regionCode, lang);
    const cards = lokets.map((loket) => card(loket, lang));
    // A region whose lokets we know no way to reach also names the national fallback, so no page is a dead end.
    const reachable = cards.some(
      (item) => !item.isDemo && (item.website || item.email || item.phone || item.address),
    );
    if (!reachable) cards.push(card(nationalFallback(), lang));
    const first = cards[0]!;
    return {
      name: first.name,
      description: first.description,
      href: `/regio/${regionCode}#loket`,
      linkText: referralsMessages[lang].regionLoketLink,
      isNationalFallback: lokets.filter((loket) => !loket.isDemo).length === 0,
      cards,
      intake: {
        kind: recipient.kind,
        recipientName: recipient.kind === "hub" ? recipient.hub.name : recipient.name,
        href: `/intake?regio=${regionCode}`,
      },
    };
  };
}

/** GET/POST /intake; a sent intake goes on to the entrepreneur's own page (/mijn-aanvraag, ADR 0085). */
export function intakeRoutes(deps: IntakeRouteDeps) {
  const { referrals, geography } = deps;
  const loketOf = loketFor(referrals);
  const municipalityOptions = municipalityPickerOptions(geography);
  const pickerLabels = new Map(municipalityOptions.map((option) => [option.code, option.name]));
  const text = (value: unknown) => (typeof value === "string" ? value : "");

  /** The route's context that the intake carries along (sector, scan result, campaign), checked. */
  const carried = (context: Record<string, string>) => ({
    sector: parseSbiCode(context.sector ?? "") ? context.sector!.trim().toUpperCase() : "",
    resultaat: /^[\w-]{1,64}$/.test(context.resultaat ?? "") ? context.resultaat! : "",
    bron: parseCampaignSource(context[CAMPAIGN_PARAM]) ?? "",
    mijnroute: /^[A-Za-z0-9_-]{43}$/.test(context.mijnroute ?? "") ? context.mijnroute! : "",
  });

  /**
   * The intake asks for the municipality, not the region: the region, and so the hub, follows from it. This is the
   * first step when the visitor came without one (the menu, a bookmark): a municipality or place name, with the
   * choice or suggestions of the regions module when the name needs them.
   */
  const chooseMunicipality = (
    context: Record<string, string>,
    typed: string | undefined,
    problems: FieldProblem[],
    choice?: PlaceChoiceModel,
  ): IntakePageModel => ({
    kind: "chooseMunicipality",
    value: typed ?? "",
    municipalities: municipalityOptions,
    choice,
    context: carried(context),
    problems,
  });

  async function formModel(
    regionCode: string,
    context: Record<string, string>,
    values: Record<string, string>,
    problems: FieldProblem[],
    lang: "nl" | "en",
    place: { municipality?: Municipality; placeName?: string; choice?: PlaceChoiceModel } = {},
  ): Promise<IntakePageModel | undefined> {
    const region = geography.region(regionCode);
    if (!region) return undefined;
    // The region's hub when one takes intakes, otherwise the national queue: the page says which, plainly.
    const [recipient, loket] = await Promise.all([
      referrals.intakeRecipient(region.code),
      loketOf(region.code, lang),
    ]);
    const municipality = place.municipality;
    return {
      kind: "form",
      recipient: recipient.kind,
      hubName: recipient.kind === "hub" ? recipient.hub.name : recipient.name,
      consentName:
        recipient.kind === "hub" ? recipient.hub.name : referralsMessages[lang].nationalConsentName,
      loket: loket!,
      regionCode: region.code,
      regionName: region.name,
      placeNote: municipality ? placeNote(geography, lang, place.placeName, municipality.code) : undefined,
      municipalities: municipalityOptions,
      municipalityChoice: place.choice,
      context: carried(context),
      // A known municipality shows by the name the picker offers, which reads back to the same one on submit.
      values: municipality
        ? { ...values, gemeente: pickerLabels.get(municipality.code) ?? municipality.name }
        : values,
      problems,
      retentionMonths: deps.retentionMonths,
    };
  }

  return new Hono<AppEnv>()
    .get("/intake", async (c) => {
      const lang = c.get("lang");
      const query = c.req.query();
      if (query.gemeente !== undefined) {
        const place = checkPlaceField(
          geography,
          lang,
          "gemeente",
          query.gemeente,
          query[placeChoiceParam("gemeente")],
        );
        if (!place.ok)
          return renderPage(
            c,
            <IntakePage
              page={pageContext(c)}
              model={chooseMunicipality(
                query,
                query.gemeente,
                [{ field: "gemeente", message: place.problem }],
                place.choice,
              )}
            />,
            400,
          );
        const model = await formModel(place.municipality.regionCode, query, {}, [], lang, place);
        return renderPage(c, <IntakePage page={pageContext(c)} model={model!} />);
      }
      // From a region's page: that region's hub, and the form asks for the municipality.
      const model = query.regio ? await formModel(query.regio.toUpperCase(), query, {}, [], lang) : undefined;
      return renderPage(
        c,
        <IntakePage page={pageContext(c)} model={model ?? chooseMunicipality(query, undefined, [])} />,
      );
    })
    .post("/intake", async (c) => {
      const lang = c.get("lang");
      const t = referralsMessages[lang];
      const body = await c.req.parseBody();
      const values = Object.fromEntries(Object.entries(body).map(([key, value]) => [key, text(value)]));
      const limitKey = `intake-accepted:${clientKey(c, deps.secretKey, deps.trustProxy)}`;
      const limit = await deps.limiter.peek(limitKey, INTAKE_LIMIT, INTAKE_WINDOW_SECONDS);
      const place = checkPlaceField(
        geography,
        lang,
        "gemeente",
        values.gemeente,
        values[placeChoiceParam("gemeente")],
      );
      const parsed = intakeForm.safeParse(values);
      const problems: FieldProblem[] = place.ok ? [] : [{ field: "gemeente", message: place.problem }];
      // Control characters were removed by the input-limits middleware; the summary says so (ADR 0075).
      const controlProblems = inputProblems(c).filter(
        (problem) => !problems.some((p) => p.field === problem.field),
      );
      problems.push(...controlProblems);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0]);
          const key = FIELD_MESSAGES[field as keyof typeof FIELD_MESSAGES];
          if (key && !problems.some((problem) => problem.field === field))
            problems.push({
              field,
              // Too long says so, with the limit: "Vul uw naam in" under a 5,000-character name is wrong.
              message:
                issue.code === "too_big"
                  ? format(t.errTooLong, {
                      max: String(issue.maximum),
                      length: String((values[field] ?? "").trim().length),
                    })
                  : t[key],
            });
        }
        // Order the summary like the form.
        const order = ["gemeente", ...Object.keys(FIELD_MESSAGES)];
        problems.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
      }
      // The region follows from the municipality. Consent names the hub the visitor saw, so when the municipality
      // lies in another hub's region the form comes back for that hub, without the consent, to be confirmed again.
      const shownRegion = geography.region(values.regio ?? "")?.code;
      const regionMoved =
        place.ok && shownRegion !== undefined && place.municipality.regionCode !== shownRegion;
      if (place.ok && regionMoved) {
        const region = geography.region(place.municipality.regionCode)!;
        const recipient = await referrals.intakeRecipient(region.code);
        problems.unshift({
          field: "gemeente",
          message: format(t.intakeRegionChanged, {
            municipality: place.municipality.displayName,
            region: region.name,
            hub: recipient.kind === "hub" ? recipient.hub.name : recipient.name,
          }),
        });
      }
      // Over the limit: the form comes back with everything typed and says when to try again.
      const limited = !limit.allowed && place.ok && parsed.success && !regionMoved && !controlProblems.length;
      if (limited) c.header("Retry-After", String(limit.retryAfterSeconds));
      if (limited)
        problems.push({
          field: "question",
          message: format(t.errIntakeLimit, { minutes: String(Math.ceil(limit.retryAfterSeconds / 60)) }),
        });
      if (!place.ok || !parsed.success || regionMoved || controlProblems.length || limited) {
        const regionCode = place.ok ? place.municipality.regionCode : shownRegion;
        const { consent: _consent, ...withoutConsent } = values;
        const model = regionCode
          ? await formModel(
              regionCode,
              values,
              regionMoved ? withoutConsent : values,
              problems,
              lang,
              place.ok ? place : { choice: place.choice },
            )
          : undefined;
        return renderPage(
          c,
          <IntakePage
            page={pageContext(c)}
            model={
              model ??
              chooseMunicipality(values, values.gemeente, problems, place.ok ? undefined : place.choice)
            }
          />,
          limited ? 429 : 400,
        );
      }
      const input = parsed.data;
      const { municipality } = place;
      const created = await referrals.requestIntake(
        {
          regionCode: municipality.regionCode,
          municipalityCode: municipality.code,
          // Monitoring counts by the section (a division 25 rolls up to C); the dossier names the choice itself.
          sbiSection: (input.sector && parseSbiCode(input.sector)?.section) || null,
          sector: carried(values).sector || null,
          scanResultId: input.resultaat || null,
          // The campaign slug only; whether the company came by the scan is the journey's own step.
          source: parseCampaignSource(values[CAMPAIGN_PARAM]) ?? null,
          companyName: input.companyName,
          kvkNumber: input.kvk,
          contactName: input.contactName,
          contactEmail: input.email,
          contactPhone: input.phone || null,
          question: input.question,
          language: lang,
        },
        { userId: null, label: "ondernemer", clientKey: clientKey(c, deps.secretKey, deps.trustProxy) },
      );
      if (!created) throw notFound("loket");
      const routeToken = carried(values).mijnroute;
      if (routeToken && values.routeDelen === "ja")
        await deps.savedRoutes?.attachToCase(created.caseId, routeToken);
      await deps.limiter.consume(limitKey, INTAKE_LIMIT, INTAKE_WINDOW_SECONDS);
      // The entrepreneur's own page, with the notice that the request was sent (ADR 0085).
      return c.redirect(`${ownCasePath(created.publicToken)}?verstuurd`, 303);
    });
}
