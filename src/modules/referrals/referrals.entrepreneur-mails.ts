import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { isLang } from "../../i18n/index.js";
import type { AbsoluteUrl } from "../../web/links.js";
import { namesFor } from "../auth/index.js";
import type { InstrumentDirectory } from "./referrals.instruments.js";
import {
  type LoketContact,
  loketsForRegion,
  NATIONAL_QUEUE_ID,
  NATIONAL_QUEUE_NAME,
  nationalFallback,
} from "./referrals.lokets.js";
import {
  caseReference,
  type EntrepreneurCase,
  type EntrepreneurReferral,
  entrepreneurMails,
} from "./referrals.mails.js";
import { mailOf, queueMail } from "./referrals.notifications.js";
import type { ReferralStatus } from "./referrals.state-machine.js";

/** The first word of a display name: the entrepreneur sees their adviser by first name only. */
export const firstName = (displayName: string | null | undefined) =>
  displayName?.trim().split(/\s+/)[0] ?? "";

/** The path of the entrepreneur's own page. */
export const ownCasePath = (publicToken: string) => `/mijn-aanvraag/${publicToken}`;

/**
 * The loket the entrepreneur deals with, with its public contact: the case's own hub when it has a public face,
 * otherwise the region's first real loket, otherwise the national fallback (as the intake mail always did).
 */
export async function loketOfCase(db: Database, hubId: string, regionCode: string): Promise<LoketContact> {
  const lokets = await loketsForRegion(db, regionCode);
  return (
    lokets.find((loket) => loket.id === hubId) ?? lokets.find((loket) => !loket.isDemo) ?? nationalFallback()
  );
}

type CaseRow = {
  id: number;
  public_token: string;
  contact_name: string;
  contact_email: string;
  language: string;
  created_at: string | Date;
  due_at: string | Date;
  hub_id: string;
  hub_name: string;
  region_code: string;
};

/**
 * Every mail to the entrepreneur, in one place (ADR 0085): the service calls it from the intake, the pick-up, each
 * referral sent, every referral transition (whoever makes it: adviser, provider account, or a provider through a
 * mailed link, all through `transitionReferral`) and the deadline job. Each mail is stored in the caller's
 * transaction and delivered by the job queue; it names the case's reference, links to the entrepreneur's page on the
 * public origin, and carries the loket's contact. An erased case gets no mail.
 */
export function createEntrepreneurMails(deps: {
  absoluteUrl: AbsoluteUrl;
  instruments: InstrumentDirectory;
}) {
  async function caseFacts(tx: Database, caseId: number) {
    const [found] = await queryRows<Omit<CaseRow, "hub_name">>(
      tx,
      sql`select c.id, c.public_token, c.contact_name, c.contact_email, c.language, c.created_at, c.due_at,
                 c.hub_id, c.region_code
          from cases c
          where c.id = ${caseId} and c.anonymised_at is null`,
    );
    if (!found) return undefined;
    // The hub's name is the auth module's (ADR 0098); every case's hub is an organisation (foreign key).
    const hubName = (await namesFor(tx, { userIds: [], organisationIds: [found.hub_id] })).organisations.get(
      found.hub_id,
    );
    if (hubName === undefined) return undefined;
    const row: CaseRow = { ...found, hub_name: hubName };
    const createdAt = new Date(row.created_at);
    const facts: EntrepreneurCase = {
      lang: isLang(row.language) ? row.language : "nl",
      contactName: row.contact_name,
      reference: caseReference(row.id, createdAt),
      pageUrl: deps.absoluteUrl(ownCasePath(row.public_token)),
      handler: row.hub_id === NATIONAL_QUEUE_ID ? NATIONAL_QUEUE_NAME : row.hub_name,
      loket: await loketOfCase(tx, row.hub_id, row.region_code),
    };
    return { facts, row, createdAt };
  }

  async function referralFacts(tx: Database, referralId: number) {
    const [row] = await queryRows<{
      case_id: number;
      instrument_ref_id: string;
      provider_id: string;
      status: ReferralStatus;
      reason_code: string | null;
      due_at: string | Date | null;
      delivery: EntrepreneurReferral["delivery"];
    }>(
      tx,
      sql`select case_id, instrument_ref_id, provider_id, status, reason_code, due_at, delivery
          from referrals where id = ${referralId}`,
    );
    if (!row) return undefined;
    const instrument = await deps.instruments.getOn(tx, row.instrument_ref_id);
    const referral: EntrepreneurReferral = {
      instrument: instrument?.name.nl ?? row.instrument_ref_id,
      provider: instrument?.providerName ?? row.provider_id,
      status: row.status,
      reason: row.reason_code,
      dueAt: row.due_at ? new Date(row.due_at) : null,
      delivery: row.delivery,
    };
    return { caseId: row.case_id, referral, instrument };
  }

  const send = async (
    tx: Database,
    caseId: number,
    to: string,
    kind: string,
    composed: ReturnType<(typeof entrepreneurMails)[keyof typeof entrepreneurMails]>,
    now: Date,
  ) => queueMail(tx, mailOf(composed, { to, kind, caseId }), now);

  return {
    /** Intake received: who handles it, by when, and the link to their page. */
    async intakeReceived(tx: Database, caseId: number, responseDays: number, now: Date) {
      const found = await caseFacts(tx, caseId);
      if (!found) return;
      const national = found.row.hub_id === NATIONAL_QUEUE_ID;
      const mail = entrepreneurMails.intakeReceived(
        found.facts,
        national,
        responseDays,
        new Date(found.row.due_at),
      );
      await send(tx, caseId, found.row.contact_email, "intake_confirmation", mail, now);
    },

    /** An adviser (first name only) of the loket took the case up. */
    async pickedUp(tx: Database, caseId: number, adviserDisplayName: string, now: Date) {
      const found = await caseFacts(tx, caseId);
      if (!found) return;
      const mail = entrepreneurMails.pickedUp(found.facts, firstName(adviserDisplayName));
      await send(tx, caseId, found.row.contact_email, "case_picked_up", mail, now);
    },

    /** A referral was sent: to which instrument and provider, who makes contact and by when. */
    async referralSent(tx: Database, referralId: number, now: Date) {
      const referral = await referralFacts(tx, referralId);
      const found = referral && (await caseFacts(tx, referral.caseId));
      if (!referral || !found) return;
      const mail = entrepreneurMails.referralSent(found.facts, referral.referral);
      await send(tx, referral.caseId, found.row.contact_email, "referral_sent_entrepreneur", mail, now);
    },

    /** A referral changed status (an answer, an outcome, a withdrawal, or its deadline passed): in words. */
    async referralChanged(tx: Database, referralId: number, now: Date) {
      const referral = await referralFacts(tx, referralId);
      const found = referral && (await caseFacts(tx, referral.caseId));
      if (!referral || !found) return;
      const mail = entrepreneurMails.referralChanged(found.facts, referral.referral);
      const kind = referral.referral.status === "verlopen" ? "referral_expired" : "referral_update";
      await send(tx, referral.caseId, found.row.contact_email, kind, mail, now);
    },

    /** "Stuur mij mijn link opnieuw": the link to one case's page, to the address given at intake. */
    async linkResent(tx: Database, caseId: number, now: Date) {
      const found = await caseFacts(tx, caseId);
      if (!found) return;
      const mail = entrepreneurMails.linkResent(found.facts, found.createdAt);
      await send(tx, caseId, found.row.contact_email, "case_link", mail, now);
    },
  };
}

export type EntrepreneurMailer = ReturnType<typeof createEntrepreneurMails>;
