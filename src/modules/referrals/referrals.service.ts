/**
 * The closed-loop referral work, assembled (ADR 0098): intake, dossiers, referrals and their moves, the provider's
 * side, deadlines and the outbox. Each theme is a file of named operations over `referrals.repository.ts`; this file
 * builds the helpers they share and puts them together into the one service the routes and jobs use.
 */
import { writeJourneyEvents } from "../monitoring/index.js";
import { deadlineOperations } from "./referrals.deadlines.js";
import { dossierOperations } from "./referrals.dossiers.js";
import { createEntrepreneurMails } from "./referrals.entrepreneur-mails.js";
import { intakeOperations } from "./referrals.intake.js";
import type { ReferralsContext, ReferralsDeps } from "./referrals.model.js";
import { outboxOperations } from "./referrals.outbox.js";
import { createReferralLinks } from "./referrals.provider-link.js";
import { providerOperations } from "./referrals.providers.js";
import { caseRows } from "./referrals.repository.js";
import { createReferralTasks } from "./referrals.tasks.js";
import { referralOperations } from "./referrals.transitions.js";

// The names the module's index and routes have always imported from here.
export {
  CASE_STATUSES,
  type CaseStatus,
  CONSENT_TEXT_VERSION,
  DECLINE_DEMAND,
  type QueueFilter,
  REFERRAL_SHARES,
  type UnmetDemandPort,
} from "./referrals.model.js";

/** The closed-loop referral work: intake, dossiers, referrals, measures, listings, privacy and deadlines. */
export function createReferralsService(deps: ReferralsDeps) {
  const { db, audit, clock } = deps;
  const context: ReferralsContext = {
    ...deps,
    entrepreneur: createEntrepreneurMails({ absoluteUrl: deps.absoluteUrl, instruments: deps.instruments }),
    async recordJourney(tx, caseId, type, now) {
      const found = await caseRows.journeyFacts(tx, caseId);
      if (found) await writeJourneyEvents(tx, [{ type, ...found, occurredAt: now }]);
    },
  };
  return {
    ...intakeOperations(context),
    ...dossierOperations(context),
    ...referralOperations(context),
    ...providerOperations(context),
    ...deadlineOperations(context),
    ...outboxOperations(context),
    /** The provider's single-purpose links (ADR 0086). */
    links: createReferralLinks({ db, audit, clock, absoluteUrl: deps.absoluteUrl }),
    /** The adviser's follow-up tasks on referrals (ADR 0086). */
    tasks: createReferralTasks({ db, audit, clock }),
  };
}

export type ReferralsService = ReturnType<typeof createReferralsService>;
