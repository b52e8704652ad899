import { createHash, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { queryRows } from "../../db/client.js";
import type { Lang, Localised } from "../../i18n/index.js";
import { enqueueJob, type JobHandler } from "../../jobs/index.js";
import type { AbsoluteUrl } from "../../web/links.js";
import { type AlertKind, isAvailable, isOfferable } from "../vocabulary/index.js";
import { confirmationMail, type DigestItem, digestMail, type OutgoingMail } from "./alerts.mails.js";
import { alertSubscribers, alertSubscriptions } from "./alerts.tables.js";

/** Hourly: compare the catalogue and the agenda with what the job saw last, and match the changes (ADR 0092). */
export const ALERT_MATCH_QUEUE = "alerts.match";
/** Sends the digests that are due, a batch at a time; enqueued by the match job and by itself while more are due. */
export const ALERT_DIGEST_QUEUE = "alerts.digest";
/** An unconfirmed sign-up lapses after this many days (double opt-in). */
export const CONFIRM_DAYS = 7;
/** A deadline this near is told at once, outside the weekly limit. */
export const DEADLINE_DAYS = 14;
/** At most one digest per address in this many days, unless a deadline is near. */
export const DIGEST_INTERVAL_DAYS = 7;
/** Digests per job run: each run is one transaction. */
const DIGEST_BATCH = 500;

const DAY_MS = 86_400_000;

/** What an alert is about, as codes: an instrument, or a route's place, sector, step, phase and kind. */
export type AlertCriteria = {
  instrumentRef?: string;
  /** "NL" and the province, RES region and municipality codes of the route's place. */
  areaKeys: string[];
  regionCode?: string;
  municipalityCode?: string;
  /** The route's sector as chosen (SBI section letter or division) and its SBI section letter. */
  sector?: string;
  sbiSection?: string;
  step?: string;
  phase?: string;
  instrumentKind?: string;
};

/** An instrument as the alert job compares it: its status, window, and what the route matches on. */
export type InstrumentFact = {
  refId: string;
  slug: string;
  name: Localised;
  status: string;
  windowClose: string | null;
  kind: string;
  /** "NL" for national and EU coverage, else the province, region and municipality codes it covers. */
  coverageKeys: string[];
  /** Empty: every sector. */
  sbiSections: string[];
  journeySteps: string[];
  phases: string[];
};

/** An upcoming event on the agenda (never an example, never cancelled). */
export type EventFact = {
  slug: string;
  title: Localised;
  startsAt: Date;
  /** Null: national or online, open to every region. */
  regionCode: string | null;
  instrumentRefId: string | null;
};

export type AlertFacts = (tx: Database) => Promise<{ instruments: InstrumentFact[]; events: EventFact[] }>;

export type QueueMail = (tx: Database, mail: OutgoingMail) => Promise<void>;

/** A subscription as the confirmation and unsubscribe pages show it. */
export type SubscriptionView = { kind: AlertKind } & AlertCriteria;

export type LinkState<T> = { state: "open"; value: T } | { state: "unknown" } | { state: "expired" };

export type MatchCounts = { opens: number; deadlines: number; news: number; events: number; items: number };

const sha256 = (value: string) => createHash("sha256").update(value).digest("base64url");
const newToken = () => randomBytes(32).toString("base64url");
const TOKEN = /^[\w-]{43}$/;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

type SubscriptionRow = {
  id: number;
  kind: AlertKind;
  instrument_ref: string | null;
  area_keys: string[];
  region_code: string | null;
  municipality_code: string | null;
  sector: string | null;
  sbi_section: string | null;
  step: string | null;
  phase: string | null;
  instrument_kind: string | null;
};

const viewOf = (row: SubscriptionRow): SubscriptionView => ({
  kind: row.kind,
  instrumentRef: row.instrument_ref ?? undefined,
  areaKeys: row.area_keys,
  regionCode: row.region_code ?? undefined,
  municipalityCode: row.municipality_code ?? undefined,
  sector: row.sector ?? undefined,
  sbiSection: row.sbi_section ?? undefined,
  step: row.step ?? undefined,
  phase: row.phase ?? undefined,
  instrumentKind: row.instrument_kind ?? undefined,
});

/**
 * Alerts by e-mail without an account (ADR 0092): sign up with double opt-in, confirm, unsubscribe in one click,
 * and the job that finds the catalogue's and the agenda's changes and sends at most one digest a week per address
 * (at once when a deadline is within 14 days), never the same item twice.
 */
export function createAlertsService(deps: {
  db: Database;
  clock: () => Date;
  absoluteUrl: AbsoluteUrl;
  queueMail: QueueMail;
  facts: AlertFacts;
}) {
  const { db, clock, absoluteUrl } = deps;

  async function subscriptionsOf(on: Database, where: ReturnType<typeof sql>) {
    return queryRows<SubscriptionRow>(
      on,
      sql`select id, kind, instrument_ref, area_keys, region_code, municipality_code, sector, sbi_section, step,
                 phase, instrument_kind
          from alert_subscriptions where ${where} order by id`,
    );
  }

  return {
    /**
     * Stores the sign-up unconfirmed and queues the confirmation mail, in one transaction. `described` is the
     * subscriptions in words for the mail (the routes make them from the geography and the catalogue).
     */
    async subscribe(input: {
      email: string;
      lang: Lang;
      kinds: readonly AlertKind[];
      criteria: AlertCriteria;
      described: readonly string[];
    }): Promise<void> {
      const now = clock();
      const email = input.email.trim().toLowerCase();
      const token = newToken();
      await db.transaction(async (t) => {
        const tx = t as unknown as Database;
        await tx
          .insert(alertSubscribers)
          .values({ email, lang: input.lang, unsubscribeToken: newToken(), createdAt: now })
          .onConflictDoUpdate({ target: alertSubscribers.email, set: { lang: input.lang } });
        const [subscriber] = await queryRows<{ id: number }>(
          tx,
          sql`select id from alert_subscribers where email = ${email}`,
        );
        const c = input.criteria;
        await tx.insert(alertSubscriptions).values(
          input.kinds.map((kind) => ({
            subscriberId: subscriber!.id,
            kind,
            instrumentRef: c.instrumentRef ?? null,
            areaKeys: c.areaKeys,
            regionCode: c.regionCode ?? null,
            municipalityCode: c.municipalityCode ?? null,
            sector: c.sector ?? null,
            sbiSection: c.sbiSection ?? null,
            step: c.step ?? null,
            phase: c.phase ?? null,
            instrumentKind: c.instrumentKind ?? null,
            confirmTokenHash: sha256(token),
            expiresAt: new Date(now.getTime() + CONFIRM_DAYS * DAY_MS),
            createdAt: now,
          })),
        );
        await deps.queueMail(
          tx,
          confirmationMail({
            to: email,
            lang: input.lang,
            described: input.described,
            confirmUrl: absoluteUrl(`/meldingen/bevestigen/${token}${input.lang === "en" ? "?lang=en" : ""}`),
          }),
        );
      });
    },

    /** The unconfirmed subscriptions a confirmation link is for. */
    async confirmation(token: string): Promise<LinkState<SubscriptionView[]>> {
      if (!TOKEN.test(token)) return { state: "unknown" };
      const rows = await queryRows<SubscriptionRow & { expires_at: Date }>(
        db,
        sql`select id, kind, instrument_ref, area_keys, region_code, municipality_code, sector, sbi_section, step,
                   phase, instrument_kind, expires_at
            from alert_subscriptions where confirm_token_hash = ${sha256(token)} order by id`,
      );
      if (!rows.length) return { state: "unknown" };
      if (rows.some((row) => new Date(row.expires_at) <= clock())) return { state: "expired" };
      return { state: "open", value: rows.map(viewOf) };
    },

    /** Confirms the sign-up; the link works once. */
    async confirm(token: string): Promise<LinkState<SubscriptionView[]>> {
      const state = await this.confirmation(token);
      if (state.state !== "open") return state;
      await db.execute(
        sql`update alert_subscriptions set confirmed_at = ${clock()}, confirm_token_hash = null, expires_at = null
            where confirm_token_hash = ${sha256(token)}`,
      );
      return state;
    },

    /** The address and its confirmed subscriptions an unsubscribe link is for. */
    async unsubscription(
      token: string,
    ): Promise<{ email: string; lang: Lang; subscriptions: SubscriptionView[] } | undefined> {
      if (!TOKEN.test(token)) return undefined;
      const [subscriber] = await queryRows<{ id: number; email: string; lang: Lang }>(
        db,
        sql`select id, email, lang from alert_subscribers where unsubscribe_token = ${token}`,
      );
      if (!subscriber) return undefined;
      const rows = await subscriptionsOf(
        db,
        sql`subscriber_id = ${subscriber.id} and confirmed_at is not null`,
      );
      return { email: subscriber.email, lang: subscriber.lang, subscriptions: rows.map(viewOf) };
    },

    /** One-click unsubscribe: the address and everything under it are deleted. Answers whether there was one. */
    async unsubscribe(token: string): Promise<boolean> {
      if (!TOKEN.test(token)) return false;
      const deleted = await queryRows<{ id: number }>(
        db,
        sql`delete from alert_subscribers where unsubscribe_token = ${token} returning id`,
      );
      return deleted.length > 0;
    },

    /** Finds the changes since the last run and files them as pending items of the matching subscriptions. */
    async detectChanges(tx: Database, now: Date = clock()): Promise<MatchCounts> {
      const { instruments, events } = await deps.facts(tx);
      return matchChanges(tx, now, instruments, events);
    },

    /** Sends the digests that are due (at most a batch); answers how many went out and whether more are due. */
    async sendDigests(tx: Database, now: Date = clock()): Promise<{ sent: number; more: boolean }> {
      const { instruments, events } = await deps.facts(tx);
      return sendDigests(tx, now, { instruments, events, absoluteUrl, queueMail: deps.queueMail });
    },

    jobHandlers(): Record<string, JobHandler> {
      return {
        [ALERT_MATCH_QUEUE]: async (_payload, { tx }) => {
          const now = clock();
          await this.detectChanges(tx, now);
          await enqueueJob(tx, ALERT_DIGEST_QUEUE, {}, { runAt: now });
        },
        [ALERT_DIGEST_QUEUE]: async (_payload, { tx }) => {
          const now = clock();
          const { more } = await this.sendDigests(tx, now);
          if (more) await enqueueJob(tx, ALERT_DIGEST_QUEUE, {}, { runAt: now });
        },
      };
    },

    /** Enqueues this hour's match job once across instances. */
    async schedule(now: Date = clock()) {
      const hour = now.toISOString().slice(0, 13);
      await enqueueJob(db, ALERT_MATCH_QUEUE, {}, { runAt: now, dedupeKey: `${ALERT_MATCH_QUEUE}:${hour}` });
    },
  };
}

export type AlertsService = ReturnType<typeof createAlertsService>;

/**
 * The set-based match (ADR 0092): the day's changes go to PostgreSQL as one JSON document each kind, and one
 * INSERT … SELECT per kind joins them to the confirmed subscriptions; the unique (subscription, item) pair makes a
 * second match of the same item a no-op. Exported for the benchmark.
 */
export async function matchChanges(
  tx: Database,
  now: Date,
  instruments: readonly InstrumentFact[],
  events: readonly EventFact[],
): Promise<MatchCounts> {
  const today = dayOf(now);
  const horizon = dayOf(new Date(now.getTime() + DEADLINE_DAYS * DAY_MS));
  const seen = new Map(
    (
      await queryRows<{ key: string; status: string | null }>(tx, sql`select key, status from alert_watch`)
    ).map((row) => [row.key, row.status]),
  );
  // The first run only learns the catalogue: everything would be "new" to it.
  const firstRun = seen.size === 0;
  const refs: { item_key: string; ref: string; kind: AlertKind; deadline: string | null }[] = [];
  const news: InstrumentFact[] = [];
  const changedWatch: { key: string; status: string | null }[] = [];
  let opens = 0;
  let deadlines = 0;
  for (const instrument of instruments) {
    const key = `instrument:${instrument.refId}`;
    const before = seen.get(key);
    if (before === undefined) {
      if (!firstRun && isOfferable(instrument.status)) news.push(instrument);
    } else if (before !== null && !isAvailable(before) && isAvailable(instrument.status)) {
      refs.push({
        item_key: `opent:${instrument.refId}:${today}`,
        ref: instrument.refId,
        kind: "opent",
        deadline: null,
      });
      opens++;
    }
    if (before !== instrument.status) changedWatch.push({ key, status: instrument.status });
    const close = instrument.windowClose;
    if (isAvailable(instrument.status) && close && close >= today && close <= horizon) {
      refs.push({
        item_key: `deadline:${instrument.refId}:${close}`,
        ref: instrument.refId,
        kind: "deadline",
        deadline: close,
      });
      deadlines++;
    }
  }
  const sectionsOf = new Map(instruments.map((instrument) => [instrument.refId, instrument.sbiSections]));
  const newEvents: { item_key: string; region_code: string | null; sbi_sections: string[] }[] = [];
  for (const event of events) {
    const key = `event:${event.slug}`;
    if (seen.has(key)) continue;
    changedWatch.push({ key, status: null });
    if (firstRun || event.startsAt <= now) continue;
    // An event is for every sector, unless it belongs to an instrument meant for some sectors only.
    newEvents.push({
      item_key: `bijeenkomst:${event.slug}`,
      region_code: event.regionCode,
      sbi_sections: (event.instrumentRefId && sectionsOf.get(event.instrumentRefId)) || [],
    });
  }

  let items = 0;
  const inserted = async (query: ReturnType<typeof sql>) =>
    (
      await queryRows<{ n: number }>(
        tx,
        sql`with added as (${query} returning 1) select count(*)::int as n from added`,
      )
    )[0]!.n;
  if (refs.length)
    items += await inserted(
      sql`insert into alert_items (subscription_id, item_key, deadline, detected_at)
          select s.id, c.item_key, c.deadline::date, ${now}
          from jsonb_to_recordset(${JSON.stringify(refs)}::jsonb) as c(item_key text, ref text, kind text, deadline text)
          join alert_subscriptions s on s.kind = c.kind and s.instrument_ref = c.ref
          where s.confirmed_at is not null
          on conflict (subscription_id, item_key) do nothing`,
    );
  if (news.length) {
    const rows = news.map((instrument) => ({
      item_key: `nieuw_aanbod:${instrument.refId}`,
      coverage_keys: instrument.coverageKeys,
      sbi_sections: instrument.sbiSections,
      steps: instrument.journeySteps,
      phases: instrument.phases,
      kind: instrument.kind,
    }));
    items += await inserted(
      sql`insert into alert_items (subscription_id, item_key, deadline, detected_at)
          select s.id, c.item_key, null, ${now}
          from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
            as c(item_key text, coverage_keys text[], sbi_sections text[], steps text[], phases text[], kind text)
          join alert_subscriptions s on s.kind = 'nieuw_aanbod'
            and (cardinality(s.area_keys) = 0 or s.area_keys && c.coverage_keys)
            and (cardinality(c.sbi_sections) = 0 or s.sbi_section is null or s.sbi_section = any(c.sbi_sections))
            and (s.step is null or s.step = any(c.steps))
            and (s.phase is null or s.phase = any(c.phases))
            and (s.instrument_kind is null or s.instrument_kind = c.kind)
          where s.confirmed_at is not null
          on conflict (subscription_id, item_key) do nothing`,
    );
  }
  if (newEvents.length)
    items += await inserted(
      sql`insert into alert_items (subscription_id, item_key, deadline, detected_at)
          select s.id, c.item_key, null, ${now}
          from jsonb_to_recordset(${JSON.stringify(newEvents)}::jsonb)
            as c(item_key text, region_code text, sbi_sections text[])
          join alert_subscriptions s on s.kind = 'bijeenkomst'
            and (c.region_code is null or c.region_code = any(s.area_keys))
            and (cardinality(c.sbi_sections) = 0 or s.sbi_section is null or s.sbi_section = any(c.sbi_sections))
          where s.confirmed_at is not null
          on conflict (subscription_id, item_key) do nothing`,
    );
  if (changedWatch.length)
    await tx.execute(
      sql`insert into alert_watch (key, status, seen_at)
          select c.key, c.status, ${now}
          from jsonb_to_recordset(${JSON.stringify(changedWatch)}::jsonb) as c(key text, status text)
          on conflict (key) do update set status = excluded.status, seen_at = excluded.seen_at`,
    );
  return { opens, deadlines, news: news.length, events: newEvents.length, items };
}

/** The digests that are due: one mail per address with all its pending items, then the items are marked sent. */
async function sendDigests(
  tx: Database,
  now: Date,
  context: {
    instruments: readonly InstrumentFact[];
    events: readonly EventFact[];
    absoluteUrl: AbsoluteUrl;
    queueMail: QueueMail;
  },
): Promise<{ sent: number; more: boolean }> {
  const weekAgo = new Date(now.getTime() - DIGEST_INTERVAL_DAYS * DAY_MS);
  const horizon = dayOf(new Date(now.getTime() + DEADLINE_DAYS * DAY_MS));
  const due = await queryRows<{ id: number; email: string; lang: Lang; unsubscribe_token: string }>(
    tx,
    sql`select r.id, r.email, r.lang, r.unsubscribe_token from alert_subscribers r
        where exists (select 1 from alert_items i join alert_subscriptions s on s.id = i.subscription_id
                      where s.subscriber_id = r.id and i.sent_at is null)
          and (r.last_digest_at is null or r.last_digest_at <= ${weekAgo}
               or exists (select 1 from alert_items i join alert_subscriptions s on s.id = i.subscription_id
                          where s.subscriber_id = r.id and i.sent_at is null and i.deadline <= ${horizon}::date))
        order by r.id
        limit ${DIGEST_BATCH + 1}`,
  );
  const batch = due.slice(0, DIGEST_BATCH);
  if (!batch.length) return { sent: 0, more: false };
  const ids = batch.map((row) => row.id);
  const pending = await queryRows<{ id: number; subscriber_id: number; item_key: string }>(
    tx,
    sql`select i.id, s.subscriber_id, i.item_key from alert_items i
        join alert_subscriptions s on s.id = i.subscription_id
        where i.sent_at is null and s.subscriber_id in ${ids}
        order by i.id`,
  );
  const instruments = new Map(context.instruments.map((instrument) => [instrument.refId, instrument]));
  const events = new Map(context.events.map((event) => [event.slug, event]));
  const bySubscriber = new Map<number, DigestItem[]>();
  for (const row of pending) {
    const item = digestItemOf(row.item_key, instruments, events);
    const list = bySubscriber.get(row.subscriber_id) ?? [];
    // Two subscriptions of one address may match the same item: it is told once.
    if (item && !list.some((known) => known.key === item.key)) list.push(item);
    bySubscriber.set(row.subscriber_id, list);
  }
  let sent = 0;
  for (const subscriber of batch) {
    const items = bySubscriber.get(subscriber.id) ?? [];
    if (items.length) {
      const query = subscriber.lang === "en" ? "?lang=en" : "";
      await context.queueMail(
        tx,
        digestMail({
          to: subscriber.email,
          lang: subscriber.lang,
          items,
          absoluteUrl: context.absoluteUrl,
          unsubscribeUrl: context.absoluteUrl(`/meldingen/afmelden/${subscriber.unsubscribe_token}${query}`),
        }),
      );
      sent++;
    }
  }
  await tx.execute(
    sql`update alert_items set sent_at = ${now} where id in (
          select i.id from alert_items i join alert_subscriptions s on s.id = i.subscription_id
          where i.sent_at is null and s.subscriber_id in ${ids})`,
  );
  await tx.execute(sql`update alert_subscribers set last_digest_at = ${now} where id in ${ids}`);
  return { sent, more: due.length > DIGEST_BATCH };
}

/** An item key in words for the digest; an instrument or event no longer listed is left out (and marked sent). */
function digestItemOf(
  key: string,
  instruments: ReadonlyMap<string, InstrumentFact>,
  events: ReadonlyMap<string, EventFact>,
): DigestItem | undefined {
  const [kind, ref, extra] = key.split(":");
  if (kind === "bijeenkomst") {
    const event = events.get(ref ?? "");
    return event
      ? { key, kind: "bijeenkomst", name: event.title, slug: event.slug, date: event.startsAt }
      : undefined;
  }
  const instrument = instruments.get(ref ?? "");
  if (!instrument) return undefined;
  if (kind === "opent") return { key, kind: "opent", name: instrument.name, slug: instrument.slug };
  if (kind === "deadline")
    return {
      key,
      kind: "deadline",
      name: instrument.name,
      slug: instrument.slug,
      date: new Date(`${extra}T12:00:00Z`),
    };
  if (kind === "nieuw_aanbod")
    return { key, kind: "nieuw_aanbod", name: instrument.name, slug: instrument.slug };
  return undefined;
}
