import { isAvailable, PHASES } from "../vocabulary/index.js";
import { regionReach } from "./coverage.js";
import type {
  CoverageInstrument,
  EventFact,
  ExampleFact,
  HubFact,
  ReferralFact,
  RegionGeo,
} from "./monitoring.types.js";

/** The conditions of the five star levels (DESIGN.md §5, operationalised in ADR 0061). */
export const STAR_CONDITIONS = [
  { level: 1, id: "informeren" },
  { level: 2, id: "examples" },
  { level: 2, id: "event" },
  { level: 3, id: "loket" },
  { level: 4, id: "kansen_identificeren" },
  { level: 4, id: "invoering" },
  { level: 4, id: "voucher_or_feasibility" },
  { level: 4, id: "every_phase" },
  { level: 5, id: "verankering" },
  { level: 5, id: "ketensamenwerking" },
  { level: 5, id: "loop_closes" },
] as const;
export type StarConditionId = (typeof STAR_CONDITIONS)[number]["id"];

/** The share of referrals that must reach an outcome within their deadline for the fifth star. */
export const LOOP_CLOSING_THRESHOLD = 0.8;
const SIX_MONTHS_MS = 183 * 24 * 3600 * 1000;
const TWELVE_MONTHS_MS = 365 * 24 * 3600 * 1000;

export type StarInputs = {
  region: RegionGeo;
  instruments: CoverageInstrument[];
  examples: ExampleFact[];
  events: EventFact[];
  hubs: HubFact[];
  /** The region's loop closing at `now` (`loopClosing`, or the referrals module's rollup). */
  loop: { judged: number; closedInTime: number };
  now: Date;
};

export type StarLevel = {
  stars: 0 | 1 | 2 | 3 | 4 | 5;
  met: Record<StarConditionId, boolean>;
  /** The conditions still missing for the next star (empty at five stars). */
  missingForNext: StarConditionId[];
  /** Loop closing: referrals judged (deadline passed or outcome known) and those with an outcome in time. */
  loop: { judged: number; closedInTime: number };
};

/**
 * Whether a referral of the last 12 months closed the loop in time: an outcome recorded no later than its deadline.
 * Referrals still running before their deadline are not judged yet.
 */
export function loopClosing(referrals: ReferralFact[], now: Date) {
  let judged = 0;
  let closedInTime = 0;
  for (const referral of referrals) {
    const age = now.getTime() - referral.createdAt.getTime();
    if (age < 0 || age > TWELVE_MONTHS_MS) continue;
    const deadlinePassed = referral.deadlineAt !== null && referral.deadlineAt.getTime() < now.getTime();
    if (!referral.outcomeAt && !deadlinePassed) continue;
    judged++;
    if (
      referral.outcomeAt &&
      (referral.deadlineAt === null || referral.outcomeAt.getTime() <= referral.deadlineAt.getTime())
    )
      closedInTime++;
  }
  return { judged, closedInTime };
}

/** A region's star level, which conditions hold, and what is missing for the next star. Pure. */
export function starLevel(inputs: StarInputs): StarLevel {
  const { region, now } = inputs;
  const usable = inputs.instruments.filter(
    (instrument) => isAvailable(instrument.status) && regionReach(instrument, region) === "all",
  );
  const hasStep = (step: string) => usable.some((instrument) => instrument.journeySteps.includes(step));
  const { loop } = inputs;
  const met: Record<StarConditionId, boolean> = {
    informeren: hasStep("informeren"),
    examples: inputs.examples.some((example) => example.regionCode === region.code),
    event: inputs.events.some(
      (event) =>
        event.regionCode === region.code &&
        event.startsAt.getTime() >= now.getTime() &&
        event.startsAt.getTime() <= now.getTime() + SIX_MONTHS_MS,
    ),
    loket: inputs.hubs.some(
      (hub) => hub.regionCodes.includes(region.code) && hub.activeAdvisors >= 1 && hub.takesIntakes,
    ),
    kansen_identificeren: hasStep("kansen_identificeren"),
    invoering: hasStep("invoering"),
    voucher_or_feasibility: usable.some(
      (instrument) =>
        instrument.kind === "voucher" ||
        (instrument.kind === "subsidy" && instrument.journeySteps.includes("kansen_identificeren")),
    ),
    every_phase: PHASES.every((phase) =>
      usable.some(
        (instrument) =>
          instrument.phases.includes(phase) &&
          (instrument.journeySteps.includes("kansen_identificeren") ||
            instrument.journeySteps.includes("invoering")),
      ),
    ),
    verankering: hasStep("verankering"),
    ketensamenwerking: hasStep("ketensamenwerking"),
    loop_closes: loop.judged > 0 && loop.closedInTime / loop.judged >= LOOP_CLOSING_THRESHOLD,
  };
  let stars = 0;
  for (let level = 1; level <= 5; level++) {
    if (STAR_CONDITIONS.filter((c) => c.level === level).every((c) => met[c.id])) stars = level;
    else break;
  }
  const missingForNext =
    stars === 5 ? [] : STAR_CONDITIONS.filter((c) => c.level === stars + 1 && !met[c.id]).map((c) => c.id);
  return { stars: stars as StarLevel["stars"], met, missingForNext, loop };
}
