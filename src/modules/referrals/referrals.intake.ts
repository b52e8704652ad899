/**
 * Intake (ADR 0081): where a region's intakes go, the region's lokets, and the entrepreneur's request for a
 * conversation with its consent, first note, journey step, audit entry and mails.
 */
import { randomBytes } from "node:crypto";
import type { AuditActor } from "../audit/index.js";
import { mailRecipients, organisationsInRegion } from "../auth/index.js";
import { writeJourneyEvents } from "../monitoring/index.js";
import { loketsForRegion, NATIONAL_QUEUE_ID, NATIONAL_QUEUE_NAME } from "./referrals.lokets.js";
import { caseReference, staffMails } from "./referrals.mails.js";
import { mailMessages } from "./referrals.mails.messages.js";
import {
  CONSENT_PURPOSE,
  CONSENT_TEXT_VERSION,
  days,
  type Hub,
  INTAKE_RESPONSE_DAYS,
  type IntakeInput,
  type IntakeRecipient,
  type ReferralsContext,
} from "./referrals.model.js";
import { mailOf, queueMail } from "./referrals.notifications.js";
import { caseRows, hubRows } from "./referrals.repository.js";

export function intakeOperations(context: ReferralsContext) {
  const { db, audit, clock, entrepreneur, absoluteUrl: link } = context;

  /** The region's first organisation (by id) with a hub that takes intakes through this service. */
  async function hubForRegion(regionCode: string): Promise<Hub | undefined> {
    const inRegion = await organisationsInRegion(db, regionCode);
    const open = new Map(
      (
        await hubRows.of(
          db,
          inRegion.map((organisation) => organisation.id),
        )
      )
        .filter((hub) => hub.intakeOpen === 1)
        .map((hub) => [hub.organisationId, hub]),
    );
    for (const organisation of inRegion) {
      const hub = open.get(organisation.id);
      if (hub)
        return {
          organisationId: organisation.id,
          name: organisation.name,
          description: hub.description,
          email: hub.email,
        };
    }
    return undefined;
  }

  return {
    hubForRegion,

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
        const caseId = await caseRows.insert(tx, {
          publicToken,
          hubId: recipientId,
          regionCode: input.regionCode,
          municipalityCode: input.municipalityCode,
          sbiSection: input.sbiSection,
          sector: input.sector ?? null,
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
        });
        await caseRows.insertConsent(tx, {
          caseId,
          hubId: recipientId,
          purpose: CONSENT_PURPOSE,
          textVersion: CONSENT_TEXT_VERSION,
          retentionMonths: context.retentionMonths,
          givenAt: now,
        });
        await caseRows.insertNote(tx, { caseId, kind: "event", body: "intake_ontvangen", createdAt: now });
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
        const staff = await mailRecipients(
          tx,
          hub ? { kind: "advisers", organisationId: hub.organisationId } : { kind: "nationalCoordinators" },
        );
        const reference = caseReference(caseId, now);
        for (const { email, lang } of staff)
          await queueMail(
            tx,
            mailOf(
              staffMails.newIntake(lang, {
                reference,
                url: link(`/werkruimte/dossiers/${caseId}`),
                signature: mailMessages[lang].signatureService,
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
  };
}
