import { Hono } from "hono";
import type { Child } from "hono/jsx";
import { format, type Localised } from "../../i18n/index.js";
import type { AppContext, AppEnv } from "../../web/context.js";
import { csvHeaders, toCsv } from "../../web/csv.js";
import { type FieldProblem, invalidInput, notFound } from "../../web/errors.js";
import { pageContext, renderPage } from "../../web/render.js";
import type { Area, Guard } from "../auth/index.js";
import { isOneOf, JOURNEY_STEPS, type JourneyStep, PHASES } from "../vocabulary/index.js";
import { regionsInArea } from "./areas.js";
import { isJourneyStep, isPhase } from "./coverage.js";
import { INDICATORS, type Indicator } from "./goals.js";
import { monitoringMessages } from "./monitoring.messages.js";
import { isoDay, type MonitoringService } from "./monitoring.service.js";
import { buildReport, parseArea, parsePeriod, quarterOf, type Report, type ReportSources } from "./report.js";
import { CellPage } from "./views/cell-page.js";
import { CoveragePage } from "./views/coverage-page.js";
import { EffectivenessPage } from "./views/effectiveness-page.js";
import { FunnelPage } from "./views/funnel-page.js";
import { GoalPage, GoalsPage } from "./views/goals-page.js";
import { percentValue, sectionsOpenTo } from "./views/monitor-parts.js";
import { OverviewPage } from "./views/overview-page.js";
import { RegionMonitorPage } from "./views/region-monitor-page.js";
import { ReportPage } from "./views/report-page.js";

export type MonitoringRouteDeps = {
  service: MonitoringService;
  provinces: { code: string; name: string }[];
  /** The auth module's guard: decides who sees exact figures and who sets goals for which area. */
  guard: Guard;
  /** What other modules add to the coordinator's report (barrier counts, the gap register); absent: empty. */
  report?: ReportSources;
  clock?: () => Date;
  /** The coverage page's panel of demand without usable offer (the gap view, ADR 0094). */
  demandPanel?: (c: AppContext) => Promise<Child>;
};

/** A goal with its progress, as the service's goal overview gives it. */
type GoalInOverview = Awaited<ReturnType<MonitoringService["goalOverview"]>>["standalone"][number];

/** A number as typed, with a decimal comma or point; NaN when it is none. */
const number = (text: string) => (text === "" ? Number.NaN : Number(text.replace(",", ".")));

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (value: string) =>
  DAY_PATTERN.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/**
 * /monitor pages: public aggregate figures (coverage and stars concern instruments, not people; counts of people
 * under 5 suppressed), exact for a coordinator within their area, and goals set by coordinators.
 */
export function monitoringRoutes({
  service,
  provinces,
  guard,
  report: reportSources = {},
  clock = () => new Date(),
  demandPanel,
}: MonitoringRouteDeps) {
  /** Reads and checks the funnel filter; defaults to the last 12 months of all regions. */
  const funnelQuery = (c: AppContext) => {
    const t = monitoringMessages[c.get("lang")];
    const today = isoDay(clock());
    const query = {
      region: (c.req.query("regio") ?? "").toUpperCase(),
      from: c.req.query("van") || isoDay(new Date(clock().getTime() - 364 * 24 * 3600 * 1000)),
      to: c.req.query("tot") || today,
    };
    const problems: FieldProblem[] = [];
    if (
      query.region &&
      !service.regions.some((region) => region.code === query.region) &&
      !provinceNames.has(query.region)
    )
      problems.push({ field: "regio", message: t.unknownRegion });
    if (!validDay(query.from)) problems.push({ field: "van", message: t.invalidDate });
    if (!validDay(query.to)) problems.push({ field: "tot", message: t.invalidDate });
    if (!problems.length && query.from > query.to) problems.push({ field: "van", message: t.invalidRange });
    return { query, problems };
  };
  const provinceNames = new Map(provinces.map((province) => [province.code, province.name]));
  const scopeName = (c: AppContext, regionCode: string) => {
    const t = monitoringMessages[c.get("lang")];
    const province = provinceNames.get(regionCode);
    if (province) return format(t.provincePrefix, { name: province });
    const region = service.regions.find((candidate) => candidate.code === regionCode);
    return region ? format(t.regionPrefix, { name: region.name }) : t.allRegions;
  };

  /** The monitor tabs this visitor may open: a restricted tab shows only when the policy allows its action somewhere. */
  const openSections = (c: AppContext) => sectionsOpenTo((action) => guard.areaFor(c, action) !== undefined);

  /** Exact funnel counts for a region (or the country, without one) when the policy lets this user see them. */
  const exactFunnel = (c: AppContext, regionCode: string) =>
    guard.may(c, "monitor.view_restricted", {
      area: provinceNames.has(regionCode)
        ? { level: "province", code: regionCode }
        : regionCode
          ? { level: "region", code: regionCode }
          : { level: "national" },
    });
  /** The funnel filter's area (a province or a region, or none) as the service's query (ADR 0095). */
  const funnelScope = (code: string) =>
    provinceNames.has(code)
      ? { regionCodes: regionsInArea({ level: "province", code }, service.regions) }
      : { regionCode: code || undefined };

  const areaName = (c: AppContext, level: string, code: string | null) => {
    const t = monitoringMessages[c.get("lang")];
    if (level === "national") return t.scopeNational;
    if (level === "region") return scopeName(c, code ?? "");
    return format(t.provincePrefix, { name: provinceNames.get(code ?? "") ?? code ?? "" });
  };

  /** A goal (with progress, as the goal overview gives it) as the views show it. */
  const goalView = (c: AppContext, goal: GoalInOverview) => ({
    ...goal,
    indicator: goal.indicator as Indicator,
    scopeName: areaName(c, goal.scopeLevel, goal.scopeCode),
  });

  /** The areas a province coordinator sets targets for: their province, then each region in it. */
  const breakdownAreas = (c: AppContext, own: Area) =>
    own.level === "province"
      ? [
          { area: own, label: areaName(c, "province", own.code) },
          ...regionsInArea(own, service.regions).map((code) => ({
            area: { level: "region" as const, code },
            label: areaName(c, "region", code),
          })),
        ]
      : [];

  return new Hono<AppEnv>()
    .get("/monitor", async (c) => {
      const overview = await service.overview();
      const model = {
        geometry: service.mapGeometry(),
        regions: overview.map((region) => ({
          code: region.code,
          name: region.name,
          stars: region.star.stars,
          missingForNext: region.star.missingForNext,
          gapCount: region.gaps.length,
          overlapCount: region.overlaps.length,
        })),
      };
      return renderPage(c, <OverviewPage page={pageContext(c)} sections={openSections(c)} model={model} />);
    })
    .get("/monitor/sterren.csv", async (c) => {
      const t = monitoringMessages[c.get("lang")];
      const overview = await service.overview();
      return c.body(
        toCsv(
          [t.code, t.region, t.stars, t.missingForNext, t.gaps, t.overlaps],
          overview.map((region) => [
            region.code,
            region.name,
            region.star.stars,
            region.star.missingForNext.map((id) => t.condition[id]).join("; "),
            region.gaps.length,
            region.overlaps.length,
          ]),
        ),
        200,
        csvHeaders("sterrenniveau.csv"),
      );
    })
    .get("/monitor/dekking", async (c) => {
      const [overview, stale, withoutOwn, panel] = await Promise.all([
        service.overview(),
        service.staleByProvider(),
        service.provincesWithoutOwnInstrument(),
        demandPanel?.(c),
      ]);
      // One step at a time (?stap=…), for narrow screens; an unknown step shows them all.
      const step = c.req.query("stap") ?? "";
      const model = {
        step: isJourneyStep(step) ? step : undefined,
        stale,
        provincesWithoutOwn: withoutOwn.map((province) => province.name),
        regions: overview.map((region) => ({
          code: region.code,
          name: region.name,
          stars: region.star.stars,
          cells: region.cells,
        })),
      };
      return renderPage(
        c,
        <CoveragePage page={pageContext(c)} sections={openSections(c)} model={model} demandPanel={panel} />,
      );
    })
    .get("/monitor/dekking.csv", async (c) => {
      const t = monitoringMessages[c.get("lang")];
      const overview = await service.overview();
      return c.body(
        toCsv(
          [t.code, t.region, t.funnelStage, t.phaseColumn, t.instruments],
          overview.flatMap((region) =>
            JOURNEY_STEPS.flatMap((step) =>
              PHASES.map((phase) => [region.code, region.name, step, phase, region.cells[step][phase]]),
            ),
          ),
        ),
        200,
        csvHeaders("dekking.csv"),
      );
    })
    .get("/monitor/regio/:code", async (c) => {
      const code = c.req.param("code");
      const region = (await service.overview()).find((candidate) => candidate.code === code.toUpperCase());
      if (!region) throw notFound("region");
      if (region.code !== code) return c.redirect(`/monitor/regio/${region.code}`, 301);
      const names = new Map<string, Localised>(
        (await service.instruments()).map((instrument) => [instrument.refId, instrument.name]),
      );
      return renderPage(
        c,
        <RegionMonitorPage page={pageContext(c)} sections={openSections(c)} model={{ region, names }} />,
      );
    })
    .get("/monitor/regio/:code/cel", async (c) => {
      const code = c.req.param("code").toUpperCase();
      const step = c.req.query("stap") ?? "";
      const phase = c.req.query("fase") ?? "";
      const region = service.regions.find((candidate) => candidate.code === code);
      if (!region || !isJourneyStep(step) || !isPhase(phase)) throw notFound("cell");
      const lang = c.get("lang");
      const instruments = (await service.cell(code, step, phase)) ?? [];
      return renderPage(
        c,
        <CellPage
          page={pageContext(c)}
          model={{
            regionCode: code,
            regionName: region.name,
            step,
            phase,
            instruments: instruments.map((i) => ({ slug: i.slug, name: i.name[lang], kind: i.kind })),
          }}
        />,
      );
    })
    .get("/monitor/klantreis", async (c) => {
      const { query, problems } = funnelQuery(c);
      const result = problems.length
        ? { exact: false, funnel: { stages: [], bySource: [] }, byDelivery: [] }
        : await service.funnel(
            { from: query.from, to: query.to, ...funnelScope(query.region) },
            exactFunnel(c, query.region),
          );
      const params = new URLSearchParams({
        regio: query.region,
        van: query.from,
        tot: query.to,
        lang: c.get("lang"),
      });
      return renderPage(
        c,
        <FunnelPage
          page={pageContext(c)}
          sections={openSections(c)}
          model={{
            regions: [
              ...provinces.map(({ code }) => ({ code, name: scopeName(c, code) })),
              ...service.regions.map(({ code, name }) => ({ code, name })),
            ],
            query,
            scopeName: scopeName(c, query.region),
            exact: result.exact,
            problems,
            stages: result.funnel.stages,
            bySource: result.funnel.bySource,
            byDelivery: result.byDelivery,
            csvHref: `/monitor/klantreis.csv?${params.toString()}`,
          }}
        />,
        problems.length ? 400 : 200,
      );
    })
    .get("/monitor/klantreis.csv", async (c) => {
      const t = monitoringMessages[c.get("lang")];
      const { query, problems } = funnelQuery(c);
      if (problems.length) throw invalidInput(problems);
      const { funnel } = await service.funnel(
        { from: query.from, to: query.to, ...funnelScope(query.region) },
        exactFunnel(c, query.region),
      );
      const shownCount = (value: number | null) => (value === null ? t.suppressed : value);
      const rate = (value: number | null) => (value === null ? null : percentValue(value));
      return c.body(
        toCsv(
          [t.source, t.funnelStage, t.funnelCount, t.funnelConversion, t.funnelLeadTime],
          [
            ...funnel.stages.map((stage) => [
              "",
              stage.stage,
              shownCount(stage.count),
              rate(stage.conversion),
              stage.leadTimeDays,
            ]),
            ...funnel.bySource.flatMap((row) => [
              [row.source ?? "", "route_shown", shownCount(row.routes), null, null],
              [row.source ?? "", "intake_requested", shownCount(row.intakes), rate(row.conversion), null],
            ]),
          ],
        ),
        200,
        csvHeaders("klantreis.csv"),
      );
    })
    .get("/monitor/effect", async (c) => {
      const lang = c.get("lang");
      const [result, instruments] = await Promise.all([
        service.effectiveness(guard.areaFor(c, "monitor.view_restricted")),
        service.instruments(),
      ]);
      const names = new Map(instruments.map((instrument) => [instrument.refId, instrument.name[lang]]));
      return renderPage(
        c,
        <EffectivenessPage
          page={pageContext(c)}
          sections={openSections(c)}
          model={{
            exact: result.exact,
            rows: result.rows.map((row) => ({ ...row, name: names.get(row.refId) ?? row.refId })),
          }}
        />,
      );
    })
    .get("/monitor/effect.csv", async (c) => {
      const t = monitoringMessages[c.get("lang")];
      const result = await service.effectiveness(guard.areaFor(c, "monitor.view_restricted"));
      const shownCount = (value: number | null) => (value === null ? t.suppressed : value);
      return c.body(
        toCsv(
          [
            "ref_id",
            t.referrals,
            t.outcomes,
            t.helpedRate,
            t.medianDays,
            t.declineReasons,
            t.provenEffective,
          ],
          result.rows.map((row) => [
            row.refId,
            shownCount(row.referrals),
            shownCount(row.outcomes),
            row.helpedRate === null ? null : percentValue(row.helpedRate),
            row.medianDaysToOutcome,
            row.declineReasons.map((reason) => `${reason.reason}: ${shownCount(reason.count)}`).join("; "),
            row.provenEffective ? t.yes : t.no,
          ]),
        ),
        200,
        csvHeaders("effect-instrumenten.csv"),
      );
    })
    .get("/monitor/doelen", (c) => renderGoals(c, {}, []))
    .post("/monitor/doelen", async (c) => {
      // Goals are set for the whole country, by the national coordinator; anyone else is refused (403, audited).
      await guard.authorize(
        c,
        "goal.create",
        { area: { level: "national" } },
        { type: "goal_area", id: "NL" },
      );
      const t = monitoringMessages[c.get("lang")];
      const form = (await c.req.parseBody()) as Record<string, string>;
      const values = {
        indicator: String(form.indicator ?? ""),
        beginwaarde: String(form.beginwaarde ?? "").trim(),
        streefwaarde: String(form.streefwaarde ?? "").trim(),
        datum: String(form.datum ?? "").trim(),
      };
      const problems = goalFieldProblems(c, values);
      if (!isOneOf(INDICATORS, values.indicator))
        problems.unshift({ field: "indicator", message: t.fieldRequired });
      if (problems.length) return renderGoals(c, values, problems);
      await service.createGoal(
        {
          indicator: values.indicator as Indicator,
          scopeLevel: "national",
          scopeCode: null,
          baseline: values.beginwaarde === "" ? null : number(values.beginwaarde),
          target: number(values.streefwaarde),
          deadline: values.datum,
        },
        guard.actorOf(c),
      );
      return c.redirect(`/monitor/doelen?lang=${c.get("lang")}`, 303);
    })
    .get("/monitor/doelen.csv", async (c) => {
      const t = monitoringMessages[c.get("lang")];
      const overview = await service.goalOverview(exactIn(c));
      const shown = (value: number | null | undefined) =>
        value === undefined ? null : value === null ? t.suppressed : value;
      const goals = [...overview.national.flatMap((goal) => [goal, ...goal.parts]), ...overview.standalone];
      return c.body(
        toCsv(
          [
            "id",
            t.goalColumn,
            t.indicator,
            t.scope,
            t.baseline,
            t.target,
            t.deadline,
            t.current,
            t.estimated,
            t.measured,
            t.status,
          ],
          [
            ...goals.map((goal) => [
              goal.id,
              goal.parentId,
              goal.indicator,
              goal.scopeCode ?? "NL",
              goal.baseline,
              goal.target,
              goal.deadline,
              shown(goal.current),
              shown(goal.split?.estimated),
              shown(goal.split?.measured),
              goal.status,
            ]),
            ...overview.unset.map((row) => [
              null,
              null,
              row.indicator,
              "NL",
              null,
              t.noTargetYet,
              null,
              shown(row.current),
              shown(row.split?.estimated),
              shown(row.split?.measured),
              null,
            ]),
          ],
        ),
        200,
        csvHeaders("doelen.csv"),
      );
    })
    .get("/monitor/doelen/:id{[0-9]+}", async (c) => renderGoal(c, Number(c.req.param("id"))))
    .post("/monitor/doelen/:id{[0-9]+}", async (c) => {
      const id = Number(c.req.param("id"));
      await guard.authorize(c, "goal.update", { area: { level: "national" } }, { type: "goal", id });
      const goal = await service.findGoal(id);
      if (goal?.scopeLevel !== "national") throw notFound("goal");
      const form = (await c.req.parseBody()) as Record<string, string>;
      const values = {
        beginwaarde: String(form.beginwaarde ?? "").trim(),
        streefwaarde: String(form.streefwaarde ?? "").trim(),
        datum: String(form.datum ?? "").trim(),
      };
      const problems = goalFieldProblems(c, values);
      if (values.beginwaarde === "")
        problems.unshift({ field: "beginwaarde", message: monitoringMessages[c.get("lang")].fieldNumber });
      const version = Number(form.versie);
      if (problems.length) return renderGoal(c, id, { values, problems });
      const result = await service.updateGoal(
        id,
        Number.isInteger(version) ? version : -1,
        { baseline: number(values.beginwaarde), target: number(values.streefwaarde), deadline: values.datum },
        guard.actorOf(c),
      );
      if (result === "missing") throw notFound("goal");
      if (result === "conflict") return renderGoal(c, id, { conflict: true }, 409);
      return c.redirect(`/monitor/doelen/${id}?lang=${c.get("lang")}`, 303);
    })
    .post("/monitor/doelen/:id{[0-9]+}/verdeling", async (c) => {
      const id = Number(c.req.param("id"));
      // A province coordinator breaks a national goal down within their own province; anyone else: 403, audited.
      const own = await guard.authorizeArea(c, "goal.breakdown");
      const goal = await service.findGoal(id);
      if (goal?.scopeLevel !== "national" || goal.parentId !== null) throw notFound("goal");
      const t = monitoringMessages[c.get("lang")];
      const form = (await c.req.parseBody()) as Record<string, string>;
      const areas = breakdownAreas(c, own);
      const problems: FieldProblem[] = [];
      const entries = areas.map((area) => {
        const text = String(form[`doel_${area.area.code}`] ?? "").trim();
        const versionText = String(form[`versie_${area.area.code}`] ?? "").trim();
        if (text !== "" && !Number.isFinite(number(text)))
          problems.push({ field: `doel_${area.area.code}`, message: t.fieldNumber });
        return {
          area: area.area,
          text,
          target: text === "" ? null : number(text),
          version: versionText === "" ? null : Number(versionText),
        };
      });
      if (problems.length)
        return renderGoal(c, id, undefined, 400, {
          problems,
          values: Object.fromEntries(entries.map((entry) => [entry.area.code, entry.text])),
        });
      const result = await service.breakdownGoal(
        id,
        entries.map(({ area, target, version }) => ({
          area,
          target,
          version: version !== null && Number.isInteger(version) ? version : null,
        })),
        guard.actorOf(c),
      );
      if (result === "missing") throw notFound("goal");
      if (result === "conflict") return renderGoal(c, id, undefined, 409, { conflict: true });
      return c.redirect(`/monitor/doelen/${id}?lang=${c.get("lang")}#verdeling`, 303);
    })
    .get("/monitor/rapport", async (c) => {
      const result = await reportFor(c);
      if (result.kind === "invalid")
        return renderPage(
          c,
          <ReportPage page={pageContext(c)} sections={openSections(c)} model={result.model} />,
          400,
        );
      if (c.req.query("formaat") === "csv")
        return c.body(
          reportCsv(c, result.report),
          200,
          csvHeaders(`rapport-${result.query.gebied}-${result.query.periode}.csv`),
        );
      const names = new Map(
        (await service.instruments()).map((instrument) => [instrument.refId, instrument.name]),
      );
      return renderPage(
        c,
        <ReportPage page={pageContext(c)} sections={openSections(c)} model={reportModel(c, result, names)} />,
      );
    });

  /** The goal fields' problems: baseline (optional) and target numbers, the deadline a day. */
  function goalFieldProblems(c: AppContext, values: Record<string, string>): FieldProblem[] {
    const t = monitoringMessages[c.get("lang")];
    const problems: FieldProblem[] = [];
    if (values.beginwaarde !== "" && !Number.isFinite(number(values.beginwaarde ?? "")))
      problems.push({ field: "beginwaarde", message: t.fieldNumber });
    if (!Number.isFinite(number(values.streefwaarde ?? "")))
      problems.push({ field: "streefwaarde", message: t.fieldNumber });
    if (!validDay(values.datum ?? "")) problems.push({ field: "datum", message: t.invalidDate });
    return problems;
  }

  /** Whether this viewer may see exact figures of an area (the policy decides). */
  function exactIn(c: AppContext) {
    return (area: Area) => guard.may(c, "monitor.view_restricted", { area });
  }

  /** The goals page; the national coordinator gets the form to set a goal. */
  async function renderGoals(c: AppContext, values: Record<string, string>, problems: FieldProblem[]) {
    const overview = await service.goalOverview(exactIn(c));
    const form = guard.may(c, "goal.create", { area: { level: "national" } })
      ? { values, problems }
      : undefined;
    return renderPage(
      c,
      <GoalsPage
        page={pageContext(c)}
        sections={openSections(c)}
        model={{
          national: overview.national.map((goal) => ({ ...goalView(c, goal), parts: goal.parts.length })),
          unset: overview.unset.map((row) => ({ ...row, indicator: row.indicator as Indicator })),
          standalone: overview.standalone.map((goal) => goalView(c, goal)),
          form,
        }}
      />,
      problems.length ? 400 : 200,
    );
  }

  /**
   * A national goal with its breakdown; the national coordinator gets the form to change it, a province coordinator
   * the form to break it down over their area (with what they entered when it had a problem).
   */
  async function renderGoal(
    c: AppContext,
    id: number,
    edit?: { values?: Record<string, string>; problems?: FieldProblem[]; conflict?: boolean },
    status: 200 | 400 | 409 = edit?.problems?.length ? 400 : 200,
    breakdown?: { values?: Record<string, string>; problems?: FieldProblem[]; conflict?: boolean },
  ) {
    const overview = await service.goalOverview(exactIn(c));
    const goal = overview.national.find((candidate) => candidate.id === id);
    if (!goal) throw notFound("goal");
    const own = guard.areaFor(c, "goal.breakdown");
    const mayEdit = guard.may(c, "goal.update", { area: { level: "national" } });
    const share = (target: number) =>
      goal.indicator === "referrals_helped_rate" || goal.target === 0
        ? null
        : Math.round((1000 * target) / goal.target) / 10;
    return renderPage(
      c,
      <GoalPage
        page={pageContext(c)}
        sections={openSections(c)}
        model={{
          goal: {
            ...goalView(c, goal),
            version: goal.version,
            provinceTargetSum: goal.provinceTargetSum,
            difference: goal.difference,
          },
          parts: goal.parts.map((part) => ({ ...goalView(c, part), share: share(part.target) })),
          edit: mayEdit
            ? {
                values: edit?.values ?? {
                  beginwaarde: String(goal.baseline),
                  streefwaarde: String(goal.target),
                  datum: goal.deadline,
                },
                problems: edit?.problems ?? [],
                conflict: edit?.conflict ?? false,
              }
            : undefined,
          breakdown: own
            ? {
                areas: breakdownAreas(c, own).map(({ area, label }) => {
                  const part = goal.parts.find((candidate) => candidate.scopeCode === area.code);
                  return {
                    code: area.code,
                    label,
                    value: breakdown?.values?.[area.code] ?? (part ? String(part.target) : ""),
                    version: part ? String(part.version) : "",
                  };
                }),
                problems: breakdown?.problems ?? [],
                conflict: breakdown?.conflict ?? false,
              }
            : undefined,
        }}
      />,
      breakdown?.problems?.length ? 400 : breakdown?.conflict ? 409 : status,
    );
  }

  /** Every area a report can be about, as the form names them: the country, each province, each region. */
  function reportAreas(c: AppContext) {
    return [
      { value: "NL", label: monitoringMessages[c.get("lang")].scopeNational },
      ...provinces.map((province) => ({
        value: province.code,
        label: areaName(c, "province", province.code),
      })),
      ...service.regions.map((region) => ({ value: region.code, label: areaName(c, "region", region.code) })),
    ];
  }

  /** Reads the report's filter (default: this quarter, the reader's own area), guards it, and builds the report. */
  async function reportFor(c: AppContext) {
    const t = monitoringMessages[c.get("lang")];
    const own = await guard.authorizeArea(c, "report.read");
    const ownCode = own.level === "national" ? "NL" : own.code;
    const query = {
      periode: (c.req.query("periode") ?? "").trim() || quarterOf(clock()),
      gebied: (c.req.query("gebied") ?? "").trim().toUpperCase() || ownCode,
    };
    const period = parsePeriod(query.periode);
    const area = parseArea(query.gebied, { provinces, regions: service.regions });
    const problems: FieldProblem[] = [];
    if (!period) problems.push({ field: "periode", message: t.invalidPeriod });
    if (!area) problems.push({ field: "gebied", message: t.unknownArea });
    if (!period || !area)
      return { kind: "invalid" as const, model: { query, areas: reportAreas(c), problems } };
    // An area outside the reader's own is refused like any other (403, audited).
    await guard.authorize(
      c,
      "report.read",
      { area },
      { type: "report", id: `${query.gebied} ${period.code}` },
    );
    const report = await buildReport(service, reportSources, {
      area,
      period,
      exact: exactIn(c),
      today: clock(),
    });
    return { kind: "ok" as const, query: { periode: period.code, gebied: query.gebied }, report };
  }

  /** The report's figures with names, for the page. */
  function reportModel(
    c: AppContext,
    result: { query: { periode: string; gebied: string }; report: Report },
    names: Map<string, Localised>,
  ) {
    const lang = c.get("lang");
    const t = monitoringMessages[lang];
    const { report, query } = result;
    const area = report.area;
    const regionName = (code: string) => service.regions.find((region) => region.code === code)?.name ?? code;
    return {
      query,
      areas: reportAreas(c),
      problems: [],
      report: {
        areaName: areaName(c, area.level, area.level === "national" ? null : area.code),
        periodName: report.period.quarter
          ? format(t.quarterName, { quarter: report.period.quarter, year: report.period.year })
          : format(t.yearName, { year: report.period.year }),
        periodDays: { from: report.period.from, to: report.period.to },
        csvHref: `/monitor/rapport?${new URLSearchParams({ ...query, formaat: "csv", lang }).toString()}`,
        stars: report.stars,
        gaps: report.gaps.map((row) => ({
          code: row.code,
          name: row.name,
          cells: row.gaps.map((gap) => `${t.step[gap.step]}, ${t.phase[gap.phase]}`),
        })),
        gapEntries: report.gapEntries.map((entry) => ({
          regionName: regionName(entry.regionCode),
          cell: [t.step[entry.step as JourneyStep] ?? entry.step, entry.sector].filter(Boolean).join(", "),
          owner: entry.owner,
          decision: entry.decision,
          deadline: entry.deadline,
          status: entry.status,
        })),
        funnel: report.funnel.funnel.stages,
        goals: report.goals.map((goal) => goalView(c, goal)),
        unset: report.unsetIndicators.map((row) => ({
          indicator: row.indicator as Indicator,
          current: row.current,
        })),
        effectiveness: report.effectiveness.rows.map((row) => ({
          name: names.get(row.refId)?.[lang] ?? row.refId,
          referrals: row.referrals,
          outcomes: row.outcomes,
          helpedRate: row.helpedRate,
        })),
        barriers: report.barriers.map((row) => ({
          theme: row.category,
          status: row.status,
          count: row.count,
          bodies: row.bodies ?? "",
        })),
      },
    };
  }

  /** The whole report as one CSV: section, item, and the figures, as the page shows them. */
  function reportCsv(c: AppContext, report: Report) {
    const t = monitoringMessages[c.get("lang")];
    const shown = (value: number | null | undefined) =>
      value === undefined ? null : value === null ? t.suppressed : value;
    const known = (value: number | null) => (value === null ? t.notKnown : value);
    type Row = (string | number | null)[];
    const rows: Row[] = [
      ...report.stars.map((row): Row => [t.reportStarsHeading, row.code, t.starsAtStart, known(row.start)]),
      ...report.stars.map((row): Row => [t.reportStarsHeading, row.code, t.starsAtEnd, known(row.end)]),
      ...report.stars.map((row): Row => [t.reportStarsHeading, row.code, t.starsChange, known(row.change)]),
      ...report.gaps.map(
        (row): Row => [
          t.reportCoverageHeading,
          row.code,
          t.gaps,
          row.gaps.length,
          row.gaps.map((gap) => `${gap.step}/${gap.phase}`).join("; "),
        ],
      ),
      ...report.gapEntries.map(
        (entry): Row => [
          t.reportGapEntriesHeading,
          entry.regionCode,
          [entry.step, entry.sector].filter(Boolean).join("/"),
          entry.status,
          `${entry.owner}; ${entry.decision}; ${entry.deadline ?? ""}`,
        ],
      ),
      ...report.funnel.funnel.stages.map(
        (stage): Row => [t.reportFunnelHeading, stage.stage, t.funnelCount, shown(stage.count)],
      ),
      ...report.goals.map(
        (goal): Row => [
          t.reportGoalsHeading,
          `${goal.id} ${goal.indicator} ${goal.scopeCode ?? "NL"}`,
          t.current,
          shown(goal.current),
          `${t.target}: ${goal.target}; ${t.deadline}: ${goal.deadline}; ${t.estimated}: ${shown(goal.split?.estimated) ?? ""}; ${t.measured}: ${shown(goal.split?.measured) ?? ""}; ${t.status}: ${goal.status}`,
        ],
      ),
      ...report.unsetIndicators.map(
        (row): Row => [t.reportGoalsHeading, row.indicator, t.current, shown(row.current), t.noTargetYet],
      ),
      ...report.effectiveness.rows.map(
        (row): Row => [
          t.reportEffectHeading,
          row.refId,
          t.referrals,
          shown(row.referrals),
          `${t.outcomes}: ${shown(row.outcomes)}; ${t.helpedRate}: ${row.helpedRate === null ? "" : percentValue(row.helpedRate)}`,
        ],
      ),
      ...report.barriers.map(
        (row): Row => [
          t.reportBarriersHeading,
          `${row.category}/${row.status}`,
          t.count,
          row.count,
          row.bodies ?? "",
        ],
      ),
    ];
    // Columns: section, item, what is counted, the figure, notes.
    return toCsv(
      [t.reportSection, t.reportItem, t.reportMeasure, t.reportValue, t.reportNote],
      rows.map((row) => [0, 1, 2, 3, 4].map((index) => row[index] ?? null)),
    );
  }
}
