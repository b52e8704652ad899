import { Hono } from "hono";
import type { Child } from "hono/jsx";
import { format, type Localised } from "../../i18n/index.js";
import type { AppContext, AppEnv } from "../../web/context.js";
import { csvHeaders, toCsv } from "../../web/csv.js";
import { type FieldProblem, invalidInput, notFound } from "../../web/errors.js";
import { pageContext, renderPage } from "../../web/render.js";
import type { Area, Guard } from "../auth/index.js";
import { JOURNEY_STEPS, PHASES } from "../vocabulary/index.js";
import { isJourneyStep, isPhase } from "./coverage.js";
import { INDICATORS, type Indicator } from "./goals.js";
import { monitoringMessages } from "./monitoring.messages.js";
import { isoDay, type MonitoringService } from "./monitoring.service.js";
import { CellPage } from "./views/cell-page.js";
import { CoveragePage } from "./views/coverage-page.js";
import { EffectivenessPage } from "./views/effectiveness-page.js";
import { FunnelPage } from "./views/funnel-page.js";
import { GoalsPage } from "./views/goals-page.js";
import { sectionsOpenTo } from "./views/monitor-parts.js";
import { OverviewPage } from "./views/overview-page.js";
import { RegionMonitorPage } from "./views/region-monitor-page.js";

export type MonitoringRouteDeps = {
  service: MonitoringService;
  provinces: { code: string; name: string }[];
  /** The auth module's guard: decides who sees exact figures and who sets goals for which area. */
  guard: Guard;
  clock?: () => Date;
  /** The coverage page's panel of demand without usable offer (the gap view, ADR 0094). */
  demandPanel?: (c: AppContext) => Promise<Child>;
};

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
    if (query.region && !service.regions.some((region) => region.code === query.region))
      problems.push({ field: "regio", message: t.unknownRegion });
    if (!validDay(query.from)) problems.push({ field: "van", message: t.invalidDate });
    if (!validDay(query.to)) problems.push({ field: "tot", message: t.invalidDate });
    if (!problems.length && query.from > query.to) problems.push({ field: "van", message: t.invalidRange });
    return { query, problems };
  };
  const provinceNames = new Map(provinces.map((province) => [province.code, province.name]));
  const scopeName = (c: AppContext, regionCode: string) => {
    const t = monitoringMessages[c.get("lang")];
    const region = service.regions.find((candidate) => candidate.code === regionCode);
    return region ? format(t.regionPrefix, { name: region.name }) : t.allRegions;
  };

  /** Every area a goal can be set for — the country, each province, each region — as the form names them. */
  const areaChoices = (c: AppContext): { value: string; label: string; area: Area }[] => {
    const t = monitoringMessages[c.get("lang")];
    return [
      { value: "national", label: t.scopeNational, area: { level: "national" } },
      ...[...provinceNames].map(([code, name]) => ({
        value: `province:${code}`,
        label: format(t.provincePrefix, { name }),
        area: { level: "province", code } as const,
      })),
      ...service.regions.map(({ code }) => ({
        value: `region:${code}`,
        label: scopeName(c, code),
        area: { level: "region", code } as const,
      })),
    ];
  };

  /** The monitor tabs this visitor may open: a restricted tab shows only when the policy allows its action somewhere. */
  const openSections = (c: AppContext) => sectionsOpenTo((action) => guard.areaFor(c, action) !== undefined);

  /** Exact funnel counts for a region (or the country, without one) when the policy lets this user see them. */
  const exactFunnel = (c: AppContext, regionCode: string) =>
    guard.may(c, "monitor.view_restricted", {
      area: regionCode ? { level: "region", code: regionCode } : { level: "national" },
    });

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
            { from: query.from, to: query.to, regionCode: query.region || undefined },
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
            regions: service.regions.map(({ code, name }) => ({ code, name })),
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
        { from: query.from, to: query.to, regionCode: query.region || undefined },
        exactFunnel(c, query.region),
      );
      const shownCount = (value: number | null) => (value === null ? t.suppressed : value);
      const rate = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);
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
            row.helpedRate === null ? null : Math.round(row.helpedRate * 1000) / 10,
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
      // Only someone who may set goals for their own area gets this far; anyone else's attempt is refused (403).
      await guard.authorizeArea(c, "goal.create");
      const t = monitoringMessages[c.get("lang")];
      const form = (await c.req.parseBody()) as Record<string, string>;
      const values = {
        indicator: String(form.indicator ?? ""),
        gebied: String(form.gebied ?? ""),
        beginwaarde: String(form.beginwaarde ?? "").trim(),
        streefwaarde: String(form.streefwaarde ?? "").trim(),
        datum: String(form.datum ?? "").trim(),
      };
      const problems: FieldProblem[] = [];
      if (!(INDICATORS as readonly string[]).includes(values.indicator))
        problems.push({ field: "indicator", message: t.fieldRequired });
      const area = areaChoices(c).find((choice) => choice.value === values.gebied)?.area;
      if (!area) problems.push({ field: "gebied", message: t.fieldRequired });
      const number = (text: string) => (text === "" ? Number.NaN : Number(text.replace(",", ".")));
      if (!Number.isFinite(number(values.beginwaarde)))
        problems.push({ field: "beginwaarde", message: t.fieldNumber });
      if (!Number.isFinite(number(values.streefwaarde)))
        problems.push({ field: "streefwaarde", message: t.fieldNumber });
      if (!validDay(values.datum)) problems.push({ field: "datum", message: t.invalidDate });
      if (problems.length || !area) return renderGoals(c, values, problems);
      // An area outside their own is refused like any other (audited), and explained at the field.
      if (!(await guard.permits(c, "goal.create", { area }, { type: "goal_area", id: values.gebied })))
        return renderGoals(c, values, [{ field: "gebied", message: t.scopeOutside }]);
      await service.createGoal({
        indicator: values.indicator as Indicator,
        scopeLevel: area.level,
        scopeCode: area.level === "national" ? null : area.code,
        baseline: number(values.beginwaarde),
        target: number(values.streefwaarde),
        deadline: values.datum,
      });
      return c.redirect("/monitor/doelen", 303);
    })
    .get("/monitor/doelen.csv", async (c) => {
      const t = monitoringMessages[c.get("lang")];
      const goals = await service.goals();
      return c.body(
        toCsv(
          [t.indicator, t.scope, t.baseline, t.target, t.deadline, t.current, t.status],
          goals.map((goal) => [
            goal.indicator,
            goal.scopeCode ?? "NL",
            goal.baseline,
            goal.target,
            goal.deadline,
            goal.current,
            goal.status,
          ]),
        ),
        200,
        csvHeaders("doelen.csv"),
      );
    });

  /** The goals page; whoever may set goals gets the form, with the areas the policy allows them. */
  async function renderGoals(c: AppContext, values: Record<string, string>, problems: FieldProblem[]) {
    const t = monitoringMessages[c.get("lang")];
    const goals = await service.goals();
    const nameOf = (level: string, code: string | null) => {
      if (level === "national") return t.scopeNational;
      if (level === "region") return scopeName(c, code ?? "");
      return format(t.provincePrefix, { name: provinceNames.get(code ?? "") ?? code ?? "" });
    };
    const form = guard.areaFor(c, "goal.create")
      ? {
          values,
          problems,
          scopes: areaChoices(c)
            .filter((choice) => guard.may(c, "goal.create", { area: choice.area }))
            .map(({ value, label }) => ({ value, label })),
        }
      : undefined;
    return renderPage(
      c,
      <GoalsPage
        page={pageContext(c)}
        sections={openSections(c)}
        model={{
          goals: goals.map((goal) => ({
            ...goal,
            indicator: goal.indicator as Indicator,
            scopeName: nameOf(goal.scopeLevel, goal.scopeCode),
          })),
          form,
        }}
      />,
      problems.length ? 400 : 200,
    );
  }
}
