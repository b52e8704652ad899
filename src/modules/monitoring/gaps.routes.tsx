import { Hono } from "hono";
import { format, formatDate, type Lang } from "../../i18n/index.js";
import type { AppContext, AppEnv } from "../../web/context.js";
import type { FieldProblem } from "../../web/errors.js";
import { notFound } from "../../web/errors.js";
import { pageContext, renderPage } from "../../web/render.js";
import type { Area, Guard } from "../auth/index.js";
import {
  GAP_DECISIONS,
  GAP_STATUSES,
  type GapDecision,
  type GapStatus,
  isOneOf,
  JOURNEY_STEPS,
  type JourneyStep,
  vocabularyLabel,
} from "../vocabulary/index.js";
import { regionsInArea } from "./areas.js";
import { suppress } from "./funnel.js";
import type { GapEntry, GapRegister } from "./gap-register.js";
import { gapsMessages } from "./gaps.messages.js";
import type { GapCellWithEntry, GapsService } from "./gaps.service.js";
import type { RegionGeo } from "./monitoring.types.js";
import {
  CoverageDemandPanel,
  type GapEntryModel,
  GapFormPage,
  type GapRowModel,
  GapsPage,
  WorkspaceGapsPage,
} from "./views/gaps-page.js";
import { sectionsOpenTo } from "./views/monitor-parts.js";

export type GapsRouteDeps = {
  gaps: GapsService;
  register: GapRegister;
  regions: readonly RegionGeo[];
  guard: Guard;
  /** The organisations a gap can be assigned to (the auth module's list), by id and name. */
  organisations: () => Promise<{ id: string; name: string }[]>;
  /** The SBI 2008 sections a gap can be about, named in words, for the sector choice. */
  sectors: (lang: Lang) => { code: string; name: string }[];
  clock?: () => Date;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (value: string) => DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
const NOTE_MAX = 2000;

/**
 * /monitor/gaten (the gap view and the register) and /werkruimte/gaten (the owners' page), ADR 0094. The view is
 * public with small demand counts suppressed; the register's notes and forms follow the policy table: `gap.assign`
 * (a coordinator within their area), `gap.read` and `gap.update` (that coordinator, or the organisation aan zet).
 */
export function gapsRoutes(deps: GapsRouteDeps) {
  const { gaps, register, guard } = deps;
  const regionName = (code: string) => deps.regions.find((region) => region.code === code)?.name ?? code;
  const regionArea = (code: string): Area => ({ level: "region", code });
  const sectorName = (lang: Lang, code: string) =>
    code === ""
      ? gapsMessages[lang].allSectors
      : (deps.sectors(lang).find((sector) => sector.code === code)?.name ?? code);
  const openSections = (c: AppContext) => sectionsOpenTo((action) => guard.areaFor(c, action) !== undefined);
  const resourceOf = (entry: Pick<GapEntry, "regionCode" | "organisationId">) => ({
    area: regionArea(entry.regionCode),
    organisationId: entry.organisationId,
  });

  const entryModel = (c: AppContext, entry: GapEntry, changeBase: string): GapEntryModel => {
    const lang = c.get("lang");
    const t = gapsMessages[lang];
    return {
      id: entry.id,
      region: regionName(entry.regionCode),
      step: t.step_[entry.step],
      sector: sectorName(lang, entry.sector),
      owner: entry.organisationName,
      decision: t.decisions[entry.decision] ?? entry.decision,
      deadline: entry.deadline,
      status: t.statuses[entry.status] ?? entry.status,
      overdue: entry.overdue,
      note: guard.may(c, "gap.read", resourceOf(entry)) ? entry.note : undefined,
      changeHref: guard.may(c, "gap.update", resourceOf(entry)) ? `${changeBase}/${entry.id}` : undefined,
    };
  };

  const rowModel = (c: AppContext, cell: GapCellWithEntry): GapRowModel => {
    const lang = c.get("lang");
    const t = gapsMessages[lang];
    const exact = guard.may(c, "monitor.view_restricted", { area: regionArea(cell.regionCode) });
    const shown = exact ? cell.demand : suppress(cell.demand);
    // Any cell with demand can be taken up: a gap to fill, or offer to scale up, merge or stop.
    const assignable = !cell.entry && guard.may(c, "gap.assign", { area: regionArea(cell.regionCode) });
    return {
      region: cell.regionName,
      step: t.step_[cell.step],
      sector: sectorName(lang, cell.sector),
      demand: shown === null ? "<5" : String(shown),
      supply: cell.supply,
      gap: cell.gap,
      owner: cell.entry?.organisationName,
      status: cell.entry ? t.statuses[cell.entry.status] : undefined,
      overdue: cell.entry?.overdue,
      assignHref: assignable
        ? `/monitor/gaten/nieuw?${new URLSearchParams({ regio: cell.regionCode, stap: cell.step, sector: cell.sector })}`
        : undefined,
    };
  };

  const options = (c: AppContext) => {
    const lang = c.get("lang");
    const t = gapsMessages[lang];
    return {
      steps: JOURNEY_STEPS.map((step) => ({ value: step, label: t.step_[step] })),
      sectors: [
        { value: "", label: t.allSectors },
        // By name: without their letters, sections in SBI order would look shuffled.
        ...deps
          .sectors(lang)
          .map((sector) => ({ value: sector.code, label: sector.name }))
          .sort((a, b) => a.label.localeCompare(b.label, lang)),
      ],
      decisions: [
        { value: "", label: "" },
        ...GAP_DECISIONS.map((decision) => ({
          value: decision,
          label: vocabularyLabel("gap_decision", decision, lang),
        })),
      ],
      statuses: GAP_STATUSES.map((status) => ({
        value: status,
        label: vocabularyLabel("gap_status", status, lang),
      })),
    };
  };

  const organisationOptions = async (c: AppContext) => [
    { value: "", label: gapsMessages[c.get("lang")].chooseOrganisation },
    ...(await deps.organisations()).map((organisation) => ({
      value: organisation.id,
      label: organisation.name,
    })),
  ];

  /** The form for a new entry, for a coordinator within whose area the chosen region lies. */
  async function renderNew(
    c: AppContext,
    area: Area,
    values: Record<string, string>,
    problems: FieldProblem[],
  ) {
    const choice = options(c);
    const regions = regionsInArea(area, [...deps.regions]).map((code) => ({
      value: code,
      label: regionName(code),
    }));
    return renderPage(
      c,
      <GapFormPage
        page={pageContext(c)}
        model={{
          values,
          problems,
          assignment: {
            regions,
            steps: choice.steps,
            sectors: choice.sectors,
            organisations: await organisationOptions(c),
            decisions: choice.decisions,
          },
          statuses: choice.statuses,
          action: "/monitor/gaten",
          back: "/monitor/gaten",
        }}
      />,
      problems.length ? 400 : 200,
    );
  }

  /** The change form of an entry: the coordinator's fields when the policy lets them assign there. */
  async function renderChange(
    c: AppContext,
    entry: GapEntry,
    values: Record<string, string>,
    problems: FieldProblem[],
    place: { action: string; back: string },
    status: 200 | 400 | 409 = 200,
    conflict = false,
  ) {
    const lang = c.get("lang");
    const t = gapsMessages[lang];
    const choice = options(c);
    const full =
      guard.may(c, "gap.assign", { area: regionArea(entry.regionCode) }) && place.back === "/monitor/gaten";
    return renderPage(
      c,
      <GapFormPage
        page={pageContext(c)}
        model={{
          existing: {
            id: entry.id,
            version: entry.version,
            updatedAt: formatDate(entry.updatedAt, lang),
            cell: format(t.cellName, {
              region: regionName(entry.regionCode),
              step: t.step_[entry.step],
              sector: sectorName(lang, entry.sector),
            }),
          },
          values,
          problems,
          conflict,
          assignment: full
            ? {
                regions: [],
                steps: [],
                sectors: [],
                organisations: await organisationOptions(c),
                decisions: choice.decisions,
              }
            : undefined,
          statuses: choice.statuses,
          action: place.action,
          back: place.back,
        }}
      />,
      status,
    );
  }

  const entryValues = (entry: GapEntry): Record<string, string> => ({
    organisation: entry.organisationId,
    decision: entry.decision,
    deadline: entry.deadline,
    status: entry.status,
    note: entry.note,
  });

  const readForm = async (c: AppContext) => {
    const body = await c.req.parseBody();
    const text = (key: string) => (typeof body[key] === "string" ? (body[key] as string).trim() : "");
    return {
      values: {
        region: text("region").toUpperCase(),
        step: text("step"),
        sector: text("sector").toUpperCase(),
        organisation: text("organisation"),
        decision: text("decision"),
        deadline: text("deadline"),
        status: text("status"),
        note: text("note"),
      },
      version: /^\d{1,9}$/.test(text("version")) ? Number(text("version")) : -1,
    };
  };

  const assignmentProblems = async (c: AppContext, values: Record<string, string>) => {
    const t = gapsMessages[c.get("lang")];
    const problems: FieldProblem[] = [];
    const known = await deps.organisations();
    if (!known.some((organisation) => organisation.id === values.organisation))
      problems.push({ field: "organisation", message: t.errOrganisation });
    if (!isOneOf(GAP_DECISIONS, values.decision))
      problems.push({ field: "decision", message: t.errDecision });
    if (!validDay(values.deadline ?? "")) problems.push({ field: "deadline", message: t.errDeadline });
    return problems;
  };

  /** Saves a change of an entry seen at a version; owners change status and note, a coordinator also the rest. */
  async function change(c: AppContext, id: number, place: { action: string; back: string }) {
    const entry = await register.get(id);
    if (!entry) throw notFound("gap");
    await guard.authorize(c, "gap.update", resourceOf(entry), { type: "gap", id });
    const t = gapsMessages[c.get("lang")];
    const { values, version } = await readForm(c);
    const full =
      guard.may(c, "gap.assign", { area: regionArea(entry.regionCode) }) && place.back === "/monitor/gaten";
    const problems: FieldProblem[] = [];
    if (full) problems.push(...(await assignmentProblems(c, values)));
    if (!isOneOf(GAP_STATUSES, values.status)) problems.push({ field: "status", message: t.errStatus });
    if (values.note.length > NOTE_MAX) problems.push({ field: "note", message: t.errNote });
    if (problems.length) return renderChange(c, entry, values, problems, place, 400);
    const result = await register.update(
      id,
      {
        status: values.status as GapStatus,
        note: values.note,
        expectedVersion: version,
        assignment: full
          ? {
              organisationId: values.organisation,
              decision: values.decision as GapDecision,
              deadline: values.deadline,
            }
          : undefined,
      },
      guard.actorOf(c),
    );
    if (!result.ok) {
      const fresh = await register.get(id);
      if (!fresh) throw notFound("gap");
      return renderChange(c, fresh, { ...entryValues(fresh), note: values.note }, [], place, 409, true);
    }
    return c.redirect(`${place.back}?opgeslagen`, 303);
  }

  /** The coverage page's panel: the ten gaps with the most demand (all regions, small numbers suppressed). */
  const coveragePanel = async (c: AppContext) => {
    const view = await gaps.forArea(undefined);
    const rows = view.cells.filter((cell) => cell.gap && cell.sector === "").slice(0, 10);
    return <CoverageDemandPanel lang={c.get("lang")} gaps={rows.map((cell) => rowModel(c, cell))} />;
  };

  const app = new Hono<AppEnv>();
  app.use("/werkruimte/gaten", guard.signedIn);
  app.use("/werkruimte/gaten/*", guard.signedIn);
  const routes = app
    .get("/monitor/gaten", async (c) => {
      const lang = c.get("lang");
      const view = await gaps.forArea(undefined);
      const model = {
        from: view.range.from,
        to: view.range.to,
        gaps: view.cells.filter((cell) => cell.gap).map((cell) => rowModel(c, cell)),
        demand: view.cells.filter((cell) => !cell.gap).map((cell) => rowModel(c, cell)),
        entries: view.entries.map((entry) => entryModel(c, entry, "/monitor/gaten")),
        overlaps: view.overlaps.map((overlap) => ({
          region: regionName(overlap.regionCode),
          step: gapsMessages[lang].step_[overlap.step],
          kind: vocabularyLabel("kind", overlap.kind, lang),
          count: overlap.refIds.length,
        })),
        notice: c.req.query("opgeslagen") !== undefined ? gapsMessages[lang].saved : undefined,
      };
      if (c.get("principal")) c.header("Cache-Control", "no-store");
      return renderPage(c, <GapsPage page={pageContext(c)} sections={openSections(c)} model={model} />);
    })
    .get("/monitor/gaten/nieuw", async (c) => {
      const area = await guard.authorizeArea(c, "gap.assign");
      const step = c.req.query("stap") ?? "";
      return renderNew(
        c,
        area,
        {
          region: (c.req.query("regio") ?? "").toUpperCase(),
          step: isOneOf(JOURNEY_STEPS, step) ? step : "",
          sector: (c.req.query("sector") ?? "").toUpperCase(),
          note: "",
        },
        [],
      );
    })
    .post("/monitor/gaten", async (c) => {
      const area = await guard.authorizeArea(c, "gap.assign");
      const t = gapsMessages[c.get("lang")];
      const { values } = await readForm(c);
      const problems: FieldProblem[] = [];
      const inArea = regionsInArea(area, [...deps.regions]).includes(values.region);
      if (!inArea) problems.push({ field: "region", message: t.errRegion });
      if (!isOneOf(JOURNEY_STEPS, values.step)) problems.push({ field: "step", message: t.errStep });
      if (values.sector && !deps.sectors(c.get("lang")).some((sector) => sector.code === values.sector))
        problems.push({ field: "sector", message: t.errSector });
      problems.push(...(await assignmentProblems(c, values)));
      if (values.note.length > NOTE_MAX) problems.push({ field: "note", message: t.errNote });
      if (problems.length) return renderNew(c, area, values, problems);
      // The region is within the area the guard gave; asked again so a refusal would be recorded like any other.
      if (
        !(await guard.permits(
          c,
          "gap.assign",
          { area: regionArea(values.region) },
          { type: "gap_area", id: values.region },
        ))
      )
        return renderNew(c, area, values, [{ field: "region", message: t.errRegion }]);
      const result = await register.create(
        {
          regionCode: values.region,
          step: values.step as JourneyStep,
          sector: values.sector,
          organisationId: values.organisation,
          decision: values.decision as GapDecision,
          deadline: values.deadline,
          note: values.note,
        },
        guard.actorOf(c),
      );
      if (!result.ok) return renderNew(c, area, values, [{ field: "region", message: t.errExists }]);
      return c.redirect("/monitor/gaten?opgeslagen#register", 303);
    })
    .get("/monitor/gaten/:id{[0-9]+}", async (c) => {
      const id = Number(c.req.param("id"));
      const entry = await register.get(id);
      if (!entry) throw notFound("gap");
      await guard.authorize(c, "gap.read", resourceOf(entry), { type: "gap", id });
      c.header("Cache-Control", "no-store");
      return renderChange(c, entry, entryValues(entry), [], {
        action: `/monitor/gaten/${id}`,
        back: "/monitor/gaten",
      });
    })
    .post("/monitor/gaten/:id{[0-9]+}", async (c) => {
      const id = Number(c.req.param("id"));
      return change(c, id, { action: `/monitor/gaten/${id}`, back: "/monitor/gaten" });
    })
    .get("/werkruimte/gaten", async (c) => {
      const principal = await guard.authorize(c, "workspace.enter");
      const lang = c.get("lang");
      const entries = await gaps.ofOrganisation(principal.organisationId);
      c.header("Cache-Control", "no-store");
      return renderPage(
        c,
        <WorkspaceGapsPage
          page={pageContext(c)}
          model={{
            entries: entries.map((entry) => entryModel(c, entry, "/werkruimte/gaten")),
            notice: c.req.query("opgeslagen") !== undefined ? gapsMessages[lang].saved : undefined,
          }}
        />,
      );
    })
    .get("/werkruimte/gaten/:id{[0-9]+}", async (c) => {
      const id = Number(c.req.param("id"));
      const entry = await register.get(id);
      if (!entry) throw notFound("gap");
      await guard.authorize(c, "gap.read", resourceOf(entry), { type: "gap", id });
      c.header("Cache-Control", "no-store");
      return renderChange(c, entry, entryValues(entry), [], {
        action: `/werkruimte/gaten/${id}`,
        back: "/werkruimte/gaten",
      });
    })
    .post("/werkruimte/gaten/:id{[0-9]+}", async (c) => {
      const id = Number(c.req.param("id"));
      return change(c, id, { action: `/werkruimte/gaten/${id}`, back: "/werkruimte/gaten" });
    });
  return Object.assign(routes, { coveragePanel });
}
