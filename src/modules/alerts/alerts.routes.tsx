import { Hono } from "hono";
import { format, type Lang, type Localised, pick } from "../../i18n/index.js";
import type { AppContext, AppEnv } from "../../web/context.js";
import type { FieldProblem } from "../../web/errors.js";
import { CapabilityLinkGonePage } from "../../web/pages/capability-link-gone-page.js";
import { clientKey, type RateLimiter, rateLimit } from "../../web/rate-limit.js";
import { pageContext, renderPage } from "../../web/render.js";
import type { Geography } from "../regions/index.js";
import {
  ALERT_KINDS,
  type AlertKind,
  isAvailable,
  isOneOf,
  JOURNEY_STEP_LABELS,
  JOURNEY_STEPS,
  KIND_LABELS,
  KINDS,
  PHASE_LABELS,
  PHASES,
} from "../vocabulary/index.js";
import { alertMessages } from "./alerts.messages.js";
import type { AlertCriteria, AlertsService, SubscriptionView } from "./alerts.service.js";
import {
  alertGoneTexts,
  ConfirmedPage,
  ConfirmPage,
  SentPage,
  SubscribePage,
  UnsubscribedPage,
  UnsubscribePage,
} from "./views/alert-pages.js";
import { type AlertCriteriaQuery, CRITERIA_FIELDS } from "./views/subscribe-form.js";

/** An instrument as the sign-up page needs it. */
export type AlertInstrument = { refId: string; slug: string; name: Localised; status: string };

export type AlertRouteDeps = {
  alerts: AlertsService;
  geography: Geography;
  instrument: (refId: string) => Promise<AlertInstrument | undefined>;
  /** The route's plain sector name for a sector code ("47": "Winkel en webshop"). */
  sectorName: (code: string, lang: Lang) => string | undefined;
  /** The SBI section of a sector code: itself for a letter, the section of a division. */
  sbiSectionOf: (code: string) => string | undefined;
  limiter: RateLimiter;
  secretKey: string;
  trustProxy: boolean;
};

/** Sign-ups per client per hour: enough for a person, too few to mail-bomb an address. */
const SUBSCRIBE_LIMIT = 10;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CODE = /^[A-Za-z0-9_-]{1,64}$/;

type Checked = {
  criteria: AlertCriteria;
  kinds: AlertKind[];
  described: string[];
  instrument?: AlertInstrument;
};

/**
 * /meldingen/…: sign up for alerts without an account, confirm through the mail (double opt-in), unsubscribe in one
 * click (ADR 0092). The confirmation and unsubscribe links are single-purpose tokens: the token is the capability.
 * The one-click POST of RFC 8058 comes from a mail program without cookies, so the composition root exempts
 * POST /meldingen/afmelden/{token} from the CSRF check; it can only unsubscribe the address the token belongs to.
 */
export function alertRoutes(deps: AlertRouteDeps) {
  const { alerts, geography } = deps;

  const privateHeaders = (c: AppContext) => {
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Robots-Tag", "noindex, nofollow");
  };

  /** Words for a subscription's criteria. */
  async function describe(
    criteria: AlertCriteria,
    lang: Lang,
    instrument?: AlertInstrument,
  ): Promise<string[]> {
    const t = alertMessages[lang];
    const lines: string[] = [];
    const found =
      instrument ?? (criteria.instrumentRef ? await deps.instrument(criteria.instrumentRef) : undefined);
    if (criteria.instrumentRef)
      lines.push(format(t.instrumentLine, { name: found ? pick(found.name, lang) : criteria.instrumentRef }));
    const municipality = criteria.municipalityCode
      ? geography.municipality(criteria.municipalityCode)
      : undefined;
    if (municipality) lines.push(format(t.placeLine, { place: municipality.displayName }));
    const region = criteria.regionCode ? geography.region(criteria.regionCode) : undefined;
    if (region) lines.push(format(t.regionLine, { region: region.name }));
    if (criteria.sector)
      lines.push(format(t.sectorLine, { sector: deps.sectorName(criteria.sector, lang) ?? criteria.sector }));
    if (criteria.step && isOneOf(JOURNEY_STEPS, criteria.step))
      lines.push(format(t.stepLine, { step: pick(JOURNEY_STEP_LABELS[criteria.step], lang) }));
    if (criteria.phase && isOneOf(PHASES, criteria.phase))
      lines.push(format(t.phaseLine, { phase: pick(PHASE_LABELS[criteria.phase], lang) }));
    if (criteria.instrumentKind && isOneOf(KINDS, criteria.instrumentKind))
      lines.push(format(t.kindLine, { kind: pick(KIND_LABELS[criteria.instrumentKind], lang) }));
    return lines;
  }

  const describeSubscriptions = async (subscriptions: SubscriptionView[], lang: Lang) => {
    const t = alertMessages[lang];
    return Promise.all(
      subscriptions.map(async (subscription) => {
        const words = await describe(subscription, lang);
        return `${t[`kind_${subscription.kind}`]} (${words.join("; ")})`;
      }),
    );
  };

  /**
   * The criteria from the query or the form: unknown codes are dropped, never stored. Answers undefined when
   * nothing is left to be told about.
   */
  async function criteriaOf(values: AlertCriteriaQuery, lang: Lang): Promise<Checked | undefined> {
    const code = (value: string | undefined) => (value && CODE.test(value) ? value : undefined);
    const instrument = code(values.instrument) ? await deps.instrument(values.instrument!) : undefined;
    const municipality = code(values.gemeente) ? geography.municipality(values.gemeente!) : undefined;
    const region = municipality
      ? geography.region(municipality.regionCode)
      : code(values.regio)
        ? geography.region(values.regio!.toUpperCase())
        : undefined;
    const sector = code(values.sector);
    const sbiSection = sector ? deps.sbiSectionOf(sector) : undefined;
    const criteria: AlertCriteria = {
      instrumentRef: instrument?.refId,
      areaKeys: region
        ? ["NL", ...region.provinceCodes, region.code, ...(municipality ? [municipality.code] : [])]
        : [],
      regionCode: region?.code,
      municipalityCode: municipality?.code,
      sector: sbiSection ? sector : undefined,
      sbiSection,
      step: isOneOf(JOURNEY_STEPS, values.stap) ? values.stap : undefined,
      phase: isOneOf(PHASES, values.fase) ? values.fase : undefined,
      instrumentKind: isOneOf(KINDS, values.soort) ? values.soort : undefined,
    };
    const kinds: AlertKind[] = instrument
      ? isAvailable(instrument.status)
        ? ["deadline"]
        : ["opent", "deadline"]
      : region
        ? ["nieuw_aanbod", "bijeenkomst"]
        : [];
    if (!kinds.length) return undefined;
    return { criteria, kinds, described: await describe(criteria, lang, instrument), instrument };
  }

  const queryValues = (c: AppContext): AlertCriteriaQuery =>
    Object.fromEntries(CRITERIA_FIELDS.map((field) => [field, c.req.query(field)?.trim() || undefined]));

  function subscribePage(
    c: AppContext,
    checked: Checked | undefined,
    query: AlertCriteriaQuery,
    form: { email: string; chosen?: string[]; problems: FieldProblem[] },
    status: 200 | 400 = 200,
  ) {
    const back = checked?.instrument ? `/aanbod/${checked.instrument.slug}` : undefined;
    return renderPage(
      c,
      <SubscribePage
        page={pageContext(c)}
        model={{
          described: checked?.described ?? [],
          alreadyOpen: Boolean(checked?.instrument && isAvailable(checked.instrument.status)),
          backHref: back,
          form: checked
            ? {
                criteria: query,
                kinds: checked.kinds.map((value) => ({
                  value,
                  checked: form.chosen ? form.chosen.includes(value) : true,
                })),
                email: form.email,
                problems: form.problems,
              }
            : undefined,
        }}
      />,
      status,
    );
  }

  const limitSubscribe = rateLimit({
    limiter: deps.limiter,
    name: "alerts",
    limit: SUBSCRIBE_LIMIT,
    windowSeconds: 3600,
    key: (c) => clientKey(c, deps.secretKey, deps.trustProxy),
  });

  return new Hono<AppEnv>()
    .get("/meldingen/aanmelden", async (c) => {
      const query = queryValues(c);
      const checked = await criteriaOf(query, c.get("lang"));
      return subscribePage(c, checked, query, { email: "", problems: [] });
    })
    .post("/meldingen/aanmelden", limitSubscribe, async (c) => {
      const lang = c.get("lang");
      const t = alertMessages[lang];
      const body = await c.req.parseBody({ all: true });
      const one = (key: string) => (typeof body[key] === "string" ? (body[key] as string).trim() : undefined);
      const query: AlertCriteriaQuery = Object.fromEntries(
        CRITERIA_FIELDS.map((field) => [field, one(field) || undefined]),
      );
      const checked = await criteriaOf(query, lang);
      const email = one("email") ?? "";
      const chosen = [body.melding].flat().filter((value): value is string => typeof value === "string");
      if (!checked) return subscribePage(c, undefined, query, { email, problems: [] }, 400);
      const kinds = checked.kinds.filter((kind) => chosen.includes(kind));
      const problems: FieldProblem[] = [];
      if (!kinds.length) problems.push({ field: "soort-0", message: t.errKinds });
      if (!email) problems.push({ field: "email", message: t.errEmailMissing });
      else if (email.length > 254) problems.push({ field: "email", message: t.errEmailTooLong });
      else if (!EMAIL.test(email)) problems.push({ field: "email", message: t.errEmailInvalid });
      if (problems.length) return subscribePage(c, checked, query, { email, chosen, problems }, 400);
      const described = await describeSubscriptions(
        kinds.map((kind) => ({ kind, ...checked.criteria })),
        lang,
      );
      await alerts.subscribe({
        email,
        lang,
        kinds: kinds.filter((kind) => isOneOf(ALERT_KINDS, kind)),
        criteria: checked.criteria,
        described,
      });
      return c.redirect(`/meldingen/aangemeld${lang === "en" ? "?lang=en" : ""}`, 303);
    })
    .get("/meldingen/aangemeld", (c) => {
      privateHeaders(c);
      return renderPage(c, <SentPage page={pageContext(c)} />);
    })
    .get("/meldingen/bevestigen/:token", async (c) => {
      privateHeaders(c);
      const token = c.req.param("token");
      const state = await alerts.confirmation(token);
      if (state.state !== "open")
        return renderPage(
          c,
          <CapabilityLinkGonePage
            page={pageContext(c)}
            reason={state.state}
            texts={alertGoneTexts(c.get("lang"))}
          />,
          state.state === "unknown" ? 404 : 410,
        );
      const described = await describeSubscriptions(state.value, c.get("lang"));
      return renderPage(c, <ConfirmPage page={pageContext(c)} token={token} described={described} />);
    })
    .post("/meldingen/bevestigen/:token", async (c) => {
      privateHeaders(c);
      const state = await alerts.confirm(c.req.param("token"));
      if (state.state !== "open")
        return renderPage(
          c,
          <CapabilityLinkGonePage
            page={pageContext(c)}
            reason={state.state}
            texts={alertGoneTexts(c.get("lang"))}
          />,
          state.state === "unknown" ? 404 : 410,
        );
      const described = await describeSubscriptions(state.value, c.get("lang"));
      return renderPage(c, <ConfirmedPage page={pageContext(c)} described={described} />);
    })
    .get("/meldingen/afmelden/:token", async (c) => {
      privateHeaders(c);
      const token = c.req.param("token");
      const found = await alerts.unsubscription(token);
      if (!found)
        return renderPage(
          c,
          <CapabilityLinkGonePage
            page={pageContext(c)}
            reason={"unsubscribed"}
            texts={alertGoneTexts(c.get("lang"))}
          />,
          404,
        );
      const described = await describeSubscriptions(found.subscriptions, c.get("lang"));
      return renderPage(
        c,
        <UnsubscribePage page={pageContext(c)} token={token} email={found.email} described={described} />,
      );
    })
    .post("/meldingen/afmelden/:token", async (c) => {
      privateHeaders(c);
      const done = await alerts.unsubscribe(c.req.param("token"));
      if (!done)
        return renderPage(
          c,
          <CapabilityLinkGonePage
            page={pageContext(c)}
            reason={"unsubscribed"}
            texts={alertGoneTexts(c.get("lang"))}
          />,
          404,
        );
      return renderPage(c, <UnsubscribedPage page={pageContext(c)} />);
    });
}

/** The paths whose POST is exempt from the CSRF check: the one-click unsubscribe of RFC 8058. */
export const isOneClickUnsubscribe = (method: string, path: string) =>
  method === "POST" && /^\/meldingen\/afmelden\/[\w-]{43}$/.test(path);
