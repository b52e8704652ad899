import { Hono } from "hono";
import { format } from "../../i18n/index.js";
import type { AppEnv } from "../../web/context.js";
import { csvHeaders, toCsv } from "../../web/csv.js";
import { notFound } from "../../web/errors.js";
import { inputProblems } from "../../web/middleware/input-limits.js";
import { clientKey, type RateLimiter, rateLimit } from "../../web/rate-limit.js";
import { pageContext, renderPage } from "../../web/render.js";
import type { Guard } from "../auth/index.js";
import {
  checkPlaceField,
  type Geography,
  municipalityPickerOptions,
  placeChoiceParam,
} from "../regions/index.js";
import { barriersMessages } from "./barriers.messages.js";
import {
  BARRIER_STATUSES,
  BARRIER_THEMES,
  type BarrierForm,
  type BarrierStatus,
  type BarriersService,
  type BarrierTheme,
  validateBarrier,
} from "./barriers.service.js";
import { BarrierFormPage, BarrierThanksPage } from "./views/barrier-form-page.js";

/** The longest text each field of the report form takes (barriers.service.ts checks the same limits). */
const BARRIER_LIMITS = { beschrijving: 4000, regel: 300, naam: 200, email: 254 } as const;

import { RegisterPage } from "./views/register-page.js";

export type BarriersRouteDeps = {
  service: BarriersService;
  geography: Geography;
  limiter: RateLimiter;
  secretKey: string;
  trustProxy: boolean;
  /** The auth module's guard: the register, its changes and its summary are coordinators' work within their area. */
  guard: Guard;
  clock?: () => Date;
};

/** The public barrier form (/belemmering-melden) and the coordinators' register (/monitor/belemmeringen). */
export function barriersRoutes(deps: BarriersRouteDeps) {
  const { service, geography, guard } = deps;
  const clock = deps.clock ?? (() => new Date());
  const municipalities = municipalityPickerOptions(geography);
  // Ten reports an hour per client is plenty for a person and stops a script.
  const limitReports = rateLimit({
    limiter: deps.limiter,
    name: "barrier-report",
    limit: 10,
    windowSeconds: 3600,
    key: (c) => clientKey(c, deps.secretKey, deps.trustProxy),
  });

  return new Hono<AppEnv>()
    .get("/belemmering-melden", (c) =>
      renderPage(
        c,
        <BarrierFormPage page={pageContext(c)} model={{ values: {}, problems: [], municipalities }} />,
      ),
    )
    .post("/belemmering-melden", limitReports, async (c) => {
      const t = barriersMessages[c.get("lang")];
      const body = (await c.req.parseBody()) as Record<string, string>;
      const values = Object.fromEntries(
        ["beschrijving", "onderwerp", "regel", "gemeente", "naam", "email", "toestemming"].map((key) => [
          key,
          typeof body[key] === "string" ? body[key] : "",
        ]),
      ) as Record<string, string>;
      // The municipality or place as typed, or the one picked from the choice under the field (ADR 0077).
      const chosen = body[placeChoiceParam("gemeente")];
      const place = checkPlaceField(
        geography,
        c.get("lang"),
        "gemeente",
        values.gemeente,
        typeof chosen === "string" ? chosen : undefined,
      );
      const form: BarrierForm = {
        description: values.beschrijving!,
        theme: values.onderwerp!,
        rule: values.regel!,
        municipality: place.ok ? place.municipality.code : values.gemeente!,
        contactName: values.naam!,
        contactEmail: values.email!,
        consent: values.toestemming === "ja",
      };
      // Control characters were removed by the input-limits middleware; the summary says so (ADR 0075).
      const controlProblems = inputProblems(c);
      const problems = [
        ...controlProblems,
        ...validateBarrier(form, geography.municipality)
          .filter((problem) => !controlProblems.some((shown) => shown.field === problem.field))
          .map((problem) => ({
            field: problem.field,
            message:
              problem.field === "gemeente" && !place.ok
                ? place.problem
                : format(t[problem.code], {
                    max: String(BARRIER_LIMITS[problem.field as keyof typeof BARRIER_LIMITS] ?? 4000),
                    length: String((values[problem.field] ?? "").trim().length),
                  }),
          })),
      ];
      if (problems.length)
        return renderPage(
          c,
          <BarrierFormPage
            page={pageContext(c)}
            model={{ values, problems, municipalities, choice: place.ok ? undefined : place.choice }}
          />,
          400,
        );
      await service.report(form, guard.may(c, "barrier.report_as_adviser") ? "advisor" : "company");
      return c.redirect("/belemmering-melden/bedankt", 303);
    })
    .get("/belemmering-melden/bedankt", (c) => renderPage(c, <BarrierThanksPage page={pageContext(c)} />))
    .get("/monitor/belemmeringen", async (c) => {
      const rows = await service.list(await guard.authorizeArea(c, "barrier.read_register"));
      return renderPage(
        c,
        <RegisterPage
          page={pageContext(c)}
          model={{
            year: clock().getUTCFullYear(),
            barriers: rows.map((row) => ({
              ...row,
              theme: row.theme as BarrierTheme,
              category: (row.category ?? row.theme) as BarrierTheme,
              regionName: geography.region(row.regionCode)?.name ?? row.regionCode,
            })),
          }}
        />,
      );
    })
    .post("/monitor/belemmeringen/:id{[0-9]+}", async (c) => {
      // Someone without a register of their own is refused before the report is looked up at all.
      await guard.authorizeArea(c, "barrier.read_register");
      const id = Number(c.req.param("id"));
      const regionCode = await service.regionOf(id);
      if (!regionCode) throw notFound("barrier");
      await guard.authorize(
        c,
        "barrier.update",
        { area: { level: "region", code: regionCode } },
        { type: "barrier", id },
      );
      const body = (await c.req.parseBody()) as Record<string, string>;
      const category = String(body.categorie ?? "");
      const status = String(body.status ?? "");
      if (
        !(BARRIER_THEMES as readonly string[]).includes(category) ||
        !(BARRIER_STATUSES as readonly string[]).includes(status)
      )
        throw notFound("barrier choice");
      const updated = await service.update(id, {
        category: category as BarrierTheme,
        status: status as BarrierStatus,
        responsibleBody: String(body.instantie ?? "").slice(0, 200),
        note: String(body.notitie ?? "").slice(0, 1000),
      });
      if (!updated) throw notFound("barrier");
      return c.redirect(`/monitor/belemmeringen#melding-${id}`, 303);
    })
    .get("/monitor/belemmeringen/jaaroverzicht.csv", async (c) => {
      const area = await guard.authorizeArea(c, "report.read");
      const t = barriersMessages[c.get("lang")];
      const year = Number(c.req.query("jaar") ?? clock().getUTCFullYear());
      if (!Number.isInteger(year) || year < 2000 || year > 2100) throw notFound("year");
      const rows = await service.yearSummary(area, year);
      return c.body(
        toCsv(
          [t.year, t.category, t.status, t.count, t.responsibleBody],
          rows.map((row) => [
            year,
            t.themes[row.category as BarrierTheme] ?? row.category,
            t.statuses[row.status as BarrierStatus] ?? row.status,
            row.count,
            row.bodies,
          ]),
        ),
        200,
        csvHeaders(`belemmeringen-${year}.csv`),
      );
    });
}
