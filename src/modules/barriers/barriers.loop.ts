import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { amsterdamDate, amsterdamInstant, format, formatDate, type Lang } from "../../i18n/index.js";
import type { AbsoluteUrl } from "../../web/links.js";
import { composeMail } from "../../web/mail.js";
import type { AuditActor, AuditLog } from "../audit/index.js";
import { type Area, organisationsWithActiveAccounts } from "../auth/index.js";
import { regionsInArea } from "../monitoring/index.js";
import { BARRIER_CONTACT_DAYS } from "../privacy/index.js";
import { mailOf, queueMail } from "../referrals/index.js";
import type { Geography } from "../regions/index.js";
import {
  BARRIER_BODY_KIND_LABELS,
  BARRIER_BODY_KINDS,
  type BarrierBodyKind,
  isOneOf,
} from "../vocabulary/index.js";
import { loopMessages } from "./barriers.loop.messages.js";
import { barriersMessages } from "./barriers.messages.js";
import type { BarrierTheme } from "./barriers.service.js";
import { barrierForwardings, barriers } from "./barriers.tables.js";

/**
 * The barrier loop (ADR 0096): a coordinator forwards a report to the competent body with a deadline; the body answers
 * through a single-purpose link (or the coordinator records an answer received by letter or phone); the coordinator
 * writes an anonymised public summary and publishes it on /belemmeringen, which tells the reporter who left an address
 * with consent, in their language.
 */

/** The answer link works until the deadline plus these days, and once. */
export const ANSWER_LINK_GRACE_DAYS = 14;
const DAY_MS = 86_400_000;
/** 32 random bytes in base64url: 43 characters. Anything else is tampered with, before any database read. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const ANSWER_MAX = 4000;
export const PUBLIC_TEXT_MAX = 2000;

/** The reference a body, a coordinator and a reporter can quote: "B-2026-00012". */
export const barrierReference = (id: number, createdAt: Date) =>
  `B-${createdAt.getUTCFullYear()}-${String(id).padStart(5, "0")}`;

export type ForwardForm = {
  bodyKind: string;
  bodyName: string;
  organisationId: string;
  email: string;
  /** yyyy-mm-dd */
  due: string;
};

export type LoopProblemCode =
  | "chooseBodyKind"
  | "bodyNameRequired"
  | "tooLong"
  | "unknownOrganisation"
  | "invalidEmail"
  | "dueRequired"
  | "dueInvalid"
  | "duePast"
  | "answerRequired"
  | "answerTooLong"
  | "chooseForwarding"
  | "summaryRequired"
  | "publicAnswerRequired"
  | "publicTooLong";

export type LoopProblem = { field: string; code: LoopProblemCode };

/** Checks a forwarding; answers the problems per field as codes (the route words them). Pure. */
export function validateForward(
  form: ForwardForm,
  organisations: readonly { id: string; name: string }[],
  today: Date,
): LoopProblem[] {
  const problems: LoopProblem[] = [];
  if (!isOneOf(BARRIER_BODY_KINDS, form.bodyKind)) problems.push({ field: "soort", code: "chooseBodyKind" });
  if (form.organisationId && !organisations.some((o) => o.id === form.organisationId))
    problems.push({ field: "organisatie", code: "unknownOrganisation" });
  if (!form.bodyName.trim() && !organisations.some((o) => o.id === form.organisationId))
    problems.push({ field: "naam", code: "bodyNameRequired" });
  else if (form.bodyName.trim().length > 200) problems.push({ field: "naam", code: "tooLong" });
  const email = form.email.trim();
  if (email && (!EMAIL_SHAPE.test(email) || email.length > 254))
    problems.push({ field: "email", code: "invalidEmail" });
  if (!form.due.trim()) problems.push({ field: "termijn", code: "dueRequired" });
  else if (!dueDate(form.due)) problems.push({ field: "termijn", code: "dueInvalid" });
  // Both "yyyy-mm-dd", so they compare as text; "today" is the day in the Netherlands, whatever the server's zone.
  else if (form.due.trim() <= amsterdamDate(today)) problems.push({ field: "termijn", code: "duePast" });
  return problems;
}

/** The calendar date `days` after "2027-01-31" (pure calendar arithmetic, no time zone involved). */
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The last millisecond of a day ("2027-01-31") in the Netherlands: just before the next day's midnight there (23:00 UTC
 * in winter time, 22:00 UTC in summer time; clocks never change at midnight, so that midnight always exists once).
 */
const endOfDutchDay = (date: string) =>
  new Date(amsterdamInstant(`${plusDays(date, 1)}T00:00`).getTime() - 1);

/**
 * "2027-01-31" as the end of that day in the Netherlands (22:59:59.999 UTC in winter), or undefined when it is no
 * date. Stored as an instant, it reads back as the same date in Dutch time (formatDate), and the forwarding is overdue
 * only once that whole day has passed there.
 */
export function dueDate(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || year < 2000 || year > 2100)
    return undefined;
  return endOfDutchDay(match[0]);
}

/**
 * Until when the answer link works: the end of the day, in the Netherlands, ANSWER_LINK_GRACE_DAYS calendar days after
 * the deadline's day (counting days, not 24-hour periods, so a change of the clocks in between moves no date).
 */
export const answerLinkExpiry = (dueAt: Date) =>
  endOfDutchDay(plusDays(amsterdamDate(dueAt), ANSWER_LINK_GRACE_DAYS));

export function validateAnswer(answer: string, field = "antwoord"): LoopProblem[] {
  const text = answer.trim();
  if (!text) return [{ field, code: "answerRequired" }];
  if (text.length > ANSWER_MAX) return [{ field, code: "answerTooLong" }];
  return [];
}

export function validatePublication(summary: string, answer: string): LoopProblem[] {
  const problems: LoopProblem[] = [];
  if (!summary.trim()) problems.push({ field: "samenvatting", code: "summaryRequired" });
  else if (summary.trim().length > PUBLIC_TEXT_MAX)
    problems.push({ field: "samenvatting", code: "publicTooLong" });
  if (!answer.trim()) problems.push({ field: "publiek-antwoord", code: "publicAnswerRequired" });
  else if (answer.trim().length > PUBLIC_TEXT_MAX)
    problems.push({ field: "publiek-antwoord", code: "publicTooLong" });
  return problems;
}

export type LinkState =
  | { state: "open"; forwardingId: number; barrierId: number }
  | { state: "unknown" }
  | { state: "closed" | "expired"; forwardingId: number; barrierId: number };

export type Forwarding = {
  id: number;
  bodyKind: BarrierBodyKind;
  bodyName: string;
  organisationId: string | null;
  mailed: boolean;
  dueAt: Date;
  linkExpiresAt: Date | null;
  answer: string | null;
  answeredAt: Date | null;
  answeredVia: "link" | "coordinator" | "workspace" | null;
  overdue: boolean;
};

export type PublicBarrier = {
  id: number;
  theme: BarrierTheme;
  year: number;
  summary: string;
  answer: string;
  bodyKind: BarrierBodyKind | null;
  bodyName: string | null;
  answeredAt: Date | null;
  publishedAt: Date;
};

/** Counts and answered items of an area and period, for the coordinator's report (issue 18 item 7). */
export type BarrierFigures = {
  reported: number;
  forwarded: number;
  answered: number;
  overdue: number;
  answeredItems: {
    id: number;
    theme: BarrierTheme;
    regionCode: string;
    bodyKind: BarrierBodyKind;
    bodyName: string;
    answeredAt: Date;
    published: boolean;
    /** The coordinator's anonymised texts, when published; never the reporter's own words. */
    publicSummary: string | null;
    publicAnswer: string | null;
  }[];
};

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createBarrierLoop(deps: {
  db: Database;
  geography: Geography;
  audit: AuditLog;
  absoluteUrl: AbsoluteUrl;
  clock?: () => Date;
}) {
  const { db, geography, audit, absoluteUrl } = deps;
  const clock = deps.clock ?? (() => new Date());

  const toForwarding = (row: typeof barrierForwardings.$inferSelect, now: Date): Forwarding => ({
    id: row.id,
    bodyKind: row.bodyKind as BarrierBodyKind,
    bodyName: row.bodyName,
    organisationId: row.organisationId,
    mailed: row.tokenHash !== null,
    dueAt: row.dueAt,
    linkExpiresAt: row.linkExpiresAt,
    answer: row.answer,
    answeredAt: row.answeredAt,
    answeredVia: row.answeredVia,
    overdue: row.answeredAt === null && row.dueAt.getTime() < now.getTime(),
  });

  return {
    /** Organisations with an account on the platform, which a coordinator may name as the competent body. */
    organisationsWithAccount: () => organisationsWithActiveAccounts(db),

    /** A report with its forwardings, for the coordinator's page; undefined when there is no such report. */
    async barrier(id: number) {
      const [row] = await db.select().from(barriers).where(eq(barriers.id, id));
      if (!row) return undefined;
      const now = clock();
      const forwardings = await db
        .select()
        .from(barrierForwardings)
        .where(eq(barrierForwardings.barrierId, id))
        .orderBy(barrierForwardings.id);
      return { barrier: row, forwardings: forwardings.map((f) => toForwarding(f, now)) };
    },

    /** The forwardings of these reports (the register shows their state and which are overdue). */
    async forwardingsOf(ids: readonly number[]) {
      if (!ids.length) return new Map<number, Forwarding[]>();
      const now = clock();
      const rows = await db
        .select()
        .from(barrierForwardings)
        .where(sql`${barrierForwardings.barrierId} in ${ids}`)
        .orderBy(barrierForwardings.id);
      const byBarrier = new Map<number, Forwarding[]>();
      for (const row of rows)
        byBarrier.set(row.barrierId, [...(byBarrier.get(row.barrierId) ?? []), toForwarding(row, now)]);
      return byBarrier;
    },

    /**
     * Forwards a report to a body with a deadline; with an address, a mail with a single-purpose answer link goes out
     * (in the same transaction). The status becomes "doorgestuurd" unless the report was answered already.
     */
    async forward(
      barrierId: number,
      input: {
        bodyKind: BarrierBodyKind;
        bodyName: string;
        organisationId: string | null;
        email: string | null;
        dueAt: Date;
      },
      actor: AuditActor & { organisationName: string },
    ): Promise<{ forwardingId: number; mailed: boolean } | undefined> {
      const now = clock();
      return db.transaction(async (txx) => {
        const tx = txx as unknown as Database;
        const [report] = await tx.select().from(barriers).where(eq(barriers.id, barrierId));
        if (!report) return undefined;
        const token = input.email ? randomBytes(32).toString("base64url") : null;
        const expiresAt = input.email ? answerLinkExpiry(input.dueAt) : null;
        const [row] = await tx
          .insert(barrierForwardings)
          .values({
            barrierId,
            bodyKind: input.bodyKind,
            bodyName: input.bodyName,
            organisationId: input.organisationId,
            toAddress: input.email,
            dueAt: input.dueAt,
            tokenHash: token ? hashToken(token) : null,
            linkExpiresAt: expiresAt,
            createdByUserId: actor.userId,
            createdAt: now,
          })
          .returning({ id: barrierForwardings.id });
        await tx
          .update(barriers)
          .set({
            status: sql`case when ${barriers.status} in ('nieuw', 'in_behandeling') then 'doorgestuurd' else ${barriers.status} end`,
            responsibleBody: input.bodyName,
            updatedAt: now,
          })
          .where(eq(barriers.id, barrierId));
        await audit.record(tx, actor, {
          action: "barrier.forward",
          subjectType: "barrier",
          subjectId: barrierId,
          detail: { forwardingId: row!.id, bodyKind: input.bodyKind, mailed: Boolean(token) },
        });
        if (token && input.email && expiresAt) {
          const t = loopMessages.nl;
          const values = {
            reference: barrierReference(barrierId, report.createdAt),
            theme:
              barriersMessages.nl.themes[(report.category ?? report.theme) as BarrierTheme] ?? report.theme,
            coordinator: actor.organisationName,
            body: input.bodyName,
            due: formatDate(input.dueAt, "nl"),
            expires: formatDate(expiresAt, "nl"),
          };
          const composed = composeMail({
            lang: "nl",
            subject: format(t.bodyMailSubject, values),
            greeting: t.bodyMailGreeting,
            paragraphs: [
              format(t.bodyMailIntro, values),
              format(t.bodyMailAsk, values),
              format(t.bodyMailLink, values),
            ],
            facts: [
              { label: t.theme, value: values.theme },
              { label: t.due, value: values.due },
            ],
            action: { label: t.bodyMailAction, url: absoluteUrl(`/belemmering/antwoord/${token}`) },
            reference: { label: t.reference, value: values.reference },
            closing: t.closing,
            signature: format(t.signature, values),
          });
          await queueMail(tx, mailOf(composed, { to: input.email, kind: "barrier_forward" }), now);
        }
        return { forwardingId: row!.id, mailed: Boolean(token) };
      });
    },

    /** What an answer link opens: an open forwarding, an answered or expired one, or nothing (unknown, tampered). */
    async resolve(token: string): Promise<LinkState> {
      if (!TOKEN_SHAPE.test(token)) return { state: "unknown" };
      const [row] = await db
        .select({
          id: barrierForwardings.id,
          barrierId: barrierForwardings.barrierId,
          expiresAt: barrierForwardings.linkExpiresAt,
          answeredAt: barrierForwardings.answeredAt,
        })
        .from(barrierForwardings)
        .where(eq(barrierForwardings.tokenHash, hashToken(token)));
      if (!row) return { state: "unknown" };
      const found = { forwardingId: row.id, barrierId: row.barrierId };
      if (row.answeredAt) return { state: "closed", ...found };
      if (!row.expiresAt || row.expiresAt.getTime() <= clock().getTime())
        return { state: "expired", ...found };
      return { state: "open", ...found };
    },

    /** The audit actor of an answer link: the link of one forwarding, never a person. */
    linkActor(forwardingId: number | null, clientKey: string | null): AuditActor {
      return {
        userId: null,
        label: forwardingId === null ? "link" : `link:belemmering-${forwardingId}`,
        clientKey,
      };
    },

    /** A refused answer link (unknown, tampered, answered, expired) in the audit log. */
    async refuseLink(state: Exclude<LinkState, { state: "open" }>, clientKey: string | null) {
      const forwardingId = state.state === "unknown" ? null : state.forwardingId;
      await audit.record(db, this.linkActor(forwardingId, clientKey), {
        action: "barrier_link.use",
        subjectType: "barrier",
        subjectId: state.state === "unknown" ? null : state.barrierId,
        outcome: "denied",
        detail: { reason: state.state },
      });
    },

    /** What the body reads behind its link: the report (no contact details), the deadline and the link's end. */
    /**
     * The forwardings to an organisation with workspace accounts (the competent body), newest first: what its users
     * see and answer in the workspace, as a gap's owner does (ADR 0096).
     */
    async forwardingsTo(organisationId: string) {
      const rows = await db
        .select({
          id: barrierForwardings.id,
          barrierId: barriers.id,
          theme: barriers.theme,
          category: barriers.category,
          createdAt: barriers.createdAt,
          dueAt: barrierForwardings.dueAt,
          answeredAt: barrierForwardings.answeredAt,
        })
        .from(barrierForwardings)
        .innerJoin(barriers, eq(barriers.id, barrierForwardings.barrierId))
        .where(eq(barrierForwardings.organisationId, organisationId))
        .orderBy(desc(barrierForwardings.id));
      return rows.map((row) => ({
        id: row.id,
        reference: barrierReference(row.barrierId, row.createdAt),
        theme: (row.category ?? row.theme) as BarrierTheme,
        dueAt: row.dueAt,
        answeredAt: row.answeredAt,
      }));
    },

    /** The organisation a forwarding went to (for the policy) and whether it is answered; undefined when unknown. */
    async forwardingOwner(forwardingId: number) {
      const [row] = await db
        .select({
          organisationId: barrierForwardings.organisationId,
          answeredAt: barrierForwardings.answeredAt,
        })
        .from(barrierForwardings)
        .where(eq(barrierForwardings.id, forwardingId));
      return row;
    },

    async linkView(forwardingId: number) {
      const [row] = await db
        .select({
          barrierId: barriers.id,
          description: barriers.description,
          theme: barriers.theme,
          category: barriers.category,
          rule: barriers.rule,
          municipalityCode: barriers.municipalityCode,
          createdAt: barriers.createdAt,
          bodyName: barrierForwardings.bodyName,
          dueAt: barrierForwardings.dueAt,
          expiresAt: barrierForwardings.linkExpiresAt,
        })
        .from(barrierForwardings)
        .innerJoin(barriers, eq(barriers.id, barrierForwardings.barrierId))
        .where(eq(barrierForwardings.id, forwardingId));
      if (!row) return undefined;
      return {
        reference: barrierReference(row.barrierId, row.createdAt),
        description: row.description,
        theme: (row.category ?? row.theme) as BarrierTheme,
        rule: row.rule,
        municipality: geography.municipality(row.municipalityCode)?.name ?? row.municipalityCode,
        bodyName: row.bodyName,
        dueAt: row.dueAt,
        expiresAt: row.expiresAt ?? row.dueAt,
      };
    },

    /**
     * Records an answer on a forwarding that has none yet: through the link ("link") or by the coordinator
     * ("coordinator", received by letter or phone). The link is used up; the report becomes "beantwoord".
     * Answers false when the forwarding was answered meanwhile or does not belong to the report.
     */
    async answer(
      forwardingId: number,
      input: { text: string; via: "link" | "coordinator" | "workspace"; barrierId?: number },
      actor: AuditActor,
    ): Promise<boolean> {
      const now = clock();
      return db.transaction(async (txx) => {
        const tx = txx as unknown as Database;
        const rows = await tx
          .update(barrierForwardings)
          .set({
            answer: input.text.trim(),
            answeredAt: now,
            answeredVia: input.via,
            answeredByUserId: actor.userId,
          })
          .where(
            and(
              eq(barrierForwardings.id, forwardingId),
              isNull(barrierForwardings.answeredAt),
              input.barrierId === undefined ? undefined : eq(barrierForwardings.barrierId, input.barrierId),
            ),
          )
          .returning({ barrierId: barrierForwardings.barrierId });
        const barrierId = rows[0]?.barrierId;
        if (barrierId === undefined) return false;
        await tx
          .update(barriers)
          .set({
            status: sql`case when ${barriers.status} in ('opgelost', 'afgewezen') then ${barriers.status} else 'beantwoord' end`,
            updatedAt: now,
          })
          .where(eq(barriers.id, barrierId));
        await audit.record(tx, actor, {
          action: "barrier.answer",
          subjectType: "barrier",
          subjectId: barrierId,
          detail: { forwardingId, via: input.via },
        });
        return true;
      });
    },

    /**
     * Publishes (or corrects) the coordinator's anonymised summary and answer. The first publication of an answered
     * report tells its reporter — only with an address and consent — in their language, with the public page's link.
     */
    async publish(
      barrierId: number,
      input: { summary: string; answer: string; version: number },
      actor: AuditActor,
    ): Promise<"published" | "notAnswered" | "conflict" | "notFound"> {
      const now = clock();
      return db.transaction(async (txx) => {
        const tx = txx as unknown as Database;
        const [report] = await tx.select().from(barriers).where(eq(barriers.id, barrierId));
        if (!report) return "notFound";
        const [answered] = await tx
          .select()
          .from(barrierForwardings)
          .where(
            and(
              eq(barrierForwardings.barrierId, barrierId),
              sql`${barrierForwardings.answeredAt} is not null`,
            ),
          )
          .orderBy(sql`${barrierForwardings.answeredAt} desc`)
          .limit(1);
        if (!answered) return "notAnswered";
        const tell = Boolean(report.contactEmail && report.consentAt && !report.reporterToldAt);
        const updated = await tx
          .update(barriers)
          .set({
            publicSummary: input.summary.trim(),
            publicAnswer: input.answer.trim(),
            publishedAt: report.publishedAt ?? now,
            reporterToldAt: tell ? now : report.reporterToldAt,
            version: sql`${barriers.version} + 1`,
            updatedAt: now,
          })
          .where(and(eq(barriers.id, barrierId), eq(barriers.version, input.version)))
          .returning({ id: barriers.id });
        if (!updated.length) return "conflict";
        await audit.record(tx, actor, {
          action: "barrier.publish",
          subjectType: "barrier",
          subjectId: barrierId,
          detail: { first: !report.publishedAt, reporterTold: tell },
        });
        if (tell && report.contactEmail) {
          const lang: Lang = report.contactLang === "en" ? "en" : "nl";
          const t = loopMessages[lang];
          const theme = barriersMessages[lang].themes[(report.category ?? report.theme) as BarrierTheme];
          const values = {
            date: formatDate(report.createdAt, lang),
            theme: theme ?? report.theme,
            body: answered.bodyName,
            days: BARRIER_CONTACT_DAYS,
          };
          const composed = composeMail({
            lang,
            subject: format(t.reporterMailSubject, values),
            greeting: report.contactName
              ? format(t.reporterGreetingNamed, { name: report.contactName })
              : t.reporterGreeting,
            paragraphs: [
              format(t.reporterMailIntro, values),
              input.answer.trim(),
              t.reporterMailPublic,
              format(t.reporterMailErase, values),
            ],
            facts: [
              {
                label: t.bodyKind,
                value:
                  BARRIER_BODY_KIND_LABELS[answered.bodyKind as BarrierBodyKind]?.[lang] ?? answered.bodyKind,
              },
              { label: t.bodyName, value: answered.bodyName },
            ],
            action: { label: t.reporterMailAction, url: absoluteUrl(`/belemmeringen/${barrierId}`) },
            reference: { label: t.reference, value: barrierReference(barrierId, report.createdAt) },
            closing: t.closing,
            signature: t.reporterSignature,
          });
          await queueMail(tx, mailOf(composed, { to: report.contactEmail, kind: "barrier_answer" }), now);
        }
        return "published";
      });
    },

    /** Published barriers, newest first, found by words in the public texts, theme and year of the report. */
    async publicList(filter: { q?: string; theme?: BarrierTheme; year?: number }): Promise<PublicBarrier[]> {
      const conditions = [sql`b.published_at is not null`];
      if (filter.q?.trim()) {
        const pattern = likePattern(filter.q.trim().slice(0, 100));
        conditions.push(
          sql`(b.public_summary ilike ${pattern} or b.public_answer ilike ${pattern} or f.body_name ilike ${pattern})`,
        );
      }
      if (filter.theme) conditions.push(sql`coalesce(b.category, b.theme) = ${filter.theme}`);
      if (filter.year)
        conditions.push(
          sql`b.created_at >= ${new Date(Date.UTC(filter.year, 0, 1))} and b.created_at < ${new Date(Date.UTC(filter.year + 1, 0, 1))}`,
        );
      return publicRows(db, sql.join(conditions, sql` and `));
    },

    /** One published barrier; undefined when it is unknown or not published. */
    async publicItem(id: number): Promise<PublicBarrier | undefined> {
      return (await publicRows(db, sql`b.published_at is not null and b.id = ${id}`))[0];
    },

    /** The years with reports, for the public filter and summary (newest first). */
    async years(): Promise<number[]> {
      const rows = await queryRows<{ year: number }>(
        db,
        sql`select distinct extract(year from created_at at time zone 'UTC')::int as year from barriers order by 1 desc`,
      );
      return rows.map((row) => row.year);
    },

    /**
     * The public yearly summary ("rode draden"): per theme the reports of the year, how many were forwarded and
     * answered, and the published answers. Counts only, no report's own text.
     */
    async yearThreads(year: number) {
      const from = new Date(Date.UTC(year, 0, 1));
      const to = new Date(Date.UTC(year + 1, 0, 1));
      const counts = await queryRows<{
        theme: string;
        reported: number;
        forwarded: number;
        answered: number;
      }>(
        db,
        sql`select coalesce(b.category, b.theme) as theme, count(*)::int as reported,
                   count(*) filter (where exists (select 1 from barrier_forwardings f where f.barrier_id = b.id))::int as forwarded,
                   count(*) filter (where exists (select 1 from barrier_forwardings f where f.barrier_id = b.id and f.answered_at is not null))::int as answered
              from barriers b where b.created_at >= ${from} and b.created_at < ${to}
             group by 1 order by 2 desc, 1`,
      );
      const published = await this.publicList({ year });
      return counts.map((row) => ({
        theme: row.theme as BarrierTheme,
        reported: row.reported,
        forwarded: row.forwarded,
        answered: row.answered,
        items: published.filter((item) => item.theme === row.theme),
      }));
    },

    /** See `barrierFigures`. */
    figures(area: Area, period: { from: Date; to: Date }): Promise<BarrierFigures> {
      return barrierFigures({ db, geography, clock }, area, period);
    },
  };
}

/**
 * Counts of an area's reports made in a period — reported, forwarded, answered, overdue now — and the reports
 * answered in that period, for the coordinator's report. No contact details and never the reporter's own text.
 */
export async function barrierFigures(
  deps: { db: Database; geography: Geography; clock?: () => Date },
  area: Area,
  period: { from: Date; to: Date },
): Promise<BarrierFigures> {
  const { db } = deps;
  const regions = regionsInArea(area, deps.geography.regions);
  if (!regions.length) return { reported: 0, forwarded: 0, answered: 0, overdue: 0, answeredItems: [] };
  const now = (deps.clock ?? (() => new Date()))();
  const [counts] = await queryRows<{
    reported: number;
    forwarded: number;
    answered: number;
    overdue: number;
  }>(
    db,
    sql`select count(*)::int as reported,
                   count(*) filter (where exists (select 1 from barrier_forwardings f where f.barrier_id = b.id))::int as forwarded,
                   count(*) filter (where exists (select 1 from barrier_forwardings f where f.barrier_id = b.id and f.answered_at is not null))::int as answered,
                   count(*) filter (where exists (select 1 from barrier_forwardings f where f.barrier_id = b.id
                                                 and f.answered_at is null and f.due_at < ${now}))::int as overdue
              from barriers b
             where b.region_code in ${regions} and b.created_at >= ${period.from} and b.created_at < ${period.to}`,
  );
  const items = await queryRows<{
    id: number;
    theme: string;
    region_code: string;
    body_kind: string;
    body_name: string;
    answered_at: string | Date;
    published_at: string | Date | null;
    public_summary: string | null;
    public_answer: string | null;
  }>(
    db,
    sql`select distinct on (b.id) b.id, coalesce(b.category, b.theme) as theme, b.region_code, f.body_kind,
                   f.body_name, f.answered_at, b.published_at, b.public_summary, b.public_answer
              from barriers b join barrier_forwardings f on f.barrier_id = b.id
             where b.region_code in ${regions} and f.answered_at >= ${period.from} and f.answered_at < ${period.to}
             order by b.id, f.answered_at desc`,
  );
  return {
    reported: counts?.reported ?? 0,
    forwarded: counts?.forwarded ?? 0,
    answered: counts?.answered ?? 0,
    overdue: counts?.overdue ?? 0,
    answeredItems: items.map((row) => ({
      id: row.id,
      theme: row.theme as BarrierTheme,
      regionCode: row.region_code,
      bodyKind: row.body_kind as BarrierBodyKind,
      bodyName: row.body_name,
      answeredAt: new Date(row.answered_at),
      published: row.published_at !== null,
      publicSummary: row.published_at !== null ? row.public_summary : null,
      publicAnswer: row.published_at !== null ? row.public_answer : null,
    })),
  };
}

async function publicRows(db: Database, where: ReturnType<typeof sql>): Promise<PublicBarrier[]> {
  const rows = await queryRows<{
    id: number;
    theme: string;
    created_at: string | Date;
    public_summary: string;
    public_answer: string;
    body_kind: string | null;
    body_name: string | null;
    answered_at: string | Date | null;
    published_at: string | Date;
  }>(
    db,
    sql`select b.id, coalesce(b.category, b.theme) as theme, b.created_at, b.public_summary, b.public_answer,
               f.body_kind, f.body_name, f.answered_at, b.published_at
          from barriers b
          left join lateral (select body_kind, body_name, answered_at from barrier_forwardings
                              where barrier_id = b.id and answered_at is not null
                              order by answered_at desc limit 1) f on true
         where ${where}
         order by b.published_at desc, b.id desc limit 200`,
  );
  return rows.map((row) => ({
    id: row.id,
    theme: row.theme as BarrierTheme,
    year: new Date(row.created_at).getUTCFullYear(),
    summary: row.public_summary,
    answer: row.public_answer,
    bodyKind: row.body_kind as BarrierBodyKind | null,
    bodyName: row.body_name,
    answeredAt: row.answered_at === null ? null : new Date(row.answered_at),
    publishedAt: new Date(row.published_at),
  }));
}

export type BarrierLoop = ReturnType<typeof createBarrierLoop>;
