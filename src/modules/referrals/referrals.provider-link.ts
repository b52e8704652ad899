import { createHash, randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { format, formatDate } from "../../i18n/index.js";
import type { AbsoluteUrl } from "../../web/links.js";
import type { AuditActor, AuditLog } from "../audit/index.js";
import { namesFor } from "../auth/index.js";
import { linkMessages } from "./referrals.link.messages.js";
import { caseReference, referralReference } from "./referrals.mails.js";
import { queueMail } from "./referrals.notifications.js";
import { caseStaffRecipients } from "./referrals.recipients.js";
import { isTerminal, type ReferralStatus } from "./referrals.state-machine.js";
import { cases, referralEvents, referralLinks, referrals } from "./referrals.tables.js";

/**
 * A provider without an account gets each referral at its referral address as a mail with a single-purpose link
 * (ADR 0086). The link holds a random 256-bit token; only its SHA-256 is stored. It opens one referral only, and
 * works while that referral is open and until `expires_at`: the referral's deadline plus LINK_GRACE_DAYS, moved on
 * each time the referral gets a new deadline through the link.
 */
export const LINK_GRACE_DAYS = 7;
const DAY_MS = 86_400_000;
/** 32 random bytes in base64url: 43 characters. Anything else is tampered with, before any database read. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Questions through one link per 24 hours: enough for a real conversation, too few to flood the adviser's mail. */
export const QUESTIONS_PER_DAY = 5;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** When a link issued now for a referral with this deadline stops working. */
export const linkExpiry = (dueAt: Date | null, now: Date) =>
  new Date(Math.max(dueAt?.getTime() ?? now.getTime(), now.getTime()) + LINK_GRACE_DAYS * DAY_MS);

/** Makes a new link for a referral, in the caller's transaction; answers the token (never stored). */
export async function issueReferralLink(
  tx: Database,
  referralId: number,
  expiresAt: Date,
  now: Date,
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx
    .insert(referralLinks)
    .values({ referralId, tokenHash: hashToken(token), expiresAt, createdAt: now });
  return token;
}

/**
 * The mail to the provider's referral address: who refers, for which instrument, the link and its end. No name,
 * company or question of the entrepreneur: the page behind the link shows what the consent allows. Dutch, as
 * organisations have no language setting; the link page itself is in Dutch and English.
 */
export async function queueProviderLinkMail(
  tx: Database,
  input: {
    to: string;
    referralId: number;
    caseId: number;
    token: string;
    loketName: string;
    instrumentName: string;
    dueAt: Date | null;
    expiresAt: Date;
    reminder?: boolean;
  },
  link: AbsoluteUrl,
  now: Date,
) {
  const t = linkMessages.nl;
  // The same reference the adviser's and the entrepreneur's mails quote (ADR 0085), so a call can name it.
  const [record] = await tx
    .select({ createdAt: cases.createdAt })
    .from(cases)
    .where(eq(cases.id, input.caseId));
  const values = {
    reference: referralReference(caseReference(input.caseId, record?.createdAt ?? now), input.referralId),
    loket: input.loketName,
    instrument: input.instrumentName,
    link: link(`/verwijzing/${input.token}`),
    due: input.dueAt ? formatDate(input.dueAt, "nl") : "–",
    expires: formatDate(input.expiresAt, "nl"),
  };
  await queueMail(
    tx,
    {
      to: input.to,
      subject: format(input.reminder ? t.reminderMailSubject : t.mailSubject, values),
      body: format(input.reminder ? t.reminderMailBody : t.mailBody, values),
      kind: input.reminder ? "referral_link_reminder" : "referral_link",
      caseId: input.caseId,
    },
    now,
  );
}

export type LinkState =
  | { state: "open"; referralId: number; linkId: number }
  | { state: "unknown" }
  | { state: "closed" | "expired"; referralId: number };

/** The link side of the referrals module: resolve a token, refuse it audited, take a question. */
export function createReferralLinks(deps: {
  db: Database;
  audit: AuditLog;
  clock: () => Date;
  absoluteUrl: AbsoluteUrl;
}) {
  const { db, audit, clock } = deps;
  return {
    /** What a token opens: an open referral, a closed or expired one, or nothing (unknown or tampered). */
    async resolve(token: string): Promise<LinkState> {
      if (!TOKEN_SHAPE.test(token)) return { state: "unknown" };
      const [row] = await db
        .select({
          id: referralLinks.id,
          referralId: referralLinks.referralId,
          expiresAt: referralLinks.expiresAt,
          status: referrals.status,
        })
        .from(referralLinks)
        .innerJoin(referrals, eq(referrals.id, referralLinks.referralId))
        .where(eq(referralLinks.tokenHash, hashToken(token)));
      if (!row) return { state: "unknown" };
      if (isTerminal(row.status as ReferralStatus)) return { state: "closed", referralId: row.referralId };
      if (row.expiresAt.getTime() <= clock().getTime())
        return { state: "expired", referralId: row.referralId };
      return { state: "open", referralId: row.referralId, linkId: row.id };
    },

    /** The referring loket's name and the link's end, for the page. */
    async details(referralId: number, linkId: number) {
      const [row] = await queryRows<{ hub_id: string; expires_at: string | Date }>(
        db,
        sql`select c.hub_id, l.expires_at from referral_links l
              join referrals r on r.id = l.referral_id
              join cases c on c.id = r.case_id
             where l.id = ${linkId} and l.referral_id = ${referralId}`,
      );
      if (!row) return undefined;
      // The loket's name is the auth module's (ADR 0098); every case's hub is an organisation.
      const loket = (await namesFor(db, { userIds: [], organisationIds: [row.hub_id] })).organisations.get(
        row.hub_id,
      );
      return loket === undefined ? undefined : { loketName: loket, expiresAt: new Date(row.expires_at) };
    },

    /** The audit actor of a link: the link of one referral, never a person. */
    actorFor(referralId: number | null, clientKey: string | null): AuditActor {
      return {
        userId: null,
        label: referralId === null ? "link" : `link:verwijzing-${referralId}`,
        clientKey,
      };
    },

    /** A refused link (unknown, tampered, closed, expired) in the audit log. */
    async refuse(state: Exclude<LinkState, { state: "open" }>, clientKey: string | null) {
      const referralId = state.state === "unknown" ? null : state.referralId;
      await audit.record(db, this.actorFor(referralId, clientKey), {
        action: "referral_link.use",
        subjectType: "referral",
        subjectId: referralId,
        outcome: "denied",
        detail: { reason: state.state },
      });
    },

    /** After a move through the link the referral may have a later deadline: the link lives until then, plus grace. */
    async extend(linkId: number, referralId: number) {
      const [row] = await db
        .select({ dueAt: referrals.dueAt })
        .from(referrals)
        .where(eq(referrals.id, referralId));
      if (!row?.dueAt) return;
      const until = linkExpiry(row.dueAt, clock());
      await db
        .update(referralLinks)
        .set({ expiresAt: until })
        .where(and(eq(referralLinks.id, linkId), sql`${referralLinks.expiresAt} < ${until}`));
    },

    /**
     * The provider asks the adviser a question: a history line (the status stays), an audit entry with the link as
     * actor, and a mail to the adviser that says where to read it (the question itself stays out of the mail).
     */
    async ask(
      referralId: number,
      question: string,
      actor: AuditActor,
    ): Promise<"sent" | "limit" | "notFound"> {
      const now = clock();
      return db.transaction(async (tx) => {
        const t = tx;
        const [current] = await tx
          .select({ status: referrals.status, caseId: referrals.caseId })
          .from(referrals)
          .where(eq(referrals.id, referralId));
        if (!current) return "notFound";
        const [recent] = await queryRows<{ n: number }>(
          t,
          sql`select count(*)::int as n from referral_events
               where referral_id = ${referralId} and kind = 'vraag' and occurred_at > ${new Date(now.getTime() - DAY_MS)}`,
        );
        if ((recent?.n ?? 0) >= QUESTIONS_PER_DAY) return "limit";
        await tx.insert(referralEvents).values({
          referralId,
          fromStatus: current.status,
          toStatus: current.status,
          kind: "vraag",
          actorKind: "link",
          note: question,
          occurredAt: now,
        });
        await audit.record(t, actor, {
          action: "referral.question",
          subjectType: "referral",
          subjectId: referralId,
        });
        const [company] = await t
          .select({ assignedUserId: cases.assignedUserId, hubId: cases.hubId })
          .from(cases)
          .where(eq(cases.id, current.caseId));
        for (const { email, lang } of await caseStaffRecipients(t, company))
          await queueMail(
            t,
            {
              to: email,
              subject: format(linkMessages[lang].questionMailSubject, { id: referralId }),
              body: format(linkMessages[lang].questionMailBody, {
                link: deps.absoluteUrl(`/werkruimte/verwijzingen/${referralId}`),
              }),
              kind: "referral_question",
              caseId: current.caseId,
            },
            now,
          );
        return "sent";
      });
    },
  };
}

export type ReferralLinks = ReturnType<typeof createReferralLinks>;
