import type { Database } from "../../db/client.js";
import { defineMessages } from "../../i18n/index.js";
import { hubs } from "./referrals.tables.js";

/** The public description a new hub starts with; the beheerder's name for the hub fills it in. */
const hubDescription = defineMessages(
  {
    description:
      "{name} is het regionale loket voor circulair ondernemen. Een adviseur bespreekt uw vraag en zoekt met u de ondersteuning die past.",
  },
  {
    description:
      "{name} is the regional desk for circular business. An advisor discusses your question and finds the support that fits with you.",
  },
);

/**
 * Opens a hub organisation for intakes (ADR 0084): its `hubs` row, with a description in both languages and the
 * organisation's public e-mail as the address intakes are sent to. Runs inside the caller's transaction, so a hub
 * made in /beheer either takes intakes at once or does not exist. Idempotent.
 */
export async function openHubForIntake(
  db: Database,
  hub: { organisationId: string; name: string; email: string },
): Promise<void> {
  const fill = (text: string) => text.replace("{name}", hub.name);
  await db
    .insert(hubs)
    .values({
      organisationId: hub.organisationId,
      email: hub.email,
      description: { nl: fill(hubDescription.nl.description), en: fill(hubDescription.en.description) },
      intakeOpen: 1,
    })
    .onConflictDoNothing();
}
