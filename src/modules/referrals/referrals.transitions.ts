/**
 * Referrals and their moves: sending one along the provider's delivery route (ADR 0086), reading one with its
 * history, moving it through the state machine with the mails that follow, and withdrawing every open referral when
 * the entrepreneur withdraws consent (ADR 0085).
 */
import { format } from "../../i18n/index.js";
import type { AuditActor } from "../audit/index.js";
import { namesFor, type Principal, referralDeliveryFor } from "../auth/index.js";
import { isReferable } from "./referrals.instruments.js";
import { linkMessages } from "./referrals.link.messages.js";
import { NATIONAL_QUEUE_ID } from "./referrals.lokets.js";
import { caseReference, referralReference, staffMails } from "./referrals.mails.js";
import { mailMessages } from "./referrals.mails.messages.js";
import {
  CONFLICT,
  DECLINE_DEMAND,
  days,
  type ReferralsContext,
  type UnmetDemandPort,
} from "./referrals.model.js";
import { mailOf, queueMail } from "./referrals.notifications.js";
import { issueReferralLink, linkExpiry, queueProviderLinkMail } from "./referrals.provider-link.js";
import { caseStaffRecipients, providerRecipients } from "./referrals.recipients.js";
import { caseRows, referralRows } from "./referrals.repository.js";
import {
  allowedTransitions,
  DEADLINE_DAYS,
  isReferralStatus,
  isTerminal,
  type ReferralActor,
  type ReferralStatus,
  transition,
} from "./referrals.state-machine.js";
import { closeOpenHandoverTasks, createTask, WARM_HANDOVER_FOLLOW_UP_DAYS } from "./referrals.tasks.js";

/** A move of a referral through the state machine, as the caller asks it. */
export type ReferralMove = {
  to: string;
  reason: string | null;
  note: string;
  expectedVersion: number;
  /** "link": the provider acts through its single-purpose link; the history names the link, not a person. */
  via?: "link";
  /** The caller tells the parties itself (consent withdrawn: the erasure follows and would void these mails). */
  silent?: boolean;
};

export function referralOperations(context: ReferralsContext) {
  const { db, audit, instruments, clock, entrepreneur, recordJourney, absoluteUrl: link } = context;

  /** Moves a referral through the state machine; the other side is told by e-mail. */
  async function transitionReferral(
    referralId: number,
    move: ReferralMove,
    role: ReferralActor,
    principal: Principal | null,
    actor: AuditActor,
  ) {
    const now = clock();
    let declined: Parameters<UnmetDemandPort["declined"]>[0] | undefined;
    const outcome = await db.transaction(async (tx) => {
      const current = await referralRows.get(tx, referralId);
      if (!current) return { ok: false as const, problem: "notFound" as const };
      if (current.version !== move.expectedVersion) return CONFLICT;
      if (!isReferralStatus(move.to)) return { ok: false as const, problem: "notAllowed" as const };
      const result = transition(current.status as ReferralStatus, move.to, role, move.reason, now);
      if (!result.ok) return { ok: false as const, problem: result.problem };
      const updated = await referralRows.updateIfCurrent(tx, referralId, move.expectedVersion, {
        status: result.to,
        reasonCode: result.reasonCode,
        dueAt: result.dueAt,
        outcome: result.outcome,
        outcomeReason: result.outcomeReason,
        updatedAt: now,
      });
      if (!updated) return CONFLICT;
      const demandSource = result.to === "afgewezen" ? DECLINE_DEMAND[result.reasonCode ?? ""] : undefined;
      if (demandSource) {
        const place = await caseRows.place(tx, current.caseId);
        if (place) declined = { ...place, instrumentRefId: current.instrumentRefId, source: demandSource };
      }
      await referralRows.insertEvents(tx, {
        referralId,
        fromStatus: current.status,
        toStatus: result.to,
        reasonCode: result.reasonCode,
        note: move.note,
        actorUserId: principal?.userId ?? null,
        actorKind: move.via ?? (role === "overdracht" ? "overdracht" : null),
        occurredAt: now,
      });
      await audit.record(tx, actor, {
        action: "referral.transition",
        subjectType: "referral",
        subjectId: referralId,
        detail: { from: current.status, to: result.to, reason: result.reasonCode },
      });
      // The adviser ended the referral (withdrawn): its warm-handover task has nothing left to follow up.
      // So did the system when the entrepreneur withdrew consent.
      if ((role === "adviseur" || result.to === "ingetrokken") && isTerminal(result.to))
        await closeOpenHandoverTasks(tx, referralId, now);
      if (isTerminal(result.to))
        await recordJourney(
          tx,
          current.caseId,
          result.to === "afgerond_geholpen" ? "outcome_helped" : `referral_${result.to}`,
          now,
        );
      if (move.silent) return { ok: true as const, status: result.to };
      const company = await caseRows.handling(tx, current.caseId);
      const recipients =
        role === "adviseur" || role === "overdracht"
          ? await providerRecipients(tx, current.providerId)
          : await caseStaffRecipients(tx, company);
      const instrument = await instruments.getOn(tx, current.instrumentRefId);
      const reference = referralReference(
        caseReference(current.caseId, company?.createdAt ?? current.createdAt),
        referralId,
      );
      for (const { email, lang } of recipients)
        await queueMail(
          tx,
          mailOf(
            staffMails.referralStatus(lang, {
              reference,
              url: link(`/werkruimte/verwijzingen/${referralId}`),
              signature: mailMessages[lang].signatureService,
              instrument: instrument?.name[lang] ?? current.instrumentRefId,
              status: result.to,
              reason: result.reasonCode,
            }),
            { to: email, kind: "referral_status", caseId: current.caseId },
          ),
          now,
        );
      // The entrepreneur hears of every step in words, whoever made it.
      await entrepreneur.referralChanged(tx, referralId, now);
      return { ok: true as const, status: result.to };
    });
    // A decline for capacity or fit is unmet demand, reported once the decline has committed (ADR 0094).
    if (outcome.ok && declined) await context.unmetDemand?.declined(declined);
    return outcome;
  }

  return {
    /**
     * Refers the dossier to an instrument; sent at once, along the provider's delivery route (ADR 0086): its users
     * get an e-mail; or its referral address gets a mail with a single-purpose link; or, with neither, the adviser
     * makes a warm handover and gets a follow-up task. Only instruments the catalogue shows as open or doorlopend
     * can be chosen.
     */
    async createReferral(
      caseId: number,
      input: { refId: string; message: string },
      principal: Principal,
      actor: AuditActor,
    ): Promise<{ ok: true; referralId: number } | { ok: false; problem: "unknown" | "closed" | "erased" }> {
      // Nobody is referred from a dossier whose personal data were erased (consent withdrawn, ADR 0085).
      const scope = await caseRows.scope(db, caseId);
      if (!scope || scope.anonymisedAt) return { ok: false, problem: "erased" };
      const instrument = await instruments.get(input.refId);
      if (!instrument) return { ok: false, problem: "unknown" };
      if (!isReferable(instrument)) return { ok: false, problem: "closed" };
      const now = clock();
      const delivery = await referralDeliveryFor(db, instrument.providerOrganizationId);
      const dueAt = new Date(now.getTime() + days(DEADLINE_DAYS.verstuurd!));
      return db.transaction(async (tx) => {
        const referralId = await referralRows.insert(tx, {
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
        });
        await referralRows.insertEvents(tx, [
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
        await caseRows.insertNote(tx, {
          caseId,
          authorUserId: principal.userId,
          kind: "event",
          body: `verwezen:${instrument.refId}`,
          createdAt: now,
        });
        await recordJourney(tx, caseId, "referral_sent", now);
        await audit.record(tx, actor, {
          action: "referral.create",
          subjectType: "referral",
          subjectId: referralId,
          detail: { caseId, delivery: delivery.route },
        });
        if (delivery.route === "mail") {
          const expiresAt = linkExpiry(dueAt, now);
          const token = await issueReferralLink(tx, referralId, expiresAt, now);
          await queueProviderLinkMail(
            tx,
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
            tx,
            { caseId, referralId, kind: "warme_overdracht_opvolgen", days: WARM_HANDOVER_FOLLOW_UP_DAYS },
            now,
          );
        if (delivery.route === "account") {
          const record = await caseRows.handling(tx, caseId);
          const reference = referralReference(caseReference(caseId, record?.createdAt ?? now), referralId);
          for (const { email, lang } of await providerRecipients(tx, instrument.providerOrganizationId))
            await queueMail(
              tx,
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
        await entrepreneur.referralSent(tx, referralId, now);
        return { ok: true as const, referralId };
      });
    },

    /** The region and provider of a referral, for the guard; no personal data. */
    async referralScope(referralId: number) {
      const row = await referralRows.scope(db, referralId);
      if (!row) return undefined;
      const { hubId, ...scope } = row;
      return { ...scope, queue: hubId === NATIONAL_QUEUE_ID ? ("national" as const) : ("regional" as const) };
    },

    /** One referral with the company it is about and its history; the read is audited. */
    async referral(referralId: number, viewer: ReferralActor, actor: AuditActor) {
      // Of the company only what the intake's consent text names for the provider (REFERRAL_SHARES): never the
      // phone number, the question or the adviser's notes, whoever looks.
      const row = await referralRows.withCompany(db, referralId);
      if (!row) return undefined;
      const events = await referralRows.events(db, referralId);
      const names = await namesFor(db, {
        userIds: events.flatMap((event) => (event.actor_user_id === null ? [] : [event.actor_user_id])),
        organisationIds: [],
      });
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
        events: events.map(({ actor_user_id, ...event }) => ({
          ...event,
          actor: actor_user_id === null ? null : (names.people.get(actor_user_id) ?? null),
          occurredAt: new Date(event.occurred_at),
        })),
        moves: allowedTransitions(status, viewer),
      };
    },

    transitionReferral,

    /**
     * The entrepreneur withdrew consent (ADR 0085): every open referral of the dossier is withdrawn through the
     * state machine (reason "ondernemer_ziet_af", by the system, audited with the caller's actor: the link holder),
     * and each provider that received it hears so: a link provider at its referral address, provider users by their
     * account. These mails carry the reference and instrument only, and no case id, so the erasure that follows
     * keeps them. Then the dossier closes (status "afgesloten") and its history records the withdrawal. Answers how many
     * referrals were withdrawn. Run it before the erasure.
     */
    async withdrawForConsent(caseId: number, actor: AuditActor): Promise<number> {
      const open = await referralRows.forWithdrawal(db, caseId);
      const record = await caseRows.handling(db, caseId);
      const hubName = record
        ? (await namesFor(db, { userIds: [], organisationIds: [record.hubId] })).organisations.get(
            record.hubId,
          )
        : undefined;
      let withdrawn = 0;
      for (const referral of open) {
        if (isTerminal(referral.status as ReferralStatus)) continue;
        const moved = await transitionReferral(
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
            loket: hubName ?? mailMessages[lang].signatureService,
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
      // The dossier closes: nobody handles it any more, and the erasure that follows leaves it closed.
      if (record)
        await db.transaction(async (tx) => {
          await caseRows.closeForConsent(tx, caseId, clock());
          await audit.record(tx, actor, {
            action: "case.update",
            subjectType: "case",
            subjectId: caseId,
            detail: { change: "consent_withdrawn" },
          });
        });
      return withdrawn;
    },
  };
}
