import type { loginAs } from "../support/workspace.js";

type Session = Awaited<ReturnType<typeof loginAs>>;

/** An adviser refers a dossier to an instrument through the workspace form; answers the referral's id. */
export async function referDossier(
  adviser: Session,
  caseId: number,
  refId = "rvo-mia-vamil-circulair",
  message = "Graag contact met dit bedrijf over hergebruik van restmetaal.",
) {
  const response = await adviser.session.post(
    `/werkruimte/dossiers/${caseId}/verwijzingen`,
    { refId, message },
    { csrf: adviser.csrf },
  );
  if (response.status !== 303)
    throw new Error(`referral to ${refId} failed: ${response.status} ${await response.text()}`);
  return Number(/\/werkruimte\/verwijzingen\/(\d+)/.exec(response.headers.get("location")!)![1]);
}

/** The provider's steps from "verstuurd" to each status, with the version each step is posted at. */
const STEPS = {
  verstuurd: [],
  geaccepteerd: ["geaccepteerd"],
  in_uitvoering: ["geaccepteerd", "in_uitvoering"],
  afgerond_geholpen: ["geaccepteerd", "in_uitvoering", "afgerond_geholpen"],
  afgewezen: ["afgewezen"],
} as const;

/**
 * The provider moves a referral that was just sent (version 1) on to the given status through the workspace form;
 * a decline gets a reason. Answers the referral's version afterwards.
 */
export async function moveReferral(provider: Session, referralId: number, to: keyof typeof STEPS) {
  let version = 1;
  for (const step of STEPS[to]) {
    const form: Record<string, string> = { version: String(version), to: step, note: "Aanvraag loopt" };
    if (step === "afgewezen") form.reason = "past_niet_bij_vraag";
    const response = await provider.session.post(`/werkruimte/verwijzingen/${referralId}/status`, form, {
      csrf: provider.csrf,
    });
    if (response.status !== 303)
      throw new Error(`referral ${referralId} to ${step} failed: ${response.status}`);
    version += 1;
  }
  return version;
}
