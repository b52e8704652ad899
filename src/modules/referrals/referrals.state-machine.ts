/**
 * The referral life cycle as a pure transition table (after findhelp and the FHIR Task life cycle). Who may make
 * each move, which reason codes it needs, how long the next status may last, and what outcome a terminal status
 * records. No I/O: unit-tested on its own.
 */
export const REFERRAL_STATUSES = [
  "concept",
  "verstuurd",
  "in_behandeling",
  "actie_ondernemer_nodig",
  "geaccepteerd",
  "in_uitvoering",
  "afgerond_geholpen",
  "afgerond_niet_geholpen",
  "afgewezen",
  "doorverwezen",
  "geen_contact",
  "ingetrokken",
  "verlopen",
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/**
 * Who moves a referral: the advisor who referred, the provider who received it (signed in, or through its
 * single-purpose link), the deadline job, or the advisor recording a provider's answer after a warm handover
 * ("overdracht", ADR 0086): the provider has no account and no referral address, so the adviser writes down what
 * the provider said.
 */
export type ReferralActor = "adviseur" | "aanbieder" | "systeem" | "overdracht";

export const DECLINE_REASONS = [
  "niet_in_doelgroep",
  "geen_capaciteit",
  "buiten_regio",
  "onvolledig",
  "budget_op",
] as const;
export const WITHDRAW_REASONS = ["ondernemer_ziet_af", "dubbele_verwijzing", "andere_oplossing"] as const;
/** Why an accepted referral ended without help (the outcome "niet geholpen", ADR 0086). */
export const NOT_HELPED_REASONS = [
  "past_niet_bij_vraag",
  "ondernemer_ziet_af",
  "andere_oplossing",
  "budget_op",
  "geen_capaciteit",
] as const;
export type ReasonCode =
  | (typeof DECLINE_REASONS)[number]
  | (typeof WITHDRAW_REASONS)[number]
  | (typeof NOT_HELPED_REASONS)[number];

type Transition = { to: ReferralStatus; by: readonly ReferralActor[]; reasons?: readonly ReasonCode[] };

const withdraw: Transition = { to: "ingetrokken", by: ["adviseur"], reasons: WITHDRAW_REASONS };
/** The entrepreneur withdrew consent on their own page: the system stops every open referral before the erasure. */
const consentWithdrawn: Transition = { to: "ingetrokken", by: ["systeem"], reasons: ["ondernemer_ziet_af"] };
const expire: Transition = { to: "verlopen", by: ["systeem"] };
const noContact: Transition = { to: "geen_contact", by: ["aanbieder", "overdracht"] };
/** The provider (or, after a warm handover, the adviser for it) records the outcome of an accepted referral. */
const helped: Transition = { to: "afgerond_geholpen", by: ["aanbieder", "overdracht"] };
const notHelped: Transition = {
  to: "afgerond_niet_geholpen",
  by: ["aanbieder", "overdracht"],
  reasons: NOT_HELPED_REASONS,
};

/** From each status: the allowed next statuses, by whom, with which reasons. Terminal statuses have none. */
export const TRANSITIONS: Record<ReferralStatus, readonly Transition[]> = {
  concept: [{ to: "verstuurd", by: ["adviseur"] }, withdraw, consentWithdrawn],
  verstuurd: [
    { to: "in_behandeling", by: ["aanbieder"] },
    { to: "geaccepteerd", by: ["aanbieder", "overdracht"] },
    { to: "afgewezen", by: ["aanbieder", "overdracht"], reasons: DECLINE_REASONS },
    // After a warm handover the provider may never have been reached.
    { to: "geen_contact", by: ["overdracht"] },
    withdraw,
    consentWithdrawn,
    expire,
  ],
  in_behandeling: [
    { to: "actie_ondernemer_nodig", by: ["aanbieder"] },
    { to: "geaccepteerd", by: ["aanbieder"] },
    { to: "afgewezen", by: ["aanbieder"], reasons: DECLINE_REASONS },
    { to: "doorverwezen", by: ["aanbieder"] },
    noContact,
    withdraw,
    consentWithdrawn,
    expire,
  ],
  actie_ondernemer_nodig: [
    { to: "in_behandeling", by: ["aanbieder", "adviseur"] },
    noContact,
    withdraw,
    consentWithdrawn,
    expire,
  ],
  geaccepteerd: [
    { to: "in_uitvoering", by: ["aanbieder"] },
    helped,
    notHelped,
    noContact,
    withdraw,
    consentWithdrawn,
    expire,
  ],
  in_uitvoering: [helped, notHelped, noContact, withdraw, consentWithdrawn, expire],
  afgerond_geholpen: [],
  afgerond_niet_geholpen: [],
  afgewezen: [],
  doorverwezen: [],
  geen_contact: [],
  ingetrokken: [],
  verlopen: [],
};

/** How many days a referral may stay in a status before the deadline job marks it verlopen. */
export const DEADLINE_DAYS: Partial<Record<ReferralStatus, number>> = {
  verstuurd: 10,
  in_behandeling: 20,
  actie_ondernemer_nodig: 30,
  geaccepteerd: 30,
  in_uitvoering: 180,
};

export const isTerminal = (status: ReferralStatus) => TRANSITIONS[status].length === 0;

/** The moves an actor may make from a status. */
export function allowedTransitions(from: ReferralStatus, actor: ReferralActor): Transition[] {
  return TRANSITIONS[from].filter((transition) => transition.by.includes(actor));
}

export type TransitionResult =
  | {
      ok: true;
      to: ReferralStatus;
      reasonCode: ReasonCode | null;
      /** The new deadline, or null when the status has none. */
      dueAt: Date | null;
      outcome: "geholpen" | "niet_geholpen" | null;
      outcomeReason: string | null;
    }
  | { ok: false; problem: "notAllowed" | "reasonRequired" | "unknownReason" };

/** Decides one move: allowed for this actor, the right reason code, the new deadline and the outcome. */
export function transition(
  from: ReferralStatus,
  to: ReferralStatus,
  actor: ReferralActor,
  reason: string | null | undefined,
  now: Date,
): TransitionResult {
  const move = allowedTransitions(from, actor).find((candidate) => candidate.to === to);
  if (!move) return { ok: false, problem: "notAllowed" };
  let reasonCode: ReasonCode | null = null;
  if (move.reasons) {
    if (!reason) return { ok: false, problem: "reasonRequired" };
    if (!(move.reasons as readonly string[]).includes(reason)) return { ok: false, problem: "unknownReason" };
    reasonCode = reason as ReasonCode;
  } else if (reason) return { ok: false, problem: "unknownReason" };
  const days = DEADLINE_DAYS[to];
  const outcome =
    to === "afgerond_geholpen"
      ? "geholpen"
      : to === "afgewezen" || to === "afgerond_niet_geholpen" || to === "geen_contact" || to === "verlopen"
        ? "niet_geholpen"
        : null;
  return {
    ok: true,
    to,
    reasonCode,
    dueAt: days === undefined ? null : new Date(now.getTime() + days * 86_400_000),
    outcome,
    outcomeReason: outcome === "niet_geholpen" ? (reasonCode ?? to) : null,
  };
}

/** Whether a status is a valid status name (input from forms). */
export function isReferralStatus(value: string): value is ReferralStatus {
  return (REFERRAL_STATUSES as readonly string[]).includes(value);
}
