import { Hono } from "hono";
import { type Localised, pick } from "../../i18n/index.js";
import type { AppContext, AppEnv } from "../../web/context.js";
import { AppError, notFound } from "../../web/errors.js";
import { pageContext, renderPage } from "../../web/render.js";
import type { Guard, Principal } from "../auth/index.js";
import type { Geography } from "../regions/index.js";
import { eventWhere, formatEventTime } from "./knowledge.presenters.js";
import {
  emptyProviderEventForm,
  parseProviderEventForm,
  providerEventFormFrom,
  providerEventFormValues,
} from "./knowledge.provider-events.form.js";
import { providerEventMessages } from "./knowledge.provider-events.messages.js";
import type { EventRow } from "./knowledge.repository.js";
import type { EventKeeper, KnowledgeService } from "./knowledge.service.js";
import {
  type ProviderEventFormModel,
  ProviderEventFormPage,
  type ProviderEventRowModel,
  ProviderEventsPage,
} from "./views/provider-events-pages.js";

export type ProviderEventRouteDeps = {
  service: KnowledgeService;
  guard: Guard;
  geography: Geography;
  /** The catalogue instruments of a provider organisation, offered as the event's instrument. */
  providerInstruments: (providerId: string) => Promise<{ refId: string; name: Localised }[]>;
  clock: () => Date;
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+){0,30}$/;

/**
 * /werkruimte/agenda: a provider keeps its own events on the agenda (issue 7), and a hub's advisers the events of
 * their own loket, in the hub's region(s) and under the hub's name (ADR 0072). Every route calls the guard; a save
 * is checked field by field, written with optimistic locking and recorded in the audit log.
 */
export function providerEventRoutes(deps: ProviderEventRouteDeps) {
  const { service, guard, geography, clock } = deps;

  /** Who keeps the events of the signed-in user: their hub (for its own loket) or their catalogue provider. */
  const keeperOf = (principal: Principal): EventKeeper | undefined =>
    principal.organisationKind === "hub"
      ? { organisationId: principal.organisationId }
      : principal.providerId
        ? { providerId: principal.providerId }
        : undefined;
  /** A hub's events lie in its own region(s); a provider may choose any region, or none (national, online). */
  const allowedRegions = (principal: Principal) =>
    principal.organisationKind === "hub"
      ? geography.regions.filter((region) => principal.regionCodes.includes(region.code))
      : geography.regions;
  const regionOptions = (principal: Principal) =>
    allowedRegions(principal)
      .map((region) => ({ value: region.code, label: region.name }))
      .sort((a, b) => a.label.localeCompare(b.label, "nl"));

  type OwnInstruments = Awaited<ReturnType<ProviderEventRouteDeps["providerInstruments"]>>;
  /** The provider's own catalogue instruments: the form's choices and the only ones a save may name. */
  const ownInstruments = async (principal: Principal): Promise<OwnInstruments> =>
    principal.providerId ? deps.providerInstruments(principal.providerId) : [];

  function renderForm(
    c: AppContext,
    principal: Principal,
    own: OwnInstruments,
    model: Omit<ProviderEventFormModel, "regions" | "instruments" | "problems" | "hub"> & {
      problems?: { field: string; problem: keyof typeof providerEventMessages.nl }[];
    },
    status: 200 | 400 | 409 = 200,
  ) {
    const t = providerEventMessages[c.get("lang")];
    c.header("Cache-Control", "no-store");
    return renderPage(
      c,
      <ProviderEventFormPage
        page={pageContext(c)}
        model={{
          ...model,
          problems: (model.problems ?? []).map(({ field, problem }) => ({ field, message: t[problem] })),
          regions: regionOptions(principal),
          hub: principal.organisationKind === "hub" ? principal.organisationName : undefined,
          instruments: own
            .map((instrument) => ({ value: instrument.refId, label: pick(instrument.name, c.get("lang")) }))
            .sort((a, b) => a.label.localeCompare(b.label, "nl")),
        }}
      />,
      status,
    );
  }

  /**
   * Loads a kept event and checks that the signed-in user keeps it: a provider its own, a hub adviser their hub's
   * (ADR 0072). Curated events are nobody's.
   */
  async function ownEvent(c: AppContext) {
    const slug = c.req.param("slug") ?? "";
    if (!SLUG.test(slug)) throw notFound("event");
    const event = await service.findEvent(slug);
    const subject = { type: "event", id: slug };
    if (event?.origin === "provider" && event.providerId) {
      const principal = await guard.authorize(c, "event.update", { providerId: event.providerId }, subject);
      return { event, principal };
    }
    if (event?.origin === "hub" && event.organisationId) {
      const principal = await guard.authorize(
        c,
        "hub_event.update",
        { organisationId: event.organisationId },
        subject,
      );
      return { event, principal };
    }
    throw notFound("event");
  }

  const formContext = (principal: Principal, own: OwnInstruments, isNew: boolean) => ({
    now: clock(),
    isNew,
    regionCodes: new Set(allowedRegions(principal).map((region) => region.code)),
    regionRequired: principal.organisationKind === "hub",
    instrumentRefIds: new Set(own.map((item) => item.refId)),
  });
  /** A hub's event is always shown as organised by the hub itself. */
  const organiserOf = (principal: Principal, typed: string) =>
    principal.organisationKind === "hub" ? principal.organisationName : typed;
  const readForm = async (c: AppContext) => {
    const body = await c.req.parseBody();
    return {
      values: providerEventFormValues(body),
      version: typeof body.version === "string" && /^\d{1,9}$/.test(body.version) ? Number(body.version) : -1,
    };
  };

  const app = new Hono<AppEnv>();
  app.use("/werkruimte/agenda", guard.signedIn);
  app.use("/werkruimte/agenda/*", guard.signedIn);
  return app
    .get("/werkruimte/agenda", async (c) => {
      const principal = await guard.authorize(c, "event.keep");
      const lang = c.get("lang");
      const now = clock();
      const keeper = keeperOf(principal);
      const events = keeper ? await service.keptEvents(keeper) : [];
      const row = (event: EventRow): ProviderEventRowModel => ({
        slug: event.slug,
        title: pick(event.title, lang),
        when: formatEventTime(event.startsAt, event.endsAt, lang),
        where: eventWhere(event, lang, geography),
        cancelled: event.cancelled,
      });
      c.header("Cache-Control", "no-store");
      return renderPage(
        c,
        <ProviderEventsPage
          page={pageContext(c)}
          model={{
            // Soonest first for what is coming, most recent first for what is past.
            upcoming: events
              .filter((event) => event.endsAt >= now)
              .reverse()
              .map(row),
            past: events.filter((event) => event.endsAt < now).map(row),
            notice: c.req.query("opgeslagen") !== undefined ? providerEventMessages[lang].saved : undefined,
          }}
        />,
      );
    })
    .get("/werkruimte/agenda/nieuw", async (c) => {
      const principal = await guard.authorize(c, "event.keep");
      return renderForm(c, principal, await ownInstruments(principal), {
        values: emptyProviderEventForm(principal.organisationName),
        conflict: false,
      });
    })
    .post("/werkruimte/agenda/nieuw", async (c) => {
      const principal = await guard.authorize(c, "event.keep");
      const { values } = await readForm(c);
      const own = await ownInstruments(principal);
      const parsed = parseProviderEventForm(values, formContext(principal, own, true));
      if (!parsed.ok)
        return renderForm(c, principal, own, { values, problems: parsed.problems, conflict: false }, 400);
      const keeper = keeperOf(principal);
      if (!keeper) throw notFound("provider");
      const { cancelled: _newEventsGoAhead, ...draft } = parsed.draft;
      const saved = await service.addKeptEvent(
        { ...draft, organiser: organiserOf(principal, draft.organiser) },
        keeper,
        guard.actorOf(c),
      );
      return c.redirect(`/werkruimte/agenda?opgeslagen#${saved.slug}`, 303);
    })
    .get("/werkruimte/agenda/:slug", async (c) => {
      const { event, principal } = await ownEvent(c);
      return renderForm(c, principal, await ownInstruments(principal), {
        existing: { slug: event.slug, version: event.version, updatedAt: event.updatedAt },
        values: providerEventFormFrom(event),
        conflict: false,
      });
    })
    .post("/werkruimte/agenda/:slug", async (c) => {
      const { event, principal } = await ownEvent(c);
      const { values, version } = await readForm(c);
      const own = await ownInstruments(principal);
      const parsed = parseProviderEventForm(values, formContext(principal, own, false));
      if (!parsed.ok) {
        const existing = { slug: event.slug, version: event.version, updatedAt: event.updatedAt };
        return renderForm(
          c,
          principal,
          own,
          { existing, values, problems: parsed.problems, conflict: false },
          400,
        );
      }
      try {
        await service.saveEvent(
          {
            ...parsed.draft,
            organiser: organiserOf(principal, parsed.draft.organiser),
            slug: event.slug,
            providerId: event.providerId,
            organisationId: event.organisationId,
            isExample: false,
          },
          version,
          { actor: guard.actorOf(c) },
        );
      } catch (error) {
        if (!(error instanceof AppError && error.status === 409)) throw error;
        // Keep what the user typed, with the newest version number, so saving again is a deliberate choice.
        const newest = (await service.findEvent(event.slug)) ?? event;
        const existing = { slug: newest.slug, version: newest.version, updatedAt: newest.updatedAt };
        return renderForm(c, principal, own, { existing, values, conflict: true }, 409);
      }
      return c.redirect("/werkruimte/agenda?opgeslagen", 303);
    });
}
