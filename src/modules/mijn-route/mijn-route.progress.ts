import {
  JOURNEY_STEPS,
  type JourneyStep,
  PHASES,
  type Phase,
  type ProgressStatus,
  SEQUENTIAL_JOURNEY_STEPS,
} from "../vocabulary/index.js";

/**
 * How a saved route moves on (ADR 0091), in the domain's own vocabulary of journey steps and phases.
 *
 * - The route's steps: the journey step the route engine named as next, and every step after it in the agenda's
 *   order, with ketensamenwerking (which runs beside invoering and verankering) last — or first when the engine named
 *   it. A starter who still has to get informed gets all six; a company that is implementing gets invoering,
 *   verankering and ketensamenwerking.
 * - The next step: the first of these that is still open or busy. "Gedaan" and "niet voor ons" both put a step behind
 *   the company. With every step behind it, there is no next step.
 * - The phase: never lower than the phase the route started with. Starter while informeren or inspireren is next;
 *   peloton once the next step is kansen identificeren, invoering or verankering (the agenda's peloton needs research
 *   and implementation, as the engine's stages say); koploper once verankering is done — measures anchored in the
 *   business. Ketensamenwerking alone does not change the phase.
 */
export function stepsOfRoute(startStep: JourneyStep): JourneyStep[] {
  const beside: JourneyStep = "ketensamenwerking";
  if (startStep === beside) {
    const from = SEQUENTIAL_JOURNEY_STEPS.indexOf("invoering");
    return [beside, ...SEQUENTIAL_JOURNEY_STEPS.slice(from)];
  }
  const from = SEQUENTIAL_JOURNEY_STEPS.indexOf(startStep);
  return [...SEQUENTIAL_JOURNEY_STEPS.slice(Math.max(from, 0)), beside];
}

/** Whether a status puts a step behind the company. */
export const isBehind = (status: ProgressStatus) => status === "gedaan" || status === "niet_voor_ons";

export type StepProgress = { code: JourneyStep; status: ProgressStatus };

/** The phase and next step of a saved route from its steps' statuses (in the route's order). */
export function progressOf(
  startPhase: Phase,
  steps: readonly StepProgress[],
): { phase: Phase; nextStep: JourneyStep | null } {
  const next = steps.find((step) => !isBehind(step.status))?.code ?? null;
  // The first sequential step still ahead; steps before the route's start are behind the company already.
  const nextSequential = steps.find(
    (step) => step.code !== "ketensamenwerking" && !isBehind(step.status),
  )?.code;
  const anchored = steps.some((step) => step.code === "verankering" && step.status === "gedaan");
  let reached: Phase = "starter";
  if (anchored) reached = "koploper";
  else if (
    nextSequential === undefined ||
    JOURNEY_STEPS.indexOf(nextSequential) >= JOURNEY_STEPS.indexOf("kansen_identificeren")
  )
    reached = "peloton";
  const phase = PHASES[Math.max(PHASES.indexOf(startPhase), PHASES.indexOf(reached))]!;
  return { phase, nextStep: next };
}
