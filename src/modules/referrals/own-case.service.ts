import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import type { Lang } from "../../i18n/index.js";
import { enqueueJob, type JobHandler } from "../../jobs/index.js";
import type { AbsoluteUrl } from "../../web/links.js";
import type { AuditActor, AuditLog } from "../audit/index.js";
import { namesFor, normaliseEmail } from "../auth/index.js";
import { createEntrepreneurMails, firstName, loketOfCase } from "./referrals.entrepreneur-mails.js";
import type { InstrumentDirectory } from "./referrals.instruments.js";
import type { LoketContact } from "./referrals.lokets.js";
import { NATIONAL_QUEUE_ID, NATIONAL_QUEUE_NAME } from "./referrals.lokets.js";
import { caseReference, staffMails } from "./referrals.mails.js";
import { mailMessages } from "./referrals.mails.messages.js";
import { mailOf, queueMail } from "./referrals.notifications.js";
import { caseStaffRecipients } from "./referrals.recipients.js";
import type { ReferralStatus } from "./referrals.state-machine.js";
import { caseNotes } from "./referrals.tables.js";

/** The job that answers "Stuur mij mijn link opnieuw" (ADR 0085). */
export const CASE_LINK_QUEUE = "referrals.case-link";

export type OwnCaseStep = {
  at: Date;
  kind:
    | "intake"
    | "pickedUp"
    | "caseStatus"
    | "referralSent"
    | "referralStatus"
    | "message"
    | "info"
    | "other";
  /** The status or event code the step is about, to be put in words by the view. */
  code: string;
  /** The adviser's first name (pick-up), the instrument and provider (referral steps), the text (message, info). */
  adviser?: string;
  instrument?: string;
  provider?: string;
  reason?: string | null;
  text?: string;
};

export type OwnCaseReferral = {
  id: number;
  instrument: string;
  instrumentSlug: string | null;
  provider: string;
  status: ReferralStatus;
  reason: string | null;
  outcome: "geholpen" | "niet_geholpen" | null;
  sentAt: Date;
  updatedAt: Date;
  dueAt: Date | null;
  delivery: "account" | "mail" | "warme_overdracht" | null;
};

/** The entrepreneur's own case, as their page shows it: their own data and every step, nothing of anyone else. */
export type OwnCase = {
  caseId: number;
  reference: string;
  createdAt: Date;
  regionCode: string;
  status: "nieuw" | "in_behandeling" | "wachten" | "afgesloten";
  dueAt: Date;
  national: boolean;
  handler: string;
  adviser: string | null;
  loket: LoketContact;
  sent: {
    companyName: string;
    kvkNumber: string;
    contactName: string;
    contactEmail: string;
    contactPhone: string | null;
    question: string;
    /** The sector chosen on the route or scan, as its SBI code (section or division); null when none was given. */
    sector: string | null;
  };
  steps: OwnCaseStep[];
  referrals: OwnCaseReferral[];
};

type CaseRow = {
  id: number;
  hub_id: string;
  hub_name: string;
  region_code: string;
  status: OwnCase["status"];
  due_at: string | Date;
  created_at: string | Date;
  company_name: string;
  kvk_number: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string | null;
  question: string;
  sector: string | null;
  sbi_section: string | null;
  adviser: string | null;
  assigned_user_id: number | null;
};

/**
 * The entrepreneur's side of a case (/mijn-aanvraag/{token}, ADR 0085): find a case by its unguessable token, show
 * it with every step in words, take a message or added information for the adviser, and resend the link to the
 * address given at intake. Export and erasure are the privacy service's (the routes call it).
 */
export function createOwnCaseService(deps: {
  db: Database;
  audit: AuditLog;
  instruments: InstrumentDirectory;
  clock: () => Date;
  absoluteUrl: AbsoluteUrl;
}) {
  const { db, audit, clock } = deps;
  const mails = createEntrepreneurMails({ absoluteUrl: deps.absoluteUrl, instruments: deps.instruments });

  async function caseRow(on: Database, token: string): Promise<CaseRow | undefined> {
    if (!/^[\w-]{16,64}$/.test(token)) return undefined;
    const [found] = await queryRows<Omit<CaseRow, "hub_name" | "adviser">>(
      on,
      sql`select c.id, c.hub_id, c.region_code, c.status, c.due_at, c.created_at, c.company_name,
                 c.kvk_number, c.contact_name, c.contact_email, c.contact_phone, c.question, c.sector,
                 c.sbi_section, c.assigned_user_id
          from cases c
          where c.public_token = ${token} and c.anonymised_at is null`,
    );
    if (!found) return undefined;
    // The hub's and the adviser's names are the auth module's (ADR 0098); every case's hub is an organisation.
    const names = await namesFor(on, {
      userIds: found.assigned_user_id === null ? [] : [found.assigned_user_id],
      organisationIds: [found.hub_id],
    });
    const hubName = names.organisations.get(found.hub_id);
    if (hubName === undefined) return undefined;
    return {
      ...found,
      hub_name: hubName,
      adviser: found.assigned_user_id === null ? null : (names.people.get(found.assigned_user_id) ?? null),
    };
  }

  /** The dossier's notes, oldest first, with their authors' names (the auth module's, ADR 0098). */
  async function notesWithAuthors(caseId: number) {
    const notes = await queryRows<{
      kind: string;
      body: string;
      created_at: string | Date;
      author_user_id: number | null;
    }>(
      db,
      sql`select n.kind, n.body, n.created_at, n.author_user_id from case_notes n
          where n.case_id = ${caseId} order by n.id`,
    );
    const names = await namesFor(db, {
      userIds: notes.flatMap((note) => (note.author_user_id === null ? [] : [note.author_user_id])),
      organisationIds: [],
    });
    return notes.map(({ author_user_id, ...note }) => ({
      ...note,
      author: author_user_id === null ? null : (names.people.get(author_user_id) ?? null),
    }));
  }

  return {
    /** The case id behind a token, or undefined (unknown, malformed or erased). */
    async caseIdOf(token: string): Promise<number | undefined> {
      return (await caseRow(db, token))?.id;
    },

    /** The whole page: the entrepreneur's data, the loket, every referral and every step since intake. Audited. */
    async view(token: string, actor: AuditActor): Promise<OwnCase | undefined> {
      const row = await caseRow(db, token);
      if (!row) return undefined;
      const [notes, referralRows, events, loket] = await Promise.all([
        notesWithAuthors(row.id),
        queryRows<{
          id: number;
          instrument_ref_id: string;
          provider_id: string;
          status: ReferralStatus;
          reason_code: string | null;
          outcome: OwnCaseReferral["outcome"];
          created_at: string | Date;
          updated_at: string | Date;
          due_at: string | Date | null;
          delivery: OwnCaseReferral["delivery"];
        }>(
          db,
          sql`select id, instrument_ref_id, provider_id, status, reason_code, outcome, created_at, updated_at, due_at,
                     delivery
              from referrals where case_id = ${row.id} order by id`,
        ),
        queryRows<{
          referral_id: number;
          to_status: string;
          reason_code: string | null;
          occurred_at: string | Date;
        }>(
          db,
          sql`select e.referral_id, e.to_status, e.reason_code, e.occurred_at from referral_events e
              join referrals r on r.id = e.referral_id where r.case_id = ${row.id} order by e.id`,
        ),
        loketOfCase(db, row.hub_id, row.region_code),
      ]);
      // One catalogue read for every instrument of the case.
      const found = await deps.instruments.getMany(
        referralRows.map((referral) => referral.instrument_ref_id),
      );
      const referrals: OwnCaseReferral[] = referralRows.map((referral) => {
        const instrument = found.get(referral.instrument_ref_id);
        return {
          id: referral.id,
          instrument: instrument?.name.nl ?? referral.instrument_ref_id,
          instrumentSlug: instrument?.slug ?? null,
          provider: instrument?.providerName ?? referral.provider_id,
          status: referral.status,
          reason: referral.reason_code,
          outcome: referral.outcome,
          sentAt: new Date(referral.created_at),
          updatedAt: new Date(referral.updated_at),
          dueAt: referral.due_at ? new Date(referral.due_at) : null,
          delivery: referral.delivery,
        };
      });
      const byId = new Map(referrals.map((referral) => [referral.id, referral]));
      const steps: OwnCaseStep[] = [];
      for (const note of notes) {
        const at = new Date(note.created_at);
        if (note.kind === "message" || note.kind === "info")
          steps.push({ at, kind: note.kind, code: note.kind, text: note.body });
        else if (note.kind !== "event") continue;
        else if (note.body === "intake_ontvangen") steps.push({ at, kind: "intake", code: note.body });
        else if (note.body === "opgepakt")
          steps.push({ at, kind: "pickedUp", code: note.body, adviser: firstName(note.author) });
        else if (note.body.startsWith("status:"))
          steps.push({ at, kind: "caseStatus", code: note.body.slice("status:".length) });
      }
      for (const event of events) {
        const referral = byId.get(event.referral_id);
        if (!referral || event.to_status === "concept") continue;
        steps.push({
          at: new Date(event.occurred_at),
          kind: event.to_status === "verstuurd" ? "referralSent" : "referralStatus",
          code: event.to_status,
          instrument: referral.instrument,
          provider: referral.provider,
          reason: event.reason_code,
        });
      }
      // Oldest first; the order of insertion breaks ties (a referral is sent after the note that records it).
      steps.sort((a, b) => a.at.getTime() - b.at.getTime());
      await audit.record(db, actor, { action: "own_case.read", subjectType: "case", subjectId: row.id });
      const createdAt = new Date(row.created_at);
      return {
        caseId: row.id,
        reference: caseReference(row.id, createdAt),
        createdAt,
        regionCode: row.region_code,
        status: row.status,
        dueAt: new Date(row.due_at),
        national: row.hub_id === NATIONAL_QUEUE_ID,
        handler: row.hub_id === NATIONAL_QUEUE_ID ? NATIONAL_QUEUE_NAME : row.hub_name,
        adviser: row.adviser ? firstName(row.adviser) : null,
        loket,
        sent: {
          companyName: row.company_name,
          kvkNumber: row.kvk_number,
          contactName: row.contact_name,
          contactEmail: row.contact_email,
          contactPhone: row.contact_phone,
          question: row.question,
          sector: row.sector ?? row.sbi_section,
        },
        steps,
        referrals,
      };
    },

    /**
     * A message to the adviser, or information added to the case: it lands in the dossier's history and the adviser
     * (or the hub's advisers, or the national team) gets a mail that links to the dossier, without the text itself.
     */
    async addFromEntrepreneur(
      token: string,
      kind: "message" | "info",
      body: string,
      actor: AuditActor,
    ): Promise<boolean> {
      const now = clock();
      return db.transaction(async (tx) => {
        const t = tx;
        const row = await caseRow(t, token);
        if (!row) return false;
        await tx.insert(caseNotes).values({ caseId: row.id, kind, body, createdAt: now });
        await audit.record(t, actor, {
          action: kind === "message" ? "own_case.message" : "own_case.info",
          subjectType: "case",
          subjectId: row.id,
        });
        const reference = caseReference(row.id, new Date(row.created_at));
        for (const { email, lang } of await caseStaffRecipients(t, {
          assignedUserId: row.assigned_user_id,
          hubId: row.hub_id,
        }))
          await queueMail(
            t,
            mailOf(
              staffMails.fromEntrepreneur(lang, kind, {
                reference,
                url: deps.absoluteUrl(`/werkruimte/dossiers/${row.id}`),
                signature: mailMessages[lang].signatureService,
              }),
              { to: email, kind: `case_${kind}`, caseId: row.id },
            ),
            now,
          );
        return true;
      });
    },

    /** After the case is erased: the adviser is told, by reference only (the mail holds no personal data). */
    async tellStaffOfWithdrawal(
      caseId: number,
      hubId: string,
      assignedUserId: number | null,
      createdAt: Date,
    ) {
      const now = clock();
      await db.transaction(async (tx) => {
        const t = tx;
        for (const { email, lang } of await caseStaffRecipients(t, { assignedUserId, hubId }))
          await queueMail(
            t,
            mailOf(
              staffMails.fromEntrepreneur(lang, "withdrawn", {
                reference: caseReference(caseId, createdAt),
                url: deps.absoluteUrl(`/werkruimte/dossiers/${caseId}`),
                signature: mailMessages[lang].signatureService,
              }),
              { to: email, kind: "case_withdrawn", caseId },
            ),
            now,
          );
      });
    },

    /** What the withdrawal needs to know before the erasure: the case's queue and adviser (no personal data). */
    async scopeOf(token: string) {
      const row = await caseRow(db, token);
      return row
        ? {
            caseId: row.id,
            hubId: row.hub_id,
            assignedUserId: row.assigned_user_id,
            createdAt: new Date(row.created_at),
          }
        : undefined;
    },

    /**
     * "Stuur mij mijn link opnieuw": one job, whatever the address, so the request takes the same time and gives the
     * same answer for a known and an unknown address; the job mails the link of each open case to that address.
     */
    async requestLink(email: string, lang: Lang) {
      await enqueueJob(
        db,
        CASE_LINK_QUEUE,
        { email: normaliseEmail(email), lang },
        { runAt: clock(), maxAttempts: 3 },
      );
    },

    /** The job behind `requestLink`. */
    jobHandlers(): Record<string, JobHandler> {
      return {
        [CASE_LINK_QUEUE]: async (payload, { tx }) => {
          const email = typeof payload.email === "string" ? payload.email : "";
          if (!email) return;
          const rows = await queryRows<{ id: number }>(
            tx,
            sql`select id from cases where lower(trim(contact_email)) = ${email} and anonymised_at is null
                order by id desc limit 10`,
          );
          for (const row of rows) await mails.linkResent(tx, row.id, clock());
        },
      };
    },
  };
}

export type OwnCaseService = ReturnType<typeof createOwnCaseService>;
