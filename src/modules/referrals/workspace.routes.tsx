import { Hono } from "hono";
import type { Child } from "hono/jsx";
import { format, type Lang, pick } from "../../i18n/index.js";
import type { AppContext, AppEnv } from "../../web/context.js";
import { type FieldProblem, notFound } from "../../web/errors.js";
import { pageContext, renderPage } from "../../web/render.js";
import type { AuditActor } from "../audit/index.js";
import type { Guard, Principal } from "../auth/index.js";
import { isStale, statusOn } from "../catalogue/index.js";
import type { Geography } from "../regions/index.js";
import {
  HELP_KINDS,
  type Help,
  isOneOf,
  JOURNEY_STEPS,
  type JourneyStep,
  PHASES,
  type Phase,
} from "../vocabulary/index.js";
import { dossierMessages } from "./referrals.dossier.messages.js";
import { historyLines, referredRefIds } from "./referrals.history.js";
import {
  type InstrumentDirectory,
  type InstrumentSummary,
  isReferable,
  type ListingStatus,
} from "./referrals.instruments.js";
import { linkMessages } from "./referrals.link.messages.js";
import { caseReference } from "./referrals.mails.js";
import { listingStatusLabel, referralsMessages } from "./referrals.messages.js";
import { noOfferMessages } from "./referrals.no-offer.messages.js";
import { buildReferralPicker, type DeliveryRoute, type DossierFitLookup } from "./referrals.picker.js";
import { listingForm, measureForm } from "./referrals.schemas.js";
import {
  CASE_STATUSES,
  type CaseStatus,
  type QueueFilter,
  type ReferralsService,
} from "./referrals.service.js";
import {
  allowedTransitions,
  DECLINE_REASONS,
  type ReferralActor,
  type ReferralStatus,
} from "./referrals.state-machine.js";
import { HANDOVER_MOVES, TASK_RESOLUTIONS, type TaskKind } from "./referrals.tasks.js";
import { DossierPage } from "./views/dossier-page.js";
import { type ListingModel, ListingsPage, ReferralPage } from "./views/referral-page.js";
import { OutboxPage, WorkspacePage } from "./views/workspace-pages.js";

/** The longest note a status change takes (the referral history shows it in full). */
const MAX_NOTE_LENGTH = 2000;

export type WorkspaceRouteDeps = {
  referrals: ReferralsService;
  instruments: InstrumentDirectory;
  guard: Guard;
  geography: Geography;
  /** The instruments that fit a dossier's company and the route's ranking for it (route module, via app.ts). */
  dossierFit: DossierFitLookup;
  /** How referrals reach these providers: their accounts, their referral address, or the adviser's warm handover. */
  referralDeliveries: (
    providerIds: readonly string[],
  ) => Promise<ReadonlyMap<string, { route: DeliveryRoute }>>;
  /** The name of an SBI section or division in the language ("C" → "Industrie"). */
  sectorName: (code: string, lang: Lang) => string | undefined;
  /** Today's date for "niet bijgewerkt" (stale listings); tests inject their own. */
  clock?: () => Date;
  /**
   * The Mijn route a dossier carries (shared at intake with consent, ADR 0091), as a panel: the mijn-route module fills
   * this slot through the composition root. Shown only when the policy allows `case.saved_route.read`.
   */
  savedRouteOfCase?: (caseId: number, actor: AuditActor, lang: Lang) => Promise<Child | null>;
};

type RenderStatus = 200 | 400 | 409;
const QUEUE_FILTERS: (QueueFilter | "taken")[] = ["nieuw", "mijn", "wachten", "verlopen", "taken"];

const idParam = (c: AppContext, name = "id") => {
  const value = c.req.param(name) ?? "";
  if (!/^\d{1,9}$/.test(value)) throw notFound();
  return Number(value);
};
const text = (value: unknown) => (typeof value === "string" ? value : "");
/** The version a form was loaded with; anything unreadable counts as stale (-1 never matches). */
const versionOf = (values: Record<string, string>): number =>
  /^\d{1,9}$/.test(values.version ?? "") ? Number(values.version) : -1;
const formValues = async (c: AppContext) =>
  Object.fromEntries(Object.entries(await c.req.parseBody()).map(([key, value]) => [key, text(value)]));

/** /werkruimte/…: queue, dossiers, referrals, measures, listings and the outbox; every route calls the guard. */
export function workspaceRoutes(deps: WorkspaceRouteDeps) {
  const { referrals, guard, instruments, geography, dossierFit, referralDeliveries, sectorName } = deps;
  const clock = deps.clock ?? (() => new Date());
  const actor = guard.actorOf;
  /** Regions in words on every workspace page: "Twente", not "ES04". */
  const regionName = (code: string) => geography.region(code)?.name ?? code;
  /** The sector in words: the choice the entrepreneur made ("Metaalbewerking"), not only its SBI section. */
  const sectorInWords = (code: string | null, lang: Lang) => (code ? (sectorName(code, lang) ?? code) : null);

  async function dossierScope(
    c: AppContext,
    action: "case.read" | "case.update" | "referral.create" | "measure.create" | "case.mark_no_offer",
  ) {
    const id = idParam(c);
    const scope = await referrals.caseScope(id);
    if (!scope) throw notFound("dossier");
    const principal = await guard.authorize(
      c,
      action,
      { regionCode: scope.regionCode, queue: scope.queue },
      { type: "case", id },
    );
    return { id, principal, erased: scope.erased };
  }

  /**
   * A change to a dossier whose personal data were erased (consent withdrawn, ADR 0085): refused in words, with the
   * dossier as it is, never a referral, a mail or a note about a person who is gone.
   */
  const refuseErased = (c: AppContext, caseId: number) =>
    renderDossier(c, caseId, { refusal: dossierMessages[c.get("lang")].refusedErased }, 409);

  async function renderDossier(
    c: AppContext,
    caseId: number,
    options: {
      form?: Record<string, string>;
      problems?: FieldProblem[];
      conflict?: boolean;
      notice?: string;
      refusal?: string;
    } = {},
    status: RenderStatus = 200,
  ) {
    const lang = c.get("lang");
    const dossier = await referrals.dossier(caseId, actor(c));
    if (!dossier) throw notFound("dossier");
    const { record, erased } = dossier;
    // After the erasure the stored values are placeholders, not data: they read "verwijderd".
    const removed = dossierMessages[lang].removed;
    const shown = (value: string) => (erased ? removed : value);
    const municipality = record.municipalityCode
      ? geography.municipality(record.municipalityCode)
      : undefined;
    const region = geography.region(record.regionCode);
    // Only what a company can use today, fitted to this company; the rest only when the adviser asks for it.
    const fit = await dossierFit({
      regionCode: record.regionCode,
      municipalityCode: municipality?.code ?? null,
      sbiSection: record.sbiSection,
      scanResultId: record.scanResultId,
    });
    const routes = await referralDeliveries(fit.instruments.map((instrument) => instrument.providerId ?? ""));
    const picker = buildReferralPicker({
      instruments: fit.instruments,
      company: {
        regionCode: record.regionCode,
        provinceCodes: municipality ? [municipality.provinceCode] : (region?.provinceCodes ?? []),
        municipalityCode: municipality?.code ?? null,
        sizeClass: fit.sizeClass,
      },
      ranked: fit.ranked,
      delivery: (providerId) => routes.get(providerId)?.route ?? "warme_overdracht",
      lang,
    });
    const chosen = options.form?.refId ?? "";
    const showOutside =
      c.req.query("buiten_regio") === "1" || picker.outside.some((option) => option.refId === chosen);
    // The history names the instruments it mentions: one read for all of them.
    const names = new Map(
      [...(await instruments.getMany(referredRefIds(dossier.notes)))].map(
        ([refId, instrument]) => [refId, instrument.name] as const,
      ),
    );
    const scope = deps.savedRouteOfCase ? await referrals.caseScope(caseId) : undefined;
    const savedRoute =
      scope && guard.may(c, "case.saved_route.read", { regionCode: scope.regionCode, queue: scope.queue })
        ? await deps.savedRouteOfCase!(caseId, actor(c), lang)
        : null;
    c.header("Cache-Control", "no-store");
    return renderPage(
      c,
      <DossierPage
        page={pageContext(c)}
        model={{
          id: record.id,
          version: record.version,
          reference: caseReference(record.id, record.createdAt),
          companyName: shown(record.companyName),
          kvkNumber: shown(record.kvkNumber),
          contactName: shown(record.contactName),
          contactEmail: shown(record.contactEmail),
          contactPhone: erased ? removed : record.contactPhone,
          question: shown(record.question),
          erased,
          regionName: regionName(record.regionCode),
          municipalityName: municipality?.name ?? null,
          sectorName: sectorInWords(record.sector ?? record.sbiSection, lang),
          scanResultId: record.scanResultId,
          savedRoute,
          status: record.status,
          nextSteps: shown(record.nextSteps),
          assigned: dossier.assigned,
          dueAt: record.dueAt,
          consent: dossier.consent,
          notes: historyLines(dossier.notes, {
            lang,
            companyName: record.companyName,
            erased: erased !== null,
            instrumentName: (refId) => {
              const name = names.get(refId);
              return name ? pick(name, lang) : undefined;
            },
          }),
          referrals: dossier.referrals.map((referral) => ({
            id: referral.id,
            instrumentName: referral.instrument
              ? pick(referral.instrument.name, lang)
              : referral.instrumentRefId,
            status: referral.status,
            outcome: referral.outcome,
            dueAt: referral.dueAt,
          })),
          measures: dossier.measures.map((measure) => ({
            ...measure,
            description: shown(measure.description),
          })),
          picker: {
            recommended: picker.recommended,
            fitting: picker.fitting,
            outside: showOutside ? picker.outside : null,
            outsideCount: picker.outside.length,
            showOutsideHref: `/werkruimte/dossiers/${record.id}?buiten_regio=1#verwijzingen`,
            hideOutsideHref: `/werkruimte/dossiers/${record.id}#verwijzingen`,
          },
          form: { status: record.status, nextSteps: record.nextSteps, basis: "geschat", ...options.form },
          problems: options.problems ?? [],
          conflict: options.conflict ?? false,
          notice: options.notice,
          refusal: options.refusal,
        }}
      />,
      status,
    );
  }

  const referralRole = (principal: Principal) => (principal.role === "aanbieder" ? "aanbieder" : "adviseur");

  async function referralScope(c: AppContext, action: "referral.read" | "referral.transition") {
    const id = idParam(c);
    const scope = await referrals.referralScope(id);
    if (!scope) throw notFound("referral");
    const principal = await guard.authorize(
      c,
      action,
      { regionCode: scope.regionCode, providerId: scope.providerId, queue: scope.queue },
      { type: "referral", id },
    );
    return { id, principal, scope };
  }

  /**
   * Who the signed-in user acts as on a referral: the provider as "aanbieder"; the adviser as "adviseur", or, for a
   * warm handover, as "overdracht" for the provider's moves it records (ADR 0086).
   */
  const actingRole = (
    principal: Principal,
    referral: { status: string; delivery: string | null },
    to: string,
  ): ReferralActor => {
    if (principal.role === "aanbieder") return "aanbieder";
    if (referral.delivery !== "warme_overdracht") return "adviseur";
    const status = referral.status as ReferralStatus;
    const own = allowedTransitions(status, "adviseur").some((move) => move.to === to);
    return !own && allowedTransitions(status, "overdracht").some((move) => move.to === to)
      ? "overdracht"
      : "adviseur";
  };

  async function renderReferral(
    c: AppContext,
    referralId: number,
    principal: Principal,
    options: { form?: Record<string, string>; problems?: FieldProblem[]; conflict?: boolean } = {},
    status: RenderStatus = 200,
  ) {
    const lang = c.get("lang");
    const data = await referrals.referral(referralId, referralRole(principal), actor(c));
    if (!data) throw notFound("referral");
    c.header("Cache-Control", "no-store");
    const adviser = principal.role !== "aanbieder";
    const delivery = data.referral.delivery;
    // After a warm handover the adviser also records the provider's moves ("overdracht", ADR 0086).
    const moves =
      adviser && delivery === "warme_overdracht"
        ? [
            ...allowedTransitions(data.referral.status as ReferralStatus, "overdracht"),
            ...data.moves.filter(
              (move) =>
                !allowedTransitions(data.referral.status as ReferralStatus, "overdracht").some(
                  (other) => other.to === move.to,
                ),
            ),
          ]
        : data.moves;
    const contact =
      adviser && delivery === "warme_overdracht"
        ? await referrals.providerContact(data.referral.providerId)
        : undefined;
    const tasks = adviser ? await referrals.tasks.forReferral(referralId) : [];
    return renderPage(
      c,
      <ReferralPage
        page={pageContext(c)}
        model={{
          id: data.referral.id,
          version: data.referral.version,
          caseId: data.referral.caseId,
          instrumentName: data.instrument ? pick(data.instrument.name, lang) : data.referral.instrumentRefId,
          companyName: data.company.companyName,
          kvkNumber: data.company.kvkNumber,
          regionName: regionName(data.company.regionCode),
          contactName: data.company.contactName,
          contactEmail: data.company.contactEmail,
          message: data.referral.message,
          status: data.referral.status,
          outcome: data.referral.outcome,
          outcomeReason: data.referral.outcomeReason,
          dueAt: data.referral.dueAt,
          events: data.events.map((event) => ({
            fromStatus: event.from_status,
            toStatus: event.to_status,
            reasonCode: event.reason_code,
            note: event.note,
            occurredAt: event.occurredAt,
            actor: event.actor,
            question: event.kind === "vraag",
            viaLink: event.actor_kind === "link",
            forProvider: event.actor_kind === "overdracht",
          })),
          moves: moves.map((move) => ({ to: move.to, reasons: [...(move.reasons ?? [])] })),
          showDossierLink: principal.role !== "aanbieder",
          // How the referral reached the provider is the adviser's concern; the provider knows how it got it.
          delivery: adviser ? delivery : null,
          providerContact:
            contact === undefined
              ? undefined
              : contact && {
                  name: contact.name,
                  website: contact.website,
                  email: contact.public_email,
                  phone: contact.phone,
                  address: contact.visiting_address,
                  openingHours: contact.opening_hours ? pick(contact.opening_hours, lang) : null,
                },
          tasks: tasks.map((task) => ({
            id: task.id,
            kind: task.kind,
            dueAt: task.dueAt,
            doneAt: task.doneAt,
            resolution: task.resolution,
            overdue: task.overdue,
            resolutions: [...TASK_RESOLUTIONS[task.kind]],
            reasons: task.kind === "warme_overdracht_opvolgen" ? [...DECLINE_REASONS] : [],
          })),
          form: { to: "", reason: "", note: "", ...options.form },
          problems: options.problems ?? [],
          conflict: options.conflict ?? false,
        }}
      />,
      status,
    );
  }

  async function renderListings(
    c: AppContext,
    principal: Principal,
    override?: { refId: string; values: Record<string, string>; problems: FieldProblem[]; conflict: boolean },
    status: RenderStatus = 200,
    options: { notice?: string } = {},
  ) {
    c.header("Cache-Control", "no-store");
    const lang = c.get("lang");
    const listings = await referrals.listings(principal.providerId ?? "");
    const today = clock().toISOString().slice(0, 10);
    // The form shows the catalogue as it is now, with the status the public site shows (a recurring scheme between
    // rounds is recorded gesloten but shown as verwacht); the listing versions give the version number and history.
    const models: ListingModel[] = listings.map(({ instrument, current }) => {
      const base: ListingModel = {
        refId: instrument.refId,
        slug: instrument.slug,
        name: pick(instrument.name, lang),
        version: current?.version ?? 0,
        status: statusOn(instrument, today).status,
        opensOn: instrument.windowOpen ?? "",
        closesOn: instrument.windowClose ?? "",
        terms: instrument.conditions.nl,
        changedAt: current?.changedAt ?? null,
        lastVerified: instrument.lastVerified,
        stale: isStale(instrument.lastVerified, today),
        problems: [],
        conflict: false,
      };
      if (override?.refId !== instrument.refId) return base;
      // Keep what the user typed, but the newest version number, so saving again is a deliberate choice.
      return {
        ...base,
        status: override.values.status || base.status,
        opensOn: override.values.opensOn ?? "",
        closesOn: override.values.closesOn ?? "",
        terms: override.values.terms ?? "",
        problems: override.problems,
        conflict: override.conflict,
      };
    });
    return renderPage(
      c,
      <ListingsPage
        page={pageContext(c)}
        model={{ listings: models, problems: override?.problems ?? [], notice: options.notice }}
      />,
      status,
    );
  }

  const app = new Hono<AppEnv>();
  app.use("/werkruimte", guard.signedIn);
  app.use("/werkruimte/*", guard.signedIn);
  return app
    .get("/werkruimte", async (c) => {
      const principal = await guard.authorize(c, "workspace.enter");
      const lang = c.get("lang");
      c.header("Cache-Control", "no-store");
      const model: Parameters<typeof WorkspacePage>[0]["model"] = {
        name: principal.displayName,
        organisation: principal.organisationName,
      };
      // Advisers see their hub's queue; national coordinators the national queue (ADR 0081). The guard decides.
      if (guard.may(c, "queue.view") || guard.may(c, "national_queue.view")) {
        const requested = c.req.query("filter") as QueueFilter | "taken";
        const filter = QUEUE_FILTERS.includes(requested) ? requested : "nieuw";
        if (filter === "taken") {
          // The follow-up tasks on referrals (ADR 0086): warm handovers and expired referrals, overdue marked.
          const tasks = await referrals.tasks.open(principal);
          model.queue = {
            filter,
            national: principal.role === "coordinator",
            rows: [],
            openTasks: tasks.length,
            tasks: await Promise.all(
              tasks.map(async (task) => {
                const instrument = await instruments.get(task.instrumentRefId);
                return {
                  id: task.id,
                  referralId: task.referralId,
                  kind: task.kind,
                  companyName: task.companyName,
                  instrumentName: instrument ? pick(instrument.name, lang) : task.instrumentRefId,
                  dueAt: task.dueAt,
                  overdue: task.overdue,
                };
              }),
            ),
          };
        } else
          model.queue = {
            filter,
            national: principal.role === "coordinator",
            rows: (await referrals.queue(principal, filter, actor(c))).map((row) => ({
              ...row,
              regionName: regionName(row.regionCode),
            })),
            openTasks: await referrals.tasks.count(principal),
          };
      }
      if (principal.role === "aanbieder") {
        const inbox = await referrals.providerInbox(principal.providerId ?? "", actor(c));
        model.inbox = inbox.map((row) => ({
          id: row.id,
          instrumentName: row.instrument ? pick(row.instrument.name, lang) : row.instrumentRefId,
          companyName: row.companyName,
          regionName: regionName(row.regionCode),
          status: row.status,
          createdAt: row.createdAt,
          dueAt: row.dueAt,
        }));
        model.listings = true;
      }
      if (principal.role === "coordinator" || principal.role === "beheerder") {
        const visible =
          principal.role === "beheerder" || principal.scope === "national"
            ? geography.regions.map((region) => region.code)
            : principal.regionCodes;
        model.figures = (await referrals.regionFigures(visible)).map(({ region_code, ...figures }) => ({
          ...figures,
          region_name: regionName(region_code),
        }));
      }
      model.admin = principal.role === "beheerder";
      // Providers and hubs keep their own events on the agenda (ADR 0072); the guard decides who may.
      model.events = guard.may(c, "event.keep");
      return renderPage(c, <WorkspacePage page={pageContext(c)} model={model} />);
    })
    .get("/werkruimte/dossiers/:id", async (c) => {
      const { id } = await dossierScope(c, "case.read");
      const notice =
        c.req.query("opgeslagen") !== undefined
          ? referralsMessages[c.get("lang")].saved
          : c.req.query("geen_aanbod") !== undefined
            ? noOfferMessages[c.get("lang")].recorded
            : undefined;
      return renderDossier(c, id, { notice });
    })
    .post("/werkruimte/dossiers/:id", async (c) => {
      const { id, principal, erased } = await dossierScope(c, "case.update");
      if (erased) return refuseErased(c, id);
      const values = await formValues(c);
      const status = CASE_STATUSES.includes(values.status as CaseStatus)
        ? (values.status as CaseStatus)
        : undefined;
      if (!status)
        return renderDossier(
          c,
          id,
          { form: values, problems: [{ field: "status", message: "status" }] },
          400,
        );
      const result = await referrals.updateDossier(
        id,
        {
          status,
          nextSteps: (values.nextSteps ?? "").slice(0, 4000),
          expectedVersion: versionOf(values),
        },
        principal,
        actor(c),
      );
      if (!result.ok) return renderDossier(c, id, { form: values, conflict: true }, 409);
      return c.redirect(`/werkruimte/dossiers/${id}?opgeslagen`, 303);
    })
    .post("/werkruimte/dossiers/:id/oppakken", async (c) => {
      const { id, principal, erased } = await dossierScope(c, "case.update");
      if (erased) return refuseErased(c, id);
      const values = await formValues(c);
      const result = await referrals.pickUp(id, principal, versionOf(values), actor(c));
      if (!result.ok) return renderDossier(c, id, { conflict: true }, 409);
      return c.redirect(`/werkruimte/dossiers/${id}`, 303);
    })
    .post("/werkruimte/dossiers/:id/notities", async (c) => {
      const { id, principal, erased } = await dossierScope(c, "case.update");
      if (erased) return refuseErased(c, id);
      const values = await formValues(c);
      const note = (values.note ?? "").trim();
      if (note.length < 2 || note.length > 4000)
        return renderDossier(
          c,
          id,
          { form: values, problems: [{ field: "note", message: referralsMessages[c.get("lang")].errNote }] },
          400,
        );
      await referrals.addNote(id, note, principal, actor(c));
      return c.redirect(`/werkruimte/dossiers/${id}#notities`, 303);
    })
    .post("/werkruimte/dossiers/:id/verwijzingen", async (c) => {
      const { id, principal, erased } = await dossierScope(c, "referral.create");
      if (erased) return refuseErased(c, id);
      const t = referralsMessages[c.get("lang")];
      const values = await formValues(c);
      const message = (values.message ?? "").trim();
      const problems: FieldProblem[] = [];
      const instrument = values.refId ? await instruments.get(values.refId) : undefined;
      const refusal = (found: InstrumentSummary | undefined) =>
        !values.refId
          ? t.errInstrument
          : !found
            ? t.errInstrumentUnknown
            : format(t.errInstrumentClosed, {
                name: pick(found.name, c.get("lang")),
                status: listingStatusLabel(t, found.status),
              });
      if (!instrument || !isReferable(instrument))
        problems.push({ field: "refId", message: refusal(instrument) });
      if (message.length < 10 || message.length > 4000)
        problems.push({ field: "message", message: t.errMessage });
      if (problems.length) return renderDossier(c, id, { form: values, problems }, 400);
      const created = await referrals.createReferral(
        id,
        { refId: instrument!.refId, message },
        principal,
        actor(c),
      );
      // Erased in the meantime (the entrepreneur withdrew consent): the same refusal as above.
      if (!created.ok && created.problem === "erased") return refuseErased(c, id);
      // The catalogue changed between the check and the save: the same refusal, from the service's own check.
      if (!created.ok) {
        const fresh = await instruments.get(instrument!.refId);
        return renderDossier(
          c,
          id,
          { form: values, problems: [{ field: "refId", message: refusal(fresh) }] },
          400,
        );
      }
      return c.redirect(`/werkruimte/verwijzingen/${created.referralId}`, 303);
    })
    .post("/werkruimte/dossiers/:id/geen-aanbod", async (c) => {
      // Unmet demand (ADR 0094): the question has no suitable offer; the monitor counts it, without the company.
      const { id, erased } = await dossierScope(c, "case.mark_no_offer");
      if (erased) return refuseErased(c, id);
      const n = noOfferMessages[c.get("lang")];
      const values = await formValues(c);
      const step = values.geenAanbodStap ?? "";
      const phase = values.geenAanbodFase ?? "";
      const help = values.geenAanbodHulp ?? "";
      const problems: FieldProblem[] = [];
      if (!isOneOf(JOURNEY_STEPS, step)) problems.push({ field: "geenAanbodStap", message: n.errStep });
      if (phase && !isOneOf(PHASES, phase)) problems.push({ field: "geenAanbodFase", message: n.errPhase });
      if (help && !isOneOf(HELP_KINDS, help)) problems.push({ field: "geenAanbodHulp", message: n.errHelp });
      if (problems.length) return renderDossier(c, id, { form: values, problems }, 400);
      await referrals.markNoOffer(
        id,
        {
          step: step as JourneyStep,
          phase: phase ? (phase as Phase) : null,
          help: help ? (help as Help) : null,
        },
        actor(c),
      );
      return c.redirect(`/werkruimte/dossiers/${id}?geen_aanbod#geen-aanbod`, 303);
    })
    .post("/werkruimte/dossiers/:id/maatregelen", async (c) => {
      const { id, principal, erased } = await dossierScope(c, "measure.create");
      if (erased) return refuseErased(c, id);
      const t = referralsMessages[c.get("lang")];
      const values = await formValues(c);
      const parsed = measureForm.safeParse({ materialKg: "", euro: "", co2eKg: "", ...values });
      if (!parsed.success) {
        const problems: FieldProblem[] = [];
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0]);
          if (problems.some((problem) => problem.field === field)) continue;
          const message =
            field === "description"
              ? t.errMeasure
              : field === "referralId"
                ? t.errMeasureReferral
                : t.errAmount;
          problems.push({ field, message });
        }
        return renderDossier(c, id, { form: values, problems }, 400);
      }
      const { referralId, ...measure } = parsed.data;
      // Only one of this dossier's own referrals (or none): another dossier's, an unknown or an impossible id is a
      // form error, never a link across dossiers or regions.
      const added = await referrals.addMeasure(
        id,
        { ...measure, referralId: referralId ? Number(referralId) : null },
        principal,
        actor(c),
      );
      if (!added.ok)
        return renderDossier(
          c,
          id,
          { form: values, problems: [{ field: "referralId", message: t.errMeasureReferral }] },
          400,
        );
      return c.redirect(`/werkruimte/dossiers/${id}#maatregelen`, 303);
    })
    .get("/werkruimte/verwijzingen/:id", async (c) => {
      const { id, principal } = await referralScope(c, "referral.read");
      return renderReferral(c, id, principal);
    })
    .post("/werkruimte/verwijzingen/:id/status", async (c) => {
      const { id, principal, scope } = await referralScope(c, "referral.transition");
      const t = referralsMessages[c.get("lang")];
      const values = await formValues(c);
      // Nothing chosen, or a note longer than the field takes: say which, keep what was typed.
      const note = (values.note ?? "").trim();
      const missing: FieldProblem[] = [];
      if (!values.to) missing.push({ field: "to", message: t.errChooseStatus });
      if (note.length > MAX_NOTE_LENGTH)
        missing.push({
          field: "note",
          message: format(t.errNoteTooLong, { max: String(MAX_NOTE_LENGTH), length: String(note.length) }),
        });
      if (missing.length) return renderReferral(c, id, principal, { form: values, problems: missing }, 400);
      const result = await referrals.transitionReferral(
        id,
        {
          to: values.to ?? "",
          reason: values.reason || null,
          note,
          expectedVersion: versionOf(values),
        },
        actingRole(principal, scope, values.to ?? ""),
        principal,
        actor(c),
      );
      if (result.ok) return c.redirect(`/werkruimte/verwijzingen/${id}`, 303);
      if ("conflict" in result)
        return renderReferral(c, id, principal, { form: values, conflict: true }, 409);
      if (result.problem === "notFound") throw notFound("referral");
      const problem =
        result.problem === "reasonRequired"
          ? { field: "reason", message: t.errReasonRequired }
          : result.problem === "unknownReason"
            ? { field: "reason", message: t.errUnknownReason }
            : { field: "to", message: t.errNotAllowed };
      return renderReferral(c, id, principal, { form: values, problems: [problem] }, 400);
    })
    .post("/werkruimte/taken/:id", async (c) => {
      const taskId = idParam(c);
      const task = await referrals.tasks.scope(taskId);
      if (!task) throw notFound("task");
      const principal = await guard.authorize(
        c,
        "referral_task.complete",
        { regionCode: task.regionCode, queue: task.queue },
        { type: "referral", id: task.referralId },
      );
      const t = linkMessages[c.get("lang")];
      const rt = referralsMessages[c.get("lang")];
      const values = await formValues(c);
      const field = (name: string) => `${name}-${taskId}`;
      const kept = {
        [field("resolution")]: values.resolution ?? "",
        [field("reason")]: values.reason ?? "",
        [field("note")]: values.note ?? "",
      };
      const refuse = (name: string, message: string, status: RenderStatus = 400) =>
        renderReferral(
          c,
          task.referralId,
          principal,
          { form: kept, problems: [{ field: field(name), message }] },
          status,
        );
      if (task.done) return refuse("resolution", t.errTaskDone, 409);
      const resolution = values.resolution ?? "";
      if (!TASK_RESOLUTIONS[task.kind as TaskKind].includes(resolution))
        return refuse("resolution", t.errResolution);
      const note = (values.note ?? "").trim().slice(0, 2000);
      if (task.kind === "warme_overdracht_opvolgen") {
        // The provider's answer, recorded by the adviser for it: the same transition path, as "overdracht".
        const result = await referrals.transitionReferral(
          task.referralId,
          {
            to: HANDOVER_MOVES[resolution]!,
            reason: values.reason || null,
            note,
            expectedVersion: versionOf(values),
          },
          "overdracht",
          principal,
          actor(c),
        );
        if (!result.ok) {
          if ("conflict" in result)
            return renderReferral(c, task.referralId, principal, { form: kept, conflict: true }, 409);
          if (result.problem === "reasonRequired") return refuse("reason", rt.errReasonRequired);
          if (result.problem === "unknownReason") return refuse("reason", rt.errUnknownReason);
          return refuse("resolution", rt.errNotAllowed);
        }
      }
      const completed = await referrals.tasks.complete(
        taskId,
        resolution,
        task.kind === "warme_overdracht_opvolgen" ? "" : note,
        principal,
        actor(c),
      );
      if (!completed) return refuse("resolution", t.errTaskDone, 409);
      return c.redirect(`/werkruimte/verwijzingen/${task.referralId}#taken`, 303);
    })
    .get("/werkruimte/aanbod", async (c) => {
      const principal = await guard.authorize(c, "provider.inbox");
      const notice =
        c.req.query("opgeslagen") !== undefined
          ? referralsMessages[c.get("lang")].listingSaved
          : c.req.query("bevestigd") !== undefined
            ? referralsMessages[c.get("lang")].listingConfirmed
            : undefined;
      return renderListings(c, principal, undefined, 200, { notice });
    })
    .post("/werkruimte/aanbod/:refId", async (c) => {
      const refId = c.req.param("refId");
      const instrument = await instruments.get(refId);
      if (!instrument) throw notFound("instrument");
      const principal = await guard.authorize(
        c,
        "listing.update",
        { providerId: instrument.providerOrganizationId },
        { type: "listing", id: refId },
      );
      const t = referralsMessages[c.get("lang")];
      const values = await formValues(c);
      const parsed = listingForm.safeParse(values);
      if (!parsed.success) {
        const problems: FieldProblem[] = [];
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0]);
          if (problems.some((problem) => problem.field === field)) continue;
          const message =
            field === "status"
              ? t.errListingStatus
              : field === "terms"
                ? t.errTerms
                : issue.code === "custom"
                  ? t.errWindow
                  : t.errDate;
          problems.push({ field: `${refId}-${field}`, message });
        }
        return renderListings(c, principal, { refId, values, problems, conflict: false }, 400);
      }
      const result = await referrals.updateListing(
        refId,
        instrument.providerOrganizationId,
        {
          status: parsed.data.status as ListingStatus,
          opensOn: parsed.data.opensOn || null,
          closesOn: parsed.data.closesOn || null,
          terms: parsed.data.terms,
          expectedVersion: parsed.data.version,
        },
        principal,
        actor(c),
      );
      if (!result.ok && result.conflict)
        return renderListings(c, principal, { refId, values, problems: [], conflict: true }, 409);
      if (!result.ok) throw notFound("instrument");
      return c.redirect("/werkruimte/aanbod?opgeslagen", 303);
    })
    .post("/werkruimte/aanbod/:refId/actueel", async (c) => {
      const refId = c.req.param("refId");
      const instrument = await instruments.get(refId);
      if (!instrument) throw notFound("instrument");
      // The same permission as changing the listing: only the provider's own staff, refusals audited.
      await guard.authorize(
        c,
        "listing.update",
        { providerId: instrument.providerOrganizationId },
        { type: "listing", id: refId },
      );
      const result = await referrals.confirmListing(refId, instrument.providerOrganizationId, actor(c));
      if (!result.ok) throw notFound("instrument");
      return c.redirect("/werkruimte/aanbod?bevestigd", 303);
    })
    .get("/werkruimte/outbox", async (c) => {
      const principal = await guard.authorize(c, "outbox.view");
      const all = principal.role === "beheerder";
      const rows = await referrals.outbox(all ? null : principal.email);
      c.header("Cache-Control", "no-store");
      return renderPage(
        c,
        <OutboxPage
          page={pageContext(c)}
          model={{
            rows: rows.map((row) => ({
              id: row.id,
              to: row.toAddress,
              subject: row.subject,
              body: row.body,
              hasHtml: row.html !== null,
              createdAt: row.createdAt,
              sentAt: row.sentAt,
              transport: row.transport,
            })),
          }}
        />,
      );
    })
    .get("/werkruimte/outbox/:id/html", async (c) => {
      const principal = await guard.authorize(c, "outbox.view");
      const id = Number(c.req.param("id"));
      const row = Number.isSafeInteger(id) ? await referrals.outboxMessage(id, null) : undefined;
      if (!row?.html) throw notFound("message");
      // Someone else's mail: only the beheerder reads every mail; a refusal is recorded (403).
      if (row.toAddress !== principal.email)
        await guard.authorize(c, "outbox.view_all", {}, { type: "message", id });
      // The stored HTML part as a mail client shows it: its own inline styles, no script, no request anywhere.
      c.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      c.header("Cache-Control", "no-store");
      return c.html(row.html);
    });
}
