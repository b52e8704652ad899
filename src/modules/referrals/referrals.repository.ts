/**
 * The queries of the referrals service over the module's own tables (ADR 0098): dossiers (`cases`, `consents`,
 * `case_notes`, `measures`), hubs, referrals and their history, listing versions, the outbox and the deadline
 * reminders. Every function
 * takes the database or the caller's transaction first, so an operation decides what commits together. No query
 * here names another module's table: names of people and organisations come from the auth module, instruments
 * from the catalogue's port.
 */
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { NATIONAL_QUEUE_ID } from "./referrals.lokets.js";
import type { CaseStatus, QueueFilter, REFERRAL_SHARES } from "./referrals.model.js";
import {
  caseNotes,
  cases,
  consents,
  hubs,
  listingVersions,
  measures,
  outboxMessages,
  referralEvents,
  referrals,
} from "./referrals.tables.js";

type CaseInsert = typeof cases.$inferInsert;
type ReferralInsert = typeof referrals.$inferInsert;
type ReferralEventInsert = typeof referralEvents.$inferInsert;
type MeasureInsert = typeof measures.$inferInsert;
type ListingVersionInsert = typeof listingVersions.$inferInsert;

const codeList = (codes: readonly string[]) =>
  sql.join(
    codes.map((code) => sql`${code}`),
    sql`, `,
  );

/** Hubs: the referrals module's side of a hub organisation (its intake switch, description and address). */
export const hubRows = {
  /** The hub rows of the given organisations. */
  async of(on: Database, organisationIds: readonly string[]) {
    if (!organisationIds.length) return [];
    return on
      .select({
        organisationId: hubs.organisationId,
        description: hubs.description,
        email: hubs.email,
        intakeOpen: hubs.intakeOpen,
      })
      .from(hubs)
      .where(inArray(hubs.organisationId, [...organisationIds]));
  },

  /** Every hub row (the monitor's hubs). */
  all: (on: Database) =>
    on.select({ organisationId: hubs.organisationId, intakeOpen: hubs.intakeOpen }).from(hubs),
};

/** Dossiers: the case, its consent, notes and measures. */
export const caseRows = {
  async insert(on: Database, values: CaseInsert) {
    const [created] = await on.insert(cases).values(values).returning({ id: cases.id });
    return created!.id;
  },

  insertConsent: (on: Database, values: typeof consents.$inferInsert) => on.insert(consents).values(values),

  insertNote: (on: Database, values: typeof caseNotes.$inferInsert) => on.insert(caseNotes).values(values),

  async get(on: Database, caseId: number) {
    const [record] = await on.select().from(cases).where(eq(cases.id, caseId));
    return record;
  },

  /** The facts a journey event carries: region, sector section, campaign source. */
  async journeyFacts(on: Database, caseId: number) {
    const [found] = await on
      .select({ regionCode: cases.regionCode, sbiSection: cases.sbiSection, source: cases.source })
      .from(cases)
      .where(eq(cases.id, caseId));
    return found;
  },

  async scope(on: Database, caseId: number) {
    const [row] = await on
      .select({
        id: cases.id,
        regionCode: cases.regionCode,
        hubId: cases.hubId,
        anonymisedAt: cases.anonymisedAt,
      })
      .from(cases)
      .where(eq(cases.id, caseId));
    return row;
  },

  /** Region and sector section: what unmet demand carries (ADR 0094). */
  async place(on: Database, caseId: number) {
    const [place] = await on
      .select({ regionCode: cases.regionCode, sector: cases.sbiSection })
      .from(cases)
      .where(eq(cases.id, caseId));
    return place;
  },

  /** Who handles the dossier and since when: the staff side of its mails. */
  async handling(on: Database, caseId: number) {
    const [row] = await on
      .select({ assignedUserId: cases.assignedUserId, hubId: cases.hubId, createdAt: cases.createdAt })
      .from(cases)
      .where(eq(cases.id, caseId));
    return row;
  },

  /**
   * The entrepreneur withdrew consent (ADR 0085): the dossier is closed (its closing date kept if it was closed
   * already) and its history records the withdrawal as an event, which the erasure keeps (events are codes).
   */
  async closeForConsent(on: Database, caseId: number, now: Date) {
    await on
      .update(cases)
      .set({
        status: "afgesloten",
        closedAt: sql`coalesce(${cases.closedAt}, ${now})`,
        updatedAt: now,
        version: sql`${cases.version} + 1`,
      })
      .where(eq(cases.id, caseId));
    await on
      .insert(caseNotes)
      .values({ caseId, authorUserId: null, kind: "event", body: "toestemming_ingetrokken", createdAt: now });
  },

  async status(on: Database, caseId: number) {
    const [row] = await on.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId));
    return row;
  },

  /** Changes the dossier if its version is still `expectedVersion`; false when somebody changed it meanwhile. */
  async updateIfCurrent(
    on: Database,
    caseId: number,
    expectedVersion: number,
    change: Partial<Pick<CaseInsert, "assignedUserId" | "status" | "dueAt" | "nextSteps" | "closedAt">> & {
      updatedAt: Date;
    },
  ) {
    const updated = await on
      .update(cases)
      .set({ ...change, version: sql`${cases.version} + 1` })
      .where(and(eq(cases.id, caseId), eq(cases.version, expectedVersion)))
      .returning({ id: cases.id });
    return updated.length > 0;
  },

  /** A queue's dossiers, without personal data beyond the company name; at most 200, earliest deadline first. */
  queue(
    on: Database,
    query: {
      filter: QueueFilter;
      userId: number;
      now: Date;
      national: boolean;
      regionCodes: readonly string[];
    },
  ) {
    const { filter, now } = query;
    const condition =
      filter === "nieuw"
        ? sql`c.status = 'nieuw'`
        : filter === "mijn"
          ? sql`c.assigned_user_id = ${query.userId} and c.status <> 'afgesloten'`
          : filter === "wachten"
            ? sql`c.status = 'wachten'`
            : sql`c.due_at < ${now} and c.status <> 'afgesloten'`;
    const regionList = query.regionCodes.length ? codeList(query.regionCodes) : sql`null`;
    const inQueue = query.national
      ? sql`c.hub_id = ${NATIONAL_QUEUE_ID}`
      : sql`c.region_code in (${regionList}) and c.hub_id <> ${NATIONAL_QUEUE_ID}`;
    return queryRows<{
      id: number;
      company_name: string;
      region_code: string;
      status: CaseStatus;
      due_at: string | Date;
      created_at: string | Date;
      assigned_user_id: number | null;
    }>(
      on,
      sql`select c.id, c.company_name, c.region_code, c.status, c.due_at, c.created_at, c.assigned_user_id
            from cases c
            where ${inQueue} and c.anonymised_at is null and ${condition}
            order by c.due_at, c.id limit 200`,
    );
  },

  async consent(on: Database, caseId: number) {
    const [consent] = await on.select().from(consents).where(eq(consents.caseId, caseId));
    return consent;
  },

  notes: (on: Database, caseId: number) =>
    queryRows<{
      id: number;
      kind: string;
      body: string;
      created_at: string | Date;
      author_user_id: number | null;
    }>(
      on,
      sql`select n.id, n.kind, n.body, n.created_at, n.author_user_id from case_notes n
          where n.case_id = ${caseId} order by n.id`,
    ),

  measures: (on: Database, caseId: number) =>
    on.select().from(measures).where(eq(measures.caseId, caseId)).orderBy(asc(measures.id)),

  insertMeasure: (on: Database, values: MeasureInsert) => on.insert(measures).values(values),

  /** Counts per region without personal data: dossiers, referrals per status, outcomes and measured impact. */
  regionFigures: (on: Database, regionCodes: readonly string[]) =>
    queryRows<{
      region_code: string;
      cases: number;
      open_cases: number;
      referrals: number;
      helped: number;
      not_helped: number;
      open_referrals: number;
      co2e_kg: number | null;
    }>(
      on,
      sql`select c.region_code, count(distinct c.id)::int as cases,
                 count(distinct c.id) filter (where c.status <> 'afgesloten')::int as open_cases,
                 count(distinct r.id)::int as referrals,
                 count(distinct r.id) filter (where r.outcome = 'geholpen')::int as helped,
                 count(distinct r.id) filter (where r.outcome = 'niet_geholpen')::int as not_helped,
                 count(distinct r.id) filter (where r.outcome is null and r.status not in ('ingetrokken', 'doorverwezen'))::int as open_referrals,
                 (select sum(m.co2e_kg)::float from measures m join cases mc on mc.id = m.case_id where mc.region_code = c.region_code) as co2e_kg
          from cases c left join referrals r on r.case_id = c.id
          where c.region_code in (${codeList(regionCodes)}) group by c.region_code order by c.region_code`,
    ),
};

/** Referrals and their history. */
export const referralRows = {
  async insert(on: Database, values: ReferralInsert) {
    const [created] = await on.insert(referrals).values(values).returning({ id: referrals.id });
    return created!.id;
  },

  insertEvents: (on: Database, values: ReferralEventInsert | ReferralEventInsert[]) =>
    on.insert(referralEvents).values(Array.isArray(values) ? values : [values]),

  async get(on: Database, referralId: number) {
    const [row] = await on.select().from(referrals).where(eq(referrals.id, referralId));
    return row;
  },

  ofCase: (on: Database, caseId: number) =>
    on.select().from(referrals).where(eq(referrals.caseId, caseId)).orderBy(asc(referrals.id)),

  /** Whether the referral belongs to the dossier. */
  async belongsTo(on: Database, referralId: number, caseId: number) {
    const [own] = await on
      .select({ id: referrals.id })
      .from(referrals)
      .where(and(eq(referrals.id, referralId), eq(referrals.caseId, caseId)));
    return Boolean(own);
  },

  /** The referral's region, provider, queue side and status, for the guard. */
  async scope(on: Database, referralId: number) {
    const [row] = await on
      .select({
        id: referrals.id,
        caseId: referrals.caseId,
        providerId: referrals.providerId,
        regionCode: cases.regionCode,
        hubId: cases.hubId,
        status: referrals.status,
        delivery: referrals.delivery,
      })
      .from(referrals)
      .innerJoin(cases, eq(cases.id, referrals.caseId))
      .where(eq(referrals.id, referralId));
    return row;
  },

  /**
   * The referral with the company's details it may show: exactly the fields of REFERRAL_SHARES, never the phone
   * number, the question or the adviser's notes.
   */
  async withCompany(on: Database, referralId: number) {
    const [row] = await on
      .select({
        referral: referrals,
        company: {
          companyName: cases.companyName,
          kvkNumber: cases.kvkNumber,
          regionCode: cases.regionCode,
          contactName: cases.contactName,
          contactEmail: cases.contactEmail,
        } satisfies Record<(typeof REFERRAL_SHARES)[number], unknown>,
      })
      .from(referrals)
      .innerJoin(cases, eq(cases.id, referrals.caseId))
      .where(eq(referrals.id, referralId));
    return row;
  },

  events: (on: Database, referralId: number) =>
    queryRows<{
      id: number;
      from_status: string | null;
      to_status: string;
      reason_code: string | null;
      note: string;
      occurred_at: string | Date;
      actor_user_id: number | null;
      kind: "status" | "vraag";
      actor_kind: "link" | "overdracht" | null;
    }>(
      on,
      sql`select e.id, e.from_status, e.to_status, e.reason_code, e.note, e.occurred_at, e.actor_user_id,
                 e.kind, e.actor_kind
          from referral_events e
          where e.referral_id = ${referralId} order by e.id`,
    ),

  /** Moves the referral if its version is still `expectedVersion`; false when somebody moved it meanwhile. */
  async updateIfCurrent(
    on: Database,
    referralId: number,
    expectedVersion: number,
    change: Pick<ReferralInsert, "status" | "reasonCode" | "dueAt" | "outcome" | "outcomeReason"> & {
      updatedAt: Date;
    },
  ) {
    const updated = await on
      .update(referrals)
      .set({ ...change, version: sql`${referrals.version} + 1` })
      .where(and(eq(referrals.id, referralId), eq(referrals.version, expectedVersion)))
      .returning({ id: referrals.id });
    return updated.length > 0;
  },

  /** The dossier's referrals with what a withdrawal needs. */
  forWithdrawal: (on: Database, caseId: number) =>
    on
      .select({
        id: referrals.id,
        version: referrals.version,
        status: referrals.status,
        delivery: referrals.delivery,
        providerId: referrals.providerId,
        instrumentRefId: referrals.instrumentRefId,
        createdAt: referrals.createdAt,
      })
      .from(referrals)
      .where(eq(referrals.caseId, caseId))
      .orderBy(referrals.id),

  /** A provider's incoming referrals, newest first, at most 200. */
  inbox: (on: Database, providerId: string) =>
    on
      .select({
        id: referrals.id,
        instrumentRefId: referrals.instrumentRefId,
        status: referrals.status,
        dueAt: referrals.dueAt,
        createdAt: referrals.createdAt,
        companyName: cases.companyName,
        regionCode: cases.regionCode,
      })
      .from(referrals)
      .innerJoin(cases, eq(cases.id, referrals.caseId))
      .where(eq(referrals.providerId, providerId))
      .orderBy(desc(referrals.id))
      .limit(200),

  /** Open referrals whose deadline passed (the deadline job). */
  overdue: (on: Database, now: Date) =>
    on
      .select({
        id: referrals.id,
        caseId: referrals.caseId,
        instrumentRefId: referrals.instrumentRefId,
        providerId: referrals.providerId,
        status: referrals.status,
        version: referrals.version,
      })
      .from(referrals)
      .where(
        sql`${referrals.dueAt} < ${now} and ${referrals.status} in ('verstuurd', 'in_behandeling', 'actie_ondernemer_nodig', 'geaccepteerd', 'in_uitvoering')`,
      ),

  /** Sets an overdue referral to verlopen, whatever its version (the job holds the transaction). */
  expire: (
    on: Database,
    referralId: number,
    change: Pick<ReferralInsert, "outcome" | "outcomeReason"> & { updatedAt: Date },
  ) =>
    on
      .update(referrals)
      .set({ status: "verlopen", dueAt: null, ...change, version: sql`${referrals.version} + 1` })
      .where(eq(referrals.id, referralId)),
};

/** A provider's listing versions. */
export const listingRows = {
  /** Every version of the given instruments' listings, newest version first. */
  versionsOf: (on: Database, refIds: readonly string[]) =>
    refIds.length
      ? on
          .select()
          .from(listingVersions)
          .where(inArray(listingVersions.instrumentRefId, [...refIds]))
          .orderBy(desc(listingVersions.version))
      : Promise.resolve([]),

  /** The newest version number of an instrument's listing; 0 when it has none. */
  async latestVersion(on: Database, refId: string) {
    const [latest] = await queryRows<{ version: number | null }>(
      on,
      sql`select max(version)::int as version from listing_versions where instrument_ref_id = ${refId}`,
    );
    return latest?.version ?? 0;
  },

  insert: (on: Database, values: ListingVersionInsert) => on.insert(listingVersions).values(values),
};

/** Stored e-mail messages. */
export const outboxRows = {
  /** Newest first, at most 100: all of them, or those to one address. */
  list: (on: Database, toAddress: string | null) =>
    on
      .select()
      .from(outboxMessages)
      .where(toAddress ? eq(outboxMessages.toAddress, toAddress) : undefined)
      .orderBy(desc(outboxMessages.id))
      .limit(100),

  async get(on: Database, id: number, toAddress: string | null) {
    const condition: SQL | undefined = toAddress ? eq(outboxMessages.toAddress, toAddress) : undefined;
    const [row] = await on
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.id, id), condition));
    return row;
  },
};

/** The providers' deadline reminders (ADR 0086). */
export const reminderRows = {
  /**
   * Open referrals in one of `statuses` whose deadline falls in (now, until], not handed over warmly, without a
   * reminder in their current status yet; by id.
   */
  due: (on: Database, now: Date, until: Date, statuses: readonly string[]) =>
    queryRows<{
      id: number;
      case_id: number;
      hub_id: string;
      status: string;
      due_at: string | Date;
      delivery: string | null;
      provider_id: string;
      instrument_ref_id: string;
    }>(
      on,
      sql`select r.id, r.case_id, c.hub_id, r.status, r.due_at, r.delivery, r.provider_id, r.instrument_ref_id
            from referrals r
            join cases c on c.id = r.case_id
           where r.due_at > ${now} and r.due_at <= ${until}
             and r.status in (${codeList(statuses)})
             and coalesce(r.delivery, 'account') <> 'warme_overdracht'
             and not exists (select 1 from referral_reminders m where m.referral_id = r.id and m.status = r.status)
           order by r.id`,
    ),

  /**
   * Claims the reminder of a referral in a status (primary key on both, insert … on conflict do nothing): true for
   * the one caller that may send it, so a rerun or a second instance sends nothing twice.
   */
  async claim(on: Database, referralId: number, status: string, now: Date) {
    const claimed = await queryRows<{ referral_id: number }>(
      on,
      sql`insert into referral_reminders (referral_id, status, sent_at) values (${referralId}, ${status}, ${now})
          on conflict do nothing returning referral_id`,
    );
    return claimed.length > 0;
  },
};
