import { Hono } from "hono";
import { format } from "../../i18n/index.js";
import type { AppContext, AppEnv } from "../../web/context.js";
import { csvHeaders, toCsv } from "../../web/csv.js";
import { notFound } from "../../web/errors.js";
import { inputProblems } from "../../web/middleware/input-limits.js";
import { CapabilityLinkGonePage, linkGoneTexts } from "../../web/pages/capability-link-gone-page.js";
import { clientKey, type RateLimiter, rateLimit } from "../../web/rate-limit.js";
import { pageContext, renderPage } from "../../web/render.js";
import type { Guard } from "../auth/index.js";
import {
  checkPlaceField,
  type Geography,
  municipalityPickerOptions,
  placeChoiceParam,
} from "../regions/index.js";
import {
  BARRIER_STATUS_LABELS,
  BARRIER_STATUSES,
  type BarrierBodyKind,
  type BarrierStatus,
} from "../vocabulary/index.js";
import {
  type BarrierLoop,
  barrierReference,
  dueDate,
  type LinkState,
  validateAnswer,
  validateForward,
  validatePublication,
} from "./barriers.loop.js";
import { loopMessages, loopProblemMessages } from "./barriers.loop.messages.js";
import { barriersMessages } from "./barriers.messages.js";
import {
  BARRIER_FIELD_MAX,
  BARRIER_THEMES,
  type BarrierForm,
  type BarriersService,
  type BarrierTheme,
  validateBarrier,
} from "./barriers.service.js";
import { AnswerDonePage, AnswerLinkPage } from "./views/answer-link-page.js";
import { type BarrierDetailModel, BarrierDetailPage } from "./views/barrier-detail-page.js";
import { BarrierFormPage, BarrierThanksPage } from "./views/barrier-form-page.js";
import { PublicItemPage, PublicListPage } from "./views/public-pages.js";
import { RegisterPage } from "./views/register-page.js";
import { WorkspaceBarriersPage } from "./views/workspace-page.js";

export type BarriersRouteDeps = {
  service: BarriersService;
  /** Forwarding, the answer link, publication and the public pages (ADR 0096). */
  loop: BarrierLoop;
  geography: Geography;
  limiter: RateLimiter;
  secretKey: string;
  trustProxy: boolean;
  /** The auth module's guard: the register, its changes and its summary are coordinators' work within their area. */
  guard: Guard;
  clock?: () => Date;
};

/** The message that says what is wrong with this field: empty, too short or too long (with the count), not an address… */
function fieldProblem(
  t: (typeof barriersMessages)["nl"],
  field: string,
  code: string,
  value: string,
): string {
  const own = (t.problems as Record<string, Record<string, string>>)[field]?.[code];
  const max = BARRIER_FIELD_MAX[field as keyof typeof BARRIER_FIELD_MAX];
  const generic = (t as unknown as Record<string, string>)[code] ?? t.required;
  return format(own ?? generic, { max: max ?? "", length: value.trim().length });
}

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

  const { loop } = deps;
  const routes = new Hono<AppEnv>()
    .get("/belemmering-melden", (c) => {
      // From a route or a region page: the municipality filled in by name (an unknown code is ignored).
      const known = geography.municipality(c.req.query("gemeente") ?? "");
      const values: Record<string, string> = known ? { gemeente: known.name } : {};
      return renderPage(
        c,
        <BarrierFormPage page={pageContext(c)} model={{ values, problems: [], municipalities }} />,
      );
    })
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
                : fieldProblem(t, problem.field, problem.code, values[problem.field] ?? ""),
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
      const id = await service.report(
        form,
        guard.may(c, "barrier.report_as_adviser") ? "advisor" : "company",
        c.get("lang"),
      );
      // The thank-you page names the reference and whether an answer will come by mail (no personal data in the URL).
      const thanks = new URLSearchParams({
        kenmerk: barrierReference(id, clock()),
        mail: form.consent && form.contactEmail.trim() ? "ja" : "nee",
      });
      return c.redirect(`/belemmering-melden/bedankt?${thanks}`, 303);
    })
    .get("/belemmering-melden/bedankt", (c) => {
      const reference = c.req.query("kenmerk") ?? "";
      return renderPage(
        c,
        <BarrierThanksPage
          page={pageContext(c)}
          reference={/^B-\d{4}-\d{5,}$/.test(reference) ? reference : undefined}
          mail={c.req.query("mail") === "ja" ? true : c.req.query("mail") === "nee" ? false : undefined}
        />,
      );
    })
    .get("/monitor/belemmeringen", async (c) => {
      const rows = await service.list(await guard.authorizeArea(c, "barrier.read_register"));
      const forwardings = await loop.forwardingsOf(rows.map((row) => row.id));
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
              overdue: (forwardings.get(row.id) ?? []).some((f) => f.overdue),
              published: row.publishedAt !== null,
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
            BARRIER_STATUS_LABELS[row.status as BarrierStatus]?.[c.get("lang")] ?? row.status,
            row.count,
            row.bodies,
          ]),
        ),
        200,
        csvHeaders(`belemmeringen-${year}.csv`),
      );
    });

  /** The coordinator's page of one report, after the guard allowed them its region. */
  async function detail(
    c: AppContext,
    id: number,
    options: Partial<Pick<BarrierDetailModel, "form" | "values" | "problems" | "notice" | "conflict">> = {},
    status: 200 | 400 | 409 = 200,
  ) {
    const found = await loop.barrier(id);
    if (!found) throw notFound("barrier");
    const { barrier: row, forwardings } = found;
    return renderPage(
      c,
      <BarrierDetailPage
        page={pageContext(c)}
        model={{
          id: row.id,
          reference: barrierReference(row.id, row.createdAt),
          description: row.description,
          theme: (row.category ?? row.theme) as BarrierTheme,
          rule: row.rule,
          regionName: geography.region(row.regionCode)?.name ?? row.regionCode,
          municipalityName: geography.municipality(row.municipalityCode)?.name ?? row.municipalityCode,
          reporterKind: row.reporterKind,
          status: row.status as BarrierStatus,
          createdAt: row.createdAt,
          hasContact: Boolean(row.contactEmail && row.consentAt),
          reporterToldAt: row.reporterToldAt,
          publishedAt: row.publishedAt,
          version: row.version,
          forwardings,
          organisations: await loop.organisationsWithAccount(),
          publicSummary: row.publicSummary ?? "",
          // The body's latest answer is where the coordinator's plain-words version starts.
          publicAnswer: row.publicAnswer ?? [...forwardings].reverse().find((f) => f.answer)?.answer ?? "",
          values: options.values ?? {},
          problems: options.problems ?? [],
          form: options.form,
          notice: options.notice,
          conflict: options.conflict,
        }}
      />,
      status,
    );
  }

  /** The guard for one report: its region must lie within the coordinator's area for this action. */
  async function authorizeBarrier(
    c: AppContext,
    action: "barrier.forward" | "barrier.answer" | "barrier.publish" | "barrier.read_register",
  ) {
    // Someone without a register of their own is refused before the report is looked up at all.
    await guard.authorizeArea(c, "barrier.read_register");
    const id = Number(c.req.param("id"));
    const regionCode = await service.regionOf(id);
    if (!regionCode) throw notFound("barrier");
    const principal = await guard.authorize(
      c,
      action,
      { area: { level: "region", code: regionCode } },
      { type: "barrier", id },
    );
    return { id, principal };
  }

  const formValues = async (c: AppContext) =>
    Object.fromEntries(
      Object.entries(await c.req.parseBody()).map(([key, value]) => [
        key,
        typeof value === "string" ? value : "",
      ]),
    ) as Record<string, string>;

  const privateHeaders = (c: AppContext) => {
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Robots-Tag", "noindex, nofollow");
  };

  /** The open answer link, or its refusal page (404 unknown or tampered, 410 answered or expired; audited). */
  async function openLink(c: AppContext): Promise<Extract<LinkState, { state: "open" }> | Response> {
    privateHeaders(c);
    const state = await loop.resolve(c.req.param("token") ?? "");
    if (state.state === "open") return state;
    await loop.refuseLink(state, guard.actorOf(c).clientKey);
    return renderPage(
      c,
      <CapabilityLinkGonePage
        page={pageContext(c)}
        reason={state.state}
        texts={linkGoneTexts(loopMessages[c.get("lang")])}
      />,
      state.state === "unknown" ? 404 : 410,
    );
  }

  async function linkPage(
    c: AppContext,
    forwardingId: number,
    answer = "",
    problems: { field: string; message: string }[] = [],
  ) {
    const view = await loop.linkView(forwardingId);
    if (!view)
      return renderPage(
        c,
        <CapabilityLinkGonePage
          page={pageContext(c)}
          reason={"unknown"}
          texts={linkGoneTexts(loopMessages[c.get("lang")])}
        />,
        404,
      );
    return renderPage(
      c,
      <AnswerLinkPage
        page={pageContext(c)}
        model={{ ...view, token: c.req.param("token") ?? "", answer, problems }}
      />,
      problems.length ? 400 : 200,
    );
  }

  const worded = (
    c: AppContext,
    problems: { field: string; code: keyof (typeof loopProblemMessages)["nl"] }[],
  ) =>
    problems.map((problem) => ({
      field: problem.field,
      message: loopProblemMessages[c.get("lang")][problem.code],
    }));

  const yearParam = (value: string | undefined) =>
    value && /^\d{4}$/.test(value) && Number(value) >= 2000 && Number(value) <= 2100
      ? Number(value)
      : undefined;

  routes
    .get("/monitor/belemmeringen/:id{[0-9]+}", async (c) => {
      const { id } = await authorizeBarrier(c, "barrier.read_register");
      const t = loopMessages[c.get("lang")];
      const done = c.req.query("klaar");
      const notice =
        done === "doorgestuurd-mail"
          ? t.forwardedMailed
          : done === "doorgestuurd"
            ? t.forwarded
            : done === "antwoord"
              ? t.answerSaved
              : done === "gepubliceerd"
                ? t.published
                : undefined;
      return detail(c, id, { notice });
    })
    .post("/monitor/belemmeringen/:id{[0-9]+}/doorsturen", async (c) => {
      const { id, principal } = await authorizeBarrier(c, "barrier.forward");
      const values = await formValues(c);
      const organisations = await loop.organisationsWithAccount();
      const form = {
        bodyKind: values.soort ?? "",
        bodyName: values.naam ?? "",
        organisationId: values.organisatie ?? "",
        email: values.email ?? "",
        due: values.termijn ?? "",
      };
      const problems = [...inputProblems(c), ...worded(c, validateForward(form, organisations, clock()))];
      if (problems.length) return detail(c, id, { form: "forward", values, problems }, 400);
      const organisation = organisations.find((o) => o.id === form.organisationId);
      const result = await loop.forward(
        id,
        {
          bodyKind: form.bodyKind as BarrierBodyKind,
          bodyName: form.bodyName.trim() || organisation!.name,
          organisationId: organisation?.id ?? null,
          email: form.email.trim() || null,
          dueAt: dueDate(form.due)!,
        },
        { ...guard.actorOf(c), organisationName: principal.organisationName },
      );
      if (!result) throw notFound("barrier");
      return c.redirect(
        `/monitor/belemmeringen/${id}?klaar=${result.mailed ? "doorgestuurd-mail" : "doorgestuurd"}`,
        303,
      );
    })
    .post("/monitor/belemmeringen/:id{[0-9]+}/antwoord", async (c) => {
      const { id } = await authorizeBarrier(c, "barrier.answer");
      const values = await formValues(c);
      const forwardingId = /^\d{1,9}$/.test(values.doorsturing ?? "") ? Number(values.doorsturing) : -1;
      const problems = [...inputProblems(c), ...worded(c, validateAnswer(values.antwoord ?? ""))];
      if (!problems.length) {
        const saved = await loop.answer(
          forwardingId,
          { text: values.antwoord ?? "", via: "coordinator", barrierId: id },
          guard.actorOf(c),
        );
        if (saved) return c.redirect(`/monitor/belemmeringen/${id}?klaar=antwoord#publiceren`, 303);
        problems.push(...worded(c, [{ field: "doorsturing", code: "chooseForwarding" }]));
      }
      return detail(c, id, { form: "answer", values, problems }, 400);
    })
    .post("/monitor/belemmeringen/:id{[0-9]+}/publiceren", async (c) => {
      const { id } = await authorizeBarrier(c, "barrier.publish");
      const values = await formValues(c);
      const t = loopMessages[c.get("lang")];
      const summary = values.samenvatting ?? "";
      const answer = values["publiek-antwoord"] ?? "";
      const problems = [...inputProblems(c), ...worded(c, validatePublication(summary, answer))];
      if (problems.length) return detail(c, id, { form: "publish", values, problems }, 400);
      const version = /^\d{1,9}$/.test(values.versie ?? "") ? Number(values.versie) : -1;
      const result = await loop.publish(id, { summary, answer, version }, guard.actorOf(c));
      if (result === "notFound") throw notFound("barrier");
      if (result === "conflict") return detail(c, id, { conflict: true }, 409);
      if (result === "notAnswered")
        return detail(
          c,
          id,
          { form: "publish", values, problems: [{ field: "samenvatting", message: t.notAnswered }] },
          400,
        );
      return c.redirect(`/monitor/belemmeringen/${id}?klaar=gepubliceerd#publiceren`, 303);
    })
    .get("/belemmering/antwoord/:token", async (c) => {
      const link = await openLink(c);
      if (link instanceof Response) return link;
      return linkPage(c, link.forwardingId);
    })
    .post("/belemmering/antwoord/:token", async (c) => {
      const link = await openLink(c);
      if (link instanceof Response) return link;
      const values = await formValues(c);
      const answer = values.antwoord ?? "";
      const problems = [...inputProblems(c), ...worded(c, validateAnswer(answer))];
      if (problems.length) return linkPage(c, link.forwardingId, answer, problems);
      const saved = await loop.answer(
        link.forwardingId,
        { text: answer, via: "link" },
        loop.linkActor(link.forwardingId, guard.actorOf(c).clientKey),
      );
      // Answered at the same moment through another tab: the link is used, as a reload would show.
      if (!saved)
        return renderPage(
          c,
          <CapabilityLinkGonePage
            page={pageContext(c)}
            reason={"closed"}
            texts={linkGoneTexts(loopMessages[c.get("lang")])}
          />,
          410,
        );
      return renderPage(c, <AnswerDonePage page={pageContext(c)} />);
    })
    .get("/belemmeringen", async (c) => {
      const q = (c.req.query("q") ?? "").slice(0, 100);
      const theme = c.req.query("thema") ?? "";
      const year = yearParam(c.req.query("jaar"));
      const validTheme = (BARRIER_THEMES as readonly string[]).includes(theme)
        ? (theme as BarrierTheme)
        : undefined;
      const threadYear = year ?? clock().getUTCFullYear();
      const [items, years, threads] = await Promise.all([
        loop.publicList({ q, theme: validTheme, year }),
        loop.years(),
        loop.yearThreads(threadYear),
      ]);
      return renderPage(
        c,
        <PublicListPage
          page={pageContext(c)}
          model={{
            filter: { q, theme: validTheme ?? "", year: year ? String(year) : "" },
            years: years.includes(threadYear) ? years : [threadYear, ...years].sort((a, b) => b - a),
            items,
            threads: { year: threadYear, rows: threads },
          }}
        />,
      );
    })
    .get("/belemmeringen/:id{[0-9]+}", async (c) => {
      const item = await loop.publicItem(Number(c.req.param("id")));
      if (!item) throw notFound("barrier");
      return renderPage(c, <PublicItemPage page={pageContext(c)} item={item} />);
    });
  /** The forwarding behind the path, after the policy allowed the user's organisation (audited); 404 when unknown. */
  async function ownForwarding(
    c: AppContext,
    action: "barrier.read_forwarding" | "barrier.answer_forwarding",
  ) {
    const id = Number(c.req.param("id"));
    const owner = await loop.forwardingOwner(id);
    if (!owner) throw notFound("forwarding");
    await guard.authorize(
      c,
      action,
      { organisationId: owner.organisationId ?? undefined },
      { type: "barrier_forwarding", id },
    );
    c.header("Cache-Control", "no-store");
    return { id, answered: owner.answeredAt !== null };
  }

  async function workspaceAnswerPage(
    c: AppContext,
    id: number,
    answer = "",
    problems: { field: string; message: string }[] = [],
  ) {
    const view = await loop.linkView(id);
    if (!view) throw notFound("forwarding");
    return renderPage(
      c,
      <AnswerLinkPage
        page={pageContext(c)}
        model={{ ...view, token: "", answer, problems, action: `/werkruimte/belemmeringen/${id}` }}
      />,
      problems.length ? 400 : 200,
    );
  }

  // The competent body's own page in the workspace (ADR 0096): signed in, its organisation's forwardings only.
  const workspace = new Hono<AppEnv>()
    .use("/werkruimte/belemmeringen", guard.signedIn)
    .use("/werkruimte/belemmeringen/*", guard.signedIn)
    .get("/werkruimte/belemmeringen", async (c) => {
      const principal = await guard.authorize(c, "workspace.enter");
      c.header("Cache-Control", "no-store");
      const forwardings = principal.organisationId ? await loop.forwardingsTo(principal.organisationId) : [];
      return renderPage(
        c,
        <WorkspaceBarriersPage
          page={pageContext(c)}
          model={{
            forwardings,
            notice:
              c.req.query("beantwoord") !== undefined
                ? loopMessages[c.get("lang")].workspaceSaved
                : undefined,
          }}
        />,
      );
    })
    .get("/werkruimte/belemmeringen/:id{[0-9]+}", async (c) => {
      const { id, answered } = await ownForwarding(c, "barrier.read_forwarding");
      if (answered) return c.redirect(`/werkruimte/belemmeringen?lang=${c.get("lang")}`, 303);
      return workspaceAnswerPage(c, id);
    })
    .post("/werkruimte/belemmeringen/:id{[0-9]+}", async (c) => {
      const { id } = await ownForwarding(c, "barrier.answer_forwarding");
      const values = await formValues(c);
      const answer = values.antwoord ?? "";
      const problems = [...inputProblems(c), ...worded(c, validateAnswer(answer))];
      if (problems.length) return workspaceAnswerPage(c, id, answer, problems);
      // Answered meanwhile (by the link or the coordinator): the list shows it as answered.
      const saved = await loop.answer(id, { text: answer, via: "workspace" }, guard.actorOf(c));
      return c.redirect(`/werkruimte/belemmeringen?${saved ? "beantwoord&" : ""}lang=${c.get("lang")}`, 303);
    });
  return routes.route("/", workspace);
}
