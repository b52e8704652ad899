import { createRoute, z } from "@hono/zod-openapi";
import { createApiRouter, problemResponses } from "../../web/api/api-router.js";
import { notFound } from "../../web/errors.js";
import { JOURNEY_STEPS, PHASES } from "../vocabulary/index.js";
import type { MonitoringService } from "./monitoring.service.js";

const PhaseCounts = z.object(Object.fromEntries(PHASES.map((phase) => [phase, z.number().int()])));
const Cells = z
  .object(Object.fromEntries(JOURNEY_STEPS.map((step) => [step, PhaseCounts])))
  .openapi("CoverageCells");
const CoverageRegion = z
  .object({
    code: z.string().openapi({ example: "ES04" }),
    name: z.string(),
    stars: z.number().int().min(0).max(5),
    missing_for_next_star: z.array(z.string()),
    cells: Cells,
    gaps: z.array(z.object({ journey_step: z.string(), phase: z.string() })),
    overlaps: z.array(
      z.object({
        journey_step: z.string(),
        phase: z.string(),
        kind: z.string(),
        ref_ids: z.array(z.string()),
      }),
    ),
  })
  .openapi("CoverageRegion");

const coverageRoute = createRoute({
  method: "get",
  path: "/monitoring/coverage",
  summary: "Coverage matrix (region × journey step × phase) and star level of all 30 regions",
  description:
    "Counts the instruments with status open or doorlopend that a company anywhere in the region can use (EU, national, provincial and regional coverage).",
  responses: {
    200: {
      description: "All regions",
      content: { "application/json": { schema: z.object({ regions: z.array(CoverageRegion) }) } },
    },
  },
});

const cellRoute = createRoute({
  method: "get",
  path: "/monitoring/coverage/{region}",
  summary: "The instruments counted in one region's cells (drill-down)",
  request: {
    params: z.object({
      region: z
        .string()
        .regex(/^ES\d\d$/i)
        .openapi({ example: "ES04" }),
    }),
    query: z.object({
      journey_step: z.enum(JOURNEY_STEPS),
      phase: z.enum(PHASES),
    }),
  },
  responses: {
    200: {
      description: "The instruments in the cell",
      content: {
        "application/json": {
          schema: z.object({
            region: z.string(),
            journey_step: z.string(),
            phase: z.string(),
            count: z.number().int(),
            instruments: z.array(z.object({ ref_id: z.string(), name: z.string(), kind: z.string() })),
          }),
        },
      },
    },
    ...problemResponses,
  },
});

/** /api/v1/monitoring/…: open coverage figures (no personal data, no small-number risk: instruments are public). */
export function monitoringApi(service: MonitoringService) {
  return createApiRouter()
    .openapi(coverageRoute, async (c) => {
      const overview = await service.overview();
      return c.json(
        {
          regions: overview.map((region) => ({
            code: region.code,
            name: region.name,
            stars: region.star.stars,
            missing_for_next_star: region.star.missingForNext,
            cells: region.cells,
            gaps: region.gaps.map((gap) => ({ journey_step: gap.step, phase: gap.phase })),
            overlaps: region.overlaps.map((overlap) => ({
              journey_step: overlap.step,
              phase: overlap.phase,
              kind: overlap.kind,
              ref_ids: overlap.refIds,
            })),
          })),
        },
        200,
      );
    })
    .openapi(cellRoute, async (c) => {
      const { region } = c.req.valid("param");
      const { journey_step, phase } = c.req.valid("query");
      const instruments = await service.cell(region.toUpperCase(), journey_step, phase);
      if (!instruments) throw notFound("region");
      const lang = c.get("lang");
      return c.json(
        {
          region: region.toUpperCase(),
          journey_step,
          phase,
          count: instruments.length,
          instruments: instruments.map((i) => ({ ref_id: i.refId, name: i.name[lang], kind: i.kind })),
        },
        200,
      );
    });
}
