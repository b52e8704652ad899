import { createRoute } from "@hono/zod-openapi";
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import type { Child } from "hono/jsx";
import { format, type Lang } from "../../i18n/index.js";
import { createApiRouter, problemResponses } from "../../web/api/api-router.js";
import { CAMPAIGN_PARAM, parseCampaignSource } from "../../web/campaign-source.js";
import type { AppContext, AppEnv, PageContext } from "../../web/context.js";
import { type FieldProblem, invalidInput, notFound } from "../../web/errors.js";
import type { AbsoluteUrl } from "../../web/links.js";
import { pageContext, renderPage } from "../../web/render.js";
import { alertSubscribeHref } from "../alerts/index.js";
import { type CardNames, formatExpected, presentCard } from "../catalogue/index.js";
import {
  checkPlaceField,
  type Geography,
  type LoketViewModel,
  type Municipality,
  municipalityPickerOptions,
  type PlaceChoiceModel,
  type PlaceOption,
  placeChoiceParam,
  placeNote,
  placeOptionLabel,
} from "../regions/index.js";
import {
  HELP_KINDS,
  type Help,
  isAvailable,
  type JourneyStep,
  type OfferableStatus,
  type Phase,
  SIZE_CLASSES,
  type SizeClass,
  THEMES,
  type Theme,
} from "../vocabulary/index.js";
import { parseSbi, type RouteReferenceData } from "./route.data.js";
import type { RouteProfile, RouteResult } from "./route.engine.js";
import { routeMessages } from "./route.messages.js";
import { cardFactsOf, presentRoute, reasonTexts, sbiCodeOf } from "./route.present.js";
import type { ScanResultsRepository } from "./route.repository.js";
import {
  choiceChecks,
  readScanState,
  routeRequestSchema,
  routeResponseSchema,
  SCAN_QUESTIONS,
  type ScanAnswers,
  type ScanQuestion,
  type ScanState,
  scanHref,
  scanStateParams,
  storedAnswersSchema,
} from "./route.schemas.js";
import { type Places, placesFromGeography, type RouteService, toRouteProfile } from "./route.service.js";
import { MOTIVATIONS, type Motivation, STAGES, type Stage } from "./route.vocabulary.js";
import type { Choice } from "./views/form-controls.js";
import { HomePage } from "./views/home-page.js";
import { RoutePage, type RoutePageModel } from "./views/route-page.js";
import { ScanPage } from "./views/scan-page.js";

export type RouteRoutesDeps = {
  geography: Geography;
  reference: RouteReferenceData;
  service: RouteService;
  scanResults: ScanResultsRepository;
  /** The loket of a region, or the national fallback: the referrals module supplies it (`loketFor`, ADR 0081). */
  loketFor: (regionCode: string, lang: Lang) => Promise<LoketViewModel>;
  /** Practice examples and measure packages for a sector (SBI code); the knowledge module fills this slot. */
  knowledgeForSector?: (sbi: string, lang: Lang) => Promise<Child | null>;
  /**
   * Records a journey event for the monitor's funnel (route shown, scan completed): no personal data. The
   * composition root supplies it (batched, ADR 0071). The pages do not wait for it: the visitor's page never waits
   * for the monitor's insert, and a failure is logged while the page still shows.
   */
  recordJourney?: (event: JourneyStepEvent) => Promise<void>;
  /** The share link of a saved result is absolute, on the configured public origin (ADR 0073). */
  absoluteUrl: AbsoluteUrl;
  /**
   * Records unmet demand for the monitor's gap view (ADR 0094): the route found nothing usable for the company's step.
   * The composition root supplies it (the monitoring module's demand log, once per visitor, cell and day).
   */
  recordUnmetDemand?: (c: AppContext, demand: UnmetRouteDemand) => Promise<void>;
  /**
   * "Bewaar als Mijn route" (ADR 0091): the mijn-route module's form, given the fields that name this route (municipality
   * and sector, or the scan result's id). The composition root fills this slot.
   */
  saveRouteForm?: (page: PageContext, fields: Record<string, string>) => Child;
};

/** What the route tells the monitor when it found nothing usable: codes only, nothing about the visitor. */
export type UnmetRouteDemand = {
  regionCode: string;
  sector: string;
  step: JourneyStep;
  phase: Phase;
  help: Help | null;
};

/**
 * Whether the route offers something usable for the company's next step: a recommendation that is open or doorlopend
 * (the vocabulary's isAvailable) and serves that step. Otherwise the route is unmet demand (ADR 0094).
 */
export function routeHasUsableOffer(result: Pick<RouteResult, "recommendations" | "nextStep">): boolean {
  return result.recommendations.some(
    ({ instrument }) => isAvailable(instrument.status) && instrument.journeySteps.includes(result.nextStep),
  );
}

/** Reports a route without usable offer; a failure is logged, never shown to the visitor. */
async function reportUnmetDemand(
  deps: Pick<RouteRoutesDeps, "recordUnmetDemand">,
  c: AppContext,
  profile: RouteProfile,
  result: RouteResult,
): Promise<void> {
  if (!deps.recordUnmetDemand || routeHasUsableOffer(result)) return;
  try {
    await deps.recordUnmetDemand(c, {
      regionCode: profile.location.regionCode,
      sector: profile.sbiSection,
      step: result.nextStep,
      phase: result.phase,
      help: profile.help[0] ?? null,
    });
  } catch (error) {
    c.get("logger").warn({ err: error }, "unmet demand not recorded");
  }
}

/** A step of a visitor's journey as the route pages report it: where, which sector, which campaign. */
export type JourneyStepEvent = {
  type: "route_shown" | "scan_completed";
  regionCode: string;
  sbiSection: string;
  source: string | null;
};

/** Shared by the pages and the API: everything around the engine's result. */
function routeContext(deps: RouteRoutesDeps) {
  const places: Places = placesFromGeography(deps.geography);
  const municipalityOptions = municipalityPickerOptions(deps.geography);
  const sectorChoices = (lang: Lang, current?: string): Choice[] => {
    const choices = deps.reference.sectorChoices.map((choice) => ({
      value: choice.code,
      label: choice.label[lang],
    }));
    // A valid code that is not one of the plain choices (from a link or the API) stays selectable.
    if (current && !choices.some((choice) => choice.value === current) && parseSbi(deps.reference, current))
      choices.unshift({ value: current, label: deps.reference.sectorName(current, lang) ?? current });
    return choices;
  };
  const loketFor = deps.loketFor;
  const municipalityName = (code: string) => deps.geography.municipality(code)?.name ?? code;
  // The name the picker offers ("Hengelo (Overijssel)"), which reads back to the same municipality.
  const pickerLabels = new Map(municipalityOptions.map((option) => [option.code, option.name]));
  const municipalityLabel = (code: string) => pickerLabels.get(code) ?? code;
  // Sector and place names in the cards' "voor wie" line (ADR 0088).
  const cardNames: CardNames = {
    sectorName: (code, lang) => deps.reference.sectorName(code, lang),
    placeName: (code) =>
      deps.geography.province(code)?.name ??
      deps.geography.region(code)?.name ??
      deps.geography.municipality(code)?.name ??
      code,
  };
  return {
    places,
    municipalityOptions,
    sectorChoices,
    loketFor,
    municipalityName,
    municipalityLabel,
    cardNames,
  };
}

/**
 * Counts every one-click route shown (GET /route answered 200 for a valid municipality code and sector) as a
 * `route_shown` journey event with the campaign source. A middleware, not part of the handler: mounted before any
 * page cache, it also counts the views a cache answers. Never fails the page.
 */
export function recordRouteViews(deps: Pick<RouteRoutesDeps, "geography" | "reference" | "recordJourney">) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    if (!deps.recordJourney || c.req.method !== "GET" || c.res.status !== 200) return;
    const municipality = deps.geography.municipality(c.req.query("gemeente") ?? "");
    const sbi = parseSbi(deps.reference, c.req.query("sector") ?? "");
    if (!municipality || !sbi) return;
    recordWithoutWaiting(deps.recordJourney, c, {
      type: "route_shown",
      regionCode: municipality.regionCode,
      sbiSection: sbi.section,
      source: parseCampaignSource(c.req.query(CAMPAIGN_PARAM)) ?? null,
    });
  });
}

/** Hands a journey event to the recorder and returns at once; a failure, now or later, is logged, never thrown. */
function recordWithoutWaiting(
  recordJourney: RouteRoutesDeps["recordJourney"],
  c: AppContext,
  event: JourneyStepEvent,
): void {
  if (!recordJourney) return;
  const logger = c.get("logger");
  const warn = (error: unknown) =>
    logger.warn({ err: error, type: event.type }, "journey event not recorded");
  try {
    recordJourney(event).catch(warn);
  } catch (error) {
    warn(error);
  }
}

/** Pages: the home form (/), the one-click route (/route), the scan (/scan) and saved results. */
export function routeRoutes(deps: RouteRoutesDeps) {
  const { reference, service, scanResults, geography } = deps;
  const shared = routeContext(deps);
  const withSource = (path: string, source: string | undefined) =>
    source ? `${path}${path.includes("?") ? "&" : "?"}${CAMPAIGN_PARAM}=${source}` : path;

  /** Renders the route page for a profile. */
  const renderRoute = async (
    c: AppContext,
    profile: RouteProfile,
    extra: Pick<RoutePageModel, "placeNote" | "tellMoreHref" | "answers" | "changeHref" | "shareUrl">,
    source?: string,
  ) => {
    const lang = c.get("lang");
    const result = await service.routeFor(profile, 10);
    await reportUnmetDemand(deps, c, profile, result);
    const sbi = sbiCodeOf(profile);
    const loket = await shared.loketFor(profile.location.regionCode, lang);
    const resultId = extra.shareUrl?.split("/scan/resultaat/")[1];
    const intake = new URLSearchParams({
      regio: profile.location.regionCode,
      gemeente: profile.location.municipalityCode,
      sector: sbi,
      ...(resultId ? { resultaat: resultId } : {}),
      ...(source ? { [CAMPAIGN_PARAM]: source } : {}),
    });
    const model: RoutePageModel = {
      municipalityName: shared.municipalityName(profile.location.municipalityCode),
      sectorName: reference.sectorName(sbi, lang) ?? sbi,
      regionCode: profile.location.regionCode,
      regionName: profile.location.regionName,
      route: presentRoute(result, lang, reference, shared.cardNames),
      loket,
      // A region without a hub sends the request to the national queue (ADR 0081): the intake works everywhere.
      conversationHref: `/intake?${intake.toString()}`,
      // "Loopt u ergens tegenaan?": the barrier form with this route's municipality filled in.
      barrierHref: `/belemmering-melden?gemeente=${encodeURIComponent(profile.location.municipalityCode)}`,
      knowledge: (await deps.knowledgeForSector?.(sbi, lang)) ?? null,
      // "Houd me op de hoogte" with this route's place, sector and phase (ADR 0092).
      alertsHref: alertSubscribeHref(
        { gemeente: profile.location.municipalityCode, sector: sbi, fase: result.phase },
        lang,
      ),
      saveRoute:
        deps.saveRouteForm?.(
          pageContext(c),
          resultId ? { resultaat: resultId } : { gemeente: profile.location.municipalityCode, sector: sbi },
        ) ?? null,
      ...extra,
    };
    // A saved scan result holds a company's answers behind an unguessable link: no cache may keep it. The one-click
    // route is the same for everyone with that municipality and sector, so the shell's page caching applies.
    if (extra.shareUrl) c.header("Cache-Control", "no-store");
    return renderPage(c, <RoutePage page={pageContext(c)} model={model} />);
  };

  /** Checks municipality (or place) and sector as typed; returns the municipality and SBI, or the problems. */
  const checkPlaceAndSector = (
    lang: Lang,
    typedMunicipality: string | undefined,
    sector: string | undefined,
    chosenMunicipality?: string,
  ) => {
    const t = routeMessages[lang].home;
    const problems: FieldProblem[] = [];
    const place = checkPlaceField(geography, lang, "gemeente", typedMunicipality, chosenMunicipality);
    if (!place.ok) problems.push({ field: "gemeente", message: place.problem });
    const sbi = sector ? parseSbi(reference, sector) : undefined;
    if (!sector) problems.push({ field: "sector", message: t.sectorEmpty });
    else if (!sbi) problems.push({ field: "sector", message: t.sectorUnknown });
    return {
      problems,
      municipality: place.ok ? place.municipality : undefined,
      placeName: place.ok ? place.placeName : undefined,
      municipalityChoice: place.ok ? undefined : place.choice,
      sbi,
    };
  };

  const renderHome = (
    c: AppContext,
    values: { municipality?: string; sector?: string },
    problems: FieldProblem[],
    municipalityChoice?: PlaceChoiceModel,
  ) =>
    renderPage(
      c,
      <HomePage
        page={pageContext(c)}
        model={{
          municipalities: shared.municipalityOptions,
          sectors: shared.sectorChoices(c.get("lang"), values.sector),
          municipality: values.municipality,
          municipalityChoice,
          sector: values.sector,
          problems,
        }}
      />,
      problems.length ? 400 : 200,
    );

  /** A scan question page, with the given problems (status 400 when there are any). */
  const renderQuestion = (
    c: AppContext,
    state: ScanState,
    question: ScanQuestion,
    problems: FieldProblem[],
    municipalityChoice?: PlaceChoiceModel,
  ) => {
    const lang = c.get("lang");
    const t = routeMessages[lang];
    const step = SCAN_QUESTIONS.indexOf(question) + 1;
    const raw = state[question];
    let value = Array.isArray(raw) ? raw : raw ? [raw] : [];
    if (question === "gemeente" && raw && typeof raw === "string") {
      // Show the name, not the code the answer travels as.
      value = [shared.municipalityLabel(raw)];
    }
    const choices: Choice[] =
      question === "grootte"
        ? SIZE_CLASSES.map((size) => ({ value: size, label: t.sizes[size] }))
        : question === "situatie"
          ? STAGES.map((stage) => ({ value: stage, label: t.stages[stage] }))
          : question === "motivatie"
            ? MOTIVATIONS.map((motivation) => ({ value: motivation, label: t.motivations[motivation] }))
            : question === "thema"
              ? THEMES.map((theme) => ({ value: theme, label: t.themes[theme] }))
              : question === "hulp"
                ? HELP_KINDS.map((help) => ({ value: help, label: t.help[help] }))
                : question === "sector"
                  ? shared.sectorChoices(lang, state.sector)
                  : [];
    const backHref =
      step > 1
        ? scanHref(state, step - 1)
        : state.gemeente && state.sector
          ? withSource(
              `/route?${new URLSearchParams({ gemeente: state.gemeente, sector: state.sector })}`,
              state.bron,
            )
          : "/";
    c.header("Cache-Control", "no-store");
    return renderPage(
      c,
      <ScanPage
        page={pageContext(c)}
        model={{
          question,
          step,
          carried: scanStateParams(state, question),
          value,
          backHref,
          problems,
          choices,
          municipalities: shared.municipalityOptions,
          municipalityChoice,
          // The page right after the municipality question says where a place name led ("Scheveningen ligt in …").
          placeNote: state.gemeente
            ? placeNote(geography, lang, c.req.query("plaats"), state.gemeente)
            : undefined,
        }}
      />,
      problems.length ? 400 : 200,
    );
  };

  /** Checks one answer; on success returns the state with that answer in its stored form (a code). */
  const checkAnswer = (
    lang: Lang,
    state: ScanState,
    question: ScanQuestion,
    chosenMunicipality?: string,
  ): { state: ScanState; placeName?: string } | { problem: FieldProblem; choice?: PlaceChoiceModel } => {
    const t = routeMessages[lang];
    switch (question) {
      case "gemeente":
      case "sector": {
        const { problems, municipality, placeName, municipalityChoice } = checkPlaceAndSector(
          lang,
          state.gemeente,
          question === "sector" ? state.sector : "C",
          question === "gemeente" ? chosenMunicipality : undefined,
        );
        const problem = problems.find((item) => item.field === question);
        if (problem) return { problem, choice: question === "gemeente" ? municipalityChoice : undefined };
        return question === "gemeente"
          ? { state: { ...state, gemeente: municipality!.code }, placeName }
          : { state };
      }
      case "grootte":
        return choiceChecks.grootte(state)
          ? { state }
          : { problem: { field: question, message: t.scan.sizeEmpty } };
      case "situatie":
        return choiceChecks.situatie(state)
          ? { state }
          : { problem: { field: question, message: t.scan.stageEmpty } };
      case "motivatie":
        return choiceChecks.motivatie(state)
          ? { state }
          : { problem: { field: question, message: t.scan.motivationsEmpty } };
      case "thema":
        return choiceChecks.thema(state) ? { state } : { state: { ...state, thema: [] } };
      case "hulp":
        return choiceChecks.hulp(state)
          ? { state }
          : { problem: { field: question, message: t.scan.helpEmpty } };
    }
  };

  return new Hono<AppEnv>()
    .get("/", (c) => renderHome(c, {}, []))
    .get("/route", async (c) => {
      const typed = c.req.query("gemeente")?.trim();
      const sector = c.req.query("sector")?.trim();
      const source = parseCampaignSource(c.req.query(CAMPAIGN_PARAM));
      if (typed === undefined && sector === undefined) return c.redirect("/", 303);
      const { problems, municipality, placeName, municipalityChoice, sbi } = checkPlaceAndSector(
        c.get("lang"),
        typed,
        sector,
        c.req.query(placeChoiceParam("gemeente")),
      );
      if (problems.length || !municipality || !sbi)
        return renderHome(c, { municipality: typed, sector }, problems, municipalityChoice);
      const canonicalSector = sbi.division ?? sbi.section;
      if (typed !== municipality.code || sector !== canonicalSector) {
        // A place name becomes its municipality's code; the place rides along so the page can say where it lies.
        const plaats = placeName ?? c.req.query("plaats");
        const query = new URLSearchParams({ gemeente: municipality.code, sector: canonicalSector });
        if (plaats) query.set("plaats", plaats);
        return c.redirect(withSource(`/route?${query}`, source), 303);
      }
      const converted = toRouteProfile(
        { municipality: municipality.code, sbi: canonicalSector },
        shared.places,
        reference,
      );
      if (!("profile" in converted)) throw notFound("route");
      return renderRoute(
        c,
        converted.profile,
        {
          placeNote: placeNote(geography, c.get("lang"), c.req.query("plaats"), municipality.code),
          tellMoreHref: scanHref(
            {
              gemeente: municipality.code,
              sector: canonicalSector,
              motivatie: [],
              thema: [],
              hulp: [],
              ...(source ? { bron: source } : {}),
            },
            1,
          ),
        },
        source,
      );
    })
    .get("/scan", (c) => {
      const state = readScanState(
        (key) => c.req.query(key),
        (key) => c.req.queries(key) ?? [],
      );
      const answered = c.req.query("beantwoord");
      if (answered && (SCAN_QUESTIONS as readonly string[]).includes(answered)) {
        const question = answered as ScanQuestion;
        const checked = checkAnswer(
          c.get("lang"),
          state,
          question,
          c.req.query(placeChoiceParam("gemeente")),
        );
        if ("problem" in checked)
          return renderQuestion(c, state, question, [checked.problem], checked.choice);
        const next = Math.min(SCAN_QUESTIONS.indexOf(question) + 2, SCAN_QUESTIONS.length);
        const plaats = checked.placeName ? `&${new URLSearchParams({ plaats: checked.placeName })}` : "";
        return c.redirect(`${scanHref(checked.state, next)}${plaats}`, 303);
      }
      const step = Number.parseInt(c.req.query("stap") ?? "1", 10);
      const question =
        SCAN_QUESTIONS[Math.min(Math.max(Number.isFinite(step) ? step : 1, 1), SCAN_QUESTIONS.length) - 1]!;
      return renderQuestion(c, state, question, []);
    })
    .post("/scan/resultaat", async (c) => {
      const form = await c.req.formData();
      const state = readScanState(
        (key) => {
          const value = form.get(key);
          return typeof value === "string" ? value : undefined;
        },
        (key) => form.getAll(key).filter((value): value is string => typeof value === "string"),
      );
      let checkedState: ScanState = state;
      for (const question of SCAN_QUESTIONS) {
        const checked = checkAnswer(c.get("lang"), checkedState, question);
        if ("problem" in checked) {
          // The last question is on this page: show its error. An earlier one: go back to it.
          if (question === "hulp") return renderQuestion(c, checkedState, question, [checked.problem]);
          return c.redirect(scanHref(checkedState, SCAN_QUESTIONS.indexOf(question) + 1), 303);
        }
        checkedState = checked.state;
      }
      const sbi = parseSbi(reference, checkedState.sector!)!;
      const answers: ScanAnswers = {
        sizeClass: checkedState.grootte as SizeClass,
        municipality: checkedState.gemeente!,
        sbi: sbi.division ?? sbi.section,
        stage: checkedState.situatie as Stage,
        motivations: checkedState.motivatie as Motivation[],
        themes: checkedState.thema as Theme[],
        help: checkedState.hulp as Help[],
      };
      const id = await scanResults.save(answers);
      const regionCode = geography.municipality(answers.municipality)?.regionCode;
      if (regionCode)
        recordWithoutWaiting(deps.recordJourney, c, {
          type: "scan_completed",
          regionCode,
          sbiSection: sbi.section,
          source: checkedState.bron ?? null,
        });
      // The result's own address stays shareable; the campaign only rides along to the intake link.
      return c.redirect(withSource(`/scan/resultaat/${id}`, checkedState.bron), 303);
    })
    .get("/scan/resultaat/:id", async (c) => {
      const stored = storedAnswersSchema.safeParse(await scanResults.find(c.req.param("id")));
      if (!stored.success) throw notFound("scan result");
      const answers = stored.data;
      const converted = toRouteProfile(answers, shared.places, reference);
      if (!("profile" in converted)) throw notFound("scan result");
      const lang = c.get("lang");
      const t = routeMessages[lang];
      const list = (items: string[]) => (items.length ? items.join(", ") : t.route.none);
      const state: ScanState = {
        grootte: answers.sizeClass,
        gemeente: answers.municipality,
        sector: answers.sbi,
        situatie: answers.stage,
        motivatie: answers.motivations,
        thema: answers.themes,
        hulp: answers.help,
      };
      const source = parseCampaignSource(c.req.query(CAMPAIGN_PARAM));
      if (source) state.bron = source;
      return renderRoute(
        c,
        converted.profile,
        {
          answers: [
            { label: t.route.size, value: t.sizes[answers.sizeClass] },
            { label: t.route.municipality, value: shared.municipalityName(answers.municipality) },
            { label: t.route.sector, value: reference.sectorName(answers.sbi, lang) ?? answers.sbi },
            { label: t.route.stage, value: t.stages[answers.stage] },
            {
              label: t.route.motivations,
              value: list(answers.motivations.map((code) => t.motivations[code])),
            },
            { label: t.route.themes, value: list(answers.themes.map((code) => t.themes[code])) },
            { label: t.route.help, value: list(answers.help.map((code) => t.help[code])) },
          ],
          changeHref: scanHref(state, 1),
          shareUrl: deps.absoluteUrl(`/scan/resultaat/${encodeURIComponent(c.req.param("id"))}`),
        },
        source,
      );
    });
}

const postRoute = createRoute({
  method: "post",
  path: "/route",
  summary: "Personal route: phase, next step, sector strategies and ranked support with reasons",
  tags: ["route"],
  request: { body: { content: { "application/json": { schema: routeRequestSchema } }, required: true } },
  responses: {
    200: { description: "The route", content: { "application/json": { schema: routeResponseSchema } } },
    ...problemResponses,
  },
});

/**
 * The API's municipality field: a CBS code, a municipality or a place name. A name of several municipalities or a
 * typo is refused with the codes to send instead (the API does not guess).
 */
function lookupApiMunicipality(
  geography: Geography,
  typed: string,
): { municipality?: Municipality; placeName?: string; problem?: string } {
  const lookup = geography.lookupPlace(typed);
  const codes = (options: PlaceOption[]) =>
    options
      .map((option) => `${option.municipality.code} = ${placeOptionLabel(geography, option, "en")}`)
      .join(", ");
  switch (lookup.kind) {
    case "found":
      return {
        municipality: lookup.option.municipality,
        placeName: lookup.option.ownName ? undefined : lookup.option.placeName,
      };
    case "choice":
      return {
        problem: `"${typed.trim()}" is a place in ${lookup.options.length} municipalities: ${codes(lookup.options)}. Send one of these codes`,
      };
    case "suggestions":
      return {
        problem: `Unknown municipality or place "${typed.trim()}". Did you mean ${codes(lookup.options)}?`,
      };
    default:
      return {
        problem:
          "Unknown municipality or place: use a CBS code such as GM0153, or a municipality or place name",
      };
  }
}

/** POST /api/v1/route. */
export function routeApi(deps: RouteRoutesDeps) {
  const { reference, service } = deps;
  const shared = routeContext(deps);
  return createApiRouter().openapi(postRoute, async (c) => {
    // A POST only because the profile is a JSON body: it computes, it changes nothing (the page cache stays).
    c.set("changesNothing", true);
    const body = c.req.valid("json");
    const lang: Lang = body.lang ?? (/^\s*en\b/i.test(c.req.header("accept-language") ?? "") ? "en" : "nl");
    const place = lookupApiMunicipality(deps.geography, body.municipality);
    const converted = toRouteProfile(
      { ...body, municipality: place.municipality?.code ?? body.municipality },
      shared.places,
      reference,
    );
    if (!("profile" in converted))
      throw invalidInput(
        converted.unknown.map((field) => ({
          field,
          message:
            field === "municipality"
              ? (place.problem ?? "Unknown municipality")
              : "Unknown SBI 2008 code: use a section letter (A–U) or a 2-digit division",
        })),
      );
    const { profile } = converted;
    const result = await service.routeFor(profile, 10);
    await reportUnmetDemand(deps, c, profile, result);
    const loket = await shared.loketFor(profile.location.regionCode, lang);
    const reasons = reasonTexts(result, lang, reference.strategyNames);
    return c.json(
      {
        phase: result.phase,
        next_step: result.nextStep,
        municipality: {
          code: place.municipality!.code,
          name: place.municipality!.name,
          place_name: place.placeName ?? null,
        },
        region: { code: profile.location.regionCode, name: profile.location.regionName },
        loket: {
          name: loket.name,
          description: loket.description,
          url: loket.href,
          is_national_fallback: loket.isNationalFallback,
          // Every organisation with its public contact (null where unknown); demo hubs only in demo mode.
          organisations: loket.cards.map((card) => ({
            name: card.name,
            kind: card.kind,
            website: card.website,
            email: card.email,
            phone: card.phone,
            address: card.address,
            opening_hours: card.openingHours,
            is_demo: card.isDemo,
          })),
          intake: {
            queue: loket.intake.kind === "hub" ? "regional" : "national",
            recipient: loket.intake.recipientName,
          },
        },
        strategies: result.strategies.codes,
        common_reasons: reasons.common,
        recommendations: result.recommendations.map(({ instrument, score }, index) => {
          const card = presentCard(cardFactsOf(instrument), lang, shared.cardNames);
          return {
            id: instrument.id,
            ref_id: instrument.refId,
            name: instrument.name[lang] || instrument.name.nl,
            url: `/aanbod/${instrument.slug}`,
            score,
            reasons: reasons.perCard[index] ?? [],
            summary: card.summary,
            offer: {
              text: card.offer,
              kind: instrument.kind,
              amount_min: instrument.amountMin ?? null,
              amount_max: instrument.amountMax ?? null,
              percentage: instrument.percentage ?? null,
            },
            audience: card.audience,
            window: {
              open: instrument.windowOpen ?? null,
              close: instrument.windowClose,
              expected: instrument.expected
                ? `${instrument.expected.year}-${String(instrument.expected.month).padStart(2, "0")}`
                : null,
              text: card.when,
            },
            apply: { text: card.apply.text, url: card.apply.href ?? null },
            provider: { id: instrument.providerId ?? null, name: instrument.providerName },
            status: instrument.status as OfferableStatus,
            expected_window: instrument.expected
              ? `${instrument.expected.year}-${String(instrument.expected.month).padStart(2, "0")}`
              : null,
            expected_window_text:
              instrument.status === "verwacht"
                ? instrument.expected
                  ? format(routeMessages[lang].route.expectedWindow, {
                      month: formatExpected(instrument.expected, lang),
                    })
                  : routeMessages[lang].route.expectedUnknown
                : null,
            last_verified: instrument.lastVerified ?? null,
            stale: instrument.stale ?? false,
          };
        }),
      },
      200,
    );
  });
}
