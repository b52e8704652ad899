import { Hono } from "hono";
import type { Localised } from "../../i18n/index.js";
import type { AppEnv } from "../../web/context.js";
import { notFound } from "../../web/errors.js";
import { pageContext, renderPage } from "../../web/render.js";
import { isJourneyStep, isPhase } from "./coverage.js";
import { csvHeaders, toCsv } from "./csv.js";
import { monitoringMessages } from "./monitoring.messages.js";
import type { MonitoringService } from "./monitoring.service.js";
import { JOURNEY_STEPS, PHASES } from "./monitoring.types.js";
import { CellPage } from "./views/cell-page.js";
import { CoveragePage } from "./views/coverage-page.js";
import { OverviewPage } from "./views/overview-page.js";
import { RegionMonitorPage } from "./views/region-monitor-page.js";

export type MonitoringRouteDeps = { service: MonitoringService };

/** /monitor pages: public aggregate figures (coverage and stars concern instruments, not people). */
export function monitoringRoutes({ service }: MonitoringRouteDeps) {
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
      return renderPage(c, <OverviewPage page={pageContext(c)} model={model} />);
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
      const overview = await service.overview();
      const model = {
        regions: overview.map((region) => ({
          code: region.code,
          name: region.name,
          stars: region.star.stars,
          cells: region.cells,
        })),
      };
      return renderPage(c, <CoveragePage page={pageContext(c)} model={model} />);
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
      return renderPage(c, <RegionMonitorPage page={pageContext(c)} model={{ region, names }} />);
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
    });
}
