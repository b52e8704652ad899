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
import type { KnowledgeService } from "./knowledge.service.js";
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
 * /werkruimte/agenda: a provider keeps its own events on the agenda (issue 7). Every route calls the guard; a save
 * is checked field by field, written with optimistic locking and recorded in the audit log.
 */
export function providerEventRoutes(deps: ProviderEventRouteDeps) {
  const { service, guard, geography, clock } = deps;

  const regionOptions = () =>
    geography.regions
      .map((region) => ({ value: region.code, label: region.name }))
      .sort((a, b) => a.label.localeCompare(b.label, "nl"));

  type OwnInstruments = Awaited<ReturnType<ProviderEventRouteDeps["providerInstruments"]>>;
  /** The provider's own catalogue instruments: the form's choices and the only ones a save may name. */
  const ownInstruments = async (principal: Principal): Promise<OwnInstruments> =>
    principal.providerId ? deps.providerInstruments(principal.providerId) : [];

  function renderForm(
    c: AppContext,
    own: OwnInstruments,
    model: Omit<ProviderEventFormModel, "regions" | "instruments" | "problems"> & {
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
          regions: regionOptions(),
          instruments: own
            .map((instrument) => ({ value: instrument.refId, label: pick(instrument.name, c.get("lang")) }))
            .sort((a, b) => a.label.localeCompare(b.label, "nl")),
        }}
      />,
      status,
    );
  }

  /** Loads a provider's event and checks that the signed-in provider keeps it; curated events are nobody's. */
  async function ownEvent(c: AppContext) {
    const slug = c.req.param("slug") ?? "";
    if (!SLUG.test(slug)) throw notFound("event");
    const event = await service.findEvent(slug);
    if (event?.origin !== "provider" || !event.providerId) throw notFound("event");
    const principal = await guard.authorize(
      c,
      "event.update",
      { providerId: event.providerId },
      { type: "event", id: slug },
    );
    return { event, principal };
  }

  const formContext = (own: OwnInstruments, isNew: boolean) => ({
    now: clock(),
    isNew,
    regionCodes: new Set(geography.regions.map((region) => region.code)),
    instrumentRefIds: new Set(own.map((item) => item.refId)),
  });
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
      const events = principal.providerId ? await service.providerEvents(principal.providerId) : [];
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
      return renderForm(c, await ownInstruments(principal), {
        values: emptyProviderEventForm(principal.organisationName),
        conflict: false,
      });
    })
    .post("/werkruimte/agenda/nieuw", async (c) => {
      const principal = await guard.authorize(c, "event.keep");
      const { values } = await readForm(c);
      const own = await ownInstruments(principal);
      const parsed = parseProviderEventForm(values, formContext(own, true));
      if (!parsed.ok) return renderForm(c, own, { values, problems: parsed.problems, conflict: false }, 400);
      if (!principal.providerId) throw notFound("provider");
      const { cancelled: _newEventsGoAhead, ...draft } = parsed.draft;
      const saved = await service.addProviderEvent(draft, principal.providerId, guard.actorOf(c));
      return c.redirect(`/werkruimte/agenda?opgeslagen#${saved.slug}`, 303);
    })
    .get("/werkruimte/agenda/:slug", async (c) => {
      const { event, principal } = await ownEvent(c);
      return renderForm(c, await ownInstruments(principal), {
        existing: { slug: event.slug, version: event.version, updatedAt: event.updatedAt },
        values: providerEventFormFrom(event),
        conflict: false,
      });
    })
    .post("/werkruimte/agenda/:slug", async (c) => {
      const { event, principal } = await ownEvent(c);
      const { values, version } = await readForm(c);
      const own = await ownInstruments(principal);
      const parsed = parseProviderEventForm(values, formContext(own, false));
      if (!parsed.ok) {
        const existing = { slug: event.slug, version: event.version, updatedAt: event.updatedAt };
        return renderForm(c, own, { existing, values, problems: parsed.problems, conflict: false }, 400);
      }
      try {
        await service.saveEvent(
          { ...parsed.draft, slug: event.slug, providerId: event.providerId, isExample: false },
          version,
          { actor: guard.actorOf(c) },
        );
      } catch (error) {
        if (!(error instanceof AppError && error.status === 409)) throw error;
        // Keep what the user typed, with the newest version number, so saving again is a deliberate choice.
        const newest = (await service.findEvent(event.slug)) ?? event;
        const existing = { slug: newest.slug, version: newest.version, updatedAt: newest.updatedAt };
        return renderForm(c, own, { existing, values, conflict: true }, 409);
      }
      return c.redirect("/werkruimte/agenda?opgeslagen", 303);
    });
}
