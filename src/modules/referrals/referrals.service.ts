import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { format } from "../../i18n/index.js";
import type { AbsoluteUrl } from "../../web/links.js";
import type { AuditActor, AuditLog } from "../audit/index.js";
import { type Principal, referralDeliveryFor } from "../auth/index.js";
import { writeJourneyEvents } from "../monitoring/index.js";
import type { Help, JourneyStep, Phase } from "../vocabulary/index.js";
import { createEntrepreneurMails } from "./referrals.entrepreneur-mails.js";
import { type InstrumentDirectory, isReferable, type ListingStatus } from "./referrals.instruments.js";
import { linkMessages } from "./referrals.link.messages.js";
import { loketsForRegion, NATIONAL_QUEUE_ID, NATIONAL_QUEUE_NAME } from "./referrals.lokets.js";
import { caseReference, referralReference, staffMails } from "./referrals.mails.js";
import { mailOf, queueMail } from "./referrals.notifications.js";
import {
  createReferralLinks,
  issueReferralLink,
  linkExpiry,
  queueProviderLinkMail,
} from "./referrals.provider-link.js";
import { caseStaffRecipients, providerRecipients, staffRecipients } from "./referrals.recipients.js";
import { sendDeadlineReminders } from "./referrals.reminders.js";
import {
  allowedTransitions,
  DEADLINE_DAYS,
  isReferralStatus,
  isTerminal,
  type ReferralActor,
  type ReferralStatus,
  transition,
} from "./referrals.state-machine.js";
import {
  caseNotes,
  cases,
  consents,
  listingVersions,
  measures,
  outboxMessages,
  referralEvents,
  referrals,
} from "./referrals.tables.js";
import {
  closeOpenHandoverTasks,
  createReferralTasks,
  createTask,
  EXPIRED_FOLLOW_UP_DAYS,
  WARM_HANDOVER_FOLLOW_UP_DAYS,
} from "./referrals.tasks.js";

/** v2 names what the provider of a referred instrument sees (REFERRAL_SHARES); /privacy says the same. */
export const CONSENT_TEXT_VERSION = "intake-toestemming-2026-12-v2";
/**
 * The company's details a referral shows, to the provider of the instrument and on the referral page: exactly the
 * fields the consent text at intake names. Phone number, question and notes stay with the hub's advisers.
 */
export const REFERRAL_SHARES = [
  "companyName",
  "kvkNumber",
  "regionCode",
  "contactName",
  "contactEmail",
] as const;
export const CONSENT_PURPOSE = "intake, advies en verwijzing naar ondersteuning";
/** Days within which a hub answers a new intake. */
export const INTAKE_RESPONSE_DAYS = 5;
export const CASE_STATUSES = ["nieuw", "in_behandeling", "wachten", "afgesloten"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type QueueFilter = "nieuw" | "mijn" | "wachten" | "verlopen";

export type ReferralsDeps = {
  db: Database;
  audit: AuditLog;
  instruments: InstrumentDirectory;
  clock: () => Date;
  retentionMonths: number;
  /** Links in the mails this module writes: always absolute, on the configured public origin (ADR 0073). */
  absoluteUrl: AbsoluteUrl;
  /** Called after a listing change has committed, so in-memory copies of the catalogue are dropped. */
  onListingChanged?: (refId: string) => void;
  /** Unmet demand for the monitor's gap view (ADR 0094); the composition root wires the monitoring module's log. */
  unmetDemand?: UnmetDemandPort;
};

/**
 * Where the referrals module reports unmet demand (ADR 0094): codes only, never a case id or a person. A decline is
 * reported after its transaction commits, with the instrument, so the monitor can find the instrument's step.
 */
export type UnmetDemandPort = {
  /** An intake marked "geen passend aanbod", inside the caller's transaction. */
  noOffer(
    tx: Database,
    demand: {
      regionCode: string;
      sector: string | null;
      step: JourneyStep;
      phase: Phase | null;
      help: Help | null;
    },
  ): Promise<void>;
  /** A provider declined for lack of capacity or fit. */
  declined(demand: {
    regionCode: string;
    sector: string | null;
    instrumentRefId: string;
    source: "decline_capacity" | "decline_fit";
  }): Promise<void>;
};

/**
 * Which decline reasons are unmet demand (ADR 0094): no capacity or budget left is a capacity shortage; "not in the
 * target group" is a fit the offer lacks. Outside the region and incomplete are the referral's own problem.
 */
export const DECLINE_DEMAND: Partial<Record<string, "decline_capacity" | "decline_fit">> = {
  geen_capaciteit: "decline_capacity",
  budget_op: "decline_capacity",
  niet_in_doelgroep: "decline_fit",
};

export type Hub = {
  organisationId: string;
  name: string;
  description: { nl: string; en: string };
  email: string;
};

export type IntakeInput = {
  regionCode: string;
  municipalityCode: string | null;
  sbiSection: string | null;
  scanResultId: string | null;
  /** The campaign slug (`bron`) the company came with, or null. */
  source: string | null;
  companyName: string;
  kvkNumber: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  question: string;
  /** The language of the intake form: the entrepreneur's mails are written in it. Default Dutch. */
  language?: "nl" | "en";
};

/** Where an intake goes: the region's hub that takes intakes, or the national queue (ADR 0081). */
export type IntakeRecipient =
  | { kind: "hub"; hub: Hub }
  | { kind: "national"; organisationId: string; name: string };

/** A stale form: the row changed since the user loaded it. */
export type Conflict = { ok: false; conflict: true };
const CONFLICT: Conflict = { ok: false, conflict: true };
const days = (count: number) => count * 86_400_000;
const ANONYMISED = "[geanonimiseerd]";

/** The closed-loop referral work: intake, dossiers, referrals, measures, listings, privacy and deadlines. */
export function createReferralsService(deps: ReferralsDeps) {
  const { db, audit, instruments, clock } = deps;

  async function hubForRegion(regionCode: string): Promise<Hub | undefined> {
    const [row] = await queryRows<{
      organisation_id: string;
      name: string;
      description: Hub["description"];
      email: string;
    }>(
      db,
      sql`select h.organisation_id, o.name, h.description, h.email from hubs h
          join organisations o on o.id = h.organisation_id
          where ${regionCode} = any(o.region_codes) and h.intake_open = 1 order by o.id limit 1`,
    );
    return row
      ? {
          organisationId: row.organisation_id,
          name: row.name,
          description: row.description,
          email: row.email,
        }
      : undefined;
  }

  const link = deps.absoluteUrl;
  /** Every mail to the entrepreneur goes through this one place (ADR 0085). */
  const entrepreneur = createEntrepreneurMails({ absoluteUrl: link, instruments });
  /**
   * Records a step of the company's journey for the monitor's funnel, in the same transaction: the case's region,
   * sector section and campaign source only, no case id or personal data (ADR 0043, ADR 0062).
   */
  const recordJourney = async (tx: Database, caseId: number, type: string, now: Date) => {
    const [found] = await tx
      .select({ regionCode: cases.regionCode, sbiSection: cases.sbiSection, source: cases.source })
      .from(cases)
      .where(eq(cases.id, caseId));
    if (found) await writeJourneyEvents(tx, [{ type, ...found, occurredAt: now }]);
  };

  const service = {
    hubForRegion,

    /** The provider's single-purpose links (ADR 0086). */
    links: createReferralLinks({ db, audit, clock, absoluteUrl: link }),
    /** The adviser's follow-up tasks on referrals (ADR 0086). */
    tasks: createReferralTasks({ db, audit, clock }),

    /**
     * Where an intake from this region goes: its hub when one takes intakes through this service, otherwise the
     * national queue that the national coordinators handle (ADR 0081).
     */
    async intakeRecipient(regionCode: string): Promise<IntakeRecipient> {
      const hub = await hubForRegion(regionCode);
      return hub
        ? { kind: "hub", hub }
        : { kind: "national", organisationId: NATIONAL_QUEUE_ID, name: NATIONAL_QUEUE_NAME };
    },

    /** The region's real lokets (and demo hubs in demo mode), staffed desks first. */
    lokets: (regionCode: string) => loketsForRegion(db, regionCode),

    /**
     * An entrepreneur asks for a conversation, with explicit consent: to the region's hub, or to the national queue
     * when the region has no hub that takes intakes. The mail never promises a regional adviser that does not exist.
     */
    async requestIntake(input: IntakeInput, actor: AuditActor) {
      const hub = await hubForRegion(input.regionCode);
      const recipientId = hub?.organisationId ?? NATIONAL_QUEUE_ID;
      const recipientName = hub?.name ?? NATIONAL_QUEUE_NAME;
      const now = clock();
      const publicToken = randomBytes(18).toString("base64url");
      return db.transaction(async (tx) => {
        const [created] = await tx
          .insert(cases)
          .values({
            publicToken,
            hubId: recipientId,
            regionCode: input.regionCode,
            municipalityCode: input.municipalityCode,
            sbiSection: input.sbiSection,
            source: input.source,
            scanResultId: input.scanResultId,
            companyName: input.companyName,
            kvkNumber: input.kvkNumber,
            contactName: input.contactName,
            contactEmail: input.contactEmail.trim().toLowerCase(),
            contactPhone: input.contactPhone,
            question: input.question,
            language: input.language ?? "nl",
            dueAt: new Date(now.getTime() + days(INTAKE_RESPONSE_DAYS)),
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: cases.id });
        const caseId = created!.id;
        await tx.insert(consents).values({
          caseId,
          hubId: recipientId,
          purpose: CONSENT_PURPOSE,
          textVersion: CONSENT_TEXT_VERSION,
          retentionMonths: deps.retentionMonths,
          givenAt: now,
        });
        await tx
          .insert(caseNotes)
          .values({ caseId, kind: "event", body: "intake_ontvangen", createdAt: now });
        await writeJourneyEvents(tx, [
          {
            type: "intake_requested",
            regionCode: input.regionCode,
            sbiSection: input.sbiSection,
            source: input.source,
            occurredAt: now,
          },
        ]);
        await audit.record(tx, actor, {
          action: "case.create",
          subjectType: "case",
          subjectId: caseId,
          detail: { queue: hub ? "regional" : "national" },
        });
        // The entrepreneur's mail names who handles the request, by when, and links to their own page.
        await entrepreneur.intakeReceived(tx, caseId, INTAKE_RESPONSE_DAYS, now);
        const staff = hub
          ? sql`u.organisation_id = ${hub.organisationId} and u.role = 'adviseur'`
          : sql`u.role = 'coordinator' and o.scope = 'national'`;
        const reference = caseReference(caseId, now);
        for (const { email, lang } of await staffRecipients(tx, staff))
          await queueMail(
            tx,
            mailOf(
              staffMails.newIntake(lang, {
                reference,
                url: link(`/werkruimte/dossiers/${caseId}`),
                signature: "Circulair Loket",
                queue: recipientName,
                national: !hub,
                days: INTAKE_RESPONSE_DAYS,
                dueAt: new Date(now.getTime() + days(INTAKE_RESPONSE_DAYS)),
              }),
              { to: email, kind: "intake_notice", caseId },
            ),
            now,
          );
        return {
          caseId,
          publicToken,
          recipient: hub
            ? ({ kind: "hub", hub } as const)
            : ({ kind: "national", organisationId: NATIONAL_QUEUE_ID, name: NATIONAL_QUEUE_NAME } as const),
        };
      });
    },

    /** The region and queue of a dossier, for the guard; no personal data. */
    async caseScope(caseId: number) {
      const [row] = await db
        .select({ id: cases.id, regionCode: cases.regionCode, hubId: cases.hubId })
        .from(cases)
        .where(eq(cases.id, caseId));
      return row
        ? {
            id: row.id,
            regionCode: row.regionCode,
            queue: row.hubId === NATIONAL_QUEUE_ID ? ("national" as const) : ("regional" as const),
          }
        : undefined;
    },

    /**
     * The queue: for an adviser the new, own, waiting or overdue dossiers in the hub's regions; for a national
     * coordinator those of the national queue (regions without a hub that takes intakes, ADR 0081).
     */
    async queue(principal: Principal, filter: QueueFilter, actor: AuditActor) {
      const now = clock();
      const condition =
        filter === "nieuw"
          ? sql`c.status = 'nieuw'`
          : filter === "mijn"
            ? sql`c.assigned_user_id = ${principal.userId} and c.status <> 'afgesloten'`
            : filter === "wachten"
              ? sql`c.status = 'wachten'`
              : sql`c.due_at < ${now} and c.status <> 'afgesloten'`;
      const regionList = principal.regionCodes.length
        ? sql.join(
            principal.regionCodes.map((code) => sql`${code}`),
            sql`, `,
          )
        : sql`null`;
      const inQueue =
        principal.role === "coordinator"
          ? sql`c.hub_id = ${NATIONAL_QUEUE_ID}`
          : sql`c.region_code in (${regionList}) and c.hub_id <> ${NATIONAL_QUEUE_ID}`;
      const rows = await queryRows<{
        id: number;
        company_name: string;
        region_code: string;
        status: CaseStatus;
        due_at: string | Date;
        created_at: string | Date;
        assigned: string | null;
      }>(
        db,
        sql`select c.id, c.company_name, c.region_code, c.status, c.due_at, c.created_at, u.display_name as assigned
            from cases c left join users u on u.id = c.assigned_user_id
            where ${inQueue} and c.anonymised_at is null and ${condition}
            order by c.due_at, c.id limit 200`,
      );
      if (rows.length)
        await audit.record(db, actor, {
          action: "queue.read",
          subjectType: "case",
          subjectId: null,
          detail: { filter, caseIds: rows.map((row) => row.id) },
        });
      return rows.map((row) => ({
        id: row.id,
        companyName: row.company_name,
        regionCode: row.region_code,
        status: row.status,
        dueAt: new Date(row.due_at),
        createdAt: new Date(row.created_at),
        assigned: row.assigned,
        overdue: new Date(row.due_at).getTime() < now.getTime() && row.status !== "afgesloten",
      }));
    },

    /** The whole dossier: profile, consent, notes and history, referrals, measures. The read is audited. */
    async dossier(caseId: number, actor: AuditActor) {
      const [record] = await db.select().from(cases).where(eq(cases.id, caseId));
      if (!record) return undefined;
      // The dossier's parts are independent reads: side by side on a server's pool (PGlite takes them in turn).
      const [[consent], notes, caseReferrals, caseMeasures, assigned] = await Promise.all([
        db.select().from(consents).where(eq(consents.caseId, caseId)),
        queryRows<{
          id: number;
          kind: string;
          body: string;
          created_at: string | Date;
          author: string | null;
        }>(
          db,
          sql`select n.id, n.kind, n.body, n.created_at, u.display_name as author from case_notes n
              left join users u on u.id = n.author_user_id where n.case_id = ${caseId} order by n.id`,
        ),
        db.select().from(referrals).where(eq(referrals.caseId, caseId)).orderBy(asc(referrals.id)),
        db.select().from(measures).where(eq(measures.caseId, caseId)).orderBy(asc(measures.id)),
        record.assignedUserId
          ? queryRows<{ display_name: string }>(
              db,
              sql`select display_name from users where id = ${record.assignedUserId}`,
            ).then((rows) => rows[0]?.display_name)
          : Promise.resolve(undefined),
      ]);
      await audit.record(db, actor, { action: "case.read", subjectType: "case", subjectId: caseId });
      // One catalogue read for every referral's instrument, however many referrals the dossier holds.
      const referred = await instruments.getMany(caseReferrals.map((referral) => referral.instrumentRefId));
      return {
        record,
        assigned: assigned ?? null,
        consent: consent ?? null,
        notes: notes.map((note) => ({ ...note, createdAt: new Date(note.created_at) })),
        referrals: caseReferrals.map((referral) => ({
          ...referral,
          instrument: referred.get(referral.instrumentRefId),
        })),
        measures: caseMeasures,
      };
    },

    /** The adviseur takes a new dossier: assigned to them, in behandeling, a 30-day deadline. */
    async pickUp(caseId: number, principal: Principal, expectedVersion: number, actor: AuditActor) {
      const now = clock();
      return db.transaction(async (tx) => {
        const updated = await tx
          .update(cases)
          .set({
            assignedUserId: principal.userId,
            status: "in_behandeling",
            dueAt: new Date(now.getTime() + days(30)),
            updatedAt: now,
            version: sql`${cases.version} + 1`,
          })
          .where(and(eq(cases.id, caseId), eq(cases.version, expectedVersion)))
          .returning({ id: cases.id });
        if (!updated.length) return CONFLICT;
        await tx.insert(caseNotes).values({
          caseId,
          authorUserId: principal.userId,
          kind: "event",
          body: "opgepakt",
          createdAt: now,
        });
        // The dossier is opened when an adviser takes the intake up.
        await recordJourney(tx, caseId, "case_opened", now);
        await entrepreneur.pickedUp(tx, caseId, principal.displayName, now);
        await audit.record(tx, actor, {
          action: "case.update",
          subjectType: "case",
          subjectId: caseId,
          detail: { change: "pick_up" },
        });
        return { ok: true as const };
      });
    },

    /** Changes the dossier's status and agreed next steps, if nobody changed it since the form was loaded. */
    async updateDossier(
      caseId: number,
      change: { status: CaseStatus; nextSteps: string; expectedVersion: number },
      principal: Principal,
      actor: AuditActor,
    ) {
      const now = clock();
      return db.transaction(async (tx) => {
        const [current] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId));
        const updated = await tx
          .update(cases)
          .set({
            status: change.status,
            nextSteps: change.nextSteps,
            closedAt: change.status === "afgesloten" ? now : null,
            updatedAt: now,
            version: sql`${cases.version} + 1`,
          })
          .where(and(eq(cases.id, caseId), eq(cases.version, change.expectedVersion)))
          .returning({ id: cases.id });
        if (!updated.length) return CONFLICT;
        if (current && current.status !== change.status)
          await tx.insert(caseNotes).values({
            caseId,
            authorUserId: principal.userId,
            kind: "event",
            body: `status:${change.status}`,
            createdAt: now,
          });
        await audit.record(tx, actor, {
          action: "case.update",
          subjectType: "case",
          subjectId: caseId,
        });
        return { ok: true as const };
      });
    },

    /** Adds an intake note to the dossier. */
    async addNote(caseId: number, body: string, principal: Principal, actor: AuditActor) {
      await db.transaction(async (tx) => {
        await tx
          .insert(caseNotes)
          .values({ caseId, authorUserId: principal.userId, kind: "note", body, createdAt: clock() });
        await audit.record(tx, actor, {
          action: "case.update",
          subjectType: "case",
          subjectId: caseId,
          detail: { change: "note" },
        });
      });
    },

    /**
     * Refers the dossier to an instrument; sent at once, along the provider's delivery route (ADR 0086): its users
     * get an e-mail; or its referral address gets a mail with a single-purpose link; or, with neither, the adviser
     * makes a warm handover and gets a follow-up task. Only instruments the catalogue shows as open or doorlopend can
     * be chosen.
     */
    async createReferral(
      caseId: number,
      input: { refId: string; message: string },
      principal: Principal,
      actor: AuditActor,
    ): Promise<{ ok: true; referralId: number } | { ok: false; problem: "unknown" | "closed" }> {
      const instrument = await instruments.get(input.refId);
      if (!instrument) return { ok: false, problem: "unknown" };
      if (!isReferable(instrument)) return { ok: false, problem: "closed" };
      const now = clock();
      const delivery = await referralDeliveryFor(db, instrument.providerOrganizationId);
      const dueAt = new Date(now.getTime() + days(DEADLINE_DAYS.verstuurd!));
      return db.transaction(async (tx) => {
        const t = tx;
        const [created] = await tx
          .insert(referrals)
          .values({
            caseId,
            instrumentRefId: instrument.refId,
            providerId: instrument.providerOrganizationId,
            message: input.message,
            status: "verstuurd",
            delivery: delivery.route,
            dueAt,
            createdByUserId: principal.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: referrals.id });
        const referralId = created!.id;
        await tx.insert(referralEvents).values([
          {
            referralId,
            fromStatus: null,
            toStatus: "concept",
            actorUserId: principal.userId,
            occurredAt: now,
          },
          {
            referralId,
            fromStatus: "concept",
            toStatus: "verstuurd",
            actorUserId: principal.userId,
            occurredAt: now,
          },
        ]);
        await tx.insert(caseNotes).values({
          caseId,
          authorUserId: principal.userId,
          kind: "event",
          body: `verwezen:${instrument.refId}`,
          createdAt: now,
        });
        await recordJourney(t, caseId, "referral_sent", now);
        await audit.record(t, actor, {
          action: "referral.create",
          subjectType: "referral",
          subjectId: referralId,
          detail: { caseId, delivery: delivery.route },
        });
        if (delivery.route === "mail") {
          const expiresAt = linkExpiry(dueAt, now);
          const token = await issueReferralLink(t, referralId, expiresAt, now);
          await queueProviderLinkMail(
            t,
            {
              to: delivery.address,
              referralId,
              caseId,
              token,
              loketName: principal.organisationName,
              instrumentName: instrument.name.nl,
              dueAt,
              expiresAt,
            },
            link,
            now,
          );
        }
        if (delivery.route === "warme_overdracht")
          await createTask(
            t,
            { caseId, referralId, kind: "warme_overdracht_opvolgen", days: WARM_HANDOVER_FOLLOW_UP_DAYS },
            now,
          );
        if (delivery.route === "account") {
          const [record] = await tx
            .select({ createdAt: cases.createdAt })
            .from(cases)
            .where(eq(cases.id, caseId));
          const reference = referralReference(caseReference(caseId, record?.createdAt ?? now), referralId);
          for (const { email, lang } of await providerRecipients(t, instrument.providerOrganizationId))
            await queueMail(
              t,
              mailOf(
                staffMails.referralToProvider(lang, {
                  reference,
                  url: link(`/werkruimte/verwijzingen/${referralId}`),
                  signature: principal.organisationName,
                  hub: principal.organisationName,
                  instrument: instrument.name[lang],
                  dueAt,
                }),
                { to: email, kind: "referral_sent", caseId },
              ),
              now,
            );
        }
        await entrepreneur.referralSent(t, referralId, now);
        return { ok: true as const, referralId };
      });
    },

    /** The region and provider of a referral, for the guard; no personal data. */
    async referralScope(referralId: number) {
      const [row] = await db
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
      if (!row) return undefined;
      const { hubId, ...scope } = row;
      return { ...scope, queue: hubId === NATIONAL_QUEUE_ID ? ("national" as const) : ("regional" as const) };
    },

    /** One referral with the company it is about and its history; the read is audited. */
    async referral(referralId: number, viewer: ReferralActor, actor: AuditActor) {
      // Of the company only what the intake's consent text names for the provider (REFERRAL_SHARES): never the
      // phone number, the question or the adviser's notes, whoever looks.
      const [row] = await db
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
      if (!row) return undefined;
      const events = await queryRows<{
        id: number;
        from_status: string | null;
        to_status: string;
        reason_code: string | null;
        note: string;
        occurred_at: string | Date;
        actor: string | null;
        kind: "status" | "vraag";
        actor_kind: "link" | "overdracht" | null;
      }>(
        db,
        sql`select e.id, e.from_status, e.to_status, e.reason_code, e.note, e.occurred_at, u.display_name as actor,
                   e.kind, e.actor_kind
            from referral_events e left join users u on u.id = e.actor_user_id
            where e.referral_id = ${referralId} order by e.id`,
      );
      await audit.record(db, actor, {
        action: "referral.read",
        subjectType: "referral",
        subjectId: referralId,
      });
      const status = row.referral.status as ReferralStatus;
      return {
        referral: row.referral,
        company: row.company,
        instrument: await instruments.get(row.referral.instrumentRefId),
        events: events.map((event) => ({ ...event, occurredAt: new Date(event.occurred_at) })),
        moves: allowedTransitions(status, viewer),
      };
    },

    /** Moves a referral through the state machine; the other side is told by e-mail. */
    async transitionReferral(
      referralId: number,
      move: {
        to: string;
        reason: string | null;
        note: string;
        expectedVersion: number;
        /** "link": the provider acts through its single-purpose link; the history names the link, not a person. */
        via?: "link";
        /** The caller tells the parties itself (consent withdrawn: the erasure follows and would void these mails). */
        silent?: boolean;
      },
      role: ReferralActor,
      principal: Principal | null,
      actor: AuditActor,
    ) {
      const now = clock();
      let declined: Parameters<UnmetDemandPort["declined"]>[0] | undefined;
      const outcome = await db.transaction(async (tx) => {
        const t = tx;
        const [current] = await tx.select().from(referrals).where(eq(referrals.id, referralId));
        if (!current) return { ok: false as const, problem: "notFound" as const };
        if (current.version !== move.expectedVersion) return CONFLICT;
        if (!isReferralStatus(move.to)) return { ok: false as const, problem: "notAllowed" as const };
        const result = transition(current.status as ReferralStatus, move.to, role, move.reason, now);
        if (!result.ok) return { ok: false as const, problem: result.problem };
        const updated = await tx
          .update(referrals)
          .set({
            status: result.to,
            reasonCode: result.reasonCode,
            dueAt: result.dueAt,
            outcome: result.outcome,
            outcomeReason: result.outcomeReason,
            updatedAt: now,
            version: sql`${referrals.version} + 1`,
          })
          .where(and(eq(referrals.id, referralId), eq(referrals.version, move.expectedVersion)))
          .returning({ id: referrals.id });
        if (!updated.length) return CONFLICT;
        const demandSource = result.to === "afgewezen" ? DECLINE_DEMAND[result.reasonCode ?? ""] : undefined;
        if (demandSource) {
          const [place] = await tx
            .select({ regionCode: cases.regionCode, sector: cases.sbiSection })
            .from(cases)
            .where(eq(cases.id, current.caseId));
          if (place) declined = { ...place, instrumentRefId: current.instrumentRefId, source: demandSource };
        }
        await tx.insert(referralEvents).values({
          referralId,
          fromStatus: current.status,
          toStatus: result.to,
          reasonCode: result.reasonCode,
          note: move.note,
          actorUserId: principal?.userId ?? null,
          actorKind: move.via ?? (role === "overdracht" ? "overdracht" : null),
          occurredAt: now,
        });
        await audit.record(t, actor, {
          action: "referral.transition",
          subjectType: "referral",
          subjectId: referralId,
          detail: { from: current.status, to: result.to, reason: result.reasonCode },
        });
        // The adviser ended the referral (withdrawn): its warm-handover task has nothing left to follow up.
        // So did the system when the entrepreneur withdrew consent.
        if ((role === "adviseur" || result.to === "ingetrokken") && isTerminal(result.to))
          await closeOpenHandoverTasks(t, referralId, now);
        if (isTerminal(result.to))
          await recordJourney(
            t,
            current.caseId,
            result.to === "afgerond_geholpen" ? "outcome_helped" : `referral_${result.to}`,
            now,
          );
        if (move.silent) return { ok: true as const, status: result.to };
        const [company] = await tx
          .select({ assignedUserId: cases.assignedUserId, hubId: cases.hubId, createdAt: cases.createdAt })
          .from(cases)
          .where(eq(cases.id, current.caseId));
        const recipients =
          role === "adviseur" || role === "overdracht"
            ? await providerRecipients(t, current.providerId)
            : await caseStaffRecipients(t, company);
        const instrument = await instruments.getOn(t, current.instrumentRefId);
        const reference = referralReference(
          caseReference(current.caseId, company?.createdAt ?? current.createdAt),
          referralId,
        );
        for (const { email, lang } of recipients)
          await queueMail(
            t,
            mailOf(
              staffMails.referralStatus(lang, {
                reference,
                url: link(`/werkruimte/verwijzingen/${referralId}`),
                signature: "Circulair Loket",
                instrument: instrument?.name[lang] ?? current.instrumentRefId,
                status: result.to,
                reason: result.reasonCode,
              }),
              { to: email, kind: "referral_status", caseId: current.caseId },
            ),
            now,
          );
        // The entrepreneur hears of every step in words, whoever made it.
        await entrepreneur.referralChanged(t, referralId, now);
        return { ok: true as const, status: result.to };
      });
      // A decline for capacity or fit is unmet demand, reported once the decline has committed (ADR 0094).
      if (outcome.ok && declined) await deps.unmetDemand?.declined(declined);
      return outcome;
    },

    /**
     * The entrepreneur withdrew consent (ADR 0085): every open referral of the dossier is withdrawn through the state
     * machine (reason "ondernemer_ziet_af", by the system, audited with the caller's actor: the link holder), and each
     * provider that received it hears so: a link provider at its referral address, provider users by their account.
     * These mails carry the reference and instrument only, and no case id, so the erasure that follows keeps them.
     * Answers how many referrals were withdrawn. Run it before the erasure.
     */
    async withdrawForConsent(caseId: number, actor: AuditActor): Promise<number> {
      const open = await db
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
        .orderBy(referrals.id);
      const [record] = await db
        .select({ createdAt: cases.createdAt, hubId: cases.hubId })
        .from(cases)
        .where(eq(cases.id, caseId));
      const [hub] = record
        ? await queryRows<{ name: string }>(
            db,
            sql`select name from organisations where id = ${record.hubId}`,
          )
        : [];
      let withdrawn = 0;
      for (const referral of open) {
        if (isTerminal(referral.status as ReferralStatus)) continue;
        const moved = await service.transitionReferral(
          referral.id,
          {
            to: "ingetrokken",
            reason: "ondernemer_ziet_af",
            note: "",
            expectedVersion: referral.version,
            silent: true,
          },
          "systeem",
          null,
          actor,
        );
        if (!moved.ok) continue;
        withdrawn++;
        const now = clock();
        const instrument = await instruments.get(referral.instrumentRefId);
        const reference = referralReference(
          caseReference(caseId, record?.createdAt ?? referral.createdAt),
          referral.id,
        );
        const delivery = await referralDeliveryFor(db, referral.providerId);
        // An organisation's referral mailbox has no language of its own and reads Dutch (ADR 0085 amendment).
        const to: { email: string; lang: "nl" | "en" }[] =
          referral.delivery === "mail" && delivery.route === "mail"
            ? [{ email: delivery.address, lang: "nl" }]
            : referral.delivery === "account"
              ? await providerRecipients(db, referral.providerId)
              : [];
        for (const { email, lang } of to) {
          const values = {
            reference,
            instrument: instrument?.name[lang] ?? referral.instrumentRefId,
            loket: hub?.name ?? "Circulair Loket",
          };
          await queueMail(
            db,
            {
              to: email,
              subject: format(linkMessages[lang].withdrawnMailSubject, values),
              body: format(linkMessages[lang].withdrawnMailBody, values),
              kind: "referral_withdrawn",
              caseId: null,
            },
            now,
          );
        }
      }
      return withdrawn;
    },

    /** Records a measure the company took, with its impact. */
    async addMeasure(
      caseId: number,
      input: {
        description: string;
        materialKg: number | null;
        euro: number | null;
        co2eKg: number | null;
        basis: "geschat" | "gemeten";
        referralId: number | null;
      },
      principal: Principal,
      actor: AuditActor,
    ) {
      return db.transaction(async (tx) => {
        const now = clock();
        // A measure may name a referral of its own dossier only.
        if (input.referralId !== null) {
          const [own] = await tx
            .select({ id: referrals.id })
            .from(referrals)
            .where(and(eq(referrals.id, input.referralId), eq(referrals.caseId, caseId)));
          if (!own) return { ok: false as const, reason: "referral" as const };
        }
        await tx
          .insert(measures)
          .values({ caseId, ...input, createdByUserId: principal.userId, createdAt: now });
        await recordJourney(tx, caseId, "measure_recorded", now);
        await audit.record(tx, actor, {
          action: "measure.create",
          subjectType: "case",
          subjectId: caseId,
        });
        return { ok: true as const };
      });
    },

    /**
     * The adviser marks the dossier's question "geen passend aanbod" (ADR 0094): a demand record for the monitor's
     * gap view with the case's region and sector and the step, phase and help the adviser names; audited.
     */
    async markNoOffer(
      caseId: number,
      input: { step: JourneyStep; phase: Phase | null; help: Help | null },
      actor: AuditActor,
    ) {
      return db.transaction(async (tx) => {
        const t = tx as unknown as Database;
        const [place] = await tx
          .select({ regionCode: cases.regionCode, sector: cases.sbiSection })
          .from(cases)
          .where(eq(cases.id, caseId));
        if (!place) return { ok: false as const };
        await deps.unmetDemand?.noOffer(t, { ...place, ...input });
        await audit.record(t, actor, {
          action: "case.mark_no_offer",
          subjectType: "case",
          subjectId: caseId,
          detail: { step: input.step, phase: input.phase, help: input.help },
        });
        return { ok: true as const };
      });
    },

    /** The provider's incoming referrals for its own instruments. */
    async providerInbox(providerId: string, actor: AuditActor) {
      const rows = await db
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
        .limit(200);
      if (rows.length)
        await audit.record(db, actor, {
          action: "inbox.read",
          subjectType: "referral",
          detail: { referralIds: rows.map((row) => row.id) },
        });
      // One catalogue read for the whole inbox: every row is about one of this provider's instruments.
      const own = new Map((await instruments.byProvider(providerId)).map((item) => [item.refId, item]));
      return rows.map((row) => ({ ...row, instrument: own.get(row.instrumentRefId) }));
    },

    /** The provider's instruments with the newest version of its own listing data. */
    async listings(providerId: string) {
      const own = await instruments.byProvider(providerId);
      const versions = own.length
        ? await db
            .select()
            .from(listingVersions)
            .where(
              inArray(
                listingVersions.instrumentRefId,
                own.map((instrument) => instrument.refId),
              ),
            )
            .orderBy(desc(listingVersions.version))
        : [];
      return own.map((instrument) => {
        const history = versions.filter((version) => version.instrumentRefId === instrument.refId);
        return { instrument, current: history[0] ?? null, history };
      });
    },

    /**
     * Adds a new version of a listing if the provider saw the newest one (optimistic locking by version number) and
     * writes the change to the catalogue instrument in the same transaction. The instrument's row lock makes
     * concurrent saves of one listing wait for each other, so exactly one of two stale-free saves wins.
     */
    async updateListing(
      refId: string,
      providerId: string,
      input: {
        status: ListingStatus;
        opensOn: string | null;
        closesOn: string | null;
        terms: string;
        expectedVersion: number;
      },
      principal: Principal,
      actor: AuditActor,
    ): Promise<{ ok: true; version: number } | Conflict | { ok: false; conflict: false }> {
      const now = clock();
      const result = await db.transaction(async (tx) => {
        const t = tx;
        const instrument = await instruments.lock(t, refId);
        if (!instrument || instrument.providerOrganizationId !== providerId)
          return { ok: false as const, conflict: false as const };
        const [latest] = await queryRows<{ version: number | null }>(
          t,
          sql`select max(version)::int as version from listing_versions where instrument_ref_id = ${refId}`,
        );
        if ((latest?.version ?? 0) !== input.expectedVersion) return CONFLICT;
        const version = input.expectedVersion + 1;
        await tx.insert(listingVersions).values({
          instrumentRefId: refId,
          providerId,
          version,
          status: input.status,
          opensOn: input.opensOn,
          closesOn: input.closesOn,
          terms: input.terms,
          changedByUserId: principal.userId,
          changedAt: now,
        });
        await instruments.applyListing(t, refId, {
          status: input.status,
          windowOpen: input.opensOn,
          windowClose: input.closesOn,
          conditions: input.terms,
          changedAt: now,
        });
        await audit.record(t, actor, {
          action: "listing.update",
          subjectType: "listing",
          subjectId: refId,
          detail: { version, from: instrument.status, to: input.status },
        });
        return { ok: true as const, version };
      });
      if (result.ok) deps.onListingChanged?.(refId);
      return result;
    },

    /**
     * The provider confirms its listing is still current: last_verified becomes today, in one transaction with the
     * audit entry. Nothing else of the listing changes, so no new listing version is written.
     */
    async confirmListing(
      refId: string,
      providerId: string,
      actor: AuditActor,
    ): Promise<{ ok: true; lastVerified: string } | { ok: false }> {
      const now = clock();
      const result = await db.transaction(async (tx) => {
        const t = tx;
        const instrument = await instruments.lock(t, refId);
        if (!instrument || instrument.providerOrganizationId !== providerId) return { ok: false as const };
        await instruments.confirmCurrent(t, refId, now);
        const lastVerified = now.toISOString().slice(0, 10);
        await audit.record(t, actor, {
          action: "listing.confirm",
          subjectType: "listing",
          subjectId: refId,
          detail: { from: instrument.lastVerified, to: lastVerified },
        });
        return { ok: true as const, lastVerified };
      });
      if (result.ok) deps.onListingChanged?.(refId);
      return result;
    },

    /** Stored e-mail messages, newest first: all of them, or those to one address. */
    async outbox(toAddress: string | null) {
      return db
        .select()
        .from(outboxMessages)
        .where(toAddress ? eq(outboxMessages.toAddress, toAddress) : undefined)
        .orderBy(desc(outboxMessages.id))
        .limit(100);
    },

    /** One stored message (to the given address only, when one is given); undefined otherwise. */
    async outboxMessage(id: number, toAddress: string | null) {
      const [row] = await db
        .select()
        .from(outboxMessages)
        .where(
          and(eq(outboxMessages.id, id), toAddress ? eq(outboxMessages.toAddress, toAddress) : undefined),
        );
      return row;
    },

    /** Counts per region without personal data: dossiers, referrals per status, outcomes and measured impact. */
    async regionFigures(regionCodes: string[]) {
      if (!regionCodes.length) return [];
      const list = sql.join(
        regionCodes.map((code) => sql`${code}`),
        sql`, `,
      );
      const rows = await queryRows<{
        region_code: string;
        cases: number;
        open_cases: number;
        referrals: number;
        helped: number;
        not_helped: number;
        open_referrals: number;
        co2e_kg: number | null;
      }>(
        db,
        sql`select c.region_code, count(distinct c.id)::int as cases,
                   count(distinct c.id) filter (where c.status <> 'afgesloten')::int as open_cases,
                   count(distinct r.id)::int as referrals,
                   count(distinct r.id) filter (where r.outcome = 'geholpen')::int as helped,
                   count(distinct r.id) filter (where r.outcome = 'niet_geholpen')::int as not_helped,
                   count(distinct r.id) filter (where r.outcome is null and r.status not in ('ingetrokken', 'doorverwezen'))::int as open_referrals,
                   (select sum(m.co2e_kg)::float from measures m join cases mc on mc.id = m.case_id where mc.region_code = c.region_code) as co2e_kg
            from cases c left join referrals r on r.case_id = c.id
            where c.region_code in (${list}) group by c.region_code order by c.region_code`,
      );
      return rows;
    },

    /**
     * Reminds providers of referrals whose deadline is near, once per referral and status (the hourly job,
     * ADR 0086). Returns how many reminders went out.
     */
    sendReminders: (tx: Database, now: Date) => sendDeadlineReminders(tx, now, { link }),

    /**
     * The provider's public contact details, for the adviser's warm handover: the workspace organisation's, each
     * field filled from the published catalogue organisation where the workspace has none; null where unknown.
     */
    async providerContact(providerId: string) {
      const [row] = await queryRows<{
        name: string;
        website: string | null;
        public_email: string | null;
        phone: string | null;
        visiting_address: string | null;
        opening_hours: { nl: string; en: string } | null;
      }>(
        db,
        sql`select coalesce(o.name, c.name) as name, coalesce(o.website, c.website) as website,
                   coalesce(o.public_email, c.email) as public_email, coalesce(o.phone, c.phone) as phone,
                   o.visiting_address, o.opening_hours
              from (select ${providerId}::text as provider_id) p
              left join lateral (select * from organisations
                                  where kind = 'provider' and provider_id = p.provider_id
                                  order by is_demo, id limit 1) o on true
              left join catalogue_organizations c on c.ref_id = p.provider_id
             where o.id is not null or c.ref_id is not null`,
      );
      return row ?? null;
    },

    /** Marks referrals past their deadline as verlopen (the deadline job). Returns how many. */
    async expireOverdue(tx: Database, now: Date): Promise<number> {
      const overdue = await tx
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
        );
      for (const row of overdue) {
        const result = transition(row.status as ReferralStatus, "verlopen", "systeem", null, now);
        if (!result.ok) continue;
        await tx
          .update(referrals)
          .set({
            status: "verlopen",
            dueAt: null,
            outcome: result.outcome,
            outcomeReason: result.outcomeReason,
            updatedAt: now,
            version: sql`${referrals.version} + 1`,
          })
          .where(eq(referrals.id, row.id));
        await tx
          .insert(referralEvents)
          .values({ referralId: row.id, fromStatus: row.status, toStatus: "verlopen", occurredAt: now });
        await audit.record(
          tx,
          { userId: null, label: "systeem", clientKey: null },
          {
            action: "referral.transition",
            subjectType: "referral",
            subjectId: row.id,
            detail: { from: row.status, to: "verlopen" },
          },
        );
        // The adviser decides what now: refer again, chase the provider, or close with a reason (ADR 0086).
        await closeOpenHandoverTasks(tx, row.id, now);
        await createTask(
          tx,
          { caseId: row.caseId, referralId: row.id, kind: "verlopen_opvolgen", days: EXPIRED_FOLLOW_UP_DAYS },
          now,
        );
        // The adviser gets the choice of what to do next; the entrepreneur is told in words.
        const [company] = await tx
          .select({ assignedUserId: cases.assignedUserId, hubId: cases.hubId, createdAt: cases.createdAt })
          .from(cases)
          .where(eq(cases.id, row.caseId));
        const instrument = await instruments.getOn(tx, row.instrumentRefId);
        for (const { email, lang } of await caseStaffRecipients(tx, company))
          await queueMail(
            tx,
            mailOf(
              staffMails.referralExpired(lang, {
                reference: referralReference(caseReference(row.caseId, company?.createdAt ?? now), row.id),
                url: link(`/werkruimte/verwijzingen/${row.id}`),
                signature: "Circulair Loket",
                instrument: instrument?.name[lang] ?? row.instrumentRefId,
                provider: instrument?.providerName ?? row.providerId,
              }),
              { to: email, kind: "referral_expired_task", caseId: row.caseId },
            ),
            now,
          );
        await entrepreneur.referralChanged(tx, row.id, now);
      }
      return overdue.length;
    },
  };
  return service;
}

export type ReferralsService = ReturnType<typeof createReferralsService>;
export { ANONYMISED };
