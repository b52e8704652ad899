import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import type { Child } from "hono/jsx";
import { z } from "zod";
import { format, type Lang, type Localised } from "../../i18n/index.js";
import type { AppContext, AppEnv } from "../../web/context.js";
import { type FieldProblem, notFound } from "../../web/errors.js";
import type { AbsoluteUrl } from "../../web/links.js";
import { pageContext, renderPage } from "../../web/render.js";
import type { AuditActor } from "../audit/index.js";
import type { Guard } from "../auth/index.js";
import type { Geography } from "../regions/index.js";
import {
  HELP_LABELS,
  isOneOf,
  JOURNEY_STEP_LABELS,
  type JourneyStep,
  PHASE_LABELS,
  PROGRESS_STATUSES,
  RESULT_BASES,
  type ResultBasis,
  SIZE_CLASS_LABELS,
  THEME_LABELS,
} from "../vocabulary/index.js";
import { mijnRouteMessages } from "./mijn-route.messages.js";
import type { RoutePlanner } from "./mijn-route.plan.js";
import {
  EMAIL_CONFIRM_DAYS,
  isTokenShape,
  type MeasureResults,
  type MijnRouteService,
  mijnRoutePath,
  type SavedItem,
  type SavedRoute,
} from "./mijn-route.service.js";
import { SavedRoutePanel } from "./views/dossier-panel.js";
import {
  ConfirmEmailPage,
  type FigureView,
  type ItemView,
  KeepRoutePage,
  MijnRoutePage,
  type MijnRoutePageModel,
} from "./views/mijn-route-page.js";

/** The few facts of a measure the page shows; the knowledge module's measure packages have them. */
export type MeasureFacts = {
  code: string;
  title: Localised;
  description: Localised;
  strategy: string;
  theme: string;
};
export type PackageFacts = { slug: string; name: Localised; measures: MeasureFacts[] };

export type MijnRouteRouteDeps = {
  service: MijnRouteService;
  planFor: RoutePlanner;
  guard: Guard;
  geography: Geography;
  sectorName: (code: string, lang: Lang) => string | undefined;
  /** A measure package by slug (the knowledge module's `findPackage`). */
  findPackage: (slug: string) => Promise<PackageFacts | undefined>;
  absoluteUrl: AbsoluteUrl;
  /** Slot for the alerts module: the "Houd me op de hoogte" form for this route (issue 17 item 5). */
  alertFormFor?: (route: SavedRoute, token: string, lang: Lang) => Promise<Child | undefined>;
};

/** The audit log names the route, never the token itself. */
const LINK_SUBJECT = { type: "route", id: "/mijn-route/:token" };
const emailAddress = z.string().trim().email().max(254);
const MAX_FIGURE = 1_000_000_000;

/** A page behind a private link: never cached, never sent on as a Referer, never indexed. */
const privateLinkHeaders = createMiddleware<AppEnv>(async (c, next) => {
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
  c.header("X-Robots-Tag", "noindex, nofollow");
  await next();
});

/**
 * A figure as people type it: "250", "12,5", "1.250" (Dutch thousands), "1.250,5", "12.5", "1 250". Undefined for
 * an empty field, NaN for something that is no number of 0 or more.
 */
export function parseFigure(typed: string, lang: Lang): number | undefined {
  let value = typed.replace(/[\s\u00a0€]/g, "");
  if (!value) return undefined;
  if (value.includes(",")) value = value.replaceAll(".", "").replace(",", ".");
  else if (lang === "nl" && /^\d{1,3}(\.\d{3})+$/.test(value)) value = value.replaceAll(".", "");
  if (!/^\d+(\.\d+)?$/.test(value)) return Number.NaN;
  return Number(value);
}

/** A measure's recorded figures, each with its basis. */
function figuresOf(item: SavedItem, lang: Lang): FigureView[] {
  const t = mijnRouteMessages[lang];
  const out: FigureView[] = [];
  if (item.materialKg !== null)
    out.push({ label: t.materialLabel, value: item.materialKg, basis: item.materialBasis ?? "geschat" });
  if (item.euro !== null)
    out.push({ label: t.euroLabel, value: item.euro, basis: item.euroBasis ?? "geschat" });
  if (item.co2eKg !== null)
    out.push({ label: t.co2Label, value: item.co2eKg, basis: item.co2eBasis ?? "geschat" });
  return out;
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** /mijn-route: save a route, the page behind its link, its changes, and the address's double opt-in (ADR 0091). */
export function mijnRouteRoutes(deps: MijnRouteRouteDeps) {
  const { service, guard, geography } = deps;

  const storedForm = (item: SavedItem, lang: Lang): Record<string, string> => {
    const shown = (value: number | null) =>
      value === null
        ? ""
        : new Intl.NumberFormat(lang === "en" ? "en-GB" : "nl-NL", { useGrouping: false }).format(value);
    return {
      status: item.status,
      materiaal: shown(item.materialKg),
      materiaal_basis: item.materialBasis ?? "geschat",
      euro: shown(item.euro),
      euro_basis: item.euroBasis ?? "geschat",
      co2: shown(item.co2eKg),
      co2_basis: item.co2eBasis ?? "geschat",
    };
  };

  /** The page model of a saved route; `typed` keeps what a visitor typed in one measure's form after a problem. */
  async function pageModel(
    c: AppContext,
    token: string,
    route: SavedRoute,
    extra: Partial<MijnRoutePageModel> & { typed?: { code: string; values: Record<string, string> } } = {},
  ): Promise<MijnRoutePageModel> {
    const lang = c.get("lang");
    const t = mijnRouteMessages[lang];
    const found = route.packageSlug ? await deps.findPackage(route.packageSlug) : undefined;
    const facts = new Map(found?.measures.map((measure) => [measure.code, measure]) ?? []);
    const stepLabel = (code: string) => JOURNEY_STEP_LABELS[code as JourneyStep]?.[lang] ?? code;
    const municipality = geography.municipality(route.municipalityCode);
    const sectorName = deps.sectorName(route.sbi, lang) ?? route.sbi;
    const steps: ItemView[] = route.steps.map((step) => ({
      code: step.code,
      name: stepLabel(step.code),
      status: step.status,
      figures: [],
    }));
    const measures: ItemView[] = route.measures
      .filter((measure) => facts.has(measure.code))
      .map((measure) => {
        const fact = facts.get(measure.code)!;
        return {
          code: measure.code,
          name: fact.title[lang] || fact.title.nl,
          description: fact.description[lang] || fact.description.nl,
          meta: format(t.measureOf, {
            strategy: fact.strategy,
            theme: THEME_LABELS[fact.theme as keyof typeof THEME_LABELS]?.[lang] ?? fact.theme,
          }),
          status: measure.status,
          figures: figuresOf(measure, lang),
          form: extra.typed?.code === measure.code ? extra.typed.values : storedForm(measure, lang),
        };
      });
    const query = new URLSearchParams({
      regio: route.regionCode,
      gemeente: route.municipalityCode,
      sector: route.sbi,
      ...(route.scanResultId ? { resultaat: route.scanResultId } : {}),
      mijnroute: token,
    });
    const { typed: _typed, ...rest } = extra;
    return {
      path: mijnRoutePath(token),
      shareUrl: deps.absoluteUrl(mijnRoutePath(token)),
      version: route.version,
      createdAt: route.createdAt,
      municipalityName: municipality?.name ?? route.municipalityCode,
      sectorName,
      criteria: [
        { label: t.municipality, value: municipality?.name ?? route.municipalityCode },
        { label: t.sector, value: sectorName },
        { label: t.size, value: route.sizeClass ? SIZE_CLASS_LABELS[route.sizeClass][lang] : t.none },
        {
          label: t.help,
          value: route.help.length
            ? route.help.map((help) => HELP_LABELS[help]?.[lang] ?? help).join(", ")
            : t.none,
        },
      ],
      phase: PHASE_LABELS[route.phase][lang],
      startPhase: PHASE_LABELS[route.startPhase][lang],
      phaseMoved: route.phase !== route.startPhase,
      nextStep: route.nextStep ? stepLabel(route.nextStep) : null,
      steps,
      measures,
      packageName: found ? found.name[lang] || found.name.nl : null,
      packageHref: found ? `/sectoren/${found.slug}` : null,
      routeHref: route.scanResultId
        ? `/scan/resultaat/${route.scanResultId}`
        : `/route?${new URLSearchParams({ gemeente: route.municipalityCode, sector: route.sbi })}`,
      intakeHref: `/intake?${query}`,
      email: { ...route.email, value: "" },
      problems: [],
      alertForm: (await deps.alertFormFor?.(route, token, lang)) ?? undefined,
      ...rest,
    };
  }

  /** The route behind the link in the path, after the policy's link-holder check (a wrong link: 404, audited). */
  async function heldRoute(
    c: AppContext,
    action: "mijn_route.read" | "mijn_route.update" | "mijn_route.email",
  ) {
    const token = c.req.param("token") ?? "";
    const route = isTokenShape(token) ? await service.view(token) : undefined;
    await guard.authorizeLink(c, action, route !== undefined, LINK_SUBJECT);
    return { token, route: route! };
  }

  const render = async (
    c: AppContext,
    token: string,
    route: SavedRoute,
    extra: Parameters<typeof pageModel>[3],
    status: 200 | 400 | 409 = 200,
  ) =>
    renderPage(
      c,
      <MijnRoutePage page={pageContext(c)} model={await pageModel(c, token, route, extra)} />,
      status,
    );

  const versionOf = (values: Record<string, string>) => {
    const version = Number.parseInt(values.versie ?? "", 10);
    return Number.isSafeInteger(version) ? version : -1;
  };

  const formOf = async (c: AppContext) =>
    Object.fromEntries(Object.entries(await c.req.parseBody()).map(([key, value]) => [key, text(value)]));

  return (
    new Hono<AppEnv>()
      .use("/mijn-route/*", privateLinkHeaders)
      // What "Bewaar als Mijn route" will save, and the POST form with its CSRF token. The route and scan pages link
      // here, so they carry no per-session token and the one-click route stays in the page cache (ADR 0091).
      .get("/mijn-route/bewaren", async (c) => {
        const lang = c.get("lang");
        const t = mijnRouteMessages[lang];
        const one = (name: string) => c.req.query(name)?.trim() || undefined;
        const request = one("resultaat")
          ? { resultaat: one("resultaat") }
          : { gemeente: one("gemeente"), sector: one("sector") };
        const plan = await deps.planFor(request);
        if (!plan) throw notFound("route");
        const found = plan.packageSlug ? await deps.findPackage(plan.packageSlug) : undefined;
        const facts = new Map(found?.measures.map((measure) => [measure.code, measure]) ?? []);
        const municipality = geography.municipality(plan.municipalityCode);
        const fields: Record<string, string> = plan.scanResultId
          ? { resultaat: plan.scanResultId }
          : { gemeente: plan.municipalityCode, sector: plan.sbi };
        return renderPage(
          c,
          <KeepRoutePage
            page={pageContext(c)}
            model={{
              fields,
              criteria: [
                { label: t.municipality, value: municipality?.name ?? plan.municipalityCode },
                { label: t.sector, value: deps.sectorName(plan.sbi, lang) ?? plan.sbi },
                { label: t.size, value: plan.sizeClass ? SIZE_CLASS_LABELS[plan.sizeClass][lang] : t.none },
                {
                  label: t.help,
                  value: plan.help.length
                    ? plan.help.map((help) => HELP_LABELS[help]?.[lang] ?? help).join(", ")
                    : t.none,
                },
              ],
              phase: PHASE_LABELS[plan.phase][lang],
              nextStep: plan.nextStep
                ? (JOURNEY_STEP_LABELS[plan.nextStep as JourneyStep]?.[lang] ?? null)
                : null,
              packageName: found ? found.name[lang] || found.name.nl : null,
              measures: plan.measureCodes
                .map((code) => facts.get(code))
                .filter((fact) => fact !== undefined)
                .map((fact) => fact.title[lang] || fact.title.nl),
              backHref: `${
                plan.scanResultId
                  ? `/scan/resultaat/${plan.scanResultId}`
                  : `/route?${new URLSearchParams({ gemeente: plan.municipalityCode, sector: plan.sbi })}`
              }${lang === "en" ? `${plan.scanResultId ? "?" : "&"}lang=en` : ""}`,
            }}
          />,
        );
      })
      .post("/mijn-route", async (c) => {
        const values = await formOf(c);
        const plan = await deps.planFor({
          gemeente: values.gemeente || undefined,
          sector: values.sector || undefined,
          resultaat: values.resultaat || undefined,
        });
        // The form's fields are hidden and come from the route page: anything else is not a route we can save.
        if (!plan) throw notFound("route");
        const { token } = await service.create(plan);
        return c.redirect(`${mijnRoutePath(token)}?bewaard`, 303);
      })
      .get("/mijn-route/bevestigen/:confirm", (c) =>
        renderPage(
          c,
          <ConfirmEmailPage
            page={pageContext(c)}
            state="ask"
            action={`/mijn-route/bevestigen/${encodeURIComponent(c.req.param("confirm"))}`}
            days={EMAIL_CONFIRM_DAYS}
          />,
        ),
      )
      .post("/mijn-route/bevestigen/:confirm", async (c) => {
        const result = await service.confirmEmail(c.req.param("confirm"));
        if (result === "missing") throw notFound("confirmation");
        return renderPage(
          c,
          <ConfirmEmailPage
            page={pageContext(c)}
            state={result === "ok" ? "done" : "expired"}
            action=""
            days={EMAIL_CONFIRM_DAYS}
          />,
          result === "ok" ? 200 : 410,
        );
      })
      .get("/mijn-route/:token", async (c) => {
        const { token, route } = await heldRoute(c, "mijn_route.read");
        const t = mijnRouteMessages[c.get("lang")];
        const query = c.req.query();
        const notice =
          "bewaard" in query
            ? t.savedNotice
            : "gewijzigd" in query
              ? t.updatedNotice
              : "e-mail" in query
                ? format(t.emailSent, { days: EMAIL_CONFIRM_DAYS })
                : undefined;
        return render(c, token, route, { notice });
      })
      .post("/mijn-route/:token/stap/:code", async (c) => {
        const { token, route } = await heldRoute(c, "mijn_route.update");
        const values = await formOf(c);
        const code = c.req.param("code");
        const t = mijnRouteMessages[c.get("lang")];
        if (!isOneOf(PROGRESS_STATUSES, values.status))
          return render(
            c,
            token,
            route,
            { problems: [{ field: `stap-${code}-status`, message: t.errStatus }] },
            400,
          );
        const result = await service.setStep(token, code, values.status, versionOf(values));
        if (result === "missing") throw notFound("step");
        if (result === "conflict")
          return render(c, token, (await service.view(token))!, { conflict: true }, 409);
        return c.redirect(`${mijnRoutePath(token)}?gewijzigd#stap-${code}`, 303);
      })
      .post("/mijn-route/:token/maatregel/:code", async (c) => {
        const { token, route } = await heldRoute(c, "mijn_route.update");
        const lang = c.get("lang");
        const t = mijnRouteMessages[lang];
        const values = await formOf(c);
        const code = c.req.param("code");
        if (!route.measures.some((measure) => measure.code === code)) throw notFound("measure");
        const problems: FieldProblem[] = [];
        if (!isOneOf(PROGRESS_STATUSES, values.status))
          problems.push({ field: `maatregel-${code}-status`, message: t.errStatus });
        const figure = (field: "materiaal" | "euro" | "co2", label: string): number | null => {
          const typed = values[field] ?? "";
          const value = parseFigure(typed, lang);
          if (value === undefined) return null;
          if (Number.isNaN(value))
            problems.push({
              field: `m-${code}-${field}`,
              message: format(t.errNumber, { field: label.toLowerCase(), value: typed.slice(0, 40) }),
            });
          else if (value >= MAX_FIGURE)
            problems.push({
              field: `m-${code}-${field}`,
              message: format(t.errNumberTooBig, { field: label.toLowerCase() }),
            });
          return value;
        };
        const basis = (field: string): ResultBasis =>
          isOneOf(RESULT_BASES, values[`${field}_basis`])
            ? (values[`${field}_basis`] as ResultBasis)
            : "geschat";
        const results: MeasureResults = {
          materialKg: figure("materiaal", t.materialLabel),
          materialBasis: basis("materiaal"),
          euro: figure("euro", t.euroLabel),
          euroBasis: basis("euro"),
          co2eKg: figure("co2", t.co2Label),
          co2eBasis: basis("co2"),
        };
        if (problems.length)
          return render(c, token, route, { problems, problemForm: code, typed: { code, values } }, 400);
        const result = await service.setMeasure(
          token,
          code,
          values.status as SavedItem["status"],
          results,
          versionOf(values),
        );
        if (result === "missing") throw notFound("measure");
        if (result === "conflict")
          return render(
            c,
            token,
            (await service.view(token))!,
            { conflict: true, typed: { code, values } },
            409,
          );
        return c.redirect(`${mijnRoutePath(token)}?gewijzigd#maatregel-${code}`, 303);
      })
      .post("/mijn-route/:token/e-mail", async (c) => {
        const { token, route } = await heldRoute(c, "mijn_route.email");
        const lang = c.get("lang");
        const values = await formOf(c);
        const email = emailAddress.safeParse(values.email ?? "");
        if (!email.success)
          return render(
            c,
            token,
            route,
            {
              problems: [{ field: "email", message: mijnRouteMessages[lang].errEmail }],
              problemForm: "e-mail",
              email: { ...route.email, value: (values.email ?? "").slice(0, 254) },
            },
            400,
          );
        await service.requestEmail(token, email.data, lang);
        return c.redirect(`${mijnRoutePath(token)}?e-mail#e-mail`, 303);
      })
  );
}

/**
 * The dossier's panel of the route a case carries (the composition root hands it to the workspace; the workspace asks
 * the policy first, `case.saved_route.read`). Null when the case carries no route. The read is audited.
 */
export function dossierRoutePanel(deps: Pick<MijnRouteRouteDeps, "service" | "findPackage">) {
  return async (caseId: number, actor: AuditActor, lang: Lang): Promise<Child | null> => {
    const route = await deps.service.forCase(caseId, actor);
    if (!route) return null;
    const found = route.packageSlug ? await deps.findPackage(route.packageSlug) : undefined;
    const names = new Map(
      found?.measures.map((measure) => [measure.code, measure.title[lang] || measure.title.nl]) ?? [],
    );
    return (
      <SavedRoutePanel
        lang={lang}
        model={{
          phase: PHASE_LABELS[route.phase][lang],
          nextStep: route.nextStep ? JOURNEY_STEP_LABELS[route.nextStep][lang] : null,
          steps: route.steps.map((step) => ({
            name: JOURNEY_STEP_LABELS[step.code as JourneyStep]?.[lang] ?? step.code,
            status: step.status,
          })),
          measures: route.measures.map((measure) => ({
            name: names.get(measure.code) ?? measure.code,
            status: measure.status,
            figures: figuresOf(measure, lang),
          })),
        }}
      />
    );
  };
}
